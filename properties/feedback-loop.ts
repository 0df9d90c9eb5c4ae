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
    // clients) no-cascade holds within a 10-tick horizon at 54 million states (2 minutes on 2 workers); from 20 ticks
    // on the search passes 160 million states and stops at an 8 GB memory bound. With one user action
    // it closes (every sequence, any horizon) at about 3 million states. The random engine keeps the
    // suite's two user actions.
    // Smaller scopes with the suite's budgets do finish at 40 ticks on 2 workers: no-cascade holds at
    // 3 supernodes and 7 clients (120 million states, 3.2 minutes) and at 6 clients (73 million, 2
    // minutes); but at 6 clients `recovers` is violated on `fixed` (17 events: a client rejected by a
    // full supernode is referred and bootstrapped back to it while another has room, and promotion
    // sees enough places). The section keeps one user action, where every expectation is shown over
    // the whole space, until the suite says what `fixed` promises at the smaller scope. The violation:
    //   cascade explore --suite feedback-loop --property recovers --variant fixed \
    //     --set churnBudget=2 --set peers=9 --horizon 40 --max-states 100000000
    config: { churnBudget: 1 },
    scope: 'one user action instead of the suite\'s two, so that the whole space can be searched',
    test: { horizon: 4, maxStates: 2_000_000 },
    start: { horizon: 40, maxStates: 20_000_000 },
  },
  seed: 1,
};
