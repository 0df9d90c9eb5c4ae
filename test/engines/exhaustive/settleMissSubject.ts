/**
 * A search subject whose violation is there only the first time a worker builds it: the pool's
 * search meets it, and the settling one-thread search that follows (built again, on worker 0) does
 * not. For the coordinator's answer when the settling search gives no counterexample
 * (test/engines/exhaustive/toyWorkers.test.ts).
 */
import type { SearchSubject } from '../../../src/engines/contract.ts';
import { wideSubject, type WideEvent, type WideState } from './wideModel.ts';

const built = new Map<string, number>();

export function searchSubjectOf(key: string): SearchSubject<WideState, WideEvent> {
  const times = (built.get(key) ?? 0) + 1;
  built.set(key, times);
  return times === 1 ? wideSubject([3, 3], [2, 2]) : wideSubject([3, 3]);
}
