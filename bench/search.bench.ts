/**
 * The random engine against the buggy variants: over 10 seeds, the median wall time and runs until
 * the first failure, and the median shrunk counterexample length, for every pair a suite expects
 * to be violated (the start budget bounds each search).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectation, SUITES } from '../properties/index.ts';
import { checkPair } from '../src/runner/index.ts';
import { median } from '../src/engines/_internals/median.ts';
import type { BenchModule } from './lib/module.ts';

const SEEDS = 10;

const search: BenchModule = {
  name: 'search',
  summary: `random engine on the buggy variants: median over ${SEEDS} seeds of time and runs to the first failure and of the shrunk length`,
  run(record) {
    const dir = mkdtempSync(join(tmpdir(), 'cascade-bench-search-'));
    try {
      for (const suite of SUITES) {
        for (const property of suite.properties) {
          for (const variant of Object.keys(suite.variants)) {
            if (expectation(suite, property, variant) !== 'violated') continue;
            const found = Array.from({ length: SEEDS }, (_, i) =>
              checkPair({ suite, property, variant, expected: 'violated' }, { budget: 'start', seed: i + 1, dir: join(dir, String(i)), update: false }),
            ).filter((r) => r.verdict === 'violated');
            const scope = `${suite.id} / ${property}`;
            const note = `${found.length}/${SEEDS} seeds failed`;
            if (found.length === 0) {
              record({ scope, variant, name: 'time to first failure', value: NaN, unit: 'ms', note });
              continue;
            }
            record({ scope, variant, name: 'time to first failure', value: median(found.map((r) => r.timeToFailureMs!)), unit: 'ms', note });
            record({ scope, variant, name: 'runs to first failure', value: median(found.map((r) => r.runs)), unit: 'runs' });
            record({ scope, variant, name: 'shrunk length', value: median(found.map((r) => r.eventsAfterShrink!)), unit: 'events' });
          }
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default search;
