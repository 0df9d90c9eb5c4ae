import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The long tests: whole-suite runs of the real command line (each a fresh process, most of them a
 * `check` or `explore` over every suite), signals sent at random moments, the whole report and the
 * report in a browser, the scripted outages and their fidelity at population scale, and the fix-set
 * analysis on the real engines. `npm test` leaves them out to stay within about five
 * minutes on two cores; `npm run test:long` runs them, and so does CI (`.ci/run`). The same
 * commands' refusals, outputs and exit codes are also tested in process by `npm test`
 * (test/cli/{messages,parameters,fuzz,help,merge,shard,fixes}.test.ts).
 */
const LONG = [
  'test/cli/check.test.ts',
  'test/cli/explore.test.ts',
  'test/cli/fidelity.test.ts',
  'test/cli/interrupts.test.ts',
  'test/cli/outputs.test.ts',
  'test/cli/questions.test.ts',
  'test/cli/replay.test.ts',
  'test/cli/sweep.test.ts',
  // The main job whole and cut in three shards, merged and reported: two `npm start`s' work.
  'test/cli/startShards.test.ts',
  'test/model/scenariosPopulation.test.ts',
  'test/report/browser.test.ts',
  // The whole report from a results fixture, which runs the fidelity simulations itself (until the
  // runner stores them in the results); its sections, charts, JUnit and diagrams have quick tests of
  // their own in test/report/.
  'test/report/report.test.ts',
  // Both outages at population scale against the public record, a minute of simulation; npm test
  // runs the scripted outages at small scale (test/model/scenarios.test.ts).
  'test/runner/fidelity.test.ts',
  // The fix-set analysis on the real engines over two suites; its logic is pinned against a
  // brute-force reference, in seconds, by test/runner/fixSetSteps.test.ts in npm test.
  'test/runner/fixSets.test.ts',
];
const ALL = ['test/**/*.test.ts', 'properties/**/*.test.ts'];
/** `CASCADE_TESTS=long`: the long tests only; `all`: every test (the mutation run names files of both). */
const which = process.env.CASCADE_TESTS ?? 'quick';
const long = which === 'long';

export default defineConfig({
  test: {
    include: long ? LONG : ALL,
    exclude: long || which === 'all' ? ['**/node_modules/**'] : [...LONG, '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Both cores: most test files are CPU-bound and independent (vitest would otherwise use one fewer).
    maxWorkers: Math.max(2, availableParallelism()),
    // Test files already run side by side on every core: commands default to one worker thread here
    // (the tests of parallel work pass --workers, or workers, themselves).
    env: { CASCADE_WORKERS: '1' },
  },
});
