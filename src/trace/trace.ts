/**
 * The trace generator: one walk of a counterexample from `init(model)`, its events then its heal
 * ticks, yielding after each step the event, whether it applied, the state after it and the effects
 * the step reported. The narrative, the sequence diagram and the ITF export all read this one walk,
 * so they cannot disagree on what happened.
 */
import { init, stepOwned, type Effect, type Event, type Model, type State } from '../model/index.ts';

export interface TraceStep {
  /**
   * Position in the whole sequence (events, then heal ticks), from 0: the `step` of a counterexample
   * file's violation. People read it as step `index + 1`.
   */
  index: number;
  event: Event;
  /** A heal tick appended after the events (the liveness properties' heal phase). */
  heal: boolean;
  /** Whether the event applied (an event that does not apply changes nothing and has no effects). */
  applied: boolean;
  /** The generator's own state after the step: read it before the next step, never keep or change it. */
  state: State;
  /** What the step did, in the order it did it. */
  effects: Effect[];
}

export interface TraceOptions {
  /** Stop after the step of this index (a violation's step); default: run every step. */
  stopAtStep?: number;
}

const TICK: Event = { kind: 'tick' };

/** The steps of `events` plus `healTicks` ticks on `model`, from its initial state. */
export function* trace(model: Model, events: readonly Event[], healTicks = 0, options: TraceOptions = {}): Generator<TraceStep, void> {
  let effects: Effect[] = [];
  const recording: Model = {
    ...model,
    record: (effect) => {
      effects.push(effect);
      model.record?.(effect);
    },
  };
  const state = init(model);
  const steps = events.length + healTicks;
  for (let index = 0; index < steps; index++) {
    const heal = index >= events.length;
    const event = heal ? TICK : events[index]!;
    effects = [];
    const applied = stepOwned(state, recording, event);
    yield { index, event, heal, applied, state, effects };
    if (index === options.stopAtStep) return;
  }
}
