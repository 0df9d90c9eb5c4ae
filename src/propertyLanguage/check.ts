/**
 * Checking one property along one event sequence: the safety phase (the given events, faults
 * allowed), then, for bounded-liveness properties, a heal phase of ticks only. The run is the
 * property's whole judgement of that sequence; every engine (random, exhaustive, replay) uses it.
 */
import { cloneState, init, stepOwned, type Event, type Model, type State } from '../model/index.ts';
import type { Bounds, Property } from './property.ts';

export interface Violation {
  /** Index in the full sequence (safety events, then heal ticks) of the event after which it showed. */
  step: number;
  message: string;
}

export interface RunOutcome {
  violation: Violation | null;
  /** Whether the run exercised the property's trigger. */
  triggered: boolean;
  /** Indices (into the safety events) of the events that applied; the others were no-ops. */
  applied: number[];
  /** Heal ticks run after the safety events. */
  healTicks: number;
}

const TICK: Event = { kind: 'tick' };

/** Checks `property` along `events` (plus the heal phase), from `init(model)` or a given state. */
export function checkRun(model: Model, property: Property, bounds: Bounds, events: readonly Event[], from?: State): RunOutcome {
  const state = from ? cloneState(from) : init(model);
  const applied: number[] = [];
  let triggered = false;
  const always = property.kind === 'always' ? property : null;
  const history = always?.history;
  let memory = history ? clampMemory(history.initial, history.limit) : 0;
  const inspect = (s: State, step: number, event: Event): Violation | null => {
    if (!always) return null;
    if (history) memory = clampMemory(history.next(memory, s, event, model), history.limit);
    if (!triggered && always.triggered(s, model)) triggered = true;
    const message = always.check(s, model, bounds, memory);
    return message === null ? null : { step, message };
  };
  for (let i = 0; i < events.length; i++) {
    if (stepOwned(state, model, events[i]!)) applied.push(i);
    const violation = inspect(state, i, events[i]!);
    if (violation) return { violation, triggered: true, applied, healTicks: 0 };
  }
  const healTicks = property.kind === 'always' ? bounds.healTicks : property.healTicks(bounds);
  const monitor = property.kind === 'eventually' ? property.monitor(state, model, bounds) : null;
  for (let h = 0; h < healTicks; h++) {
    stepOwned(state, model, TICK);
    const step = events.length + h;
    const violation = monitor ? asViolation(monitor.observe(state), step) : inspect(state, step, TICK);
    if (violation) return { violation, triggered: true, applied, healTicks: h + 1 };
  }
  const final = monitor ? asViolation(monitor.finish(state), events.length + healTicks - 1) : null;
  return { violation: final, triggered: monitor ? monitor.triggered() || final !== null : triggered, applied, healTicks };
}

/** A history's memory kept within 0..limit (a user's `next` may step outside it). */
export function clampMemory(value: number, limit: number): number {
  return Number.isInteger(value) ? Math.min(Math.max(value, 0), limit) : 0;
}

function asViolation(message: string | null, step: number): Violation | null {
  return message === null ? null : { step, message };
}
