/**
 * The exhaustive engine in one thread on the toy model (test/support/toyModel.ts), whose counts are
 * known by hand: its distinct states, verdicts, visit order and shortest counterexamples are pinned,
 * and as 3 swarm shards, where each of three violations is met by one shard alone. Quick (no worker
 * threads): the first test the mutation run tries; toyWorkers.test.ts runs the same on workers.
 */
import { describe, expect, it } from 'vitest';
import type { SearchSubject } from '../../../src/engines/contract.ts';
import { searchExhaustive, type ExhaustiveOptions } from '../../../src/engines/exhaustive/search.ts';
import { toyStateCount, toySubject, type ToyConfig, type ToyEvent, type ToyPropertyId, type ToyState } from '../../support/toyModel.ts';

const TOY: ToyConfig = { budget: 4, window: 2, heal: 3 };
const bounds = (horizon: number, more: Partial<ExhaustiveOptions> = {}): ExhaustiveOptions => ({ horizon, maxStates: 100_000, maxMemoryBytes: 2 ** 28, ...more });
const search = (id: ToyPropertyId, horizon: number, config = TOY, more: Partial<ExhaustiveOptions> = {}) => searchExhaustive(toySubject(config, id), bounds(horizon, more));
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
    expect({ states: r.states, branching: r.branchingStates, ticks: r.ticks, transitions: r.transitions }).toEqual({ states: 103, branching: 39, ticks: 2, transitions: 220 });
  });

  it('pins the visit order: the start, then level by level (a state where the adversary can act waits for its level)', () => {
    const r = search('calm', 3, TOY, { record: true });
    const order = r.recorded!.slice(0, 10).map((line) => {
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

  it('liveness: cools holds with a heal phase of 2 ticks and is violated with 1, with a goal and with the heal phase replayed', () => {
    for (const id of ['cools', 'cools-replayed'] as const) {
      expect(search(id, 3, { ...TOY, heal: 2 }).verdict, id).toBe('holds');
      const r = search(id, 3, { ...TOY, heal: 1 });
      expect(r.verdict, id).toBe('violated');
      expect(r.counterexample!.events, id).toEqual(turns(0));
    }
  });

  it('3 swarm shards: each of not-x2, not-y2 and not-z2 is met by one shard alone, a different one each; together they hold all 103 states', () => {
    const found = (['not-x2', 'not-y2', 'not-z2'] as const).map((id) => [1, 2, 3].filter((index) => search(id, 3, TOY, { swarm: { index, count: 3 } }).verdict === 'violated'));
    expect(found).toEqual([[2], [3], [1]]);
    const states = new Set<string>();
    for (const index of [1, 2, 3]) for (const line of search('calm', 3, TOY, { record: true, swarm: { index, count: 3 } }).recorded!) states.add(line.replace(/"tick":\d+,/, ''));
    expect(states.size).toBe(103);
  });
});
