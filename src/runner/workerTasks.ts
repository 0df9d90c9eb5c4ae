/**
 * A pair's searches as pool workers build them: the engines' worker tasks (src/engines/*\/workerTasks.ts)
 * take a search as a `SubjectRef`, this module's URL and a spec of plain data (the pair, its overrides
 * and scope), and this module builds the protocol's subject from it in the worker (`searchSubjectOf`
 * for the exhaustive engine, `randomSearchOf` for the random one), its suite file loaded once there.
 */
import { propertyOf } from '../../properties/index.ts';
import type { SubjectRef } from '../engines/contract.ts';
import type { RandomSearch } from '../engines/random/workerTasks.ts';
import type { Event } from '../model/index.ts';
import type { Bounds } from '../propertyLanguage/index.ts';
import { protocolRandomSubject, protocolSubject } from '../search/protocolSubject.ts';
import type { SearchBounds } from '../search/exhaustive.ts';
import { pairModel, randomSearchOf as pairRandomSearch, type CheckOptions } from './checkPair.ts';
import type { Overrides } from './overrides.ts';
import { pairOf, type PairSpec } from './pairSpec.ts';

/**
 * An exhaustive search's subject as plain data, for a worker to build the pair's model from: the
 * pair and the parameters over its suite's exhaustive scope (or its full tier's). No bounds of the
 * search: those travel beside it, resolved, as `SearchBounds` (see the engine's onPool.ts).
 */
export interface ExhaustiveSearchSpec {
  pair: PairSpec;
  overrides: Overrides;
  full?: true;
  /** The property's bounds over the suite's (the reference tests shorten the heal phase to keep their scopes small). */
  bounds?: Partial<Bounds>;
}

/** A random search of a pair as plain data: the pair and the options its runs, seed and model depend on. */
export interface RandomSearchSpec {
  pair: PairSpec;
  options: Pick<CheckOptions, 'overrides' | 'runs' | 'seed' | 'budget'>;
}

/** The exhaustive search `spec` names, for the pool's workers to build (see `searchSubjectOf`). */
export function exhaustiveSearchRef(spec: ExhaustiveSearchSpec): SubjectRef {
  return { module: import.meta.url, subject: spec };
}

/** The random search `spec` names, for the pool's workers to build (see `randomSearchOf`). */
export function randomSearchRef(spec: RandomSearchSpec): SubjectRef {
  return { module: import.meta.url, subject: spec };
}

/** In a worker: the protocol's subject of an exhaustive search spec, on the event kinds the search allows. */
export async function searchSubjectOf(spec: ExhaustiveSearchSpec, kinds: SearchBounds['kinds']) {
  const pair = await pairOf(spec.pair);
  const model = pairModel(pair, spec.overrides, spec.full ? 'full' : true);
  return protocolSubject(model, propertyOf(pair.suite, pair.property)!, { ...pair.suite.bounds, ...spec.bounds }, kinds);
}

/** In a worker: the protocol's random subject and the search's options of a random search spec. */
export async function randomSearchOf(spec: RandomSearchSpec): Promise<RandomSearch<Event>> {
  const { model, property, bounds, search } = pairRandomSearch(await pairOf(spec.pair), spec.options);
  return { subject: protocolRandomSubject(model, property, bounds, search.kinds), options: search };
}
