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
import { collectedAfter } from '../../parallel/collectGarbage.ts';
import type { Judgement, SearchSubject } from '../contract.ts';
import { collisionProbability } from './_internals/hash64.ts';
import { NO_EVENT } from './_internals/links.ts';
import type { SearchBounds } from './bounds.ts';
import { LevelShare, MAX_SEARCH_TICKS, type Place } from './levelShare.ts';

export { MAX_SEARCH_TICKS, type SearchBounds };

/**
 * `violated` (with a shortest counterexample); `holds-within-horizon` (every sequence whose
 * adversary acts within T ticks, with the heal phase after it); `holds` (the whole reachable state
 * space was explored, sequences of any length); `bound-reached` (the state or memory bound stopped
 * the search first: no verdict).
 */
export type ExhaustiveVerdict = 'violated' | 'holds-within-horizon' | 'holds' | 'bound-reached';

/**
 * A search's bounds (`SearchBounds`, as the caller resolved them) and how it reports. `reductions:
 * false` sends every state through the frontier and replays every heal phase: the unreduced search
 * that tests compare the reduced one with.
 */
export interface ExhaustiveOptions<K extends string = string> extends SearchBounds<K> {
  /**
   * A shortest violation is known to have this safety-phase length (a parallel search found it):
   * stop at the first violation of that length, the one this search would end with anyway.
   */
  settleAt?: number;
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

export interface ExhaustiveResult<E = unknown> extends ExhaustiveStats {
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
  counterexample: { events: E[]; violation: Judgement } | null;
  /** Whether the counterexample is a shortest one (false when a bound stopped the search after finding it). */
  shortest: boolean;
  /** Worker threads the search ran on. */
  workers: number;
}

/** The result's figures from its statistics. */
export function resultOf<E>(
  s: ExhaustiveStats,
  verdict: ExhaustiveVerdict,
  stoppedBy: ExhaustiveResult['stoppedBy'],
  horizon: number,
  healTicks: number,
  counterexample: ExhaustiveResult<E>['counterexample'],
  workers: number,
): ExhaustiveResult<E> {
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
 * The search in this thread: one level share that holds every level and owns every state. After a large search the thread
 * collects what it held, so that the next search does not start beside it (collectGarbage.ts).
 */
export function searchExhaustive<S, E>(subject: SearchSubject<S, E>, options: ExhaustiveOptions): ExhaustiveResult<E> & { keptStates?: string[] } {
  return collectedAfter(searchInThisThread(subject, options));
}

function searchInThisThread<S, E>(subject: SearchSubject<S, E>, options: ExhaustiveOptions): ExhaustiveResult<E> & { keptStates?: string[] } {
  const started = performance.now();
  const { horizon } = options;
  const { model, property } = subject;
  const share = new LevelShare(subject, options);
  let depth = 0;
  const stats = (): ExhaustiveStats => ({
    states: share.seen.size,
    branchingStates: share.branchingStates,
    transitions: share.transitions,
    depth,
    ticks: share.maxTick,
    ms: performance.now() - started,
    bytes: share.peakBytes,
  });
  share.onPulse = options.onProgress ? () => options.onProgress!(stats()) : null;
  if (options.settleAt !== undefined) share.settleAt = options.settleAt;
  const finish = (verdict: ExhaustiveVerdict, stoppedBy: ExhaustiveResult['stoppedBy']): ExhaustiveResult<E> & { keptStates?: string[] } => {
    share.measure();
    const result = resultOf(stats(), verdict, stoppedBy, horizon, share.healTicks, share.best ? counterexample(share.best) : null, 1);
    return options.keepStates ? { ...result, keptStates: share.keptStates } : result;
  };

  const counterexample = (at: Place & { heal: number }): { events: E[]; violation: Judgement } => {
    // The path to the violating state; for a tail state that missed the goal H times in a row, the
    // heal phase is the last H ticks of it, which the property's judgement appends again.
    const tickCode = share.tickEventCode;
    const codes = share.links!.path(at.parent, tickCode);
    if (at.code !== NO_EVENT) codes.push(at.code);
    for (let t = 0; t < at.ticks; t++) codes.push(tickCode);
    const events = codes.slice(0, codes.length - at.heal).map((code) => model.event(code));
    const violation = property.judge(events);
    if (!violation) throw new Error('exhaustive engine: the counterexample it found does not replay (an engine defect)');
    return { events, violation };
  };

  share.seed();
  if (share.stop) return finish(share.best ? 'violated' : 'bound-reached', share.stop);
  for (let level = share.minLevel; level !== null; level = share.minLevel) {
    share.expand(level);
    if (share.settled) return finish('violated', 'violation');
    if (share.stop) return finish(share.best ? 'violated' : 'bound-reached', share.stop);
    depth = level + 1;
    if (share.best !== null && share.best.safety <= depth) return finish('violated', 'violation');
  }
  if (share.best !== null) return finish('violated', 'violation');
  return finish(share.cut ? 'holds-within-horizon' : 'holds', share.cut ? 'horizon' : 'complete');
}
