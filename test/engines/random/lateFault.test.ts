/**
 * A pair whose only violation needs a late fault, found by the random engine at a suite's budget.
 * The subject is built here: a window of 30 safety events (the suites' own), two adversary kinds
 * (`crash` and `leave`) sharing a budget of two events (as the suites' fault budgets), and an
 * invariant broken only by a crash that applies at a tick in the window's last third (tick >= 20).
 * Its one minimal counterexample is 20 ticks and a crash. An engine whose faults all land early
 * (the first adversary events spend the budget within a few ticks) finds it rarely or never.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RandomSubject, RunOutcome } from '../../../src/engines/contract.ts';
import { lateFrom, searchRandom } from '../../../src/engines/random/search.ts';

type LateEvent = { kind: 'tick' } | { kind: 'crash' | 'leave'; peer: number };

const TICK: LateEvent = { kind: 'tick' };
const WINDOW = 30;
const BUDGET = 2;
/** The test budget of a built-in suite (crash-cascade-2010, login-flood-2007, directory). */
const RUNS = 1000;

/** The run's judgement: events apply while the budget lasts; a crash applied at tick >= lateFrom(WINDOW) breaks the invariant. */
function lateRun(events: readonly LateEvent[]): RunOutcome {
  const applied: number[] = [];
  let tick = 0;
  let used = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === 'tick') {
      tick++;
      applied.push(i);
      continue;
    }
    if (used >= BUDGET) continue;
    used++;
    applied.push(i);
    if (e.kind === 'crash' && tick >= lateFrom(WINDOW))
      return { violation: { step: i, message: `peer ${e.peer} crashed at tick ${tick}` }, triggered: true, applied, healTicks: 0 };
  }
  return { violation: null, triggered: true, applied, healTicks: 0 };
}

const LATE: RandomSubject<LateEvent> = {
  kinds: ['crash', 'leave'],
  eventOf: (kind) => fc.nat({ max: 3 }).map((peer) => ({ kind: kind as 'crash' | 'leave', peer })),
  tick: TICK,
  isTick: (e) => e.kind === 'tick',
  kindOf: (e) => e.kind,
  run: lateRun,
  invariant: true,
};

describe('a violation that needs a late fault', () => {
  it('the late third of a 30-tick window starts at tick 20 (of 12 ticks: at 8; of 40: at 27)', () => {
    expect([lateFrom(30), lateFrom(12), lateFrom(40), lateFrom(3)]).toEqual([20, 8, 27, 2]);
  });

  it.each([1, 2, 3, 4, 5])(`seed %i: found within ${RUNS} runs and shrunk to 20 ticks and a crash of peer 0`, (seed) => {
    const r = searchRandom(LATE, { runs: RUNS, seed, maxEvents: WINDOW });
    expect(r.verdict).toBe('violated');
    expect(r.counterexample!.events).toEqual([...Array<LateEvent>(20).fill(TICK), { kind: 'crash', peer: 0 }]);
  });

  it(`without a violation to stop it, the runs cover both kinds late: at least a third of the late cells`, () => {
    const holds: RandomSubject<LateEvent> = { ...LATE, run: (events) => ({ ...lateRun(events), violation: null }) };
    const r = searchRandom(holds, { runs: RUNS, seed: 1, maxEvents: WINDOW });
    expect(r.verdict).toBe('holds');
    expect(r.coverage).toMatchObject({ possible: 60, latePossible: 20, lateKinds: 2 });
    expect(r.coverage.lateCells).toBeGreaterThanOrEqual(r.coverage.latePossible / 3);
    expect(r.coverage.cells).toBeGreaterThanOrEqual(r.coverage.possible / 3);
  });
});
