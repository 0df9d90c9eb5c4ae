/**
 * The exact reference the exhaustive engine is checked against: a plain breadth-first search over
 * whole protocol states, written apart from the engine. It steps with `step` (immer, the reference
 * semantics), keeps real states in its frontier (nothing is encoded or decoded), keys them by a
 * canonical JSON written here from the state's documented meaning (not by `encode`), keeps them in a
 * `Map` (no hashing, no seen-set), and has no reductions (no tails, no goal history, no workers).
 *
 * Semantics, as the engine documents them: the adversary acts at ticks 0..T (T the horizon), ticks
 * run on to T + H (H the heal phase) — to T only for a liveness property without a goal, whose heal
 * phase is replayed from every state at or before T —; invariants are judged in every state, liveness
 * from every state at or before T as the start of a heal phase. A state's identity leaves out the
 * clock: a state met again at an earlier tick is explored again (it has more time left), at the same
 * or a later tick it is not. With `exact`, the clock is part of the key instead (no subsumption at
 * all): slower, and it proves the earliest-tick rule on the scopes it runs on.
 */
import { enabled, init, step, type AdversaryKind, type Model, type State } from '../../src/model/index.ts';
import { checkRun, clampMemory, type Bounds, type Property } from '../../src/propertyLanguage/index.ts';

export interface ReferenceOptions {
  horizon: number;
  kinds?: readonly AdversaryKind[];
  /** Key states by (state, tick) instead of keeping the earliest tick of each state. */
  exact?: boolean;
  /** Most (state, tick) visits before the reference gives up (it is for small scopes). */
  maxVisits?: number;
}

export interface ReferenceResult {
  /** Each distinct state (canonical key, memory included) with the earliest tick it is reached at. */
  earliest: Map<string, number>;
  /** The latest tick reached. */
  latestTick: number;
  /** Deepest level (events from init) holding a state. */
  depth: number;
  /** Whether some sequence was cut by the horizon or the heal phase's end (else the space closed). */
  cut: boolean;
  /** The safety-phase length of a shortest violation, or null. */
  shortest: number | null;
}

/** The peer's next-attempt time is read only while it waits to attempt (connecting, crashed, off and wanting to be online). */
function waitsToAttempt(p: State['peers'][number]): boolean {
  return p.status === 'connecting' || p.status === 'crashed' || (p.status === 'off' && p.wantsOnline);
}

/**
 * The canonical key of a state: every field, with times relative to now (a time already reached is
 * 0, "due"; an age is now minus the time, -1 for none), absolute time only as the promotion clock's
 * phase, times nobody reads left at 0, supernodes' per-tick work counters left out (zeroed at every
 * tick's start), of the counters only those the property reads, and the property's memory.
 */
export function canonicalKey(state: State, model: Model, property: Property, memory: number): string {
  const now = state.tick;
  const due = (t: number) => (t > now ? t - now : 0);
  const age = (t: number) => (t < 0 ? -1 : now - t);
  const counters: Record<string, number> = {};
  for (const key of property.reads) counters[key] = state.counters[key];
  return JSON.stringify({
    phase: now % model.config.promotionInterval,
    rng: state.rng,
    faultsUsed: state.faultsUsed,
    userActions: state.userActions,
    shortageTicks: state.shortageTicks,
    offline: { capacity: state.offline.capacity, level: state.offline.level, queue: state.offline.queue.map((r) => [r.peer, now - r.sentAt]) },
    loginQueue: state.loginQueue.map((r) => [r.peer, now - r.sentAt]),
    peers: state.peers.map((p) => ({
      status: p.status,
      release: p.release,
      slot: p.slot,
      role: p.role,
      upstream: p.upstream,
      cache: p.cache,
      retries: p.retries,
      nextAttempt: waitsToAttempt(p) ? due(p.nextAttempt) : 0,
      wantsOnline: p.wantsOnline,
      authenticated: p.authenticated,
      authSent: age(p.authSentAt),
      fetchSent: age(p.fetchSentAt),
      nextSync: p.status === 'online' ? due(p.nextSync) : 0,
    })),
    supernodes: state.supernodes.map((s) => ({
      kind: s.kind,
      host: s.host,
      status: s.status,
      clients: s.clients,
      capacity: s.capacity,
      budget: s.budget,
      overloadedTicks: s.overloadedTicks,
      restart: s.restartAt < 0 ? -1 : due(s.restartAt),
    })),
    counters,
    memory,
  });
}

/** The heal ticks after the horizon: an invariant's from the bounds, a liveness property's its own. */
function healOf(property: Property, bounds: Bounds): number {
  return property.kind === 'always' ? bounds.healTicks : property.healTicks(bounds);
}

/** The reference search of `property` on `model` (see the file's comment). */
export function referenceSearch(model: Model, property: Property, bounds: Bounds, options: ReferenceOptions): ReferenceResult {
  const { horizon } = options;
  const allowed = new Set<string>(options.kinds ?? ['crash', 'reboot', 'massReboot', 'degradeOfflineMessages', 'goOnline', 'goOffline', 'addMegaSupernodes']);
  const replays = property.kind === 'eventually' && !property.goal;
  const tickLimit = replays ? horizon : horizon + healOf(property, bounds);
  const history = property.kind === 'always' ? property.history : undefined;
  const maxVisits = options.maxVisits ?? 2_000_000;
  const earliest = new Map<string, number>();
  const seenExact = new Set<string>();
  let cut = false;
  let latestTick = 0;
  let depth = 0;
  let shortest: number | null = null;
  let visits = 0;

  type Item = { state: State; memory: number };
  /** Whether a state reached at `depth` is new (by the earliest-tick rule, or by (state, tick) with `exact`); records it. */
  const arrive = (item: Item, d: number): boolean => {
    const key = canonicalKey(item.state, model, property, item.memory);
    const tick = item.state.tick;
    const before = earliest.get(key);
    if (options.exact) {
      const pair = `${tick} ${key}`;
      if (seenExact.has(pair)) return false;
      seenExact.add(pair);
      if (before === undefined || tick < before) earliest.set(key, tick);
    } else {
      if (before !== undefined && before <= tick) return false;
      earliest.set(key, tick);
    }
    if (++visits > maxVisits) throw new Error(`reference search: more than ${maxVisits} visits; use a smaller scope`);
    latestTick = Math.max(latestTick, tick);
    depth = Math.max(depth, d);
    if (violates(item)) shortest = shortest === null ? d : Math.min(shortest, d);
    return true;
  };
  const violates = ({ state, memory }: Item): boolean => {
    if (property.kind === 'always') return property.check(state, model, bounds, memory) !== null;
    if (state.tick > horizon) return false; // heal phases start within the horizon
    return checkRun(model, property, bounds, [], state).violation !== null;
  };

  const first: Item = { state: init(model), memory: history ? clampMemory(history.initial, history.limit) : 0 };
  arrive(first, 0);
  let level: Item[] = [first];
  for (let d = 0; level.length > 0; d++) {
    // A shortest violation is at the lowest level holding one: no deeper level can be shorter.
    if (shortest !== null && shortest <= d) break;
    const next: Item[] = [];
    for (const item of level) {
      const { state } = item;
      for (const event of enabled(state, model)) {
        const isTick = event.kind === 'tick';
        if (!isTick && !allowed.has(event.kind)) continue;
        if (isTick ? state.tick >= tickLimit : state.tick > horizon) {
          cut = true;
          continue;
        }
        const after = step(state, model, event);
        if (after === state) continue; // the event did not apply
        const memory = history ? clampMemory(history.next(item.memory, after, event, model), history.limit) : 0;
        const reached: Item = { state: after, memory };
        if (arrive(reached, d + 1)) next.push(reached);
      }
    }
    level = next;
  }
  return { earliest, latestTick, depth, cut, shortest };
}

/** Every distinct state's earliest tick, from the engine's kept states (`memory json` each, see SearchBounds.keepStates). */
export function earliestOfKept(keptStates: readonly string[], model: Model, property: Property, keepMemory: boolean): Map<string, number> {
  const earliest = new Map<string, number>();
  for (const line of keptStates) {
    const space = line.indexOf(' ');
    const memory = keepMemory ? Number(line.slice(0, space)) : 0;
    const state = JSON.parse(line.slice(space + 1)) as State;
    const key = canonicalKey(state, model, property, memory);
    const before = earliest.get(key);
    if (before === undefined || state.tick < before) earliest.set(key, state.tick);
  }
  return earliest;
}
