import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
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
