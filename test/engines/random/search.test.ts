/**
 * The random engine's bookkeeping, checked against an oracle written here: a toy subject records
 * every run it judges, and the test recounts from those runs what the search must report (runs,
 * triggered runs, safety lengths, the (kind, tick) cells of applied adversary events, the first
 * failing run's index). Joining and merging ranges is checked on hand-made partials.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RandomSubject, RunOutcome } from '../../../src/engines/contract.ts';
import { minimize, normalize } from '../../../src/engines/random/minimize.ts';
import { runArbitrary, type Run } from '../../../src/engines/random/runArbitrary.ts';
import { joinRanges, lateFrom, mergeRandom, searchRandom, searchRandomRange, type RandomPartial } from '../../../src/engines/random/search.ts';

type E = { kind: 'tick' } | { kind: 'x' | 'y'; n: number };
const TICK: E = { kind: 'tick' };
const KINDS = ['x', 'y'] as const;
/** A short window, so that every cell (kind 0 at tick 0 to kind 1 at tick 3) is met. */
const M = 4;

interface Judged {
  events: E[];
  outcome: RunOutcome;
}

/**
 * Ticks always apply; an `x` applies only at an even tick, a `y` only while fewer than two applied.
 * A run is triggered when some adversary event applied; it is violated (at that event) when `breaks`
 * holds of an applied event and its tick, or at the tick `lateX` once an `x` applied (heal ticks
 * included: up to tick 6). Every judged run is recorded.
 */
function toy(breaks: (e: E, tick: number) => boolean = () => false, triggers = true, lateX = Infinity): RandomSubject<E> & { judged: Judged[] } {
  const judged: Judged[] = [];
  const run = (events: readonly E[]): RunOutcome => {
    const applied: number[] = [];
    let tick = 0;
    let ys = 0;
    let xs = 0;
    let outcome: RunOutcome | null = null;
    for (let i = 0; i < events.length && outcome === null; i++) {
      const e = events[i]!;
      if (e.kind === 'tick') {
        tick++;
        applied.push(i);
        if (xs > 0 && tick === lateX) outcome = { violation: { step: i, message: `late at ${tick}` }, triggered: true, applied, healTicks: 0 };
        continue;
      }
      if (e.kind === 'x' ? tick % 2 !== 0 : ys >= 2) continue;
      if (e.kind === 'y') ys++;
      else xs++;
      applied.push(i);
      if (breaks(e, tick)) outcome = { violation: { step: i, message: `${e.kind}${e.n} at ${tick}` }, triggered: true, applied, healTicks: 0 };
    }
    for (let h = 0; h < 6 && outcome === null; h++) {
      tick++;
      if (xs > 0 && tick === lateX)
        outcome = { violation: { step: events.length + h, message: `late at ${tick}` }, triggered: true, applied, healTicks: h + 1 };
    }
    outcome ??= { violation: null, triggered: triggers && applied.length > tick - 6, applied, healTicks: 6 };
    judged.push({ events: [...events], outcome });
    return outcome;
  };
  return {
    judged,
    kinds: KINDS,
    eventOf: (kind) => fc.nat({ max: 2 }).map((n) => ({ kind: kind as 'x' | 'y', n })),
    tick: TICK,
    isTick: (e) => e.kind === 'tick',
    kindOf: (e) => e.kind,
    run,
    invariant: true,
  };
}

/** The oracle: what runs `judged` exercised, counted here from the runs themselves. */
function recount(judged: readonly Judged[]): { triggered: number; cells: number[]; lengthCounts: number[] } {
  const cells = new Set<number>();
  const lengthCounts = Array<number>(M + 1).fill(0);
  let triggered = 0;
  for (const { events, outcome } of judged) {
    if (outcome.triggered) triggered++;
    lengthCounts[events.length]!++;
    let tick = 0;
    events.forEach((e, i) => {
      if (!outcome.applied.includes(i)) return;
      if (e.kind === 'tick') tick++;
      else cells.add(KINDS.indexOf(e.kind) * M + tick);
    });
  }
  return { triggered, cells: [...cells].sort((a, b) => a - b), lengthCounts };
}

const OPTIONS = { runs: 300, seed: 5, maxEvents: M };

describe('searchRandomRange against the recount of its runs', () => {
  it('a search that holds: every run counted, its cells and lengths as recounted; unapplied events mark no cell', () => {
    const sub = toy();
    const done: number[] = [];
    const p = searchRandomRange(sub, { ...OPTIONS, from: 0, to: 300, onRun: (n) => done.push(n) });
    expect(sub.judged.length).toBe(300);
    const expected = recount(sub.judged);
    expect(p).toMatchObject({
      from: 0,
      to: 300,
      runs: 300,
      failure: null,
      abandoned: false,
      triggeredRuns: expected.triggered,
      cells: expected.cells,
      lengthCounts: expected.lengthCounts,
    });
    expect(p.lengthCounts).toHaveLength(M + 1);
    // Every cell but x at the odd ticks 1 and 3, where x never applies: the first and the last cell are met.
    expect(p.cells).toEqual([0, 2, 4, 5, 6, 7]);
    expect(expected.triggered).toBeLessThan(300);
    expect(done).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it("a range from run 1 searches the whole search's runs 1.. (its generator is skipped ahead)", () => {
    const whole = toy();
    searchRandomRange(whole, { ...OPTIONS, from: 0, to: 40 });
    const part = toy();
    const p = searchRandomRange(part, { ...OPTIONS, from: 1, to: 40 });
    expect(p.runs).toBe(39);
    expect(part.judged.map((j) => j.events)).toEqual(whole.judged.slice(1).map((j) => j.events));
  });

  it('an empty range runs nothing and is not abandoned', () => {
    const sub = toy();
    const p = searchRandomRange(sub, { ...OPTIONS, from: 7, to: 7 });
    expect(sub.judged).toEqual([]);
    expect(p).toMatchObject({ runs: 0, triggeredRuns: 0, cells: [], failure: null, abandoned: false, lengthCounts: [0, 0, 0, 0, 0] });
  });

  it('skip: the range stops before the first skipped run, and is abandoned', () => {
    const sub = toy();
    const asked: number[] = [];
    const p = searchRandomRange(sub, { ...OPTIONS, from: 10, to: 300, skip: (i) => (asked.push(i), i >= 60) });
    expect(p).toMatchObject({ runs: 50, abandoned: true });
    expect(sub.judged.length).toBe(50);
    expect(asked.at(-1)).toBe(60);
    const none = toy();
    expect(searchRandomRange(none, { ...OPTIONS, from: 10, to: 300, skip: () => true })).toMatchObject({ runs: 0, abandoned: true });
    expect(none.judged).toEqual([]);
  });

  it('a violation: counted up to and including the first failing run, whose global index is reported', () => {
    // y2 applied at tick 2 or later.
    const breaks = (e: E, tick: number): boolean => e.kind === 'y' && e.n === 2 && tick >= 2;
    const sub = toy(breaks);
    const failed: number[] = [];
    const started = performance.now();
    const p = searchRandomRange(sub, { ...OPTIONS, from: 0, to: 300, onFailure: (i) => failed.push(i) });
    const wall = performance.now() - started;
    const first = sub.judged.findIndex((j) => j.outcome.violation !== null);
    expect(first).toBeGreaterThan(2);
    const expected = recount(sub.judged.slice(0, first + 1));
    expect(p).toMatchObject({
      runs: first + 1,
      triggeredRuns: expected.triggered,
      cells: expected.cells,
      lengthCounts: expected.lengthCounts,
      abandoned: false,
    });
    expect(failed).toEqual([first]);
    const f = p.failure!;
    expect(f.index).toBe(first);
    expect(f.msToFailure).toBeGreaterThanOrEqual(0);
    expect(f.msToFailure).toBeLessThanOrEqual(p.ms);
    expect(p.ms).toBeLessThanOrEqual(wall);
    const { applied, violation } = sub.judged[first]!.outcome;
    expect(f.counterexample.eventsBeforeShrink).toBe(applied.filter((i) => i <= violation!.step).length);
    // The shortest violation is two ticks and a y2; a y2 alone or after one tick passes.
    expect(f.counterexample.events).toEqual([TICK, TICK, { kind: 'y', n: 2 }]);
    expect(f.counterexample.eventsAfterShrink).toBe(3);
    expect(f.counterexample.violation).toEqual({ step: 2, message: 'y2 at 2' });

    // A range that starts later reports the same run by its global index.
    const later = toy(breaks);
    const q = searchRandomRange(later, { ...OPTIONS, from: first - 2, to: 300, onFailure: (i) => failed.push(i) });
    expect(q.failure!.index).toBe(first);
    expect(q.runs).toBe(3);
    expect(failed).toEqual([first, first]);
  });

  it("the counterexample is minimized from fast-check's shrunk run, whose parameters are shrunk: y1, where the first failure was exactly [tick, tick, y2]", () => {
    const sub = toy((e, tick) => e.kind === 'y' && e.n >= 1 && tick >= 2);
    const p = searchRandomRange(sub, { ...OPTIONS, seed: 3, from: 0, to: 300 });
    const first = sub.judged.find((j) => j.outcome.violation !== null)!;
    expect(normalize(sub, first.events, first.outcome)).toEqual([TICK, TICK, { kind: 'y', n: 2 }]);
    expect(p.failure!.counterexample.events).toEqual([TICK, TICK, { kind: 'y', n: 1 }]);
  });

  it("when fast-check's shrunk run minimizes to a longer sequence than the first failure, the first failure is minimized instead (both tries counted)", () => {
    // Violated by a y2 at tick 1 or later (a tick and a y2) or at tick 6 once an x applied (an x and
    // six ticks, heal ticks included): shrinking away the tick before a y2 can leave the x's violation.
    const breaks = (e: E, tick: number): boolean => e.kind === 'y' && e.n === 2 && tick >= 1;
    const sub = toy(breaks, true, 6);
    const p = searchRandomRange(sub, { ...OPTIONS, seed: 43, from: 0, to: 300 });
    const first = sub.judged.find((j) => j.outcome.violation !== null)!;
    const fromFirst = minimize(toy(breaks, true, 6), normalize(sub, first.events, first.outcome));
    expect(fromFirst.events).toEqual([TICK, { kind: 'y', n: 2 }]);
    const c = p.failure!.counterexample;
    // fast-check's shrunk run, replayed from the reported path, and what minimizing it alone gives.
    const replay = fc.check(
      fc.property(runArbitrary(toy(breaks, true, 6), M), (r) => sub.run(r.events).violation === null),
      { seed: 43, path: c.path },
    );
    const shrunk = (replay.counterexample as [Run<E>])[0].events;
    const fromShrunk = minimize(toy(breaks, true, 6), shrunk);
    expect(fromShrunk.events.length).toBeGreaterThan(2);
    expect(c.events).toEqual(fromFirst.events);
    expect(c.minimizeTries).toBe(fromShrunk.tries + fromFirst.tries);
  });

  it("an error thrown by the subject is the search's error, not a counterexample", () => {
    const sub = toy();
    let thrown = false;
    const throwing: RandomSubject<E> = {
      ...sub,
      run: (events) => {
        if (!thrown && events.length === M) {
          thrown = true;
          throw new Error('the subject broke');
        }
        return sub.run(events);
      },
    };
    expect(() => searchRandomRange(throwing, { ...OPTIONS, from: 0, to: 300 })).toThrow('the subject broke');
  });
});

describe('searchRandom', () => {
  it('holds with its coverage recounted: cells, the last third (tick 3 of 0..3: y alone), lengths', () => {
    const sub = toy();
    const started = performance.now();
    const r = searchRandom(sub, OPTIONS);
    expect(r.ms).toBeLessThanOrEqual(performance.now() - started);
    const expected = recount(sub.judged);
    const lengths = expected.lengthCounts.flatMap((n, length) => Array<number>(n).fill(length));
    expect(lateFrom(M)).toBe(3);
    expect(r).toMatchObject({ verdict: 'holds', runs: 300, triggeredRuns: expected.triggered, seed: 5, counterexample: null, timeToFailureMs: null });
    expect(r.coverage).toEqual({
      cells: 6,
      possible: 8,
      lateCells: 1,
      latePossible: 2,
      lateKinds: 1,
      medianLength: (lengths[149]! + lengths[150]!) / 2,
      maxLength: M,
    });
  });

  it('vacuous when no run exercised the trigger', () => {
    expect(
      searchRandom(
        toy(() => false, false),
        OPTIONS,
      ),
    ).toMatchObject({ verdict: 'vacuous', triggeredRuns: 0, runs: 300 });
  });

  it("violated: the time to failure is within the search's time", () => {
    const r = searchRandom(
      toy((e, tick) => e.kind === 'y' && e.n === 2 && tick >= 2),
      OPTIONS,
    );
    expect(r.verdict).toBe('violated');
    expect(r.timeToFailureMs).toBeGreaterThanOrEqual(0);
    expect(r.timeToFailureMs).toBeLessThanOrEqual(r.ms);
  });
});

/** A partial made by hand (`runs` runs of the lengths given, all triggered). */
function partial(from: number, to: number, extra: Partial<RandomPartial<E>> = {}): RandomPartial<E> {
  return { from, to, runs: to - from, triggeredRuns: to - from, failure: null, cells: [], lengthCounts: [], ms: 10, abandoned: false, ...extra };
}
const failure = (index: number, msToFailure: number): NonNullable<RandomPartial<E>['failure']> => ({
  index,
  msToFailure,
  counterexample: {
    events: [TICK],
    violation: { step: 0, message: 'broken' },
    path: '',
    eventsBeforeShrink: 1,
    eventsAfterShrink: 1,
    fastCheckShrinks: 0,
    minimizeTries: 1,
  },
});

describe('joinRanges', () => {
  it('joins ranges given in any order: sums, union of cells, lengths added, times added', () => {
    const a = partial(0, 5, { triggeredRuns: 2, cells: [3, 9], lengthCounts: [1, 4], ms: 7 });
    const b = partial(5, 8, { triggeredRuns: 1, cells: [1, 3], lengthCounts: [0, 1, 2], ms: 4 });
    const c = partial(8, 10, { triggeredRuns: 0, cells: [12], lengthCounts: [2], ms: 1 });
    expect(joinRanges([c, a, b], 0, 10, 3)).toEqual({
      from: 0,
      to: 10,
      runs: 10,
      triggeredRuns: 3,
      failure: null,
      cells: [1, 3, 9, 12],
      lengthCounts: [3, 5, 2],
      ms: 12,
      abandoned: false,
    });
  });

  it('stops at the first failure: its time counts the ranges before it; what follows is ignored, even a gap or an abandoned range', () => {
    const a = partial(0, 5, { ms: 7, cells: [1] });
    const b = partial(5, 10, { runs: 2, triggeredRuns: 2, failure: failure(6, 3), ms: 5, cells: [2] });
    const c = partial(10, 15, { abandoned: true, cells: [4] });
    const d = partial(17, 20, { cells: [5] });
    const j = joinRanges([d, c, b, a], 0, 20, 3);
    expect(j).toMatchObject({ runs: 7, triggeredRuns: 7, cells: [1, 2], ms: 12, abandoned: false });
    expect(j.failure).toMatchObject({ index: 6, msToFailure: 10 });
  });

  it('refuses a gap, a missing end, and an abandoned range before the failure, naming the runs', () => {
    expect(() => joinRanges([partial(0, 5), partial(7, 10)], 0, 10, 3)).toThrow('runs 5..6 of seed 3 were not searched (the ranges do not join up)');
    expect(() => joinRanges([partial(1, 10)], 0, 10, 3)).toThrow('runs 0..0 of seed 3 were not searched');
    expect(() => joinRanges([partial(0, 5)], 0, 10, 3)).toThrow(/^runs 5..9 of seed 3 were not searched$/);
    expect(() => joinRanges([partial(0, 5), partial(5, 10, { abandoned: true })], 0, 10, 3)).toThrow(
      'runs 5..9 of seed 3 were abandoned before a failure was known',
    );
    expect(joinRanges([partial(0, 10)], 0, 10, 3).runs).toBe(10);
  });
});

describe('mergeRandom', () => {
  const window = { kinds: 2, ticks: 6 };

  it("holds: cells in the whole window and in its last third (ticks 4 and 5 of 6), lengths' median and max", () => {
    // Cells kind * 6 + tick: kind 0 at ticks 0, 4, 5; kind 1 at tick 3.
    const r = mergeRandom([partial(0, 4, { cells: [0, 4, 5, 9], lengthCounts: [1, 0, 2, 1, 0, 0, 0] })], 4, 9, window, 20);
    expect(r).toEqual({
      verdict: 'holds',
      runs: 4,
      triggeredRuns: 4,
      seed: 9,
      ms: 20,
      timeToFailureMs: null,
      counterexample: null,
      coverage: { cells: 4, possible: 12, lateCells: 2, latePossible: 4, lateKinds: 1, medianLength: 2, maxLength: 3 },
    });
  });

  it('late cells of every kind; the median of an even count; the max of one run', () => {
    const r = mergeRandom([partial(0, 2, { cells: [5, 10, 11], lengthCounts: [0, 1, 0, 0, 1] })], 2, 9, window, 20);
    expect(r.coverage).toEqual({ cells: 3, possible: 12, lateCells: 3, latePossible: 4, lateKinds: 2, medianLength: 2.5, maxLength: 4 });
    expect(mergeRandom([partial(0, 1, { lengthCounts: [0, 0, 0, 1] })], 1, 9, window, 20).coverage).toMatchObject({ medianLength: 3, maxLength: 3 });
    expect(mergeRandom([partial(0, 0)], 0, 9, window, 20).coverage).toMatchObject({ medianLength: 0, maxLength: 0 });
  });

  it("vacuous without a triggered run; violated with a failure, its time capped by the search's", () => {
    expect(mergeRandom([partial(0, 3, { triggeredRuns: 0 })], 3, 9, window, 20).verdict).toBe('vacuous');
    expect(mergeRandom([partial(0, 3, { triggeredRuns: 1 })], 3, 9, window, 20).verdict).toBe('holds');
    const late = mergeRandom([partial(0, 3, { failure: failure(2, 30), runs: 3 })], 3, 9, window, 20);
    expect(late).toMatchObject({ verdict: 'violated', timeToFailureMs: 20 });
    expect(late.counterexample).toEqual(failure(2, 30).counterexample);
    expect(mergeRandom([partial(0, 3, { failure: failure(2, 5), runs: 3 })], 3, 9, window, 20).timeToFailureMs).toBe(5);
  });
});
