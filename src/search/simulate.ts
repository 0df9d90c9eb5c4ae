/**
 * Simulation: runs one event sequence through the model on a state it owns (the fast path), and
 * reports the metrics after every event. The engine behind `simulate` and the population figures.
 */
import { cloneState, init, metrics, stepOwned, type Event, type Metrics, type Model, type State } from '../model/index.ts';

export interface SimulationStep {
  index: number;
  event: Event;
  applied: boolean;
  metrics: Metrics;
  /** The simulation's own state after the event: read it before the next step, never keep or change it. */
  state: State;
}

/** Yields the metrics after each event, starting from `init(model)` or a given state. */
export function* simulate(model: Model, events: readonly Event[], from?: State): Generator<SimulationStep, State> {
  const state = from ? cloneState(from) : init(model);
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const applied = stepOwned(state, model, event);
    yield { index, event, applied, metrics: metrics(state), state };
  }
  return state;
}
