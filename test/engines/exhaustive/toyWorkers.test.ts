/**
 * The exhaustive engine on the toy model (test/support/toyModel.ts) on 2 and then 3 workers, which
 * build the toy from its module: the one thread's counts, and every violation with the one thread's
 * counterexample. The queued states are dealt round-robin: the start to worker 0, then its
 * successors x, y, z to workers 1, 2, 0 of 3 (1, 0, 1 of 2; toy.test.ts pins the dealing), so on 3
 * workers each violation is met by one worker alone and the coordinator must read every worker's
 * findings: reading only one would turn the others into a false holds.
 * A pool is started only when its test runs (worker threads take seconds to start).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { searchExhaustiveOnPool } from '../../../src/engines/exhaustive/onPool.ts';
import { searchExhaustive, type ExhaustiveOptions } from '../../../src/engines/exhaustive/search.ts';
import { Pool } from '../../../src/parallel/pool.ts';
import type { ToyConfig, ToyEvent, ToyPropertyId } from '../../support/toyModel.ts';
import { chainSubject } from './tickChainModel.ts';
import { TWO_LENGTHS, twoLengthsSubject } from './toyTwoLengths.ts';

const TOY: ToyConfig = { budget: 4, window: 2, heal: 3 };
const bounds = (horizon: number, more: Partial<ExhaustiveOptions> = {}): ExhaustiveOptions => ({
  horizon,
  maxStates: 100_000,
  maxMemoryBytes: 2 ** 28,
  ...more,
});
const turns = (...dials: (0 | 1 | 2)[]): ToyEvent[] => dials.map((dial) => ({ kind: 'turn', dial }));
const module = new URL('../../support/toyModel.ts', import.meta.url).href;

const pools = new Map<number, Pool>();
const poolOf = (workers: number): Pool => {
  if (!pools.has(workers)) pools.set(workers, new Pool(workers));
  return pools.get(workers)!;
};
afterAll(() => Promise.all([...pools.values()].map((p) => p.close())));

describe('the exhaustive engine on the toy model, on workers', () => {
  it.each([2, 3])("%i workers: the same states, and every violation, with the one thread's counterexample", { timeout: 60_000 }, async (workers) => {
    const pool = poolOf(workers);
    const onPool = (id: ToyPropertyId, more: Partial<ExhaustiveOptions> = {}) =>
      searchExhaustiveOnPool<ToyEvent>(pool, { module, subject: { config: TOY, property: id } }, TOY.heal, bounds(3, more));
    const before = performance.now();
    const calm = await onPool('calm', { keepStates: true });
    const elapsed = performance.now() - before;
    expect({
      states: calm.states,
      branching: calm.branchingStates,
      ticks: calm.ticks,
      depth: calm.depth,
      verdict: calm.verdict,
      workers: calm.workers,
    }).toEqual({ states: 103, branching: 39, ticks: 2, depth: 5, verdict: 'holds', workers });
    expect(calm.ms).toBeLessThanOrEqual(elapsed + 1);
    // The stores' peak holds at least the first shared seen-set: 2^20 slots of 12 bytes.
    expect(calm.bytes).toBeGreaterThanOrEqual(2 ** 20 * 12);
    // Every state is kept by the worker that stored it: together, the one thread's 103.
    expect(new Set(calm.keptStates!.map((line) => line.replace(/"tick":\d+,/, ''))).size).toBe(103);
    expect(calm.keptStates!.length).toBe(103);
    for (const [id, events] of [
      ['not-x2', turns(0, 0)],
      ['not-y2', turns(1, 1)],
      ['not-z2', turns(2, 2)],
      ['hot-for-long', [...turns(0), { kind: 'tick' }, ...turns(0)]],
    ] as const) {
      const started = performance.now();
      const r = await onPool(id);
      expect(r.verdict, id).toBe('violated');
      expect(r.counterexample!.events, id).toEqual(events);
      expect({ shortest: r.shortest, workers: r.workers }, id).toEqual({ shortest: true, workers });
      expect(r.ms, id).toBeLessThanOrEqual(performance.now() - started + 1);
    }
    // As in one thread (toy.test.ts): the search ends with level 2, which holds 13 states in all.
    const x2 = await onPool('not-x2');
    expect({ depth: x2.depth, states: x2.states }).toEqual({ depth: 2, states: 13 });
    // Two violations of different lengths met by two workers in one level: the shorter one wins.
    const twoModule = new URL('./toyTwoLengths.ts', import.meta.url).href;
    const two = await searchExhaustiveOnPool<ToyEvent>(pool, { module: twoModule, subject: TWO_LENGTHS }, TWO_LENGTHS.heal, bounds(3));
    const alone = searchExhaustive(twoLengthsSubject(), bounds(3));
    expect(alone.counterexample!.events).toEqual(turns(1, 1));
    expect({ events: two.counterexample!.events, depth: two.depth, shortest: two.shortest }).toEqual({ events: turns(1, 1), depth: 2, shortest: true });
    // A state bound of one: the start, no level expanded, no verdict.
    const one = await onPool('calm', { maxStates: 1 });
    expect({ states: one.states, depth: one.depth, verdict: one.verdict, stoppedBy: one.stoppedBy }).toEqual({
      states: 1,
      depth: 0,
      verdict: 'bound-reached',
      stoppedBy: 'states',
    });
    // The pool's own figures, not those of a settling one-thread search (a stop with no violation settles nothing): its shared table (2^20 slots of 12 bytes) is counted.
    expect(one.bytes).toBeGreaterThanOrEqual(2 ** 20 * 12);
  });

  // The pool meets a violation and the settling one-thread search (of the subject worker 0 built for its share)
  // does not: the answer is the settling search's own, timed from the start of the whole search.
  it('a settling search that meets no violation gives its own answer', { timeout: 60_000 }, async () => {
    const miss = new URL('./settleMissSubject.ts', import.meta.url).href;
    const before = performance.now();
    const r = await searchExhaustiveOnPool(poolOf(2), { module: miss, subject: 'settle-miss' }, 1, bounds(0));
    const elapsed = performance.now() - before;
    expect({ verdict: r.verdict, counterexample: r.counterexample, states: r.states, workers: r.workers }).toEqual({
      verdict: 'holds',
      counterexample: null,
      states: 13,
      workers: 2,
    });
    expect(r.ms).toBeGreaterThanOrEqual(0);
    expect(r.ms).toBeLessThanOrEqual(elapsed);
  });

  // Levels are expanded in order even when a tick chain queued a state levels ahead on one worker
  // while the other holds the next level (tickChainModel.ts): the shorter violation, q y z, is found,
  // as one thread finds it, not p a, tick, tick, x from the chain's far end.
  it('expands the lowest level any worker holds first', { timeout: 60_000 }, async () => {
    const chain = new URL('./tickChainModel.ts', import.meta.url).href;
    const alone = searchExhaustive(chainSubject(), bounds(5));
    const b = (name: string) => ({ kind: 'pick', name });
    expect(alone.counterexample!.events).toEqual([b('q'), b('y'), b('z')]);
    const r = await searchExhaustiveOnPool(poolOf(2), { module: chain, subject: null }, 1, bounds(5));
    expect({ events: r.counterexample!.events, depth: r.depth, states: r.states, shortest: r.shortest }).toEqual({
      events: alone.counterexample!.events,
      depth: alone.depth,
      states: alone.states,
      shortest: true,
    });
  });
});
