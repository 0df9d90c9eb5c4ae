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
import { decode, encode, encodedLength } from '../model/encode.ts';
import { enabled } from '../model/enabled.ts';
import { ADVERSARY_KINDS, eventCode, eventOfCode, type AdversaryKind, type Event } from '../model/events.ts';
import { init } from '../model/init.ts';
import type { Model } from '../model/model.ts';
import type { State } from '../model/state.ts';
import { stepOwned } from '../model/step.ts';
import { checkRun, clampMemory, type Bounds, type Property, type Violation } from '../properties/index.ts';
import { collisionProbability, hash64 } from './_internals/hash64.ts';
import { Links, NO_EVENT } from './_internals/links.ts';
import { SeenSet } from './_internals/seenSet.ts';
import { VectorQueue } from './_internals/vectorQueue.ts';

/**
 * `violated` (with a shortest counterexample); `holds-within-horizon` (every sequence whose
 * adversary acts within T ticks, with the heal phase after it); `holds` (the whole reachable state
 * space was explored, sequences of any length); `bound-reached` (the state or memory bound stopped
 * the search first: no verdict).
 */
export type ExhaustiveVerdict = 'violated' | 'holds-within-horizon' | 'holds' | 'bound-reached';

/** The longest horizon plus heal phase a search may span (a link counts a tail's ticks in 16 bits). */
export const MAX_SEARCH_TICKS = 60_000;

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
}

const TICK: Event = { kind: 'tick' };
const TICK_CODE = eventCode(TICK);

/** Where a state sits: reached from branching state `parent` by `code`, then `ticks` ticks; `depth` events from init. */
interface Place {
  depth: number;
  parent: number;
  code: number;
  ticks: number;
}

export function searchExhaustive(model: Model, property: Property, bounds: Bounds, options: ExhaustiveOptions): ExhaustiveResult {
  const started = performance.now();
  const { horizon } = options;
  const always = property.kind === 'always' ? property : null;
  const eventually = property.kind === 'eventually' ? property : null;
  const goal = eventually?.goal ? (s: State) => eventually.goal!(s) : null;
  const history = always?.history ?? null;
  const lane = goal !== null || history !== null;
  const healTicks = always ? bounds.healTicks : eventually!.healTicks(bounds);
  const replaysHeal = eventually !== null && goal === null;
  const tickLimit = replaysHeal ? horizon : horizon + healTicks;
  if (tickLimit > MAX_SEARCH_TICKS) throw new RangeError(`horizon plus heal phase must be at most ${MAX_SEARCH_TICKS} ticks`);
  const reads = property.reads;
  const allowed = new Set<string>(options.kinds ?? ADVERSARY_KINDS);
  const { faultBudget, churnBudget } = model.config;
  const megaAllowed = allowed.has('addMegaSupernodes') && model.protocol.megaSupernodes;
  const reduced = options.reductions !== false;

  const width = encodedLength(model, reads) + 1;
  const lanes = new Uint32Array(2);
  const vector = new Int32Array(width);
  const parentVector = new Int32Array(width);
  const parentState = init(model);
  const work = init(model);
  const heal = init(model);
  const seen = new SeenSet();
  const links = new Links();
  const levels = new Map<number, VectorQueue>();
  let transitions = 0;
  let depth = 0;
  let maxTick = 0;
  let peakBytes = 0;
  let cut = false;
  let visits = 0;
  let best: (Place & { safety: number; heal: number }) | null = null;
  let stop: 'states' | 'memory' | null = null;

  const bytes = (): number => {
    let queued = 0;
    for (const q of levels.values()) queued += q.byteLength;
    return seen.bytes + links.bytes + queued;
  };
  const stats = (): ExhaustiveStats => ({ states: seen.size, branchingStates: links.length, transitions, depth, ticks: maxTick, ms: performance.now() - started, bytes: peakBytes });
  const finish = (verdict: ExhaustiveVerdict, stoppedBy: ExhaustiveResult['stoppedBy']): ExhaustiveResult => {
    peakBytes = Math.max(peakBytes, bytes());
    const s = stats();
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
      counterexample: best ? counterexample(best) : null,
      shortest: best !== null && stoppedBy === 'violation',
    };
  };

  /** Whether the adversary has an allowed event in `state` (budgets first: the cheap and common answer). */
  const adversaryCanAct = (state: State): boolean => {
    if (!reduced) return true; // the unreduced search queues every state; its expansion prunes past T
    if (state.tick > horizon) {
      // Past the horizon the adversary is silenced: if its budgets would still let it act, the
      // search did not cover everything (a conservative test: `holds` claims nothing it did not see).
      if (state.faultsUsed < faultBudget || state.userActions < churnBudget || megaAllowed) cut = true;
      return false;
    }
    if (state.faultsUsed >= faultBudget && state.userActions >= churnBudget && !megaAllowed) return false;
    for (const event of enabled(state, model)) if (event.kind !== 'tick' && allowed.has(event.kind)) return true;
    return false;
  };

  /**
   * Encodes `work` into `vector`; returns the length. With a goal property, a tail state also carries
   * its history: how many states in a row along its tick chain have missed the goal (a branching
   * state carries 0: its own heal phase is replayed instead, see `missesGoal`). With a history
   * property, it carries the memory after `event` (null: the initial state, whose memory is `previous`).
   */
  const encodeWork = (previous: number, branching: boolean, event: Event | null): number => {
    const n = encode(work, model, reads, vector);
    if (!lane) return n;
    if (goal) vector[n] = branching || goal(work) ? 0 : Math.min(previous + 1, healTicks + 1);
    else vector[n] = event === null ? previous : clampMemory(history!.next(previous, work, event, model), history!.limit);
    return n + 1;
  };

  /** Whether the heal phase from `work` (ticks only) misses the goal for H ticks: replayed until it is met. */
  const missesGoal = (): boolean => {
    if (goal!(work)) return false;
    decode(vector, 0, model, reads, heal);
    for (let h = 0; h < healTicks; h++) {
      stepOwned(heal, model, TICK);
      if (goal!(heal)) return false;
    }
    return true;
  };

  /** The safety length of a violation in `work` at depth d, or -1 for none. */
  const violation = (n: number, d: number, branching: boolean): number => {
    if (always) return always.check(work, model, bounds, history ? vector[n - 1]! : 0) !== null ? d : -1;
    // A tail that missed the goal H + 1 states in a row: the heal phase began H ticks ago.
    if (goal && !branching) return vector[n - 1]! > healTicks ? d - healTicks : -1;
    if (work.tick > horizon) return -1; // heal phases start within the horizon
    const violated = goal ? missesGoal() : checkRun(model, property, bounds, [], work).violation !== null;
    return violated ? d : -1;
  };

  const record = (place: Place, safety: number): void => {
    if (best === null || safety < best.safety) best = { ...place, safety, heal: place.depth - safety };
  };

  /**
   * A state reached at `place` (in `work`): skipped if seen no later, judged, then queued when the
   * adversary can act in it, or else followed along its tick chain in place.
   */
  const arrive = (place: Place, previous: number, event: Event | null): void => {
    let { depth: d, ticks } = place;
    let branching = adversaryCanAct(work);
    let n = encodeWork(previous, branching, event);
    for (;;) {
      hash64(vector, 1, n, lanes);
      const fresh = seen.visit(lanes[0]!, lanes[1]!, work.tick);
      if (fresh === 0) return;
      if (work.tick > maxTick) maxTick = work.tick;
      if ((++visits & 0xffff) === 0) pulse();
      const safety = violation(n, d, branching);
      if (safety >= 0) return record({ ...place, depth: d, ticks }, safety);
      if (seen.size >= options.maxStates) {
        stop = 'states';
        return;
      }
      if (branching) {
        const id = links.add(place.parent, place.code, ticks);
        let q = levels.get(d);
        if (!q) levels.set(d, (q = new VectorQueue()));
        q.push(id, vector, n);
        return;
      }
      if (work.tick >= tickLimit) {
        cut = true;
        return;
      }
      const before = lane ? vector[n - 1]! : 0;
      stepOwned(work, model, TICK);
      transitions++;
      d++;
      ticks++;
      branching = adversaryCanAct(work);
      n = encodeWork(before, branching, TICK);
    }
  };

  const pulse = (): void => {
    const now = bytes();
    peakBytes = Math.max(peakBytes, now);
    if (seen.nearlyFull && (!seen.canGrow || now + seen.growthBytes > options.maxMemoryBytes)) stop = 'memory';
    else if (now > options.maxMemoryBytes) stop = 'memory';
    options.onProgress?.(stats());
  };

  const counterexample = (at: Place & { heal: number }): { events: Event[]; violation: Violation } => {
    // The path to the violating state; for a tail state that missed the goal H times in a row, the
    // heal phase is the last H ticks of it, which `checkRun` appends again.
    const codes = links.path(at.parent, TICK_CODE);
    if (at.code !== NO_EVENT) codes.push(at.code);
    for (let t = 0; t < at.ticks; t++) codes.push(TICK_CODE);
    const events = codes.slice(0, codes.length - at.heal).map(eventOfCode);
    const outcome = checkRun(model, property, bounds, events);
    if (!outcome.violation) throw new Error(`exhaustive engine: the counterexample it found for ${property.id} does not replay (an engine defect)`);
    return { events, violation: outcome.violation };
  };

  // The initial state.
  arrive({ depth: 0, parent: -1, code: NO_EVENT, ticks: 0 }, history ? clampMemory(history.initial, history.limit) : 0, null);
  if (stop) return finish(best ? 'violated' : 'bound-reached', stop);

  while (levels.size > 0) {
    const level = Math.min(...levels.keys());
    const queue = levels.get(level)!;
    while (queue.more) {
      const id = queue.shift(parentVector);
      const parentLane = lane ? parentVector[queue.lastLength - 1]! : 0;
      decode(parentVector, 0, model, reads, parentState);
      for (const event of enabled(parentState, model)) {
        const isTick = event.kind === 'tick';
        if (isTick ? parentState.tick >= tickLimit : !allowed.has(event.kind) || parentState.tick > horizon) {
          if (isTick || parentState.tick > horizon) cut = true;
          continue;
        }
        decode(parentVector, 0, model, reads, work);
        if (!stepOwned(work, model, event)) continue;
        transitions++;
        arrive({ depth: level + 1, parent: id, code: eventCode(event), ticks: 0 }, parentLane, event);
        if (stop) return finish(best ? 'violated' : 'bound-reached', stop);
      }
    }
    levels.delete(level);
    depth = level + 1;
    if (best !== null && (best as { safety: number }).safety <= depth) return finish('violated', 'violation');
  }
  if (best !== null) return finish('violated', 'violation');
  return finish(cut ? 'holds-within-horizon' : 'holds', cut ? 'horizon' : 'complete');
}
