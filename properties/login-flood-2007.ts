/**
 * The 2007 login flood: patch day reboots a share of all machines; every client logs in again at
 * once against the surviving supernodes, and load-blind self-healing does not make up the loss.
 */
import { DEFAULT_BOUNDS } from '../src/propertyLanguage/index.ts';
import type { Suite } from './suite.ts';

export const loginFlood2007: Suite = {
  id: 'login-flood-2007',
  title: 'a mass reboot turns into a login flood that self-healing cannot absorb',
  assumptions:
    'small scope (3 supernodes, 11 peers); faults are massReboot(50%) and reboot(peer), at most 2; recovery within H = 40 ticks after the last fault; a login begun in the heal phase completes within T = 30 ticks; at most 8 connect attempts per client over a run and at most 3 requests waiting at the login server',
  scale: 'small',
  config: {},
  // T = 30 ticks (a minute), not DEFAULT_BOUNDS' 20. Measured: with T = 20, login-completes on
  // fixed held for the default PRNG seed only by chance. Over config seeds 1 to 8 the exhaustive
  // search (start bounds) found it violated for 5 seeds on the earlier model (one connect a tick,
  // no admission reserve, a load-blind bootstrap) and for 4 on this one (seed 1 among them),
  // always the same way: a login accepted at a supernode waits at the
  // login server (one login a tick), times out, and its third failure brings the retry budget's
  // pause, so fixed's own schedule (backoff up to 8 ticks, a pause of 5 to 8) spends 20 ticks. Over
  // seeds 1 to 12: T = 24 fails for 4 seeds, T = 28 for 1, T = 30 for none; skype-2007 is violated
  // at every T and seed tried. So 30 is the smallest bound that fixed keeps for every seed tried.
  bounds: { ...DEFAULT_BOUNDS, loginTicks: 30 },
  kinds: ['massReboot', 'reboot'],
  maxEvents: 30,
  properties: ['recovers', 'login-completes', 'bounded-login-load'],
  variants: {
    'skype-2007': 'violated',
    'skype-2007+backoff-jitter': 'violated',
    // login-completes has no expectation here: at T = 30 it depends on the protocol's PRNG seed. The
    // exhaustive search (start bounds) finds it holding for config seeds 1, 2 and 6 and violated in 3
    // events for seeds 3, 4 and 5 (seeds 1 to 6 tried); the suite checks seed 1. At T = 20 it was violated.
    'skype-2007+admission-control': { recovers: 'holds', 'bounded-login-load': 'violated' },
    'skype-2007+retry-budget': 'violated',
    'skype-2007+load-aware-promotion': 'violated',
    'skype-2007+mega-supernodes': 'violated',
    fixed: 'holds',
  },
  // The test budget was 1,000 runs. Since half the runs start with a quiet spell (so that faults
  // land late), skype-2007+load-aware-promotion's recovers violation, rare in any case (found within
  // 1,000 runs on 12 of 30 seeds before, 18 of 30 now), comes at run 1,216 with this seed: 3,000 runs
  // miss it on about one seed in ten.
  budget: { test: 3000, start: 5000 },
  exhaustive: {
    variants: ['skype-2007', 'fixed'],
    test: { horizon: 10, maxStates: 200_000 },
    start: { horizon: 40, maxStates: 2_000_000 },
  },
  seed: 2007,
};
