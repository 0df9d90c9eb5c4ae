/**
 * The property language. A property is either `always` (an invariant checked in every state of a
 * run, heal phase included) or `eventually` (bounded liveness, judged by a monitor that watches the
 * heal phase after the last fault). Each also says what its trigger is, so that a suite can report how
 * often a run actually exercised it: a property whose trigger never fired is vacuous, not passing.
 */
import type { Counters, Event, Model, State } from '../model/index.ts';

/** The bounds and horizons a suite states as its assumptions. */
export interface Bounds {
  /** no-cascade: protocol-caused supernode losses allowed per supernode lost to an injected fault. */
  cascadeFactor: number;
  /** bounded-login-load: most requests waiting at the login server. */
  loginQueue: number;
  /** bounded-login-load: most connect attempts in a run per client that wants to be online. */
  amplification: number;
  /** recovers: heal phase H, in ticks after the last fault. */
  healTicks: number;
  /** login-completes: T, ticks within which a login begun in the heal phase completes. */
  loginTicks: number;
}

export const DEFAULT_BOUNDS: Bounds = { cascadeFactor: 1, loginQueue: 3, amplification: 8, healTicks: 40, loginTicks: 20 };

/**
 * What an invariant remembers of the run so far, in the style of a P monitor or a bounded temporal
 * operator: one small integer, updated after every event, bounded by `limit` so that the exhaustive
 * engine can keep it in a state's identity (two visits of a state with different memories are
 * different states). Example: ticks in a row that more than half the clients were offline.
 */
export interface History {
  /** The memory in the initial state. */
  initial: number;
  /** Largest value the memory takes (values are clamped to 0..limit). */
  limit: number;
  /** The memory after `event` led to `state`, from the memory before it. */
  next(previous: number, state: State, event: Event, model: Model): number;
}

/** An invariant: a sentence describing the violation, or null when the state is fine. */
export interface AlwaysProperty {
  kind: 'always';
  id: string;
  summary: string;
  /** `memory` is the history's value in this state (0 for a property without one). */
  check(state: State, model: Model, bounds: Bounds, memory: number): string | null;
  /** What the invariant remembers along a run; absent for a property of the state alone. */
  history?: History;
  /** The running counters the check reads; engines keep these in a state's identity and drop the rest. */
  reads: readonly (keyof Counters)[];
  /** Whether this state shows the trigger was exercised (checked on every state of the run). */
  triggered(state: State, model: Model): boolean;
}

/** A monitor over the heal phase: fed every heal state, asked at the end (or earlier) for a verdict. */
export interface HealMonitor {
  /** Observes one heal-phase state; returns a violation sentence as soon as one is certain. */
  observe(state: State): string | null;
  /** The verdict when the heal phase is over. */
  finish(state: State): string | null;
  /** Whether the run exercised the trigger. */
  triggered(): boolean;
}

/** Bounded liveness: checked over the heal phase (ticks only) that follows the last fault. */
export interface EventuallyProperty {
  kind: 'eventually';
  id: string;
  summary: string;
  /** Ticks of heal phase this property needs. */
  healTicks(bounds: Bounds): number;
  monitor(start: State, model: Model, bounds: Bounds): HealMonitor;
  /** The running counters the monitor reads (see AlwaysProperty.reads). */
  reads: readonly (keyof Counters)[];
  /**
   * When the property is "some state among the heal start and the H ticks after it meets this goal"
   * (H = healTicks), the goal itself. The exhaustive engine then checks it on the fly with a history
   * counter (ticks in a row without the goal) instead of replaying a heal phase from every state.
   * Its monitor must agree: a test compares both on random runs.
   */
  goal?(state: State): boolean;
}

export type Property = AlwaysProperty | EventuallyProperty;
