/**
 * Directory consistency: whatever happens (every fault, user and operator action), the directory
 * never lies: online clients sit on exactly one live supernode, counts match, nobody skips login.
 */
import { DEFAULT_BOUNDS } from '../src/propertyLanguage/index.ts';
import { SWARM_KINDS } from '../src/search/eventArbitrary.ts';
import type { Suite } from './suite.ts';

export const directory: Suite = {
  id: 'directory',
  title: 'the directory stays consistent under every fault, user and operator action',
  assumptions: 'small scope; every event kind, at most 2 faults and 2 user actions per run; checked in every state, heal phase included',
  scale: 'small',
  config: {},
  bounds: DEFAULT_BOUNDS,
  kinds: [...SWARM_KINDS],
  maxEvents: 40,
  properties: ['consistent-directory'],
  variants: {
    'skype-2007': 'holds',
    'skype-2010': 'holds',
    'skype-2010+robust-client': 'holds',
    'skype-2010+backoff-jitter': 'holds',
    'skype-2010+admission-control': 'holds',
    'skype-2010+retry-budget': 'holds',
    'skype-2010+load-aware-promotion': 'holds',
    'skype-2010+mega-supernodes': 'holds',
    fixed: 'holds',
  },
  budget: { test: 1000, start: 5000 },
  exhaustive: {
    variants: ['skype-2007', 'skype-2010', 'fixed'],
    // Every event kind with two faults and a user action passes a million states by a horizon of 3
    // ticks; with one fault and one user action a 30-tick horizon takes 167,338 to 314,417 states by
    // variant (the start rows of properties/manifest.json, which npm start checks).
    config: { faultBudget: 1, churnBudget: 1 },
    scope: "one fault and one user action instead of the suite's two of each",
    test: { horizon: 6, maxStates: 300_000 },
    start: { horizon: 30, maxStates: 10_000_000 },
  },
  seed: 3,
};
