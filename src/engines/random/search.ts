/**
 * The random engine: fast-check searches safety-phase event sequences (swarm testing), each judged
 * by the subject's property with its heal phase (`RandomSubject.run`). It counts the runs that exercised the property's trigger, so a
 * property that held only because nothing ever tested it is reported `vacuous`, not `holds`. A
 * failure is shrunk by fast-check, then minimized to a 1-minimal sequence of applied events.
 */
import fc from 'fast-check';
import type { Judgement, RandomSubject } from '../contract.ts';
import { median } from '../_internals/median.ts';
import { minimize, normalize } from './minimize.ts';
import { runArbitrary, type Run } from './runArbitrary.ts';

export type Verdict = 'violated' | 'holds' | 'vacuous';

export interface RandomOptions {
  runs: number;
  seed: number;
  /** Most safety-phase events per run. */
  maxEvents: number;
  /** Called after every run with the number of runs done. */
  onRun?: (done: number) => void;
}

export interface Counterexample<E = unknown> {
  events: E[];
  violation: Judgement;
  /** fast-check's replay path of the failing run. */
  path: string;
  eventsBeforeShrink: number;
  eventsAfterShrink: number;
  fastCheckShrinks: number;
  minimizeTries: number;
}

/**
 * How much of the adversary's window the runs exercised: the (event kind, tick) cells in which an
 * event of that kind applied at that tick of the safety phase, of all kinds x ticks 0..maxEvents-1;
 * the same for the window's last third (a search whose faults all land early covers none of it);
 * and the safety-phase lengths the runs had.
 */
export interface Coverage {
  cells: number;
  possible: number;
  /** Cells at a tick in the last third of the window (tick >= `lateFrom(maxEvents)`), of `latePossible`. */
  lateCells: number;
  latePossible: number;
  /** Event kinds with at least one cell in the last third, of `possible / maxEvents` kinds. */
  lateKinds: number;
  medianLength: number;
  maxLength: number;
}

/** The cells a search can exercise: how many adversary event kinds, and how many ticks (its maxEvents). */
export interface CellWindow {
  kinds: number;
  ticks: number;
}

/** The first tick of a window's last third: ticks from here on are "late" in `Coverage`. */
export function lateFrom(ticks: number): number {
  return Math.ceil((2 * ticks) / 3);
}

export interface RandomResult<E = unknown> {
  verdict: Verdict;
  runs: number;
  /** Runs that exercised the property's trigger (before any failure). */
  triggeredRuns: number;
  seed: number;
  ms: number;
  /** Wall time until the first failing run, null when none failed. */
  timeToFailureMs: number | null;
  counterexample: Counterexample<E> | null;
  coverage: Coverage;
}

/**
 * What the runs `from .. to` of one search found: fast-check's run `i` depends only on the seed and
 * `i` (its generator jumps once per run), so any split of `0 .. runs` into ranges, searched anywhere
 * (another worker, another machine), merges into the result of one search over all of them.
 * Plain data: it crosses threads and is written into shard files.
 */
export interface RandomPartial<E = unknown> {
  from: number;
  to: number;
  /** Runs judged: to - from, or up to and including the failing one. */
  runs: number;
  triggeredRuns: number;
  /** The first failing run of the range (a global run index), shrunk and minimized. */
  failure: { index: number; counterexample: Counterexample<E>; msToFailure: number } | null;
  /** The (kind, tick) cells exercised, as indices into kinds x ticks. */
  cells: number[];
  /** How many runs had each safety-phase length (index = length). */
  lengthCounts: number[];
  ms: number;
  /** Stopped early because an earlier range already failed: its counts mean nothing and it is not merged. */
  abandoned: boolean;
}

export interface RangeOptions extends RandomOptions {
  from: number;
  to: number;
  /** Whether run `index` may be skipped (an earlier run failed elsewhere); checked before each run. */
  skip?: (index: number) => boolean;
  /** Called once, with the run's global index, when a run fails (before it is shrunk). */
  onFailure?: (index: number) => void;
}

/** Searches runs `from .. to` of the search `options` describes (see `RandomPartial`). */
export function searchRandomRange<E>(subject: RandomSubject<E>, options: RangeOptions): RandomPartial<E> {
  const started = performance.now();
  const { from, to } = options;
  let done = 0;
  let triggeredRuns = 0;
  let abandoned = false;
  let firstFailure: { at: number; events: E[] } | null = null;
  const { kinds } = subject;
  const exercised = new Uint8Array(kinds.length * options.maxEvents);
  const lengthCounts: number[] = new Array<number>(options.maxEvents + 1).fill(0);
  const predicate = (run: Run<E>): boolean => {
    if (abandoned) return true; // (set where the run would have been generated)
    const outcome = subject.run(run.events);
    if (firstFailure === null) {
      done++;
      if (outcome.triggered) triggeredRuns++;
      lengthCounts[run.events.length] = (lengthCounts[run.events.length] ?? 0) + 1;
      cover(subject, run.events, outcome.applied, options.maxEvents, exercised);
      options.onRun?.(done);
      if (outcome.violation) {
        firstFailure = { at: performance.now(), events: normalize(subject, run.events, outcome) };
        options.onFailure?.(from + done - 1);
      }
    }
    return outcome.violation === null;
  };
  const inner = fc.property(runArbitrary(subject, options.maxEvents), predicate);
  // Once the range is abandoned, runs are not even generated: fast-check is handed an empty one.
  const noRun = new fc.Value<[Run<E>]>([{ kinds: [], events: [] }], undefined);
  const guarded: fc.IRawProperty<[Run<E>], false> = {
    isAsync: () => false,
    generate: (mrng, runId) =>
      abandoned || (firstFailure === null && options.skip?.(from + done)) ? ((abandoned = true), noRun) : inner.generate(mrng, runId),
    shrink: (value) => inner.shrink(value),
    run: (value) => inner.run(value),
    runBeforeEach: () => inner.runBeforeEach(),
    runAfterEach: () => inner.runAfterEach(),
  };
  const details =
    to <= from || options.skip?.(from)
      ? ((abandoned = to > from), null)
      : fc.check(guarded, { seed: options.seed, numRuns: to - from, ...(from > 0 ? { path: String(from) } : {}) });
  let failure: RandomPartial<E>['failure'] = null;
  if (details?.failed && details.counterexample && firstFailure !== null) {
    const [shrunk] = details.counterexample as [Run<E>];
    const first = firstFailure as { at: number; events: E[] };
    let minimized = minimize(subject, shrunk.events);
    // fast-check shrinks the generated run, which can end later once normalized: never return a
    // counterexample longer than the first failure, minimized from there instead.
    if (minimized.events.length > first.events.length && subject.run(first.events).violation) {
      const fromFirst = minimize(subject, first.events);
      minimized = { ...fromFirst, tries: minimized.tries + fromFirst.tries };
    }
    failure = {
      index: from + done - 1,
      msToFailure: first.at - started,
      counterexample: {
        events: minimized.events,
        violation: minimized.outcome.violation!,
        path: details.counterexamplePath ?? '',
        eventsBeforeShrink: first.events.length,
        eventsAfterShrink: minimized.events.length,
        fastCheckShrinks: details.numShrinks,
        minimizeTries: minimized.tries,
      },
    };
  } else if (details?.failed && details.errorInstance) {
    throw details.errorInstance;
  }
  const cells: number[] = [];
  for (let i = 0; i < exercised.length; i++) if (exercised[i]) cells.push(i);
  return { from, to, runs: done, triggeredRuns, failure, cells, lengthCounts, ms: performance.now() - started, abandoned };
}

/**
 * Ranges that cover `from .. to` (in any order) as the one partial a search of `from .. to` gives:
 * up to and including the first failure, nothing after it. A gap, an overlap or an abandoned range
 * before the failure is an error: a join never reports runs it did not see.
 */
export function joinRanges<E>(partials: readonly RandomPartial<E>[], from: number, to: number, seed: number): RandomPartial<E> {
  const sorted = [...partials].sort((a, b) => a.from - b.from);
  let at = from;
  let runs = 0;
  let triggeredRuns = 0;
  let ms = 0;
  let failure: RandomPartial<E>['failure'] = null;
  const cells = new Set<number>();
  const lengthCounts: number[] = [];
  for (const p of sorted) {
    if (p.from !== at) throw new Error(`runs ${at}..${p.from - 1} of seed ${seed} were not searched (the ranges do not join up)`);
    if (p.abandoned) throw new Error(`runs ${p.from}..${p.to - 1} of seed ${seed} were abandoned before a failure was known`);
    runs += p.runs;
    triggeredRuns += p.triggeredRuns;
    p.cells.forEach((c) => cells.add(c));
    p.lengthCounts.forEach((n, length) => (lengthCounts[length] = (lengthCounts[length] ?? 0) + n));
    if (p.failure) {
      failure = { ...p.failure, msToFailure: ms + p.failure.msToFailure };
      ms += p.ms;
      break;
    }
    ms += p.ms;
    at = p.to;
  }
  if (failure === null && at !== to) throw new Error(`runs ${at}..${to - 1} of seed ${seed} were not searched`);
  return { from, to, runs, triggeredRuns, failure, cells: [...cells].sort((a, b) => a - b), lengthCounts, ms, abandoned: false };
}

/**
 * The result of one search over runs `0 .. runs` from ranges that cover them (see `joinRanges`):
 * exactly what a single search reports, timings aside (`ms` is the caller's wall time, the time to
 * failure the ranges' own).
 */
export function mergeRandom<E>(partials: readonly RandomPartial<E>[], runs: number, seed: number, window: CellWindow, ms: number): RandomResult<E> {
  const whole = joinRanges(partials, 0, runs, seed);
  const counterexample = whole.failure?.counterexample ?? null;
  return {
    verdict: counterexample ? 'violated' : whole.triggeredRuns === 0 ? 'vacuous' : 'holds',
    runs: whole.runs,
    triggeredRuns: whole.triggeredRuns,
    seed,
    ms,
    timeToFailureMs: whole.failure ? Math.min(whole.failure.msToFailure, ms) : null,
    counterexample,
    coverage: { ...cellStats(whole.cells, window), ...lengthStats(whole.lengthCounts) },
  };
}

/** The cells a search can exercise: its event kinds x the ticks of its window. */
export function possibleCells(kinds: number, maxEvents: number): number {
  return kinds * maxEvents;
}

/** Counts cells (indices kind * ticks + tick) in the whole window and in its last third. */
function cellStats(cells: readonly number[], window: CellWindow): Pick<Coverage, 'cells' | 'possible' | 'lateCells' | 'latePossible' | 'lateKinds'> {
  const { kinds, ticks } = window;
  const from = lateFrom(ticks);
  const late = cells.filter((c) => c % ticks >= from);
  return {
    cells: cells.length,
    possible: possibleCells(kinds, ticks),
    lateCells: late.length,
    latePossible: kinds * (ticks - from),
    lateKinds: new Set(late.map((c) => Math.floor(c / ticks))).size,
  };
}

/** The median and max safety-phase length of runs counted by length. */
function lengthStats(counts: readonly number[]): { medianLength: number; maxLength: number } {
  const lengths: number[] = [];
  counts.forEach((n, length) => {
    for (let i = 0; i < (n ?? 0); i++) lengths.push(length);
  });
  return { medianLength: median(lengths), maxLength: lengths.length === 0 ? 0 : lengths[lengths.length - 1]! };
}

/** One search over runs `0 .. options.runs`, in this thread. */
export function searchRandom<E>(subject: RandomSubject<E>, options: RandomOptions): RandomResult<E> {
  const started = performance.now();
  const partial = searchRandomRange(subject, { ...options, from: 0, to: options.runs });
  return mergeRandom([partial], options.runs, options.seed, { kinds: subject.kinds.length, ticks: options.maxEvents }, performance.now() - started);
}

/** Marks the (kind, tick) cell of every adversary event that applied in a run's safety phase. */
function cover<E>(subject: RandomSubject<E>, events: readonly E[], applied: readonly number[], maxEvents: number, exercised: Uint8Array): void {
  const { kinds } = subject;
  let tick = 0;
  let next = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const took = applied[next] === i;
    if (took) next++;
    if (subject.isTick(event)) {
      if (took) tick++;
      continue;
    }
    const k = kinds.indexOf(subject.kindOf(event));
    if (took && k >= 0 && tick < maxEvents) exercised[k * maxEvents + tick] = 1;
  }
}
