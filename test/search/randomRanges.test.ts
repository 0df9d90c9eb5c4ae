/**
 * Ranges of the random engine merge into one search: for any cut of 0..runs into ranges, searched
 * in any order, `mergeRandom` gives exactly what one `searchRandom` over all runs gives (timings
 * aside), on a pair that fails late, one that fails at once and one that holds. This is what lets
 * workers and shards split a search without changing its result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUITES, suiteModel } from '../../properties/index.ts';
import { cellWindow, mergeRandom, searchRandom, searchRandomRange, type RandomPartial, type RandomResult } from '../../src/search/random.ts';
import { PROPERTIES } from '../../src/propertyLanguage/index.ts';

const CASES = [
  ['feedback-loop', 'no-cascade', 'skype-2010+admission-control', 400],
  ['login-flood-2007', 'recovers', 'skype-2007', 100],
  ['directory', 'consistent-directory', 'fixed', 120],
] as const;

const untimed = (r: RandomResult) => ({ ...r, ms: 0, timeToFailureMs: r.timeToFailureMs === null ? null : 0 });

describe('random search in ranges', () => {
  for (const [id, property, variant, runs] of CASES) {
    const suite = SUITES.find((s) => s.id === id)!;
    const model = suiteModel(suite, variant);
    const search = { runs, seed: suite.seed, maxEvents: suite.maxEvents, kinds: suite.kinds };
    const whole = searchRandom(model, PROPERTIES[property]!, suite.bounds, search);

    it(`${id} / ${property} on ${variant}: any cut into ranges merges into the whole search (${whole.verdict} after ${whole.runs} runs)`, () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: runs - 1 }), { maxLength: 4 }), fc.boolean(), (cuts, reversed) => {
          const edges = [0, ...cuts.sort((a, b) => a - b), runs];
          const ranges = edges.slice(1).map((to, i) => [edges[i]!, to] as const);
          const partials: RandomPartial[] = (reversed ? [...ranges].reverse() : ranges).map(([from, to]) =>
            searchRandomRange(model, PROPERTIES[property]!, suite.bounds, { ...search, from, to }),
          );
          const merged = mergeRandom(partials, runs, suite.seed, cellWindow(search), 0);
          expect(untimed(merged)).toEqual(untimed(whole));
        }),
        { numRuns: 6, seed: 7 },
      );
    });
  }

  it('refuses ranges that do not join up, and abandoned ranges before the failure', () => {
    const suite = SUITES.find((s) => s.id === 'directory')!;
    const model = suiteModel(suite, 'fixed');
    const search = { runs: 40, seed: 1, maxEvents: suite.maxEvents, kinds: suite.kinds };
    const a = searchRandomRange(model, PROPERTIES['consistent-directory']!, suite.bounds, { ...search, from: 0, to: 20 });
    const b = searchRandomRange(model, PROPERTIES['consistent-directory']!, suite.bounds, { ...search, from: 25, to: 40 });
    expect(() => mergeRandom([a, b], 40, 1, cellWindow(search), 0)).toThrow(/runs 20..24 of seed 1 were not searched/);
    expect(() => mergeRandom([a], 40, 1, cellWindow(search), 0)).toThrow(/runs 20..39 of seed 1 were not searched/);
    const skipped = searchRandomRange(model, PROPERTIES['consistent-directory']!, suite.bounds, { ...search, from: 20, to: 40, skip: (i) => i >= 30 });
    expect(skipped.abandoned).toBe(true);
    expect(() => mergeRandom([a, skipped], 40, 1, cellWindow(search), 0)).toThrow(/abandoned/);
  });
});
