/**
 * The exhaustive engine: breadth-first search over every event sequence whose adversary events fall
 * within a tick horizon T (as Spin's TMAX bounds time), followed by the heal phase, from `init`.
 *
 * - Sequences: the adversary (faults, user and operator actions of the allowed kinds, within the
 *   model's budgets) acts at ticks 0..T; ticks run on to T + H, the heal phase, in which only ticks
 *   happen. Invariants are checked in every state; bounded liveness from every state at tick <= T as
 *   the start of a heal phase. A goal property ("the goal is met within H ticks") is replayed from a
 *   branching state only until the goal is met (a tick or two once the network has healed), and is
 *   checked along a tail with a history counter in the state's identity (states in a row that missed
 *   the goal), so a tail is never replayed; any other property replays its heal phase from the state.
 * - Identity: the model's canonical vector (`encode`) of the state, with the counters the property
 *   reads and the memory of a property with history (see `History`), hashed to 64 bits (hash compaction: `collisionProbability` says what that risks). Nothing
 *   about the model is known here.
 * - Dedup under a horizon: the seen-set keeps the earliest tick each state was reached at. A state
 *   reached again at that tick or later is skipped: its earlier visit had at least as many ticks left,
 *   the adversary's choices depend only on the state and the tick (budgets are part of the state),
 *   so every continuation of the later visit is a continuation of the earlier one. A state reached
 *   again at an earlier tick is explored again.
 * - Shortest: levels are event counts (ticks and adversary events alike), so the first violation of
 *   the lowest level is a shortest one. With budgets in the state, two visits of one state differ in
 *   depth exactly as in tick, so the earliest-tick rule keeps the shallowest visit too.
 * - Deterministic tails: a state in which the adversary can do nothing (budgets spent, or past T)
 *   has one future, its tick chain. It is followed in place (no copy, no frontier entry, no link) and
 *   only its fingerprint is stored; the chain stops where it meets a state already seen.
 * - Storage: branching states wait in per-level queues as variable-length integer vectors and keep
 *   a 10-byte parent link; counterexamples are read back from the links, never rebuilt by replay.
 */
import { eventCode, eventOfCode, type AdversaryKind, type Event } from '../model/events.ts';
import type { Model } from '../model/model.ts';
import { checkRun, type Bounds, type Property, type Violation } from '../properties/index.ts';
import { collectedAfter } from '../parallel/collectGarbage.ts';
import { collisionProbability } from './_internals/hash64.ts';
import { NO_EVENT } from './_internals/links.ts';
import { MAX_SEARCH_TICKS, Partition, type Place } from './partition.ts';

export { MAX_SEARCH_TICKS };

/**
 * `violated` (with a shortest counterexample); `holds-within-horizon` (every sequence whose
 * adversary acts within T ticks, with the heal phase after it); `holds` (the whole reachable state
 * space was explored, sequences of any length); `bound-reached` (the state or memory bound stopped
 * the search first: no verdict).
 */
export type ExhaustiveVerdict = 'violated' | 'holds-within-horizon' | 'holds' | 'bound-reached';

export interface ExhaustiveOptions {
  /** T: the last tick at which the adversary may act. */
  horizon: number;
  /** Most distinct states. */
  maxStates: number;
  /** Bytes the search's stores (seen-set, links, frontier) may hold. */
  maxMemoryBytes: number;
  /** Event kinds the adversary may use besides tick (default: all). */
  kinds?: readonly AdversaryKind[];
  /**
   * The reductions (deterministic tails followed in place, goal history along tails); default on.
   * Off, every state goes through the frontier and every heal phase is replayed: the unreduced
   * reference search that tests compare the reduced one with.
   */
  reductions?: boolean;
  /**
   * A shortest violation is known to have this safety-phase length (a parallel search found it):
   * stop at the first violation of that length, the one this search would end with anyway.
   */
  settleAt?: number;
  /** Swarm shard K of N: only the sequences whose first adversary event falls to it (see partition.ts). */
  swarm?: { index: number; count: number };
  onProgress?: (stats: ExhaustiveStats) => void;
}

export interface ExhaustiveStats {
  /** Distinct states (fingerprints) stored. */
  states: number;
  /** Of those, the states the adversary could still act in (queued and linked; the rest are tail states). */
  branchingStates: number;
  /** Transitions taken (events that applied), duplicates included. */
  transitions: number;
  /** Deepest level (events from init) fully expanded. */
  depth: number;
  /** Latest tick reached. */
  ticks: number;
  ms: number;
  /** Bytes held by the stores at their peak. */
  bytes: number;
}

export interface ExhaustiveResult extends ExhaustiveStats {
  verdict: ExhaustiveVerdict;
  /** What ended the search: a violation, the horizon, a closed state space, or a bound. */
  stoppedBy: 'violation' | 'horizon' | 'complete' | 'states' | 'memory';
  horizon: number;
  /** Heal ticks after the horizon. */
  healTicks: number;
  statesPerSecond: number;
  transitionsPerSecond: number;
  bytesPerState: number;
  /** Chance that a fingerprint collision merged two distinct states (n^2 / 2^65). */
  collisionProbability: number;
  counterexample: { events: Event[]; violation: Violation } | null;
  /** Whether the counterexample is a shortest one (false when a bound stopped the search after finding it). */
  shortest: boolean;
  /** Worker threads the search ran on. */
  workers: number;
}

const TICK_CODE = eventCode({ kind: 'tick' });

/** The result's figures from its statistics. */
export function resultOf(
  s: ExhaustiveStats,
  verdict: ExhaustiveVerdict,
  stoppedBy: ExhaustiveResult['stoppedBy'],
  horizon: number,
  healTicks: number,
  counterexample: ExhaustiveResult['counterexample'],
  workers: number,
): ExhaustiveResult {
  const seconds = Math.max(s.ms, 1e-3) / 1000;
  return {
    ...s,
    verdict,
    stoppedBy,
    horizon,
    healTicks,
    statesPerSecond: s.states / seconds,
    transitionsPerSecond: s.transitions / seconds,
    bytesPerState: s.states > 0 ? s.bytes / s.states : 0,
    collisionProbability: collisionProbability(s.states),
    counterexample,
    shortest: counterexample !== null && stoppedBy === 'violation',
    workers,
  };
}

/**
 * The search in this thread: one partition that owns every state. After a large search the thread
 * collects what it held, so that the next search does not start beside it (collectGarbage.ts).
 */
export function searchExhaustive(model: Model, property: Property, bounds: Bounds, options: ExhaustiveOptions): ExhaustiveResult {
  return collectedAfter(searchInThisThread(model, property, bounds, options));
}

function searchInThisThread(model: Model, property: Property, bounds: Bounds, options: ExhaustiveOptions): ExhaustiveResult {
  const started = performance.now();
  const { horizon } = options;
  const part = new Partition(model, property, bounds, options);
  let depth = 0;
  const stats = (): ExhaustiveStats => ({ states: part.seen.size, branchingStates: part.branchingStates, transitions: part.transitions, depth, ticks: part.maxTick, ms: performance.now() - started, bytes: part.peakBytes });
  part.onPulse = options.onProgress ? () => options.onProgress!(stats()) : null;
  if (options.settleAt !== undefined) part.settleAt = options.settleAt;
  const finish = (verdict: ExhaustiveVerdict, stoppedBy: ExhaustiveResult['stoppedBy']): ExhaustiveResult => {
    part.measure();
    return resultOf(stats(), verdict, stoppedBy, horizon, part.healTicks, part.best ? counterexample(part.best) : null, 1);
  };

  const counterexample = (at: Place & { heal: number }): { events: Event[]; violation: Violation } => {
    // The path to the violating state; for a tail state that missed the goal H times in a row, the
    // heal phase is the last H ticks of it, which `checkRun` appends again.
    const codes = part.links!.path(at.parent, TICK_CODE);
    if (at.code !== NO_EVENT) codes.push(at.code);
    for (let t = 0; t < at.ticks; t++) codes.push(TICK_CODE);
    const events = codes.slice(0, codes.length - at.heal).map(eventOfCode);
    const outcome = checkRun(model, property, bounds, events);
    if (!outcome.violation) throw new Error(`exhaustive engine: the counterexample it found for ${property.id} does not replay (an engine defect)`);
    return { events, violation: outcome.violation };
  };

  part.seed();
  if (part.stop) return finish(part.best ? 'violated' : 'bound-reached', part.stop);
  for (let level = part.minLevel; level !== null; level = part.minLevel) {
    part.expand(level);
    if (part.settled) return finish('violated', 'violation');
    if (part.stop) return finish(part.best ? 'violated' : 'bound-reached', part.stop);
    depth = level + 1;
    if (part.best !== null && part.best.safety <= depth) return finish('violated', 'violation');
  }
  if (part.best !== null) return finish('violated', 'violation');
  return finish(part.cut ? 'holds-within-horizon' : 'holds', part.cut ? 'horizon' : 'complete');
}
