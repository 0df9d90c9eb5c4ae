/**
 * The exhaustive engine on the protocol, on a pool of workers: the generic coordinator
 * (src/engines/exhaustive/onPool.ts); each worker builds the protocol's subject from `search` (a
 * module and its plain data: the runner's, src/runner/workerTasks.ts, for a pair).
 */
import { searchExhaustiveOnPool as searchSubjectOnPool } from '../engines/exhaustive/onPool.ts';
import type { SubjectRef } from '../engines/contract.ts';
import type { Pool } from '../parallel/pool.ts';
import type { Bounds, Property } from '../propertyLanguage/index.ts';
import type { Event } from '../model/index.ts';
import { healTicksOf, type ExhaustiveOptions, type ExhaustiveResult } from './exhaustive.ts';

/**
 * Searches as `searchExhaustive` does, on every worker of `pool`. `search` describes the search for
 * the workers (they build its subject); `property` and `bounds` are the same search's, here.
 */
export function searchExhaustiveOnPool(
  pool: Pool,
  search: SubjectRef,
  property: Property,
  bounds: Bounds,
  options: ExhaustiveOptions,
): Promise<ExhaustiveResult & { keptStates?: string[] }> {
  return searchSubjectOnPool<Event>(pool, search, healTicksOf(property, bounds), options);
}
