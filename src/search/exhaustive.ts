/**
 * The exhaustive engine on the protocol: the generic breadth-first search
 * (src/engines/exhaustive/search.ts) over the protocol's subject (protocolSubject.ts). Callers keep
 * the protocol's own types; the engine sees only the model contract.
 */
import {
  searchExhaustive as searchSubject,
  type ExhaustiveOptions as EngineOptions,
  type ExhaustiveResult as EngineResult,
  type SearchBounds as EngineBounds,
} from '../engines/exhaustive/search.ts';
import type { AdversaryKind, Event, Model } from '../model/index.ts';
import type { Bounds, Property } from '../propertyLanguage/index.ts';
import { protocolSubject } from './protocolSubject.ts';

export { MAX_SEARCH_TICKS, resultOf, type ExhaustiveStats, type ExhaustiveVerdict } from '../engines/exhaustive/search.ts';
export { swarmShardOf } from '../engines/exhaustive/levelShare.ts';
export { healTicksOf } from './protocolSubject.ts';

/** A search's bounds (the engine's `SearchBounds`), with the protocol's event kinds. */
export type SearchBounds = EngineBounds<AdversaryKind>;

/** A search's bounds and reporting (the engine's `ExhaustiveOptions`), with the protocol's event kinds. */
export type ExhaustiveOptions = EngineOptions<AdversaryKind>;

/** A search's result, with the protocol's events in its counterexample. */
export type ExhaustiveResult = EngineResult<Event>;

/** Searches every sequence within the horizon for a violation of `property` on `model` (see the engine). */
export function searchExhaustive(model: Model, property: Property, bounds: Bounds, options: ExhaustiveOptions): ExhaustiveResult & { keptStates?: string[] } {
  return searchSubject(protocolSubject(model, property, bounds, options.kinds), options);
}
