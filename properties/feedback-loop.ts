/**
 * The feedback loop on its own: supernodes lost to crashes, reboots or departing users, and whether
 * the survivors absorb their clients or overload and shut down in turn. This is what remains once the
 * 2010 trigger is removed by a robust client.
 */
import { DEFAULT_BOUNDS } from '../src/properties/index.ts';
import type { Suite } from './suite.ts';

export const feedbackLoop: Suite = {
  id: 'feedback-loop',
  title: 'losing supernodes overloads the survivors until they shut down too',
  assumptions:
    'small scope (3 supernodes, 11 peers at 78% of capacity); faults are crash(peer) and reboot(peer), at most 2, and users may come and go (at most 2 actions); cascade factor 1; recovery within H = 40 ticks after the last fault',
  scale: 'small',
  config: {},
  bounds: DEFAULT_BOUNDS,
  kinds: ['crash', 'reboot', 'goOffline', 'goOnline'],
  maxEvents: 30,
  properties: ['no-cascade', 'recovers'],
  variants: {
    'skype-2010': 'violated',
    'skype-2010+robust-client': 'violated',
    'skype-2010+backoff-jitter': 'violated',
    // Without backoff, rejected clients retry every tick; the cheap rejections still overload a lone survivor.
    'skype-2010+admission-control': 'violated',
    'skype-2010+retry-budget': 'violated',
    'skype-2010+load-aware-promotion': 'violated',
    'skype-2010+mega-supernodes': 'violated',
    fixed: 'holds',
  },
  budget: { test: 2500, start: 5000 },
  exhaustive: {
    variants: ['skype-2010', 'skype-2010+robust-client', 'fixed'],
    // With two faults and two user actions the space does not close: at this scope (3 supernodes, 8
    // clients) no-cascade holds within a 10-tick horizon at 54 million states (2 minutes on 2 workers);
    // from 20 ticks on the search passes 160 million states and stops at an 8 GB memory bound. With
    // one user action it closes (every sequence, any horizon) at about 3 million states, which is
    // what npm start searches. The random engine keeps the suite's two user actions.
    // The suite's own budgets finish at 40 ticks with one client fewer: the full tier below.
    config: { churnBudget: 1 },
    scope: 'one user action instead of the suite\'s two, so that the whole space can be searched',
    test: { horizon: 4, maxStates: 2_000_000 },
    start: { horizon: 40, maxStates: 20_000_000 },
    // `cascade explore --suite feedback-loop --budget full`. Measured on 2 cores (stop 22):
    // no-cascade holds within the horizon on fixed (120 million states, 3.2 to 3.6 minutes, 6.7 GB resident);
    // recovers is VIOLATED on fixed in 12 events (25 million states, 2 minutes): after two crashes
    // and two users leaving, one client keeps missing the supernode with room (its host cache holds
    // stopped and full supernodes, the referral's four random looks miss, the bootstrap service is
    // load-blind, backoff spaces its tries 6 to 8 ticks apart) and is still offline 40 ticks after
    // the last fault. At 6 clients recovers fails the same way in 17 events. A referral that always
    // finds room, and a bootstrap service that hands out supernodes with room (stop 23: recovers then
    // holds, no-cascade is violated in 19 events), were tried and fail elsewhere (README, "The full
    // tier"). With a budget of two connects a tick and the load-aware bootstrap, both hold here
    // (100 and 107 million states); with the budget alone, recovers fails in 12 events. The expectation stays
    // `holds`: it is what the fixes promise; at this scope the search shows they do not keep it.
    full: {
      config: { peers: 10 },
      scope: "the suite's budgets on one client fewer, the largest scope where they finish within 40 ticks; at 8 clients the search passes 160 million states and an 8 GB bound",
      cost: 'about 6 minutes and 6.7 GB on 2 cores for its 6 searches, 3 to 4 of them for no-cascade on fixed',
      horizon: 40,
      maxStates: 300_000_000,
      maxMemoryMB: 8000,
    },
  },
  seed: 1,
};
