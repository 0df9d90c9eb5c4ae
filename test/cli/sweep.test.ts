/**
 * `cascade sweep`: the documented question "at which share of buggy clients does the 2010 cascade
 * start?" as one command, at population scale, bisected to the tipping point over three seeds; and
 * evenly spaced steps on the small scale.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reducedPopulation } from '../../src/runner/index.ts';
import { cli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sweeps', () => {
  // On the population reduced ten times (10,000 peers, every capacity with it): the full population's
  // 24 runs of 300 one-minute ticks take minutes, as a user's sweep may, but not a test.
  it('sweep --scenario outage-2010 --scale population --param buggyReleasePercent --from 0 --to 60 --bisect prints a tipping point and writes its chart', () => {
    const out = join(dir, 'sweeps');
    const reduced = join(dir, 'reduced.json');
    writeFileSync(reduced, JSON.stringify(reducedPopulation(10)));
    const r = cli([
      'sweep',
      '--scenario',
      'outage-2010',
      '--scale',
      'population',
      '--param',
      'buggyReleasePercent',
      '--from',
      '0',
      '--to',
      '60',
      '--bisect',
      '--out',
      out,
      '--config',
      reduced,
    ]);
    expect(r.code, r.errors.join('\n')).toBe(0);
    const tipping = /tipping point: buggyReleasePercent = (\d+) \(median over 3 seeds; range (\d+) to (\d+); precision 1\)/.exec(r.stdout);
    expect(tipping, r.stdout).not.toBeNull();
    const [median, min, max] = tipping!.slice(1).map(Number);
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThanOrEqual(60);
    expect(min! <= median! && median! <= max!).toBe(true);
    const sweepFile = readdirSync(out).find((f) => f.startsWith('sweep-outage-2010-population-buggyReleasePercent-skype-2010') && f.endsWith('.svg'))!;
    const chart = join(out, sweepFile);
    expect(readFileSync(chart, 'utf8')).toMatch(/^<svg[\s\S]*tipping point[\s\S]*<\/svg>$/);
    const data = JSON.parse(readFileSync(join(out, sweepFile.replace(/svg$/, 'json')), 'utf8')) as {
      points: { value: number; seed: number; outcome: boolean }[];
    };
    // The tipping point is where the outcome flips: collapsed at it, not one below, for each seed.
    for (const seed of [1, 2, 3]) {
      const at = (v: number) => data.points.find((p) => p.seed === seed && p.value === v);
      const flip = data.points
        .filter((p) => p.seed === seed && p.outcome)
        .map((p) => p.value)
        .sort((a, b) => a - b)[0]!;
      expect(at(flip - 1)?.outcome).toBe(false);
    }
  });
});

describe('sweep in steps', () => {
  it('prints a row per value and writes the chart and data; the same run twice gives the same data', () => {
    const args = [
      'sweep',
      '--scenario',
      'outage-2010',
      '--param',
      'buggyReleasePercent',
      '--from',
      '0',
      '--to',
      '100',
      '--steps',
      '5',
      '--seeds',
      '2',
      '--json',
    ];
    const a = cli([...args, '--out', join(dir, 'a')]);
    cli([...args, '--out', join(dir, 'b')]);
    expect(a.code, a.errors.join('\n')).toBe(0);
    const ra = JSON.parse(a.stdout) as { points: { value: number }[]; tipping: unknown };
    expect([...new Set(ra.points.map((p) => p.value))]).toEqual([0, 25, 50, 75, 100]);
    expect(ra.points).toHaveLength(10);
    expect(ra.tipping).toBeNull();
    const data = (d: string) => readFileSync(join(dir, d, 'sweep-outage-2010-small-buggyReleasePercent-skype-2010.json'), 'utf8');
    expect(data('b')).toBe(data('a'));
  });
});

describe('sweep over a suite property', () => {
  it("moves the fault budget under feedback-loop's no-cascade on skype-2010 without user actions: violated from the first fault on", () => {
    const r = cli([
      'sweep',
      '--suite',
      'feedback-loop',
      '--property',
      'no-cascade',
      '--variant',
      'skype-2010',
      '--param',
      'faultBudget',
      '--from',
      '0',
      '--to',
      '2',
      '--bisect',
      '--seeds',
      '2',
      '--runs',
      '300',
      '--set',
      'churnBudget=0',
      '--json',
      '--out',
      join(dir, 'suite'),
    ]);
    expect(r.code, r.errors.join('\n')).toBe(0);
    const result = JSON.parse(r.stdout) as { target: string; tipping: { perSeed: (number | null)[] }; points: { value: number; outcome: boolean }[] };
    expect(result.target).toBe('feedback-loop / no-cascade');
    // With no user actions and no fault, nothing starts a cascade; one fault is enough.
    expect(result.points.filter((p) => p.value === 0).every((p) => !p.outcome)).toBe(true);
    expect(result.points.filter((p) => p.value === 2).every((p) => p.outcome)).toBe(true);
    expect(result.tipping.perSeed).toEqual([1, 1]);
  });
});
