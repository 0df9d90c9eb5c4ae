/**
 * The 2007 login flood: patch day reboots a share of all machines; every client logs in again at
 * once against the surviving supernodes, and load-blind self-healing does not make up the loss.
 */
import { DEFAULT_BOUNDS } from '../src/properties/index.ts';
import type { Suite } from './suite.ts';

export const loginFlood2007: Suite = {
  id: 'login-flood-2007',
  title: 'a mass reboot turns into a login flood that self-healing cannot absorb',
  assumptions:
    'small scope (3 supernodes, 11 peers); faults are massReboot(50%) and reboot(peer), at most 2; recovery within H = 40 ticks after the last fault; a login begun in the heal phase completes within T = 20 ticks; at most 8 connect attempts per client over a run and at most 3 requests waiting at the login server',
  scale: 'small',
  config: {},
  bounds: DEFAULT_BOUNDS,
  kinds: ['massReboot', 'reboot'],
  maxEvents: 30,
  properties: ['recovers', 'login-completes', 'bounded-login-load'],
  variants: {
    'skype-2007': 'violated',
    'skype-2007+backoff-jitter': 'violated',
    'skype-2007+admission-control': { recovers: 'holds', 'login-completes': 'violated', 'bounded-login-load': 'violated' },
    'skype-2007+retry-budget': 'violated',
    'skype-2007+load-aware-promotion': 'violated',
    'skype-2007+mega-supernodes': 'violated',
    fixed: 'holds',
  },
  budget: { test: 1000, start: 5000 },
  exhaustive: {
    variants: ['skype-2007', 'fixed'],
    test: { horizon: 10, maxStates: 200_000 },
    start: { horizon: 40, maxStates: 2_000_000 },
  },
  seed: 2007,
};
