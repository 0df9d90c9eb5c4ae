/**
 * The step function. `step` is the reference semantics: immer `produce` over the mutation recipes,
 * so it never mutates its input and returns the very same state object when the event does not apply.
 * `stepOwned` applies the same recipes to a state the caller owns (a clone, or a simulation's own
 * state) without proxies: the fast path of the engines. A test proves both give equal states.
 * Either reports what it does to the model's recorder when it has one (`Model.record`, effects.ts);
 * a test proves that recording changes no state.
 */
import { produce } from 'immer';
import { apply } from './apply.ts';
import type { Event } from './events.ts';
import type { Model } from './model.ts';
import type { State } from './state.ts';

/** The next state; the input itself (same reference) when the event does not apply. */
export function step(state: State, model: Model, event: Event): State {
  return produce(state, (draft) => {
    apply(draft, model, event);
  });
}

/**
 * Applies an event to a state the caller owns, in place; returns whether it applied. A state that
 * came out of `step` is frozen by immer (and shares frozen parts with its input): clone it first.
 */
export function stepOwned(state: State, model: Model, event: Event): boolean {
  return apply(state, model, event);
}

/** A deep copy of a state, written for its shape (several times faster than structuredClone). */
export function cloneState(state: State): State {
  return {
    ...state,
    peers: state.peers.map((p) => ({ ...p, cache: p.cache.slice() })),
    supernodes: state.supernodes.map((s) => ({ ...s })),
    loginQueue: state.loginQueue.map((r) => ({ ...r })),
    offline: { ...state.offline, queue: state.offline.queue.map((r) => ({ ...r })) },
    counters: { ...state.counters },
  };
}
