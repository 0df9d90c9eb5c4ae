/**
 * The tasks a pool worker runs, by name: each takes plain data and returns plain data (and the
 * buffers to move rather than copy). New kinds of parallel work add a task here.
 */
import type { Transferable } from 'node:worker_threads';
import { searchRandomRange, type RandomPartial } from '../explore/random.ts';
import { randomSearchOf, type CheckOptions } from '../runner/checkPair.ts';
import { CELL_TASKS } from './cellTasks.ts';
import { pairOf, type PairSpec } from './pairSpec.ts';

export interface TaskOutput<T> {
  output: T;
  transfer?: Transferable[];
}

/** Runs `from .. to` of a pair's random search; skips runs past a failure another range already found. */
export interface RandomRangeInput {
  pair: PairSpec;
  options: Pick<CheckOptions, 'overrides' | 'runs' | 'seed' | 'budget'>;
  from: number;
  to: number;
  /** The lowest failing run index found so far, per pair (Int32 slots). */
  cutoff: SharedArrayBuffer;
  slot: number;
}

async function randomRange(input: RandomRangeInput): Promise<TaskOutput<RandomPartial>> {
  const { model, property, bounds, search } = randomSearchOf(await pairOf(input.pair), input.options);
  const cutoff = new Int32Array(input.cutoff);
  const partial = searchRandomRange(model, property, bounds, { ...search, from: input.from, to: input.to, skip: (index) => index > Atomics.load(cutoff, input.slot), onFailure: (index) => lowerCutoff(cutoff, input.slot, index) });
  return { output: partial };
}

/** Lowers a cutoff slot to `index` unless it is lower already. */
export function lowerCutoff(cutoff: Int32Array, slot: number, index: number): void {
  for (;;) {
    const now = Atomics.load(cutoff, slot);
    if (now <= index || Atomics.compareExchange(cutoff, slot, now, index) === now) return;
  }
}

export const TASKS = {
  randomRange,
  ...CELL_TASKS,
};
