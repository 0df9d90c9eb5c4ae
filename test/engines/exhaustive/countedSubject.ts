/**
 * A search subject that counts how often this thread built it: a worker builds a search's subject
 * once, for its share and the settling search after it (test/engines/exhaustive/workerTasks.test.ts).
 */
import type { SearchSubject } from '../../../src/engines/contract.ts';
import { wideSubject, type WideEvent, type WideState } from './wideModel.ts';

export const counted = { builds: 0 };

export function searchSubjectOf(widths: number[]): SearchSubject<WideState, WideEvent> {
  counted.builds++;
  return wideSubject(widths);
}
