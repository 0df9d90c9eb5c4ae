/**
 * Workers against one thread, on this machine's cores: the exhaustive engine on the feedback loop's
 * `no-cascade` on `fixed` at a scope and horizon that take more than 30 s in one thread (two user
 * actions, the suite's random-engine budget, horizon 5), and the random engine over every suite at
 * the start budget (5,000 runs a pair, about 5 s: the workers' start, about 0.7 s from the
 * TypeScript sources, weighs) and at 50,000 runs a pair. Each figure is wall time including the
 * workers' start; the ratios are the speed-ups. The verdicts and counts must agree, and the notes
 * say so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUITES } from '../properties/index.ts';
import { checkPairs, explorePairs, runChecks, runExplores } from '../src/runner/index.ts';
import type { BenchModule } from './lib/module.ts';

const EXPLORE = { suite: 'feedback-loop', property: 'no-cascade', variant: 'fixed', horizon: 5, overrides: { churnBudget: 2 } };
const CHECK_RUNS = [5_000, 50_000];

const parallel: BenchModule = {
  name: 'parallel',
  summary: `workers against one thread (${availableParallelism()} cores): the exhaustive and the random engine, wall time and speed-up`,
  async run(record) {
    const dir = mkdtempSync(join(tmpdir(), 'cascade-bench-'));
    const workers = Math.max(2, availableParallelism());
    try {
      const pairs = explorePairs(SUITES, EXPLORE, EXPLORE.overrides);
      const explore: Record<number, { s: number; states: number; verdict: string }> = {};
      for (const w of [1, workers]) {
        const started = performance.now();
        const { results } = await runExplores(pairs, { budget: 'start', horizon: EXPLORE.horizon, overrides: EXPLORE.overrides, maxMemoryMB: 6144, dir: join(dir, `explore-${w}`), update: false, workers: w });
        const r = results[0]!;
        explore[w] = { s: (performance.now() - started) / 1000, states: r.states, verdict: r.verdict };
        record({ scope: 'small', variant: EXPLORE.variant, name: `explore feedback-loop / no-cascade, churnBudget 2, horizon ${EXPLORE.horizon}, ${w} worker${w === 1 ? '' : 's'}`, value: explore[w]!.s, unit: 's', count: r.states, seconds: explore[w]!.s, note: `${r.verdict} (${r.stoppedBy}), ${r.states.toLocaleString('en-US')} states, ${r.transitions.toLocaleString('en-US')} transitions, ${Math.round(r.states / explore[w]!.s).toLocaleString('en-US')} states/s, ${r.bytesPerState} B a state` });
      }
      const same = explore[1]!.states === explore[workers]!.states && explore[1]!.verdict === explore[workers]!.verdict;
      record({ scope: 'small', variant: EXPLORE.variant, name: `explore speed-up, ${workers} workers / 1`, value: explore[1]!.s / explore[workers]!.s, unit: 'x', note: same ? 'same verdict and state count' : `DIFFERENT: ${explore[1]!.verdict} ${explore[1]!.states} against ${explore[workers]!.verdict} ${explore[workers]!.states}` });

      const checks = checkPairs(SUITES, {});
      for (const runs of CHECK_RUNS) {
        const check: Record<number, { s: number; key: string }> = {};
        for (const w of [1, workers]) {
          const started = performance.now();
          const { results } = await runChecks(checks, { budget: 'start', runs, dir: join(dir, `check-${runs}-${w}`), update: false, workers: w });
          check[w] = { s: (performance.now() - started) / 1000, key: results.map((r) => `${r.verdict}:${r.runs}:${r.triggeredRuns}:${r.eventsAfterShrink}`).join(',') };
          record({ scope: 'small', variant: '-', name: `check all suites, ${runs.toLocaleString('en-US')} runs a pair, ${w} worker${w === 1 ? '' : 's'}`, value: check[w]!.s, unit: 's', count: results.reduce((n, r) => n + r.runs, 0), seconds: check[w]!.s, note: `${results.length} pairs, ${results.filter((r) => r.verdict === 'violated').length} violated` });
        }
        record({ scope: 'small', variant: '-', name: `check speed-up at ${runs.toLocaleString('en-US')} runs, ${workers} workers / 1`, value: check[1]!.s / check[workers]!.s, unit: 'x', note: check[1]!.key === check[workers]!.key ? 'same verdicts, runs and shrunk lengths' : 'DIFFERENT results' });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default parallel;
