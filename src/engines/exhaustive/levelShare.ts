/**
 * One worker's share of the breadth-first search, level by level (see search.ts for the search
 * itself): it expands the queued states of a level dealt to it, judges the states they reach,
 * follows deterministic tails in place and queues the branching states of later levels. Alone, it
 * holds every level: the one-thread search, with a private seen-set and parent links. In a parallel
 * search (onPool.ts) every share visits one seen-set shared by all workers, and deals the branching
 * states it queues round-robin into one queue per worker, so that the next level is shared out evenly.
 */
import type { SearchModel, SearchProperty, SearchSubject } from '../contract.ts';
import type { SearchBounds } from './bounds.ts';
import { hash64 } from './_internals/hash64.ts';
import { Links, NO_EVENT } from './_internals/links.ts';
import { SeenSet } from './_internals/seenSet.ts';
import { VectorQueue } from './_internals/vectorQueue.ts';
import { SharedSeenSet } from './_internals/sharedSeenSet.ts';

/** The longest horizon plus heal phase a search may span (a link counts a tail's ticks in 16 bits). */
export const MAX_SEARCH_TICKS = 60_000;

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

export class LevelShare<S, E> {
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
  /** With `keepStates`: every state stored, as `memory json` (see SearchBounds.keepStates). */
  readonly keptStates: string[] = [];

  private readonly model: SearchModel<S, E>;
  private readonly property: SearchProperty<S, E>;
  private readonly always: boolean;
  private readonly goal: boolean;
  private readonly history: SearchProperty<S, E>['history'];
  private readonly lane: boolean;
  private readonly tickLimit: number;
  private readonly reduced: boolean;
  private readonly tickCode: number;
  private readonly lanes = new Uint32Array(2);
  private readonly vector: Int32Array;
  private readonly parentVector: Int32Array;
  private readonly parentState: S;
  private readonly work: S;
  private readonly heal: S;
  private visits = 0;
  /** Round-robin position for dealing queued states out. */
  private deal = 0;

  constructor(
    subject: SearchSubject<S, E>,
    private readonly bounds: SearchBounds,
    private readonly share: Share = { index: 0, count: 1, seen: null },
  ) {
    const { model, property } = subject;
    this.model = model;
    this.property = property;
    this.always = property.kind === 'always';
    this.goal = property.kind === 'goal';
    this.history = this.always ? property.history : null;
    this.lane = this.goal || this.history !== null;
    this.healTicks = property.healTicks;
    this.tickLimit = property.kind === 'replay' ? bounds.horizon : bounds.horizon + this.healTicks;
    if (this.tickLimit > MAX_SEARCH_TICKS) throw new RangeError(`horizon plus heal phase must be at most ${MAX_SEARCH_TICKS} ticks`);
    this.reduced = bounds.reductions !== false;
    this.tickCode = model.code(model.tick);
    const width = model.encodedLength + 1;
    this.vector = new Int32Array(width);
    this.parentVector = new Int32Array(width);
    this.parentState = model.init();
    this.work = model.init();
    this.heal = model.init();
    this.seen = share.seen ?? new SeenSet();
    this.links = share.seen === null ? new Links() : null;
  }

  /** The tick's event code (the links' filler for tail ticks). */
  get tickEventCode(): number {
    return this.tickCode;
  }

  /** Bytes this share's own stores hold now (a shared seen-set is counted by the coordinator). */
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

  /** The initial state (`work` holds it until the first step). Called once, first, on one share only. */
  seed(): void {
    this.arrive({ depth: 0, parent: -1, code: NO_EVENT, ticks: 0 }, this.history ? this.history.initial : 0, null);
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
    const { model, parentVector, parentState, work, bounds, seen } = this;
    this.paused = false;
    for (const queue of queues) {
      while (queue.more) {
        if (seen instanceof SharedSeenSet && seen.full) {
          this.paused = true;
          return;
        }
        const id = queue.shift(parentVector);
        const parentLane = this.lane ? parentVector[queue.lastLength - 1]! : 0;
        model.decode(parentVector, 0, parentState);
        const parentTick = model.tickOf(parentState);
        for (const event of model.enabled(parentState)) {
          const isTick = model.isTick(event);
          if (isTick ? parentTick >= this.tickLimit : parentTick > bounds.horizon) {
            this.cut = true;
            continue;
          }
          // A parent whose depth is its tick has seen ticks only: this event would be the first adversary event.
          if (bounds.swarm && !isTick && parentTick === level && swarmShardOf(model.code(event), bounds.swarm.count) !== bounds.swarm.index) continue;
          model.decode(parentVector, 0, work);
          if (!model.step(work, event)) continue;
          this.transitions++;
          this.arrive({ depth: level + 1, parent: id, code: model.code(event), ticks: 0 }, parentLane, event);
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
  private adversaryCanAct(state: S): boolean {
    if (!this.reduced) return true; // the unreduced search queues every state; its expansion prunes past T
    const { model } = this;
    if (model.tickOf(state) > this.bounds.horizon) {
      // Past the horizon the adversary is silenced: if its budgets would still let it act, the
      // search did not cover everything (a conservative test: `holds` claims nothing it did not see).
      if (model.adversaryMayAct(state)) this.cut = true;
      return false;
    }
    if (!model.adversaryMayAct(state)) return false;
    for (const event of model.enabled(state)) if (!model.isTick(event)) return true;
    return false;
  }

  /**
   * Encodes `work` into `vector`; returns the length. With a goal property, a tail state also carries
   * its history: how many states in a row along its tick chain have missed the goal (a branching
   * state carries 0: its own heal phase is replayed instead, see `missesGoal`). With a history
   * property, it carries the memory after `event` (null: the initial state, whose memory is `previous`).
   */
  private encodeWork(previous: number, branching: boolean, event: E | null): number {
    const { vector, work, history } = this;
    const n = this.model.encode(work, vector);
    if (!this.lane) return n;
    if (this.goal) vector[n] = branching || this.property.goal(work) ? 0 : Math.min(previous + 1, this.healTicks + 1);
    else vector[n] = event === null ? previous : history!.next(previous, work, event);
    return n + 1;
  }

  /** Whether the heal phase from `work` (ticks only) misses the goal for H ticks: replayed until it is met. */
  private missesGoal(): boolean {
    const { model, property } = this;
    if (property.goal(this.work)) return false;
    model.decode(this.vector, 0, this.heal);
    for (let h = 0; h < this.healTicks; h++) {
      model.step(this.heal, model.tick);
      if (property.goal(this.heal)) return false;
    }
    return true;
  }

  /** The safety length of a violation in `work` at depth d, or -1 for none. */
  private violation(n: number, d: number, branching: boolean): number {
    const { work, vector, property } = this;
    if (this.always) return property.violates(work, this.history ? vector[n - 1]! : 0) ? d : -1;
    // A tail that missed the goal H + 1 states in a row: the heal phase began H ticks ago.
    if (this.goal && !branching) return vector[n - 1]! > this.healTicks ? d - this.healTicks : -1;
    if (this.model.tickOf(work) > this.bounds.horizon) return -1; // heal phases start within the horizon
    const violated = this.goal ? this.missesGoal() : property.healFails(work);
    return violated ? d : -1;
  }

  /** A violation found at `place` with safety-phase length `safety`: kept if it is the shortest so far. */
  private noteViolation(place: Place, safety: number): void {
    if (this.best === null || safety < this.best.safety) this.best = { ...place, safety, heal: place.depth - safety };
    if (safety <= this.settleAt) this.settled = true;
  }

  /** A state reached at `place` (in `work`): encoded, then followed (see `follow`). */
  private arrive(place: Place, previous: number, event: E | null): void {
    const branching = this.adversaryCanAct(this.work);
    this.follow(place, branching, this.encodeWork(previous, branching, event));
  }

  /**
   * A state reached at `place`, in `work` and encoded in `vector[0 .. n)`: skipped if seen no later, judged, then queued when the adversary
   * can act in it, or else followed along its tick chain in place.
   */
  private follow(place: Place, branching: boolean, n: number): void {
    const { seen, lanes, vector, work, model } = this;
    let d = place.depth;
    let ticks = place.ticks;
    for (;;) {
      const tick = model.tickOf(work);
      hash64(vector, 1, n, lanes);
      const fresh = seen.visit(lanes[0]!, lanes[1]!, tick);
      if (fresh === 0) return;
      if (this.bounds.keepStates) this.keptStates.push(`${this.lane ? vector[n - 1]! : 0} ${JSON.stringify(work)}`);
      if (tick > this.maxTick) this.maxTick = tick;
      if ((++this.visits & 0xffff) === 0) this.pulse();
      const safety = this.violation(n, d, branching);
      if (safety >= 0) return this.noteViolation({ ...place, depth: d, ticks }, safety);
      if (seen.size >= this.bounds.maxStates) {
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
      if (tick >= this.tickLimit) {
        this.cut = true;
        return;
      }
      const before = this.lane ? vector[n - 1]! : 0;
      model.step(work, model.tick);
      this.transitions++;
      d++;
      ticks++;
      branching = this.adversaryCanAct(work);
      n = this.encodeWork(before, branching, model.tick);
    }
  }

  /**
   * Bounds checked every 65,536 visits: memory (alone: all of it; in a parallel search the
   * coordinator checks the shared table, and each share its own queues against its bound).
   */
  private pulse(): void {
    const now = this.bytes;
    this.peakBytes = Math.max(this.peakBytes, now);
    const { seen } = this;
    const max = this.bounds.maxMemoryBytes;
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
