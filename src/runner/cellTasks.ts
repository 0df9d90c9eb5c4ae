/**
 * The cells of the fix-set analysis and of sweeps, and the tasks that compute them on a pool
 * (`CELL_TASKS`). A cell is one engine on one property of one fix set, or one sweep point: a pure
 * function of plain data whose answer is plain data, so this thread, a pool worker or another
 * machine's shard computes the same answer (timings aside).
 *
 * A computation over cells is written as a generator of batches (`Steps`): it yields the
 * independent cells it needs next and is resumed with their answers, in order. The same generator
 * runs in this thread (`runSteps`), on a pool (`runStepsAsync`, a batch's cells at once) or from
 * the cells shard files hold, and gives the same result every way: what it decides depends only on
 * the answers, never on where or when they were computed.
 */
import { propertyOf, searchBound, suiteModel, type Suite } from '../../properties/index.ts';
import { searchExhaustive, type ExhaustiveVerdict } from '../search/exhaustive.ts';
import { searchRandom, type Verdict } from '../search/random.ts';
import type { Event } from '../model/index.ts';
import type { Violation } from '../propertyLanguage/index.ts';
import { taskRef, type TaskOutput } from '../parallel/pool.ts';
import { exhaustiveSearchOf, memoryCeilingMB } from './explorePair.ts';
import { suiteOf } from './pairSpec.ts';
import { evaluate, sweepSpecOf, type SweepPoint, type SweepSpecData } from './sweep.ts';

/** A computation that asks for batches of `Q` and is answered with `A`s, returning `R`. */
export type Steps<Q, A, R> = Generator<Q[], R, A[]>;

/** Runs `steps`, answering every cell in this thread. */
export function runSteps<Q, A, R>(steps: Steps<Q, A, R>, answer: (cell: Q) => A): R {
  let next = steps.next([]);
  while (!next.done) next = steps.next(next.value.map(answer));
  return next.value;
}

/** Runs `steps`, answering each batch's cells concurrently (on a pool, say). */
export async function runStepsAsync<Q, A, R>(steps: Steps<Q, A, R>, answer: (cell: Q) => Promise<A>): Promise<R> {
  let next = steps.next([]);
  while (!next.done) next = steps.next(await Promise.all(next.value.map(answer)));
  return next.value;
}

/** What a cell asks for: one engine on one property of one variant. */
export interface FixCellRequest {
  engine: 'random' | 'exhaustive';
  variant: string;
  property: string;
}

/** What every cell of one analysis shares: the suite (by id, or by its file), the runs and the budget. */
export interface FixCellContext {
  suite: { suite: string; suiteFile?: string };
  runs: number;
  budget: 'test' | 'start';
}

/** The random engine's answer on one cell. */
export interface FixRandomCell {
  engine: 'random';
  verdict: Verdict;
  runs: number;
  ms: number;
  counterexample: { events: Event[]; violation: Violation } | null;
}

/** The exhaustive engine's answer on one cell. */
export interface FixExhaustiveCell {
  engine: 'exhaustive';
  verdict: ExhaustiveVerdict;
  stoppedBy: string;
  horizon: number;
  states: number;
  ms: number;
  counterexample: { shortest: boolean; events: Event[]; violation: Violation } | null;
}

export type FixCellAnswer = FixRandomCell | FixExhaustiveCell;

/**
 * The bound a cell's exhaustive search runs within: the suite's for the budget (its horizon and state
 * bound, on its exhaustive scope), at most 4 GB of this machine's memory; the bound `explore
 * --budget B` searches by default, so that a set the analysis calls enough can be searched again
 * there (`npm run test:deep`).
 */
export function fixSearchBound(suite: Suite, budget: 'test' | 'start', property: string, variant: string) {
  return { ...searchBound(suite.exhaustive, budget, property, variant), maxMemoryMB: Math.min(4096, memoryCeilingMB()) };
}

/** Computes one cell in this thread; an exhaustive cell is the search `explore --budget B` makes of the pair. */
export function fixCell(suite: Suite, context: Pick<FixCellContext, 'runs' | 'budget'>, cell: FixCellRequest): FixCellAnswer {
  if (cell.engine === 'random') {
    const p = propertyOf(suite, cell.property)!;
    const r = searchRandom(suiteModel(suite, cell.variant), p, suite.bounds, {
      runs: context.runs,
      seed: suite.seed,
      maxEvents: suite.maxEvents,
      kinds: suite.kinds,
    });
    const c = r.counterexample;
    return { engine: 'random', verdict: r.verdict, runs: r.runs, ms: Math.round(r.ms), counterexample: c && { events: c.events, violation: c.violation } };
  }
  const b = fixSearchBound(suite, context.budget, cell.property, cell.variant);
  const of = exhaustiveSearchOf({ suite, property: cell.property, variant: cell.variant }, { budget: context.budget, ...b });
  const e = searchExhaustive(of.model, of.property, of.bounds, of.searchBounds);
  const c = e.counterexample;
  return {
    engine: 'exhaustive',
    verdict: e.verdict,
    stoppedBy: e.stoppedBy,
    horizon: of.searchBounds.horizon,
    states: e.states,
    ms: Math.round(e.ms),
    counterexample: c && { shortest: e.shortest, events: c.events, violation: c.violation },
  };
}

export interface FixCellTaskInput {
  context: FixCellContext;
  cell: FixCellRequest;
}

/** The pool task of one fix-set cell. */
export async function fixCellTask(input: FixCellTaskInput): Promise<TaskOutput<FixCellAnswer>> {
  return { output: fixCell(await suiteOf(input.context.suite), input.context, input.cell) };
}

export interface SweepPointTaskInput {
  spec: SweepSpecData;
  value: number;
  seed: number;
}

/** The pool task of one sweep point. */
export async function sweepPointTask(input: SweepPointTaskInput): Promise<TaskOutput<SweepPoint>> {
  return { output: evaluate(await sweepSpecOf(input.spec), input.value, input.seed) };
}

/** The tasks above as the pool names them. */
export const CELL_TASKS = {
  fixCell: taskRef(import.meta.url, 'fixCellTask'),
  sweepPoint: taskRef(import.meta.url, 'sweepPointTask'),
};
