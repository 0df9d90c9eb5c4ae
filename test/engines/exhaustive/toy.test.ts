/**
 * The exhaustive engine in one thread on the toy model (test/support/toyModel.ts), whose counts are
 * known by hand: its distinct states, verdicts, visit order and shortest counterexamples are pinned,
 * and as 3 swarm shards, where each of three violations is met by one shard alone. Quick (no worker
 * threads): the first test the mutation run tries; toyWorkers.test.ts runs the same on workers.
 */
import { describe, expect, it } from 'vitest';
import type { SearchSubject } from '../../../src/engines/contract.ts';
import { SharedSeenSet } from '../../../src/engines/exhaustive/_internals/sharedSeenSet.ts';
import { LevelShare, MAX_SEARCH_TICKS, swarmShardOf } from '../../../src/engines/exhaustive/levelShare.ts';
import { searchExhaustive, type ExhaustiveOptions, type ExhaustiveStats } from '../../../src/engines/exhaustive/search.ts';
import { TWO_LENGTHS, twoLengthsSubject } from './toyTwoLengths.ts';
import { wideStateCount, wideSubject } from './wideModel.ts';
import { toyStateCount, toySubject, type ToyConfig, type ToyEvent, type ToyPropertyId, type ToyState } from '../../support/toyModel.ts';

const TOY: ToyConfig = { budget: 4, window: 2, heal: 3 };
const bounds = (horizon: number, more: Partial<ExhaustiveOptions> = {}): ExhaustiveOptions => ({
  horizon,
  maxStates: 100_000,
  maxMemoryBytes: 2 ** 28,
  ...more,
});
const search = (id: ToyPropertyId, horizon: number, config = TOY, more: Partial<ExhaustiveOptions> = {}) =>
  searchExhaustive(toySubject(config, id), bounds(horizon, more));
const turns = (...dials: (0 | 1 | 2)[]): ToyEvent[] => dials.map((dial) => ({ kind: 'turn', dial }));

/** An independent count: a plain breadth-first search over the toy's states keyed by JSON without the clock. */
function plainCount(subject: SearchSubject<ToyState, ToyEvent>, horizon: number): number {
  const seen = new Map<string, number>();
  const key = (s: ToyState) => JSON.stringify([s.dials, s.used, s.heat]);
  let level: ToyState[] = [subject.model.init()];
  seen.set(key(level[0]!), 0);
  while (level.length > 0) {
    const next: ToyState[] = [];
    for (const s of level) {
      for (const e of subject.model.enabled(s)) {
        if (e.kind === 'turn' && s.tick > horizon) continue;
        const t = structuredClone(s);
        if (!subject.model.step(t, e)) continue;
        const before = seen.get(key(t));
        if (before !== undefined && before <= t.tick) continue;
        seen.set(key(t), t.tick);
        next.push(t);
      }
    }
    level = next;
  }
  return seen.size;
}

describe('the exhaustive engine on the toy model', () => {
  it.each([1, 2, 3, 4, 5, 6])('budget %i: exactly the hand count of states, and the space closes', (budget) => {
    const config = { ...TOY, budget };
    const r = search('calm', 3, config);
    expect(r.states).toBe(toyStateCount(budget));
    expect(r.states).toBe(plainCount(toySubject(config, 'calm'), 3));
    expect(r.verdict).toBe('holds');
    expect(r.stoppedBy).toBe('complete');
  });

  // 39 states where the adversary can act: at tick 0 the start and the 19 ways of 1 to 3 turns (heat
  // 2); at tick 1 the same 19 cooled to heat 1. The latest tick is 2: turns at tick 0, two ticks.
  it('pins the counts of budget 4: 103 states, 39 where the adversary can act, the latest tick and the transitions', () => {
    const r = search('calm', 3);
    expect({ states: r.states, branching: r.branchingStates, ticks: r.ticks, transitions: r.transitions }).toEqual({
      states: 103,
      branching: 39,
      ticks: 2,
      transitions: 220,
    });
  });

  it('pins the visit order: the start, then level by level (a state where the adversary can act waits for its level)', () => {
    const r = search('calm', 3, TOY, { keepStates: true });
    const order = r.keptStates!.slice(0, 10).map((line) => {
      const s = JSON.parse(line.slice(line.indexOf(' ') + 1)) as ToyState;
      return `${s.dials.join('')}/${s.used}/${s.heat}@${s.tick}`;
    });
    expect(order).toEqual(['000/0/0@0', '100/1/2@0', '010/1/2@0', '001/1/2@0', '100/1/1@1', '200/2/2@0', '110/2/2@0', '101/2/2@0', '010/1/1@1', '020/2/2@0']);
  });

  it('a horizon before the window closes leaves the adversary budget: holds within the horizon, never holds', () => {
    const r = search('calm', 0);
    expect(r.verdict).toBe('holds-within-horizon');
    expect(r.stoppedBy).toBe('horizon');
  });

  it.each([
    ['not-x2', turns(0, 0)],
    ['not-y2', turns(1, 1)],
    ['not-z2', turns(2, 2)],
    // Three states hot in a row: turn, tick (still hot), turn; three turns are as short, met later.
    ['hot-for-long', [...turns(0), { kind: 'tick' }, ...turns(0)]],
  ] as const)('%s: violated, shortest counterexample %j', (id, events) => {
    const r = search(id, 3);
    expect(r.verdict).toBe('violated');
    expect(r.shortest).toBe(true);
    expect(r.counterexample!.events).toEqual(events);
  });

  // With a budget of 1 the turn spends it: the state after it is a tail, whose heal phase is not
  // replayed but counted along its ticks (heat 2, 1, 0: two states in a row miss the goal).
  it('liveness from a tail: with a budget of 1, cools is violated by one turn with a heal phase of 1 tick, holds with 2', () => {
    const one = { ...TOY, budget: 1 };
    const r = search('cools', 3, { ...one, heal: 1 });
    expect({ verdict: r.verdict, events: r.counterexample?.events, shortest: r.shortest }).toEqual({ verdict: 'violated', events: turns(0), shortest: true });
    expect(search('cools', 3, { ...one, heal: 2 }).verdict).toBe('holds');
  });

  // A model may leave the adversary budget with nothing it can do (here: turns left after the
  // window closed): such a state has one future, and is a tail, not a branching state.
  it('a state with budget left but no adversary event enabled is a tail', () => {
    const { model, property } = toySubject(TOY, 'calm');
    const r = searchExhaustive({ model: { ...model, adversaryMayAct: (s) => s.used < TOY.budget }, property }, bounds(3));
    expect({ states: r.states, branching: r.branchingStates }).toEqual({ states: 103, branching: 39 });
  });

  it('liveness: cools holds with a heal phase of 2 ticks and is violated with 1, with a goal and with the heal phase replayed', () => {
    for (const id of ['cools', 'cools-replayed'] as const) {
      expect(search(id, 3, { ...TOY, heal: 2 }).verdict, id).toBe('holds');
      const r = search(id, 3, { ...TOY, heal: 1 });
      expect(r.verdict, id).toBe('violated');
      expect(r.counterexample!.events, id).toEqual(turns(0));
    }
  });

  it('3 swarm shards: each of not-x2, not-y2 and not-z2 is met by one shard alone, a different one each; together they hold all 103 states', () => {
    const found = (['not-x2', 'not-y2', 'not-z2'] as const).map((id) =>
      [1, 2, 3].filter((index) => search(id, 3, TOY, { swarm: { index, count: 3 } }).verdict === 'violated'),
    );
    expect(found).toEqual([[2], [3], [1]]);
    const states = new Set<string>();
    for (const index of [1, 2, 3])
      for (const line of search('calm', 3, TOY, { keepStates: true, swarm: { index, count: 3 } }).keptStates!) states.add(line.replace(/"tick":\d+,/, ''));
    expect(states.size).toBe(103);
  });
});

describe('the exhaustive engine on the toy model: bounds, reductions off, and the figures it reports', () => {
  // The deepest branching states are at level 4 (three turns and a tick: tick 1, one turn left), so
  // the last level expanded is 4 and the depth fully expanded is 5.
  it('reports the depth fully expanded, one worker, and a result made of its own figures', () => {
    const before = performance.now();
    const r = search('calm', 3);
    const elapsed = performance.now() - before;
    expect({ depth: r.depth, workers: r.workers, horizon: r.horizon, healTicks: r.healTicks, shortest: r.shortest, counterexample: r.counterexample }).toEqual({
      depth: 5,
      workers: 1,
      horizon: 3,
      healTicks: 3,
      shortest: false,
      counterexample: null,
    });
    expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(r.ms).toBeLessThanOrEqual(elapsed + 1);
    // The rates are the counts over the time taken (at least a microsecond), to the digit.
    const seconds = Math.max(r.ms, 1e-3) / 1000;
    expect(r.statesPerSecond * seconds).toBeCloseTo(103, 6);
    expect(r.transitionsPerSecond * seconds).toBeCloseTo(220, 6);
    // A small search measures its stores at the end, when the queues are spent: the seen-set's first
    // table (2^16 slots of 12 bytes) and the links' first block (2^14 links of 10 bytes).
    expect(r.bytes).toBe(2 ** 16 * 12 + 2 ** 14 * 10);
    expect(r.bytesPerState).toBe(r.bytes / 103);
  });

  it('a model with no adversary budget has one state (the clock is not part of its identity), whose bytes are all its own', () => {
    const r = search('calm', 3, { ...TOY, budget: 0 });
    expect({ states: r.states, branching: r.branchingStates, depth: r.depth, ticks: r.ticks, verdict: r.verdict }).toEqual({
      states: 1,
      branching: 0,
      depth: 0,
      ticks: 0,
      verdict: 'holds',
    });
    expect(r.bytes).toBe(2 ** 16 * 12 + 2 ** 14 * 10);
    expect(r.bytesPerState).toBe(r.bytes);
  });

  it(`a horizon plus heal phase of ${MAX_SEARCH_TICKS} ticks is searched; one tick more is refused`, () => {
    expect(MAX_SEARCH_TICKS).toBe(60_000);
    expect(search('calm', MAX_SEARCH_TICKS - TOY.heal).verdict).toBe('holds');
    expect(() => search('calm', MAX_SEARCH_TICKS - TOY.heal + 1)).toThrow(RangeError);
    // A replayed heal phase is not searched, so only the horizon counts.
    expect(search('cools-replayed', MAX_SEARCH_TICKS).verdict).toBe('holds');
  });

  it('the state bound stops the search at exactly that many states, with no verdict; a bound of one stops at the start', () => {
    const r = search('calm', 3, TOY, { maxStates: 50 });
    expect({ states: r.states, verdict: r.verdict, stoppedBy: r.stoppedBy }).toEqual({ states: 50, verdict: 'bound-reached', stoppedBy: 'states' });
    const one = search('calm', 3, TOY, { maxStates: 1 });
    expect({ states: one.states, depth: one.depth, verdict: one.verdict, stoppedBy: one.stoppedBy }).toEqual({
      states: 1,
      depth: 0,
      verdict: 'bound-reached',
      stoppedBy: 'states',
    });
  });

  // not-x2 is met at level 2; a bound of 8 states stops the search inside level 1, after the first
  // turn of x was queued and x, x judged: the violation stands, but not as a shortest one.
  it('a violation met before the state bound stops the search is reported, not as a shortest one', () => {
    const r = search('not-x2', 3, TOY, { maxStates: 8 });
    expect({ verdict: r.verdict, stoppedBy: r.stoppedBy, shortest: r.shortest }).toEqual({ verdict: 'violated', stoppedBy: 'states', shortest: false });
    expect(r.counterexample!.events).toEqual(turns(0, 0));
  });

  // Level 1 is x, y, z (a tick from the start is the start again); level 2 adds the 9 distinct states
  // x, y, z cooled at tick 1, xx (the violation), xy, xz, yy, yz, zz.
  it('a violation of length 2 ends the search at the end of level 2: depth 2, 13 states', () => {
    const r = search('not-x2', 3);
    expect({ depth: r.depth, states: r.states, ticks: r.ticks }).toEqual({ depth: 2, states: 13, ticks: 1 });
  });

  it('told the shortest length (settleAt), it stops at its first violation of that length: the same counterexample, found sooner', () => {
    const whole = search('not-x2', 3);
    const settled = search('not-x2', 3, TOY, { settleAt: 2 });
    expect(settled.counterexample).toEqual(whole.counterexample);
    expect({ verdict: settled.verdict, shortest: settled.shortest }).toEqual({ verdict: 'violated', shortest: true });
    expect(settled.transitions).toBeLessThan(whole.transitions);
  });

  // Unreduced, every state is queued and expanded (no tails): the deepest state is three turns and
  // two ticks at tick 2 (level 5), whose expansion by a tick is cut at the horizon; depth 7 in all.
  it('without reductions every state is branching, with the same states, latest tick and transitions', () => {
    const r = search('calm', 3, TOY, { reductions: false });
    expect({ states: r.states, branching: r.branchingStates, ticks: r.ticks, transitions: r.transitions, verdict: r.verdict }).toEqual({
      states: 103,
      branching: 103,
      ticks: 2,
      transitions: 220,
      verdict: 'holds',
    });
    for (const id of ['not-x2', 'hot-for-long'] as const)
      expect(search(id, 3, TOY, { reductions: false }).counterexample, id).toEqual(search(id, 3).counterexample);
    // Unreduced, states past the horizon are expanded too, and their heal phases never start.
    expect(search('cools', 3, { ...TOY, heal: 2 }, { reductions: false }).verdict).toBe('holds');
    expect(search('cools', 0, { ...TOY, heal: 2 }, { reductions: false }).verdict).toBe('holds-within-horizon');
    expect(search('cools', 3, { ...TOY, heal: 1 }, { reductions: false }).counterexample?.events).toEqual(turns(0));
    // At horizon 0 the unreduced search meets turns past the horizon in its expansions, and says so.
    const cut = search('calm', 0, TOY, { reductions: false });
    expect({ states: cut.states, verdict: cut.verdict }).toEqual({ states: 103, verdict: 'holds-within-horizon' });
  });

  // A replayed heal phase is not searched: ticks stop at the horizon. Horizon 0: the 35 states at
  // tick 0 (the start and the 34 ways of 1 to 4 turns, heat 2); horizon 1: those and the 34 cooled
  // to heat 1 at tick 1; horizon 2: all 103, the chains still hot at tick 2 cut there.
  it.each([
    [0, 35],
    [1, 69],
    [2, 103],
  ])('a replayed heal phase, horizon %i: %i states, cut by the horizon', (horizon, states) => {
    const r = search('cools-replayed', horizon);
    expect({ states: r.states, verdict: r.verdict, ticks: r.ticks }).toEqual({ states, verdict: 'holds-within-horizon', ticks: Math.min(horizon, 2) });
  });

  it('a heal phase that starts at the horizon is judged: horizon 0, a heal phase of 1 tick, violated by one turn', () => {
    for (const id of ['cools', 'cools-replayed'] as const) expect(search(id, 0, { ...TOY, heal: 1 }).counterexample?.events, id).toEqual(turns(0));
  });

  // Horizon 0: the adversary acts at tick 0 only, so the branching states are the start and the 19
  // ways of 1 to 3 turns at tick 0; the cooled states are tails.
  it('horizon 0: 20 branching states, all 103 states, cut by the horizon', () => {
    const r = search('calm', 0);
    expect({ states: r.states, branching: r.branchingStates, stoppedBy: r.stoppedBy }).toEqual({ states: 103, branching: 20, stoppedBy: 'horizon' });
  });

  // Budget 50: toyStateCount(50) = 70,276 states, each met once in order of levels, so the bounds are
  // checked once, at the 65,536th visit.
  it('checks memory and reports progress every 65,536 visits: once on 70,276 states, and a memory bound stops it there', () => {
    const config = { ...TOY, budget: 50 };
    const progress: ExhaustiveStats[] = [];
    const r = search('calm', 3, config, { onProgress: (s) => progress.push(s) });
    expect({ states: r.states, verdict: r.verdict }).toEqual({ states: toyStateCount(50), verdict: 'holds' });
    expect(progress.map((p) => p.states)).toEqual([65_536]);
    expect(progress[0]!.bytes).toBeGreaterThan(0);
    expect(r.bytes).toBeGreaterThanOrEqual(progress[0]!.bytes);
    // A bound one byte below what the stores hold at the check stops the search there; a bound of
    // exactly that much is not passed.
    const small = search('calm', 3, config, { maxMemoryBytes: progress[0]!.bytes - 1 });
    expect({ states: small.states, verdict: small.verdict, stoppedBy: small.stoppedBy }).toEqual({
      states: 65_536,
      verdict: 'bound-reached',
      stoppedBy: 'memory',
    });
    expect(search('calm', 3, config, { maxMemoryBytes: progress[0]!.bytes }).stoppedBy).toBe('complete');
    // At the check the stores hold the seen-set (65,536 states: 2^17 slots, as it doubles at 70%),
    // the links of the branching states so far (in blocks of 2^14 that double), and the queues besides.
    const links = 10 * 2 ** Math.max(14, Math.ceil(Math.log2(small.branchingStates)));
    expect(progress[0]!.bytes).toBeGreaterThan(2 ** 17 * 12 + links);
    expect(small.bytes).toBeGreaterThan(2 ** 17 * 12 + links);
  });
});

describe('swarmShardOf', () => {
  // An event code is kind * 2^20 + parameter; the shard is (kind + parameter) mod count, 1-based.
  it.each([
    [0x100000, 3, 2],
    [0x200000, 3, 3],
    [0x300000, 3, 1],
    [0x300002, 4, 2],
    [0x500007, 5, 3],
    [0x0fffff, 7, 4],
    [0x100000 * 9 + 4, 2, 2],
  ])('code %i of %i shards: shard %i', (code, count, shard) => {
    expect(swarmShardOf(code, count)).toBe(shard);
  });
});

describe('the exhaustive engine on the toy model: the start, and what it records', () => {
  it('a property broken in the start state is violated by no events at all', () => {
    const { model, property } = toySubject(TOY, 'calm');
    const broken = { ...property, violates: () => true, judge: () => ({ step: 0, message: 'broken from the start' }) };
    const r = searchExhaustive({ model, property: broken }, bounds(3));
    expect({ verdict: r.verdict, states: r.states, shortest: r.shortest }).toEqual({ verdict: 'violated', states: 1, shortest: true });
    expect(r.counterexample).toEqual({ events: [], violation: { step: 0, message: 'broken from the start' } });
  });

  // Expanding level 1, x comes first: x, x spends the budget of 2, and its tail breaks the invariant
  // at tick 1 (3 events); y, y breaks it at 2 events, met later in the same level.
  it('a shorter violation met after a longer one replaces it: y, y, not x, x and a tick', () => {
    const r = searchExhaustive(twoLengthsSubject(TWO_LENGTHS), bounds(3));
    expect({ events: r.counterexample?.events, shortest: r.shortest, depth: r.depth }).toEqual({ events: turns(1, 1), shortest: true, depth: 2 });
  });

  // The wide model (wideModel.ts): a value picked for each of two stages, none derivable from the
  // others, so every field of the encoding but the clock tells states apart: 1 + 3 + 3 x 2 states.
  it("a state's identity is every field of its encoding but the clock", () => {
    const r = searchExhaustive(wideSubject([3, 2]), bounds(0));
    expect(r.states).toBe(wideStateCount([3, 2]));
    expect(r.states).toBe(10);
  });

  it('a property without a history is judged with a memory of 0 (the contract), everywhere', () => {
    const { model, property } = toySubject(TOY, 'calm');
    const r = searchExhaustive({ model, property: { ...property, violates: (_s, memory) => memory !== 0 } }, bounds(3));
    expect({ verdict: r.verdict, states: r.states }).toEqual({ verdict: 'holds', states: 103 });
  });

  // The memory of hot-for-long is the number of states in a row with heat above 0, up to 3: 0 where
  // the heat is 0; at least 1 just after a turn (heat 2); at least 2 a tick later (heat 1).
  it('records every state stored with its memory (0 for a property without one)', () => {
    const read = (line: string) => ({ memory: Number(line.slice(0, line.indexOf(' '))), state: JSON.parse(line.slice(line.indexOf(' ') + 1)) as ToyState });
    const calm = search('calm', 3, TOY, { keepStates: true });
    expect(calm.keptStates!.length).toBe(103);
    expect(new Set(calm.keptStates!.map((l) => read(l).memory))).toEqual(new Set([0]));
    const hot = search('hot-for-long', 3, TOY, { keepStates: true });
    expect(hot.keptStates!.length).toBe(hot.states);
    const bounds = { 0: [0, 0], 1: [2, 3], 2: [1, 3] } as Record<number, [number, number]>;
    for (const line of hot.keptStates!) {
      const { memory, state } = read(line);
      const [least, most] = bounds[state.heat]!;
      expect(memory >= least && memory <= most, line).toBe(true);
    }
    // The violating state is stored too, with the memory that breaks the property (3).
    expect(new Set(hot.keptStates!.map((l) => read(l).memory))).toEqual(new Set([0, 1, 2, 3]));
  });
});

describe("a worker's share of a search's levels, driven in this thread", () => {
  const share = (capacity: number) => new LevelShare(toySubject(TOY, 'calm'), bounds(3), { index: 0, count: 2, seen: SharedSeenSet.create(capacity) });

  // The start was dealt to the first queue; its successors arrive x, y, z (the order `enabled` gives
  // them) and are dealt on round-robin: x to the second, y to the first, z to the second.
  it('deals the states it queues round-robin, one queue per worker, where the last one left off', () => {
    const p = share(1 << 10);
    p.seed();
    expect(p.minLevel).toBe(0);
    p.expand(0);
    expect({ paused: p.paused, minLevel: p.minLevel }).toEqual({ paused: false, minLevel: 1 });
    const queues = p.giveLevel(1);
    const dials = queues.map((q) => {
      const out: string[] = [];
      const vector = new Int32Array(7);
      while (q.more) {
        q.shift(vector);
        out.push(`${vector[1]}${vector[2]}${vector[3]}`);
      }
      return out;
    });
    expect(dials).toEqual([['010'], ['100', '001']]);
    expect(p.minLevel).toBeNull();
  });

  it('its lowest queued level is the least of several (a tail can turn branching in some models, queued levels ahead)', () => {
    const p = share(1 << 10);
    p.takeLevel(4, []);
    p.takeLevel(3, []);
    p.takeLevel(6, []);
    expect(p.minLevel).toBe(3);
  });

  it('pauses between two states when the shared seen-set is full, and goes on where it stopped once it is not', () => {
    const p = share(1); // full (past 85%) with one state
    p.seed();
    p.expand(0);
    expect({ paused: p.paused, minLevel: p.minLevel, transitions: p.transitions }).toEqual({ paused: true, minLevel: 0, transitions: 0 });
    p.seen = (p.seen as SharedSeenSet).grown().grown().grown().grown();
    p.expand(0);
    expect({ paused: p.paused, minLevel: p.minLevel }).toEqual({ paused: false, minLevel: 1 });
  });
});
