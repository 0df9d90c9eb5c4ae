/**
 * The random engine's task on a pool worker: runs `from .. to` of a search whose runs are cut into
 * ranges over the workers, and skips the runs past a failure another range already found (each
 * search has a cutoff slot the ranges lower). The search is built in the worker by the module its
 * `SubjectRef` names.
 */
import type { RandomSubject, SubjectRef } from '../contract.ts';
import { taskRef, type TaskOutput } from '../../parallel/pool.ts';
import { searchRandomRange, type RandomOptions, type RandomPartial } from './search.ts';

/** Runs `from .. to` of a search; skips runs past a failure another range already found. */
export interface RandomRangeInput {
  /** The search: its module's `randomSearchOf(subject)` gives its subject and options. */
  search: SubjectRef;
  from: number;
  to: number;
  /** The lowest failing run index found so far, per search (Int32 slots). */
  cutoff: SharedArrayBuffer;
  slot: number;
}

/** What a search module's `randomSearchOf` builds: the subject and the search's options. */
export interface RandomSearch<E> {
  subject: RandomSubject<E>;
  options: RandomOptions;
}

export async function randomRange(input: RandomRangeInput): Promise<TaskOutput<RandomPartial<unknown>>> {
  const loaded = (await import(input.search.module)) as { randomSearchOf(subject: unknown): RandomSearch<unknown> | Promise<RandomSearch<unknown>> };
  const { subject, options } = await loaded.randomSearchOf(input.search.subject);
  const cutoff = new Int32Array(input.cutoff);
  const partial = searchRandomRange(subject, {
    ...options,
    from: input.from,
    to: input.to,
    skip: (index) => index > Atomics.load(cutoff, input.slot),
    onFailure: (index) => lowerCutoff(cutoff, input.slot, index),
  });
  return { output: partial };
}

/** Lowers a cutoff slot to `index` unless it is lower already. */
export function lowerCutoff(cutoff: Int32Array, slot: number, index: number): void {
  for (;;) {
    const now = Atomics.load(cutoff, slot);
    if (now <= index || Atomics.compareExchange(cutoff, slot, now, index) === now) return;
  }
}

/** The task above as the pool names it. */
export const RANDOM_RANGE = taskRef(import.meta.url, 'randomRange');
