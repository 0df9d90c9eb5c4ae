/**
 * One worker's part of the breadth-first search (see exhaustive.ts for the search itself): it
 * expands queued states, judges the states they reach, follows deterministic tails in place and
 * queues the branching states of later levels. Alone, it is the one-thread search, with a private
 * seen-set and parent links. In a parallel search (parallel.ts) every part visits one seen-set
 * shared by all workers, and deals the branching states it queues round-robin into one queue per
 * worker, so that the next level is shared out evenly.
 */
import { decode, encode, encodedLength } from '../model/encode.ts';
import { enabled } from '../model/enabled.ts';
import { ADVERSARY_KINDS, eventCode, type AdversaryKind, type Event } from '../model/events.ts';
import { init } from '../model/init.ts';
import type { Model } from '../model/model.ts';
import type { State } from '../model/state.ts';
import { stepOwned } from '../model/step.ts';
import { checkRun, clampMemory, type Bounds, type Property } from '../properties/index.ts';
import { hash64 } from './_internals/hash64.ts';
import { Links, NO_EVENT } from './_internals/links.ts';
import { SeenSet } from './_internals/seenSet.ts';
import { VectorQueue } from './_internals/vectorQueue.ts';
import { SharedSeenSet } from './_internals/sharedSeenSet.ts';

/** The longest horizon plus heal phase a search may span (a link counts a tail's ticks in 16 bits). */
export const MAX_SEARCH_TICKS = 60_000;

export interface SearchBounds {
  /** T: the last tick at which the adversary may act. */
  horizon: number;
  /** Most distinct states. */
  maxStates: number;
  /** Bytes the search's stores (seen-set, links, frontier) may hold. */
  maxMemoryBytes: number;
  /** Event kinds the adversary may use besides tick (default: all). */
  kinds?: readonly AdversaryKind[];
  /** The reductions (deterministic tails, goal history along tails); default on. */
  reductions?: boolean;
  /**
   * Swarm shard `index` of `count` (1-based): only the sequences whose first adversary event falls
   * to this shard (`swarmShardOf`); the shards together cover every sequence exactly once.
   */
  swarm?: { index: number; count: number };
}

/** The heal ticks after the horizon: an invariant's from the bounds, a liveness property's its own. */
export function healTicksOf(property: Property, bounds: Bounds): number {
  return property.kind === 'always' ? bounds.healTicks : property.healTicks(bounds);
}

/** The swarm shard (1-based, of `count`) a first adversary event falls to: kinds and parameters dealt round-robin. */
export function swarmShardOf(code: number, count: number): number {
  return ((Math.floor(code / 0x100000) + (code % 0x100000)) % count) + 1;
}

/** Where a state sits: reached from branching state `parent` by `code`, then `ticks` ticks; `depth` events from init. */
export interface Place {
  depth: number;
  parent: number;
  code: number;
  ticks: number;
}

/** Which worker of how many, and the seen-set they share (null: alone, with a private one). */
export interface Share {
  index: number;
  count: number;
  seen: SharedSeenSet | null;
}

const TICK: Event = { kind: 'tick' };
const TICK_CODE = eventCode(TICK);

export class Partition {
  readonly healTicks: number;
  /** The private seen-set (alone) or the one all workers share. */
  seen: SeenSet | SharedSeenSet;
  /** Parent links of the branching states (only the one-thread search keeps them, for its counterexamples). */
  readonly links: Links | null;
  /** Queued branching states by level: one queue per worker (the queues of a parallel level are dealt out). */
  readonly levels = new Map<number, VectorQueue[]>();
  transitions = 0;
  branchingStates = 0;
  maxTick = 0;
  peakBytes = 0;
  /** Set when the shared seen-set filled up mid-level: `expand` stopped between two states, to be resumed. */
  paused = false;
  /** Whether some sequence was cut short by the horizon (the verdict then covers the horizon only). */
  cut = false;
  stop: 'states' | 'memory' | null = null;
  /** The first violation with the least safety-phase length found here (its place, for the links). */
  best: (Place & { safety: number; heal: number }) | null = null;
  /** A violation of at most this safety length ends the search at once (see `settled`). */
  settleAt = -1;
  /** Whether a violation of at most `settleAt` was found: nothing later can be shorter or first. */
  settled = false;
  /** Called every 65,536 visits (progress, and the memory check). */
  onPulse: (() => void) | null = null;

  private readonly always;
  private readonly eventually;
  private readonly goal: ((s: State) => boolean) | null;
  private readonly history;
  private readonly lane: boolean;
  private readonly tickLimit: number;
  private readonly reads;
  private readonly allowed: Set<string>;
  private readonly megaAllowed: boolean;
  private readonly reduced: boolean;
  private readonly lanes = new Uint32Array(2);
  private readonly vector: Int32Array;
  private readonly parentVector: Int32Array;
  private readonly parentState: State;
  private readonly work: State;
  private readonly heal: State;
  private visits = 0;
  /** Round-robin position for dealing queued states out. */
  private deal = 0;

  constructor(
    private readonly model: Model,
    private readonly property: Property,
    private readonly bounds: Bounds,
    private readonly options: SearchBounds,
    private readonly share: Share = { index: 0, count: 1, seen: null },
  ) {
    this.always = property.kind === 'always' ? property : null;
    this.eventually = property.kind === 'eventually' ? property : null;
    const eventually = this.eventually;
    this.goal = eventually?.goal ? (s: State) => eventually.goal!(s) : null;
    this.history = this.always?.history ?? null;
    this.lane = this.goal !== null || this.history !== null;
    this.healTicks = healTicksOf(property, bounds);
    const replaysHeal = eventually !== null && this.goal === null;
    this.tickLimit = replaysHeal ? options.horizon : options.horizon + this.healTicks;
    if (this.tickLimit > MAX_SEARCH_TICKS) throw new RangeError(`horizon plus heal phase must be at most ${MAX_SEARCH_TICKS} ticks`);
    this.reads = property.reads;
    this.allowed = new Set<string>(options.kinds ?? ADVERSARY_KINDS);
    this.megaAllowed = this.allowed.has('addMegaSupernodes') && model.protocol.megaSupernodes;
    this.reduced = options.reductions !== false;
    const width = encodedLength(model, this.reads) + 1;
    this.vector = new Int32Array(width);
    this.parentVector = new Int32Array(width);
    this.parentState = init(model);
    this.work = init(model);
    this.heal = init(model);
    this.seen = share.seen ?? new SeenSet();
    this.links = share.seen === null ? new Links() : null;
  }

  /** Bytes this part's own stores hold now (a shared seen-set is counted by the coordinator). */
  get bytes(): number {
    let queued = 0;
    for (const qs of this.levels.values()) for (const q of qs) queued += q.byteLength;
    return (this.share.seen ? 0 : this.seen.bytes) + (this.links?.bytes ?? 0) + queued;
  }

  /** The lowest level with queued states, or null. */
  get minLevel(): number | null {
    let min: number | null = null;
    for (const level of this.levels.keys()) if (min === null || level < min) min = level;
    return min;
  }

  /** The initial state (`work` holds it until the first step). Called once, first, on one part only. */
  seed(): void {
    this.arrive({ depth: 0, parent: -1, code: NO_EVENT, ticks: 0 }, this.history ? clampMemory(this.history.initial, this.history.limit) : 0, null);
  }

  /**
   * Expands every queued state of `level` (in a parallel search, the queues dealt to this worker):
   * each allowed event is applied and its state arrives. Returns early when a bound stops the
   * search (`stop`), a violation settles it, or the shared seen-set must grow (`paused`: called
   * again, it goes on where it stopped).
   */
  expand(level: number): void {
    const queues = this.levels.get(level);
    if (!queues) return;
    const { model, reads, parentVector, parentState, work, options, seen } = this;
    this.paused = false;
    for (const queue of queues) {
      while (queue.more) {
        if (seen instanceof SharedSeenSet && seen.full) {
          this.paused = true;
          return;
        }
        const id = queue.shift(parentVector);
        const parentLane = this.lane ? parentVector[queue.lastLength - 1]! : 0;
        decode(parentVector, 0, model, reads, parentState);
        for (const event of enabled(parentState, model)) {
          const isTick = event.kind === 'tick';
          if (isTick ? parentState.tick >= this.tickLimit : !this.allowed.has(event.kind) || parentState.tick > options.horizon) {
            if (isTick || parentState.tick > options.horizon) this.cut = true;
            continue;
          }
          // A parent whose depth is its tick has seen ticks only: this event would be the first adversary event.
          if (options.swarm && !isTick && parentState.tick === level && swarmShardOf(eventCode(event), options.swarm.count) !== options.swarm.index) continue;
          decode(parentVector, 0, model, reads, work);
          if (!stepOwned(work, model, event)) continue;
          this.transitions++;
          this.arrive({ depth: level + 1, parent: id, code: eventCode(event), ticks: 0 }, parentLane, event);
          if (this.stop || this.settled) return;
        }
      }
    }
    this.levels.delete(level);
  }

  /** Hands over this worker's queues of `level`, one per worker (moved out: the caller deals them). */
  giveLevel(level: number): VectorQueue[] {
    const queues = this.levels.get(level) ?? [];
    this.levels.delete(level);
    return queues;
  }

  /** Takes the queues of `level` dealt to this worker. */
  takeLevel(level: number, queues: VectorQueue[]): void {
    this.levels.set(level, queues);
  }

  /** Whether the adversary has an allowed event in `state` (budgets first: the cheap and common answer). */
  private adversaryCanAct(state: State): boolean {
    if (!this.reduced) return true; // the unreduced search queues every state; its expansion prunes past T
    const { faultBudget, churnBudget } = this.model.config;
    if (state.tick > this.options.horizon) {
      // Past the horizon the adversary is silenced: if its budgets would still let it act, the
      // search did not cover everything (a conservative test: `holds` claims nothing it did not see).
      if (state.faultsUsed < faultBudget || state.userActions < churnBudget || this.megaAllowed) this.cut = true;
      return false;
    }
    if (state.faultsUsed >= faultBudget && state.userActions >= churnBudget && !this.megaAllowed) return false;
    for (const event of enabled(state, this.model)) if (event.kind !== 'tick' && this.allowed.has(event.kind)) return true;
    return false;
  }

  /**
   * Encodes `work` into `vector`; returns the length. With a goal property, a tail state also carries
   * its history: how many states in a row along its tick chain have missed the goal (a branching
   * state carries 0: its own heal phase is replayed instead, see `missesGoal`). With a history
   * property, it carries the memory after `event` (null: the initial state, whose memory is `previous`).
   */
  private encodeWork(previous: number, branching: boolean, event: Event | null): number {
    const { vector, work, history } = this;
    const n = encode(work, this.model, this.reads, vector);
    if (!this.lane) return n;
    if (this.goal) vector[n] = branching || this.goal(work) ? 0 : Math.min(previous + 1, this.healTicks + 1);
    else vector[n] = event === null ? previous : clampMemory(history!.next(previous, work, event, this.model), history!.limit);
    return n + 1;
  }

  /** Whether the heal phase from `work` (ticks only) misses the goal for H ticks: replayed until it is met. */
  private missesGoal(): boolean {
    const goal = this.goal!;
    if (goal(this.work)) return false;
    decode(this.vector, 0, this.model, this.reads, this.heal);
    for (let h = 0; h < this.healTicks; h++) {
      stepOwned(this.heal, this.model, TICK);
      if (goal(this.heal)) return false;
    }
    return true;
  }

  /** The safety length of a violation in `work` at depth d, or -1 for none. */
  private violation(n: number, d: number, branching: boolean): number {
    const { always, work, vector } = this;
    if (always) return always.check(work, this.model, this.bounds, this.history ? vector[n - 1]! : 0) !== null ? d : -1;
    // A tail that missed the goal H + 1 states in a row: the heal phase began H ticks ago.
    if (this.goal && !branching) return vector[n - 1]! > this.healTicks ? d - this.healTicks : -1;
    if (work.tick > this.options.horizon) return -1; // heal phases start within the horizon
    const violated = this.goal ? this.missesGoal() : checkRun(this.model, this.property, this.bounds, [], work).violation !== null;
    return violated ? d : -1;
  }

  private record(place: Place, safety: number): void {
    if (this.best === null || safety < this.best.safety) this.best = { ...place, safety, heal: place.depth - safety };
    if (safety <= this.settleAt) this.settled = true;
  }

  /** A state reached at `place` (in `work`): encoded, then followed (see `follow`). */
  private arrive(place: Place, previous: number, event: Event | null): void {
    const branching = this.adversaryCanAct(this.work);
    this.follow(place, branching, this.encodeWork(previous, branching, event));
  }

  /**
   * A state reached at `place`, in `work` and encoded in `vector[0 .. n)`: skipped if seen no later, judged, then queued when the adversary
   * can act in it, or else followed along its tick chain in place.
   */
  private follow(place: Place, branching: boolean, n: number): void {
    const { seen, lanes, vector, work } = this;
    let d = place.depth;
    let ticks = place.ticks;
    for (;;) {
      hash64(vector, 1, n, lanes);
      const fresh = seen.visit(lanes[0]!, lanes[1]!, work.tick);
      if (fresh === 0) return;
      if (work.tick > this.maxTick) this.maxTick = work.tick;
      if ((++this.visits & 0xffff) === 0) this.pulse();
      const safety = this.violation(n, d, branching);
      if (safety >= 0) return this.record({ ...place, depth: d, ticks }, safety);
      if (seen.size >= this.options.maxStates) {
        this.stop = 'states';
        return;
      }
      if (branching) {
        const id = this.links ? this.links.add(place.parent, place.code, ticks) : 0;
        this.branchingStates++;
        let qs = this.levels.get(d);
        if (!qs) this.levels.set(d, (qs = Array.from({ length: this.share.count }, () => new VectorQueue())));
        qs[this.deal++ % qs.length]!.push(id, vector, n);
        return;
      }
      if (work.tick >= this.tickLimit) {
        this.cut = true;
        return;
      }
      const before = this.lane ? vector[n - 1]! : 0;
      stepOwned(work, this.model, TICK);
      this.transitions++;
      d++;
      ticks++;
      branching = this.adversaryCanAct(work);
      n = this.encodeWork(before, branching, TICK);
    }
  }

  /**
   * Bounds checked every 65,536 visits: memory (alone: all of it; in a parallel search the
   * coordinator checks the shared table, and each part its own queues against its share).
   */
  private pulse(): void {
    const now = this.bytes;
    this.peakBytes = Math.max(this.peakBytes, now);
    const { seen } = this;
    const max = this.options.maxMemoryBytes;
    const shared = seen instanceof SeenSet ? 0 : seen.bytes; // not in `bytes`: the coordinator grows it
    const cannotGrow = seen instanceof SeenSet && seen.nearlyFull && (!seen.canGrow || now + seen.growthBytes > max);
    if (cannotGrow || now + shared > max) this.stop = 'memory';
    this.onPulse?.();
  }

  /** The peak of the stores' bytes, measured now too. */
  measure(): number {
    this.peakBytes = Math.max(this.peakBytes, this.bytes);
    return this.peakBytes;
  }
}

export { TICK_CODE };
