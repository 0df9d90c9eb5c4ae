/**
 * Any number of workers gives the same run: the random engine and the exhaustive engine with 1, 2
 * and 3 workers give equal verdicts, counts and byte-identical counterexample files; a worker lost
 * mid-run fails the run with one line and no verdict.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUITES } from '../../properties/index.ts';
import { main } from '../../src/cli.ts';
import { WorkerLost } from '../../src/parallel/pool.ts';
import { selectPairs, exhaustiveSections, runChecks, runExplores, type ExplorePairResult, type PairResult } from '../../src/runner/index.ts';

const root = mkdtempSync(join(tmpdir(), 'cascade-workers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir`, path -> content. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

const untimed = <R extends PairResult | ExplorePairResult>(r: R, dir: string) =>
  JSON.parse(JSON.stringify({ ...r, ms: 0, timeToFailureMs: 0, statesPerSecond: 0, bytesPerState: 0 }).replaceAll(dir, 'DIR'));

describe('workers', () => {
  it('random engine: 1, 2 and 3 workers give the same verdicts, counts and counterexample files', async () => {
    const pairs = selectPairs(SUITES, { suite: 'login-flood-2007' }).concat(
      selectPairs(SUITES, { suite: 'feedback-loop', variant: 'skype-2010+admission-control' }),
    );
    const runs: Record<number, { results: unknown[]; files: Record<string, string> }> = {};
    for (const workers of [1, 2, 3]) {
      const dir = join(root, `random-${workers}`);
      const { results } = await runChecks(pairs, { budget: 'test', runs: 300, dir, update: false, workers });
      runs[workers] = { results: results.map((r) => untimed(r, dir)), files: files(dir) };
    }
    expect(Object.keys(runs[1]!.files).length).toBeGreaterThan(5);
    expect(runs[1]!.results.some((r) => (r as PairResult).verdict === 'holds')).toBe(true);
    for (const workers of [2, 3]) {
      expect(runs[workers]!.results).toEqual(runs[1]!.results);
      expect(runs[workers]!.files).toEqual(runs[1]!.files);
    }
  });

  it('exhaustive engine: 1, 2 and 3 workers give the same verdicts, state counts and counterexample files', async () => {
    const pairs = exhaustiveSections(SUITES).filter(
      (p) => p.suite.id === 'feedback-loop' && p.variant !== 'skype-2010+robust-client' && !(p.property === 'recovers' && p.variant === 'fixed'),
    );
    const runs: Record<number, { results: ExplorePairResult[]; files: Record<string, string> }> = {};
    for (const workers of [1, 2, 3]) {
      const dir = join(root, `exhaustive-${workers}`);
      const { results } = await runExplores(pairs, { budget: 'test', horizon: 2, maxMemoryMB: 1024, dir, update: false, workers });
      runs[workers] = { results: results.map((r) => untimed(r, dir)), files: files(dir) };
    }
    const verdicts = new Set(runs[1]!.results.map((r) => r.verdict));
    expect(verdicts.has('violated') && verdicts.size > 1).toBe(true);
    for (const workers of [2, 3]) {
      expect(runs[workers]!.results.map(({ transitions, ticks, bound, ...r }) => r)).toEqual(runs[1]!.results.map(({ transitions, ticks, bound, ...r }) => r));
      expect(runs[workers]!.files).toEqual(runs[1]!.files);
    }
  });

  it('a worker lost mid-run fails the run with one line, and no counterexample is written', async () => {
    const dir = join(root, 'lost');
    process.env.CASCADE_WORKER_FAULT = 'exit';
    try {
      const run = runChecks(selectPairs(SUITES, { suite: 'crash-cascade-2010' }), { budget: 'test', runs: 50, dir, update: false, workers: 2 });
      await expect(run).rejects.toThrow(WorkerLost);
      await expect(run).rejects.toThrow(/^worker [12] of 2 stopped \(exit code 70\): the run is incomplete and reports no verdict$/);
    } finally {
      delete process.env.CASCADE_WORKER_FAULT;
    }
    expect(files(dir)).toEqual({});
  });

  it('on the command line, a lost worker is one line and exit code 3; a property that throws in a worker is one line and exit code 2', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    process.env.CASCADE_WORKER_FAULT = 'exit';
    try {
      expect(await main(['check', '--suite', 'crash-cascade-2010', '--runs', '40', '--workers', '2', '--dir', join(root, 'cli-lost'), '--json'], io)).toBe(3);
    } finally {
      delete process.env.CASCADE_WORKER_FAULT;
    }
    expect(lines.filter((l) => l.startsWith('cascade check: worker'))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
    const suite = join(root, 'throwing.mjs');
    writeFileSync(
      suite,
      `export default ({ defineSuite, defineProperty }) => defineSuite({ id: 'throwing', title: 'a property that throws', kinds: ['crash'], properties: [defineProperty({ id: 'boom', summary: 'throws once a peer crashed', always: (s) => { if (s.faultsUsed > 0) throw new Error('boom'); return null; } })], variants: { fixed: null } });\n`,
    );
    lines.length = 0;
    expect(await main(['check', '--suite', suite, '--runs', '40', '--workers', '2', '--dir', join(root, 'cli-throwing')], io)).toBe(2);
    expect(lines.filter((l) => l.includes('threw'))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('CASCADE_WORKERS sets the default number of workers; a bad value is one line and exit code 2', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const before = process.env.CASCADE_WORKERS;
    process.env.CASCADE_WORKERS = 'many';
    try {
      expect(await main(['check', '--suite', 'directory', '--runs', '5', '--dir', join(root, 'env')], io)).toBe(2);
    } finally {
      process.env.CASCADE_WORKERS = before;
    }
    expect(lines).toEqual(["cascade check: CASCADE_WORKERS must be a whole number between 1 and 256, got 'many'"]);
  });
});
