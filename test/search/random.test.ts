/**
 * The random engine covers the adversary's window: safety phases spread over 0..maxEvents (median at
 * least a third of it on every suite), and on every suite, at its test budget, the runs exercise at
 * least a third of the (event kind, tick) cells and, for every kind the suite allows, some cell in
 * the window's last third (tick >= 2/3 of maxEvents): an engine that put its faults early, or
 * counted them at tick 0, covers few cells and none late.
 */
import { describe, expect, it } from 'vitest';
import { expectation, SUITES, suiteModel } from '../../properties/index.ts';
import { searchRandom } from '../../src/search/random.ts';
import { PROPERTIES } from '../../src/propertyLanguage/index.ts';

describe('random engine coverage', () => {
  for (const suite of SUITES) {
    it(`${suite.id}: median safety length at least maxEvents / 3, coverage reported`, () => {
      const property = PROPERTIES[suite.properties[0]!]!;
      const r = searchRandom(suiteModel(suite, 'fixed'), property, suite.bounds, { runs: 150, seed: 1, maxEvents: suite.maxEvents, kinds: suite.kinds });
      expect(r.coverage.medianLength).toBeGreaterThanOrEqual(suite.maxEvents / 3);
      expect(r.coverage.maxLength).toBeLessThanOrEqual(suite.maxEvents);
      expect(r.coverage.possible).toBe(suite.kinds.length * suite.maxEvents);
      expect(r.coverage.cells).toBeGreaterThan(0);
      expect(r.coverage.cells).toBeLessThanOrEqual(r.coverage.possible);
    });

    // `fixed` is the variant on which every kind can apply (mega supernodes included), and it holds
    // every property of every suite: its runs are not cut short by a violation.
    const property = suite.properties[0]!;
    it(`${suite.id} / ${property} on fixed, at the test budget (${suite.budget.test} runs, seed ${suite.seed}): a third of the cells, and every kind in the last third`, () => {
      expect(expectation(suite, property, 'fixed')).toBe('holds');
      const r = searchRandom(suiteModel(suite, 'fixed'), PROPERTIES[property]!, suite.bounds, {
        runs: suite.budget.test,
        seed: suite.seed,
        maxEvents: suite.maxEvents,
        kinds: suite.kinds,
      });
      const late = Math.ceil((2 * suite.maxEvents) / 3);
      console.info(
        `${suite.id}: coverage ${r.coverage.cells}/${r.coverage.possible}, late (tick >= ${late}) ${r.coverage.lateCells}/${r.coverage.latePossible} in ${r.coverage.lateKinds} of ${suite.kinds.length} kinds`,
      );
      expect(r.runs).toBe(suite.budget.test);
      expect(r.coverage.possible).toBe(suite.kinds.length * suite.maxEvents);
      expect(r.coverage.latePossible).toBe(suite.kinds.length * (suite.maxEvents - late));
      expect(r.coverage.cells).toBeGreaterThanOrEqual(r.coverage.possible / 3);
      expect(r.coverage.lateKinds).toBe(suite.kinds.length);
      expect(r.coverage.lateCells).toBeGreaterThanOrEqual(r.coverage.latePossible / 3);
      // Faults land late about as often as early: the last third is covered at least half as densely as the window.
      expect(r.coverage.lateCells / r.coverage.latePossible).toBeGreaterThanOrEqual(r.coverage.cells / r.coverage.possible / 2);
    });
  }
});
