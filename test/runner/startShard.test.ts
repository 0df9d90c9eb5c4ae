/**
 * How `start --shard K/N` cuts the main job: every unit in exactly one shard for any N, each base's
 * fix-set analysis (the longest units) first so that round-robin spreads them, and a digest of what
 * the job runs that a merge can compare.
 */
import { describe, expect, it } from 'vitest';
import { BASES } from '../../src/model/index.ts';
import { gatherPairs } from '../../src/runner/gather.ts';
import { startDigest, startUnits, unitsOf, type StartUnit } from '../../src/runner/startShard.ts';

const pairs = gatherPairs();
const units = startUnits(pairs);
const key = (u: StartUnit) => JSON.stringify(u);

describe('the main job in units', () => {
  it('has each base, the population runs, the outages and every pair once, the bases first', () => {
    expect(units.length).toBe(BASES.length + 2 + pairs.random.length + pairs.exhaustive.length);
    expect(new Set(units.map(key)).size).toBe(units.length);
    expect(units.slice(0, BASES.length)).toEqual(BASES.map((base) => ({ kind: 'fixes', base })));
    expect(units.filter((u) => u.kind === 'random').map((u) => (u as { index: number }).index)).toEqual(pairs.random.map((_, i) => i));
    expect(units.filter((u) => u.kind === 'exhaustive').map((u) => (u as { index: number }).index)).toEqual(pairs.exhaustive.map((_, i) => i));
  });

  it('gives every unit to exactly one of N shards, for N from 1 to past the number of units', () => {
    for (const count of [1, 2, 3, 5, 8, units.length, units.length + 3]) {
      const seen = new Map<string, number>();
      for (let index = 1; index <= count; index++) for (const u of unitsOf(units, { index, count })) seen.set(key(u), (seen.get(key(u)) ?? 0) + 1);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      expect(seen.size).toBe(units.length);
    }
  });

  it('spreads the bases over shards when there are as many shards', () => {
    const holders = BASES.map((base) => [1, 2, 3].find((index) => unitsOf(units, { index, count: 3 }).some((u) => u.kind === 'fixes' && u.base === base)));
    expect(new Set(holders).size).toBe(BASES.length);
  });

  it('digests what the job runs: the same for the same selection, another for another reduction', () => {
    const a = startDigest({ budget: 'start', reduction: 2 }, pairs);
    expect(startDigest({ budget: 'start', reduction: 2 }, pairs)).toEqual(a);
    expect(startDigest({ budget: 'start', reduction: 3 }, pairs).config).not.toBe(a.config);
    expect(startDigest({ budget: 'start', reduction: 3 }, pairs).suites).toBe(a.suites);
  });
});
