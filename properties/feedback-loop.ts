/**
 * The feedback loop on its own: supernodes lost to crashes, reboots or departing users, and whether
 * the survivors absorb their clients or overload and shut down in turn. This is what remains once the
 * 2010 trigger is removed by a robust client.
 */
import { DEFAULT_BOUNDS } from '../src/propertyLanguage/index.ts';
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
    // Admission control alone: no expectation for no-cascade (left out below). It was expected to hold (a supernode
    // accepts its budget less one connect a tick and keeps the rest for cheap rejections), and it
    // does hold for every sequence at the exhaustive section's scope (one user action: 3.3 million
    // states, the space closed) and within 40 ticks at the full tier (one client fewer: 133 million
    // states). At this suite's own scope it does not: the random engine, once it started half its runs
    // with a quiet spell so that faults land late, found a counterexample with seed 14 at the test
    // budget (committed: counterexamples/feedback-loop/no-cascade--skype-2010+admission-control.json,
    // 49 events). Two crashes and two users leaving at ticks 2 to 7 leave one supernode; when it
    // restarts, the seven clients retrying every tick (no backoff) bring one accept and five or six
    // cheap rejections, more than its budget of two, and it shuts down again: four protocol losses
    // after three fault losses by t=45. Any second fix (backoff, retry budget, load-aware promotion,
    // mega-supernodes, robust client) holds along the same events. The suite's seed (1) misses it
    // even at 20,000 runs, so 'violated' would be an expectation its own check cannot meet; the
    // committed counterexample is the evidence, replayed by npm test. `recovers` is violated (no
    // operator capacity, and no backoff).
    'skype-2010+admission-control': { recovers: 'violated' },
    'skype-2010+retry-budget': 'violated',
    'skype-2010+load-aware-promotion': 'violated',
    'skype-2010+mega-supernodes': 'violated',
    fixed: 'holds',
  },
  budget: { test: 2500, start: 5000 },
  exhaustive: {
    variants: ['skype-2010', 'skype-2010+robust-client', 'fixed'],
    // With two faults and two user actions the space does not close. At this scope (3 supernodes, 8
    // clients), no-cascade on fixed with 2 workers and an 8 GB memory bound: holds within a
    // 10-tick horizon at 51 million states (1 minute) and within 20 ticks at 161 million (3 minutes);
    // at 30 and 40 ticks the memory bound stops it at 169 million states, depth 25 (no verdict). With
    // one user action it closes (every sequence, any horizon) at about 3 million states, which is
    // what npm start searches. The random engine keeps the suite's two user actions.
    // The suite's own budgets finish at 40 ticks with one client fewer: the full tier below.
    config: { churnBudget: 1 },
    scope: "one user action instead of the suite's two, so that the whole space can be searched",
    test: { horizon: 4, maxStates: 2_000_000 },
    start: { horizon: 40, maxStates: 20_000_000 },
    // `cascade explore --suite feedback-loop --budget full`. Measured on 2 cores: on fixed
    // both properties hold within the horizon, no-cascade at 112 million states and recovers at 123
    // million (2.3 to 2.8 minutes each; the whole tier 5.3 minutes, 6.7 GB). On the earlier model (one connect a tick, no admission reserve, a load-blind bootstrap) recovers was VIOLATED
    // here in 12 events: a stranded client kept missing the one supernode with room (blind referral,
    // load-blind bootstrap service, backoff), and each way of sending it to room overloaded a fresh
    // supernode with one connect a tick of budget. The model now reads three rules differently
    // (docs/model.md, "Three rules read from a finding"): supernodes serve two connects a tick at small scope (a connect a
    // second, as the calibration states); admission control keeps one connect's worth of its budget
    // for its cheap rejections; with load-aware-promotion the bootstrap service hands out
    // supernodes with room. On the earlier model, the load-aware bootstrap with a budget of two also made
    // both hold (100 and 107 million states); either alone did not.
    full: {
      config: { peers: 10 },
      scope:
        "the suite's budgets on one client fewer, the largest scope where they finish within 40 ticks; at 8 clients they finish within 20 ticks (161 million states), and from 30 the search passes an 8 GB bound",
      cost: 'about 5.3 minutes and 6.7 GB on 2 cores for its 6 searches, 5 of them for the two on fixed',
      horizon: 40,
      maxStates: 300_000_000,
      maxMemoryMB: 8000,
    },
  },
  seed: 1,
};
