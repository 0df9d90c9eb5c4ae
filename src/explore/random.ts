/**
 * The random engine: fast-check searches safety-phase event sequences (swarm testing), each judged
 * by `checkRun` with its heal phase. It counts the runs that exercised the property's trigger, so a
 * property that held only because nothing ever tested it is reported `vacuous`, not `holds`. A
 * failure is shrunk by fast-check, then minimized to a 1-minimal sequence of applied events.
 */
import fc from 'fast-check';
import type { AdversaryKind, Event, Model } from '../model/index.ts';
import { checkRun, type Bounds, type Property, type Violation } from '../properties/index.ts';
import { runArbitrary, SWARM_KINDS, type Run } from './eventArbitrary.ts';
import { median } from './_internals/median.ts';
import { minimize, normalize } from './minimize.ts';

export type Verdict = 'violated' | 'holds' | 'vacuous';

export interface RandomOptions {
  runs: number;
  seed: number;
  /** Most safety-phase events per run. */
  maxEvents: number;
  /** Event kinds the suite allows (default: all). */
  kinds?: readonly AdversaryKind[];
  /** Called after every run with the number of runs done. */
  onRun?: (done: number) => void;
}

export interface Counterexample {
  events: Event[];
  violation: Violation;
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
 * and the safety-phase lengths the runs had.
 */
export interface Coverage {
  cells: number;
  possible: number;
  medianLength: number;
  maxLength: number;
}

export interface RandomResult {
  verdict: Verdict;
  runs: number;
  /** Runs that exercised the property's trigger (before any failure). */
  triggeredRuns: number;
  seed: number;
  ms: number;
  /** Wall time until the first failing run, null when none failed. */
  timeToFailureMs: number | null;
  counterexample: Counterexample | null;
  coverage: Coverage;
}

export function searchRandom(model: Model, property: Property, bounds: Bounds, options: RandomOptions): RandomResult {
  const started = performance.now();
  let done = 0;
  let triggeredRuns = 0;
  let firstFailure: { at: number; events: Event[] } | null = null;
  const kinds = SWARM_KINDS.filter((k) => (options.kinds ?? SWARM_KINDS).includes(k));
  const exercised = new Uint8Array(kinds.length * options.maxEvents);
  const lengths: number[] = [];
  const predicate = (run: Run): boolean => {
    const outcome = checkRun(model, property, bounds, run.events);
    if (firstFailure === null) {
      done++;
      if (outcome.triggered) triggeredRuns++;
      lengths.push(run.events.length);
      cover(run.events, outcome.applied, kinds, options.maxEvents, exercised);
      options.onRun?.(done);
      if (outcome.violation) firstFailure = { at: performance.now(), events: normalize(run.events, outcome, property) };
    }
    return outcome.violation === null;
  };
  const details = fc.check(fc.property(runArbitrary(model.config, options.maxEvents, options.kinds), predicate), {
    seed: options.seed,
    numRuns: options.runs,
  });
  let counterexample: Counterexample | null = null;
  if (details.failed && details.counterexample && firstFailure !== null) {
    const [shrunk] = details.counterexample as [Run];
    const failure = firstFailure as { at: number; events: Event[] };
    let minimized = minimize(model, property, bounds, shrunk.events);
    // fast-check shrinks the generated run, which can end later once normalized: never return a
    // counterexample longer than the first failure, minimized from there instead.
    if (minimized.events.length > failure.events.length && checkRun(model, property, bounds, failure.events).violation) {
      const fromFirst = minimize(model, property, bounds, failure.events);
      minimized = { ...fromFirst, tries: minimized.tries + fromFirst.tries };
    }
    counterexample = {
      events: minimized.events,
      violation: minimized.outcome.violation!,
      path: details.counterexamplePath ?? '',
      eventsBeforeShrink: failure.events.length,
      eventsAfterShrink: minimized.events.length,
      fastCheckShrinks: details.numShrinks,
      minimizeTries: minimized.tries,
    };
  } else if (details.failed && details.errorInstance) {
    throw details.errorInstance;
  }
  const verdict: Verdict = counterexample ? 'violated' : triggeredRuns === 0 ? 'vacuous' : 'holds';
  return {
    verdict,
    runs: done,
    triggeredRuns,
    seed: options.seed,
    ms: performance.now() - started,
    timeToFailureMs: firstFailure ? (firstFailure as { at: number }).at - started : null,
    counterexample,
    coverage: {
      cells: exercised.reduce((sum, hit) => sum + hit, 0),
      possible: exercised.length,
      medianLength: median(lengths),
      maxLength: lengths.length === 0 ? 0 : Math.max(...lengths),
    },
  };
}

/** Marks the (kind, tick) cell of every adversary event that applied in a run's safety phase. */
function cover(events: readonly Event[], applied: readonly number[], kinds: readonly string[], maxEvents: number, exercised: Uint8Array): void {
  let tick = 0;
  let next = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const took = applied[next] === i;
    if (took) next++;
    if (event.kind === 'tick') {
      if (took) tick++;
      continue;
    }
    const k = kinds.indexOf(event.kind);
    if (took && k >= 0 && tick < maxEvents) exercised[k * maxEvents + tick] = 1;
  }
}
