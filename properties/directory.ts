/**
 * Directory consistency: whatever happens (every fault, user and operator action), the directory
 * never lies: online clients sit on exactly one live supernode, counts match, nobody skips login.
 */
import { DEFAULT_BOUNDS } from '../src/properties/index.ts';
import { SWARM_KINDS } from '../src/explore/eventArbitrary.ts';
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
    test: { maxDepth: 3, maxStates: 100_000 },
    start: { maxDepth: 4, maxStates: 2_000_000 },
    symmetry: false,
  },
  seed: 3,
};
