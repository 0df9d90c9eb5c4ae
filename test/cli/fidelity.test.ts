/**
 * `cascade fidelity` as a user runs it: the table (one row per public figure, median, range, within),
 * `--json`, the exit code (0 only when every figure is within), and bad input in one line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURES, reducedPopulation } from '../../src/runner/index.ts';
import { cli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-fidelity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const reduced = join(dir, 'reduced.json');
writeFileSync(reduced, JSON.stringify(reducedPopulation(10)));

describe('cascade fidelity', () => {
  it('prints a row per figure and how many are within; --json carries the same verdicts', () => {
    const table = cli(['fidelity', '--seeds', '1', '--config', reduced]);
    expect([0, 1]).toContain(table.code);
    for (const f of FIGURES) expect(table.stdout).toContain(f.label);
    const within = /(\d+) of 10 figures within tolerance/.exec(table.stdout);
    expect(within, table.stdout).not.toBeNull();
    expect(table.code).toBe(Number(within![1]) === 10 ? 0 : 1);
    const json = cli(['fidelity', '--seeds', '1', '--config', reduced, '--json']);
    const report = JSON.parse(json.stdout) as { within: number; figures: { id: string; within: boolean }[]; config: { peers: number } };
    expect(report.within).toBe(Number(within![1]));
    expect(report.config.peers).toBe(10_000);
    expect(report.figures.map((f) => f.id)).toEqual(FIGURES.map((f) => f.id));
  }, 180_000);

  it('refuses bad input in one line, exit 2', () => {
    for (const args of [['--seeds', '0'], ['--seeds', 'x'], ['--set', 'noSuchParameter=1'], ['--config', join(dir, 'missing.json')], ['--bogus']]) {
      const r = cli(['fidelity', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.errors, args.join(' ')).toHaveLength(1);
      expect(r.errors[0]).toMatch(/^cascade fidelity: /);
    }
  });
});
