/**
 * The bench's data file and its page: `npm run bench` merges each module's last run into
 * bench/results.json (a module run now replaces its entry, the others stay, in the modules' order),
 * and the generator renders every figure of it, a value that could not be measured as a dash.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BENCH_RESULTS_PATH, machine, readBenchResults, repositoryRoot, saveBenchResults, type ModuleRun } from '../../bench/lib/results.ts';
import { benchPage } from './figures.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cascade-bench-results-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), '{}');
  return dir;
}

const run = (name: string, value: number | null, at = '2026-01-02T03:04:05.678Z'): ModuleRun => ({
  name,
  summary: `what ${name} measures.`,
  measuredAt: at,
  ...machine(0.5),
  measurements: [{ bench: name, scope: 'small', variant: 'fixed', name: `${name} rate`, value, unit: 'events/s', note: 'a | b' }],
});

describe('bench/results.json', () => {
  it('keeps the modules not run now, replaces those run, in the modules order', () => {
    const dir = root();
    saveBenchResults(dir, [run('explore', 2), run('model', 1)], ['model', 'explore', 'search']);
    saveBenchResults(dir, [run('model', 3, '2026-02-02T00:00:00.000Z')], ['model', 'explore', 'search']);
    const results = readBenchResults(dir)!;
    expect(results.modules.map((m) => [m.name, m.measurements[0]!.value])).toEqual([
      ['model', 3],
      ['explore', 2],
    ]);
    expect(JSON.parse(readFileSync(join(dir, BENCH_RESULTS_PATH), 'utf8')).schemaVersion).toBe(1);
  });

  it('renders every figure, with the time and machine, and a dash for one not measured', () => {
    const dir = root();
    saveBenchResults(dir, [run('model', 742_345.6), run('search', null)], ['model', 'search']);
    const page = benchPage(dir);
    expect(page).toContain('## model');
    expect(page).toContain('Measured 2026-01-02 03:04:05 UTC');
    expect(page).toContain('| small | fixed | model rate | 742,000 | events/s | a \\| b |');
    expect(page).toContain('| small | fixed | search rate | — | events/s |');
    expect(page).not.toContain('Not measured yet');
  });

  it('treats a damaged file as none, and finds the repository root from a nested folder', () => {
    const dir = root();
    mkdirSync(join(dir, 'bench'));
    writeFileSync(join(dir, BENCH_RESULTS_PATH), '{ not json');
    expect(readBenchResults(dir)).toBeNull();
    expect(benchPage(dir)).toContain('Not measured yet');
    expect(repositoryRoot(join(dir, '.bench', 'bench'))).toBe(dir);
  });
});
