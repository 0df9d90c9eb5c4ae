/**
 * The random engine on the protocol: the generic engine (src/engines/random/search.ts) over the
 * protocol's random subject (protocolSubject.ts). Callers keep the protocol's types and options.
 */
import * as engine from '../engines/random/search.ts';
import type { AdversaryKind, Event, Model } from '../model/index.ts';
import type { Bounds, Property } from '../propertyLanguage/index.ts';
import { SWARM_KINDS } from './eventArbitrary.ts';
import { protocolRandomSubject } from './protocolSubject.ts';

export { joinRanges, lateFrom, mergeRandom, type CellWindow, type Coverage, type Verdict } from '../engines/random/search.ts';

/** A search's options, with the protocol's event kinds the suite allows (default: all). */
export interface RandomOptions extends engine.RandomOptions {
  kinds?: readonly AdversaryKind[];
}
export interface RangeOptions extends engine.RangeOptions {
  kinds?: readonly AdversaryKind[];
}
export type RandomResult = engine.RandomResult<Event>;
export type RandomPartial = engine.RandomPartial<Event>;
export type Counterexample = engine.Counterexample<Event>;

/** Searches runs `from .. to` (see the engine's `RandomPartial`). */
export function searchRandomRange(model: Model, property: Property, bounds: Bounds, options: RangeOptions): RandomPartial {
  return engine.searchRandomRange(protocolRandomSubject(model, property, bounds, options.kinds), options);
}

/** One search over runs `0 .. options.runs`, in this thread. */
export function searchRandom(model: Model, property: Property, bounds: Bounds, options: RandomOptions): RandomResult {
  return engine.searchRandom(protocolRandomSubject(model, property, bounds, options.kinds), options);
}

/** The cells a search of these options can exercise: its event kinds x the ticks of its window. */
export function possibleCells(options: { kinds?: readonly AdversaryKind[]; maxEvents: number }): number {
  const { kinds, ticks } = cellWindow(options);
  return engine.possibleCells(kinds, ticks);
}

/** The window of a search of these options: how many event kinds it allows, and its ticks (maxEvents). */
export function cellWindow(options: { kinds?: readonly AdversaryKind[]; maxEvents: number }): engine.CellWindow {
  return { kinds: SWARM_KINDS.filter((k) => (options.kinds ?? SWARM_KINDS).includes(k)).length, ticks: options.maxEvents };
}
