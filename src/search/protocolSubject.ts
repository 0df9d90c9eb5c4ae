/**
 * The protocol as the exhaustive engine's subject: the model contract (src/engines/contract.ts)
 * implemented by the protocol's own `init`, `enabled`, `stepOwned`, `encode` and `decode`, and a
 * property of the suites as the engine judges it. The engine sees nothing else of the protocol.
 */
import type { RandomSubject, SearchModel, SearchProperty, SearchSubject } from '../engines/contract.ts';
import {
  ADVERSARY_KINDS,
  decode,
  enabled,
  encode,
  encodedLength,
  eventCode,
  eventOfCode,
  init,
  stepOwned,
  type AdversaryKind,
  type Event,
  type Model,
  type State,
} from '../model/index.ts';
import { checkRun, clampMemory, type Bounds, type Property } from '../propertyLanguage/index.ts';
import { eventOf, SWARM_KINDS } from './eventArbitrary.ts';

const TICK: Event = { kind: 'tick' };

/** The heal ticks after the horizon: an invariant's from the bounds, a liveness property's its own. */
export function healTicksOf(property: Property, bounds: Bounds): number {
  return property.kind === 'always' ? bounds.healTicks : property.healTicks(bounds);
}

/**
 * The protocol model for a search of `property`: its identity keeps the counters the property reads;
 * its events are the tick and the adversary events of the allowed `kinds` (all when omitted).
 */
export function protocolSearchModel(model: Model, property: Property, kinds?: readonly AdversaryKind[]): SearchModel<State, Event> {
  const { config, protocol } = model;
  const reads = property.reads;
  const allowed = new Set<string>(kinds ?? ADVERSARY_KINDS);
  const everyKind = ADVERSARY_KINDS.every((k) => allowed.has(k));
  const megaAllowed = allowed.has('addMegaSupernodes') && protocol.megaSupernodes;
  return {
    init: () => init(model),
    enabled: everyKind ? (state) => enabled(state, model) : (state) => onlyAllowed(enabled(state, model), allowed),
    isTick: (event) => event.kind === 'tick',
    tick: TICK,
    step: (state, event) => stepOwned(state, model, event),
    tickOf: (state) => state.tick,
    // The budgets, whatever kinds are allowed: past the horizon an unspent budget means the search
    // did not see everything the model allows (conservative, as `holds` must be).
    adversaryMayAct: (state) => state.faultsUsed < config.faultBudget || state.userActions < config.churnBudget || megaAllowed,
    code: eventCode,
    event: eventOfCode,
    encodedLength: encodedLength(model, reads),
    encode: (state, out) => encode(state, model, reads, out),
    decode: (vector, from, into) => {
      decode(vector, from, model, reads, into);
    },
  };
}

/** `events` cut down in place to the tick and the allowed kinds: the hot path, so no second array. */
function onlyAllowed(events: Event[], allowed: ReadonlySet<string>): Event[] {
  let kept = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.kind === 'tick' || allowed.has(event.kind)) events[kept++] = event;
  }
  events.length = kept;
  return events;
}

/** A suite property as the engine judges it, on `model` under `bounds`. */
export function protocolSearchProperty(model: Model, property: Property, bounds: Bounds): SearchProperty<State, Event> {
  const healTicks = healTicksOf(property, bounds);
  const judge = (events: readonly Event[]) => checkRun(model, property, bounds, events).violation;
  if (property.kind === 'always') {
    const history = property.history;
    return {
      kind: 'always',
      healTicks,
      violates: (state, memory) => property.check(state, model, bounds, memory) !== null,
      history: history
        ? {
            initial: clampMemory(history.initial, history.limit),
            next: (previous, state, event) => clampMemory(history.next(previous, state, event, model), history.limit),
          }
        : null,
      goal: () => false,
      healFails: () => false,
      judge,
    };
  }
  const goal = property.goal;
  return {
    kind: goal ? 'goal' : 'replay',
    healTicks,
    violates: () => false,
    history: null,
    goal: goal ? (state) => goal.call(property, state) : () => false,
    healFails: (state) => checkRun(model, property, bounds, [], state).violation !== null,
    judge,
  };
}

/** The subject of a search of `property` on `model`. */
export function protocolSubject(model: Model, property: Property, bounds: Bounds, kinds?: readonly AdversaryKind[]): SearchSubject<State, Event> {
  return { model: protocolSearchModel(model, property, kinds), property: protocolSearchProperty(model, property, bounds) };
}

/**
 * The protocol for the random engine: the allowed adversary kinds (all when omitted) in the swarm's
 * order, their events from the config's finite sets, and `property` judged by `checkRun`.
 */
export function protocolRandomSubject(model: Model, property: Property, bounds: Bounds, kinds?: readonly AdversaryKind[]): RandomSubject<Event> {
  const allowed = SWARM_KINDS.filter((k) => (kinds ?? SWARM_KINDS).includes(k));
  return {
    kinds: allowed,
    eventOf: (kind) => eventOf(kind as AdversaryKind, model.config),
    tick: TICK,
    isTick: (event) => event.kind === 'tick',
    kindOf: (event) => event.kind,
    run: (events) => checkRun(model, property, bounds, events),
    invariant: property.kind === 'always',
  };
}
