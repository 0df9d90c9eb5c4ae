/**
 * The cuts shards make: the N shares of 0..total join up with no gap and no overlap, a bad K/N is
 * one line, and the ranges of one share searched apart join into exactly the partial one search of
 * the share gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyOf, SUITES, suiteModel } from '../../properties/index.ts';
import { searchRandomRange } from '../../src/search/random.ts';
import { Refusal } from '../../src/io/refusal.ts';
import { parseShard, shareOf } from '../../src/runner/index.ts';
import { joinRanges } from '../../src/search/random.ts';

describe('shareOf', () => {
  it('cuts 0..total into N shares that join up, in order, each within one of total/N', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 200 }), (total, count) => {
        let at = 0;
        for (let index = 1; index <= count; index++) {
          const [from, to] = shareOf(total, { index, count });
          expect(from).toBe(at);
          expect(to - from).toBeLessThanOrEqual(Math.ceil(total / count));
          expect(to - from).toBeGreaterThanOrEqual(Math.floor(total / count));
          at = to;
        }
        expect(at).toBe(total);
      }),
      { seed: 13 },
    );
  });
});

describe('parseShard', () => {
  it('reads K/N and refuses anything else in one line', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '3', '1/2/3', '-1/3', ' 1/3', '1/10001', 'a/b', '']) {
      expect(() => parseShard(bad), bad).toThrow(Refusal);
    }
  });
});

describe('joinRanges', () => {
  const suite = SUITES.find((s) => s.id === 'crash-cascade-2010')!;
  const search = (variant: string, property: string, from: number, to: number) =>
    searchRandomRange(suiteModel(suite, variant), propertyOf(suite, property)!, suite.bounds, {
      runs: 60,
      seed: suite.seed,
      maxEvents: suite.maxEvents,
      kinds: suite.kinds,
      from,
      to,
    });
  const strip = (p: ReturnType<typeof search>) => ({ ...p, ms: 0, failure: p.failure && { ...p.failure, msToFailure: 0 } });

  it.each([
    ['fixed', 'no-cascade'],
    ['skype-2010', 'no-client-crash'],
  ])('ranges of runs 5..45 on %s / %s join into the partial of one search of 5..45', (variant, property) => {
    const whole = search(variant, property, 5, 45);
    const parts = [
      [5, 9],
      [9, 20],
      [20, 33],
      [33, 45],
    ].map(([a, b]) => search(variant, property, a!, b!));
    const joined = joinRanges(parts.reverse(), 5, 45, suite.seed);
    expect(strip(joined)).toEqual(strip(whole));
  });

  it('refuses ranges that do not join up', () => {
    expect(() => joinRanges([search('fixed', 'no-cascade', 5, 9), search('fixed', 'no-cascade', 10, 20)], 5, 20, suite.seed)).toThrow(
      /runs 9..9 of seed \d+ were not searched/,
    );
  });
});
