/**
 * The exhaustive engine's swarm shards split the sequences by their first adversary event: the
 * shards together give the verdict of one search (holds when every shard holds, violated when one
 * is), and the shortest counterexample among them is as short as the one search's. Each shard
 * searches less than the whole.
 */
import { describe, expect, it } from 'vitest';
import { searchBound, SUITES, suiteModel } from '../../properties/index.ts';
import { searchExhaustive, type ExhaustiveResult } from '../../src/search/exhaustive.ts';
import { swarmShardOf } from '../../src/search/exhaustive.ts';
import { PROPERTIES } from '../../src/propertyLanguage/index.ts';

const CASES = [
  ['feedback-loop', 'no-cascade', 'fixed'],
  ['feedback-loop', 'recovers', 'skype-2010'],
  ['crash-cascade-2010', 'no-client-crash', 'skype-2010'],
  ['login-flood-2007', 'recovers', 'skype-2007'],
  ['directory', 'consistent-directory', 'fixed'],
] as const;

describe('swarm shards of the exhaustive engine', () => {
  for (const [id, property, variant] of CASES) {
    it(`${id} / ${property} on ${variant}: 3 shards together give the one search's verdict and shortest length`, () => {
      const suite = SUITES.find((s) => s.id === id)!;
      const bound = searchBound(suite.exhaustive, 'test', property, variant);
      const run = (swarm?: { index: number; count: number }): ExhaustiveResult =>
        searchExhaustive(suiteModel(suite, variant, true), PROPERTIES[property]!, suite.bounds, {
          horizon: bound.horizon,
          maxStates: 5_000_000,
          maxMemoryBytes: 2 ** 30,
          kinds: suite.exhaustive.kinds ?? suite.kinds,
          ...(swarm ? { swarm } : {}),
        });
      const whole = run();
      const shards = [1, 2, 3].map((index) => run({ index, count: 3 }));
      expect(shards.some((s) => s.verdict === 'violated')).toBe(whole.verdict === 'violated');
      if (whole.verdict === 'violated') {
        expect(Math.min(...shards.filter((s) => s.counterexample).map((s) => s.counterexample!.events.length))).toBe(whole.counterexample!.events.length);
      } else {
        for (const s of shards) expect(s.verdict).toBe(whole.verdict);
        for (const s of shards) expect(s.states).toBeLessThan(whole.states);
      }
    });
  }

  it('deals first events to every shard', () => {
    const seen = new Set<number>();
    for (let kind = 1; kind < 8; kind++) for (let p = 0; p < 6; p++) seen.add(swarmShardOf(kind * 0x100000 + p, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});
