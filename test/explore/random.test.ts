/**
 * The random engine covers the adversary's window: safety phases spread over 0..maxEvents (median at
 * least a third of it on every suite), and the (event kind, tick) coverage is reported.
 */
import { describe, expect, it } from 'vitest';
import { SUITES, suiteModel } from '../../properties/index.ts';
import { searchRandom } from '../../src/explore/random.ts';
import { PROPERTIES } from '../../src/properties/index.ts';

describe('random engine coverage', () => {
  for (const suite of SUITES) {
    it(`${suite.id}: median safety length at least maxEvents / 3, coverage reported`, () => {
      const property = PROPERTIES[suite.properties[0]!]!;
      const r = searchRandom(suiteModel(suite, 'fixed'), property, suite.bounds, { runs: 150, seed: 1, maxEvents: suite.maxEvents, kinds: suite.kinds });
      console.info(`${suite.id}: coverage ${r.coverage.cells}/${r.coverage.possible}, safety length median ${r.coverage.medianLength}, max ${r.coverage.maxLength}`);
      expect(r.coverage.medianLength).toBeGreaterThanOrEqual(suite.maxEvents / 3);
      expect(r.coverage.maxLength).toBeLessThanOrEqual(suite.maxEvents);
      expect(r.coverage.possible).toBe(suite.kinds.length * suite.maxEvents);
      expect(r.coverage.cells).toBeGreaterThan(0);
      expect(r.coverage.cells).toBeLessThanOrEqual(r.coverage.possible);
    });
  }
});
