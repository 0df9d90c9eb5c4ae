/**
 * The model contract: everything the exhaustive engine knows of a model, in the spirit of
 * Stateright's `Model` trait (initial state, enabled actions, next state, properties), with what a
 * breadth-first search over compact states needs besides: a canonical integer vector of a state and
 * its inverse, event codes for the parent links, the clock, and what the adversary may still do.
 * The protocol implements it (src/search/protocolSubject.ts); so does the toy model of the tests.
 * The engines import nothing else of a model.
 */

/** A model as the engine sees it: states `S`, events `E`. */
export interface SearchModel<S, E> {
  /** A fresh initial state; the engine also keeps a few as scratch states to decode into. */
  init(): S;
  /**
   * The events that apply in `state`, in a stable order, the tick among them. Only events of the
   * kinds the search allows: the adapter filters them (see `SearchSubject`).
   */
  enabled(state: S): readonly E[];
  /** Whether `event` is the clock's tick (the only event of the heal phase and of a deterministic tail). */
  isTick(event: E): boolean;
  /** The tick event. */
  readonly tick: E;
  /** Applies `event` to a state the engine owns, in place; false when it did not apply (a no-op). */
  step(state: S, event: E): boolean;
  /** The state's clock. */
  tickOf(state: S): number;
  /**
   * Whether the adversary may act in `state` or in any state after it: a cheap, conservative test
   * of its remaining budgets (false only when no adversary event can ever apply again). The engine
   * uses it to silence the adversary past the horizon honestly: while this is true there, the
   * verdict covers the horizon only.
   */
  adversaryMayAct(state: S): boolean;
  /** A code of `event`: an integer in 0 .. 2^32 - 2, one per event, stable across runs. */
  code(event: E): number;
  /** The event of a code. */
  event(code: number): E;
  /** The longest vector `encode` writes. */
  readonly encodedLength: number;
  /**
   * Writes the state's canonical vector into `out` from 0 and returns its length: two states share
   * a vector exactly when their futures (and what the property reads of them) are the same. Entry 0
   * is the clock, which is not part of the identity (the engine keeps the earliest tick apart).
   */
  encode(state: S, out: Int32Array): number;
  /** Rebuilds a steppable state from `vector[from .. from + length)` into `into`. */
  decode(vector: Int32Array, from: number, into: S): void;
}

/** What a property says of a sequence: the index of the event after which it showed, and why. */
export interface Judgement {
  step: number;
  message: string;
}

/**
 * A property as the engine judges it. `always`: an invariant of every state (with an optional
 * bounded memory of the run, kept in a state's identity); `goal`: "within `healTicks` ticks after the
 * adversary stops, some state meets the goal", checked on the fly along tick chains; `replay`: any
 * other bounded-liveness property, whose heal phase is replayed from every state at or before the
 * horizon.
 */
export interface SearchProperty<S, E> {
  readonly kind: 'always' | 'goal' | 'replay';
  /** Ticks of heal phase after the horizon (always: the suite's; liveness: the property's own). */
  readonly healTicks: number;
  /** always: whether the state violates the invariant, given the run's memory in it. */
  violates(state: S, memory: number): boolean;
  /** always: the run's memory (a small integer in 0..limit), or null for a property of the state alone. */
  readonly history: { initial: number; next(previous: number, state: S, event: E): number } | null;
  /** goal: whether the state meets the goal. */
  goal(state: S): boolean;
  /** replay: whether the heal phase that starts in `state` violates the property. */
  healFails(state: S): boolean;
  /** The property's whole judgement of a sequence from the initial state (heal phase included). */
  judge(events: readonly E[]): Judgement | null;
}

/** A search's subject: the model and the property, bound together (the property reads the model's states). */
export interface SearchSubject<S, E> {
  model: SearchModel<S, E>;
  property: SearchProperty<S, E>;
}

/**
 * A search's subject as plain data, for a pool worker to build: `module` is the URL of a module that
 * builds it from `subject` (its export `searchSubjectOf(subject, kinds)` for the exhaustive engine,
 * `randomSearchOf(subject)` for the random one). Any model that implements the contract can be
 * searched on the pool so, the protocol's as a toy's, without the engines knowing it.
 */
export interface SubjectRef {
  module: string;
  subject: unknown;
}

/** What a property says of one run: its judgement, whether the run exercised its trigger, the events that applied. */
export interface RunOutcome {
  violation: Judgement | null;
  /** Whether the run exercised the property's trigger. */
  triggered: boolean;
  /** Indices (into the safety events) of the events that applied; the others were no-ops. */
  applied: number[];
  /** Heal ticks run after the safety events. */
  healTicks: number;
}

/**
 * A model and property as the random engine sees them: the adversary's event kinds with an
 * arbitrary of each kind's events (the swarm draws a subset of kinds per run), the tick, and the
 * property's judgement of a whole run.
 */
export interface RandomSubject<E> {
  /** The adversary's event kinds the search may use, in the order coverage counts them. */
  readonly kinds: readonly string[];
  /** The events of one kind, as a fast-check arbitrary (parameters from the model's finite sets). */
  eventOf(kind: string): import('fast-check').Arbitrary<E>;
  readonly tick: E;
  isTick(event: E): boolean;
  /** The kind of an adversary event. */
  kindOf(event: E): string;
  /** The property's whole judgement of a run from the initial state: the safety events, then its heal phase. */
  run(events: readonly E[]): RunOutcome;
  /** Whether the property is an invariant (a counterexample then ends at its violation, with the heal ticks up to it made explicit). */
  readonly invariant: boolean;
}
