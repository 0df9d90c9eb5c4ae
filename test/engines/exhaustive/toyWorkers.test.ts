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
import type { ExhaustiveOptions } from '../../../src/engines/exhaustive/search.ts';
import { Pool } from '../../../src/parallel/pool.ts';
import type { ToyConfig, ToyEvent, ToyPropertyId } from '../../support/toyModel.ts';

const TOY: ToyConfig = { budget: 4, window: 2, heal: 3 };
const bounds = (horizon: number, more: Partial<ExhaustiveOptions> = {}): ExhaustiveOptions => ({ horizon, maxStates: 100_000, maxMemoryBytes: 2 ** 28, ...more });
const turns = (...dials: (0 | 1 | 2)[]): ToyEvent[] => dials.map((dial) => ({ kind: 'turn', dial }));
const module = new URL('../../support/toyModel.ts', import.meta.url).href;

const pools = new Map<number, Pool>();
const poolOf = (workers: number): Pool => {
  if (!pools.has(workers)) pools.set(workers, new Pool(workers));
  return pools.get(workers)!;
};
afterAll(() => Promise.all([...pools.values()].map((p) => p.close())));

describe('the exhaustive engine on the toy model, on workers', () => {
  it.each([2, 3])('%i workers: the same states, and every violation, with the one thread\'s counterexample', { timeout: 60_000 }, async (workers) => {
    const pool = poolOf(workers);
    const onPool = (id: ToyPropertyId, more: Partial<ExhaustiveOptions> = {}) => searchExhaustiveOnPool<ToyEvent>(pool, { module, subject: { config: TOY, property: id } }, TOY.heal, bounds(3, more));
    const calm = await onPool('calm');
    expect({ states: calm.states, branching: calm.branchingStates, ticks: calm.ticks, verdict: calm.verdict }).toEqual({ states: 103, branching: 39, ticks: 2, verdict: 'holds' });
    for (const [id, events] of [['not-x2', turns(0, 0)], ['not-y2', turns(1, 1)], ['not-z2', turns(2, 2)], ['hot-for-long', [...turns(0), { kind: 'tick' }, ...turns(0)]]] as const) {
      const r = await onPool(id);
      expect(r.verdict, id).toBe('violated');
      expect(r.counterexample!.events, id).toEqual(events);
    }
  });
});
