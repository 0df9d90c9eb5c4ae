/**
 * A search subject that, once a pool worker has built it, throws outside any task, right after
 * (an uncaught error of two lines, as a user's suite file might): for the pool's test of a worker
 * that fails on its own (test/parallel/pool.test.ts).
 */
import type { SearchSubject } from '../../../src/engines/contract.ts';
import { toySubject, type ToyEvent, type ToyState } from '../../support/toyModel.ts';

export function searchSubjectOf(_spec: unknown): SearchSubject<ToyState, ToyEvent> {
  setImmediate(() => {
    throw new Error('the subject broke\nat a second line');
  });
  return toySubject({ budget: 2, window: 2, heal: 3 }, 'calm');
}
