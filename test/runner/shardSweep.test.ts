/**
 * Sweeps in shards (src/runner/shardSweep.ts): the share of points (a step sweep, values first) or
 * of seeds (a bisection) each shard takes, worked by hand; then small real sweeps run in shards and
 * merged into the result one sweep gives, and shards that were cut, hold another's points, or lack a
 * point the bisection reaches, refused in one line naming the file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SUITES } from '../../properties/index.ts';
import { Refusal } from '../../src/io/refusal.ts';
import type { SweepShardFile } from '../../src/runner/shardFile.ts';
import { readShardSet } from '../../src/runner/shardSet.ts';
import { prepareSweepMerge, runSweepShard, sweepShare } from '../../src/runner/shardSweep.ts';
import { sweep, type SweepSpec } from '../../src/runner/sweep.ts';
import { pairModel } from '../../src/runner/checkPair.ts';
import { applyOverrides } from '../../src/runner/overrides.ts';
import { runDigest } from '../../src/runner/shardDigest.ts';
import { defaultConfig, parseVariant, SCENARIOS } from '../../src/model/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const suite = SUITES.find((s) => s.id === 'feedback-loop')!;
const STEPS: SweepSpec = {
  param: 'buggyReleasePercent',
  from: 0,
  to: 100,
  mode: { kind: 'steps', steps: 5 },
  target: { kind: 'scenario', scenario: 'outage-2010', scale: 'small' },
  variant: 'skype-2010',
  seeds: 2,
  overrides: {},
};
const BISECT: SweepSpec = {
  param: 'faultBudget',
  from: 0,
  to: 2,
  mode: { kind: 'bisect' },
  target: { kind: 'property', suite, property: 'no-cascade', runs: 30 },
  variant: 'skype-2010',
  seeds: 3,
  overrides: { churnBudget: 0 },
};

describe('sweepShare', () => {
  it("cuts a step sweep's points, values first, into shares", () => {
    expect(sweepShare(STEPS, { index: 1, count: 3 })).toEqual({
      cells: [
        { value: 0, seed: 1 },
        { value: 0, seed: 2 },
        { value: 25, seed: 1 },
      ],
    });
    expect(sweepShare(STEPS, { index: 2, count: 3 })).toEqual({
      cells: [
        { value: 25, seed: 2 },
        { value: 50, seed: 1 },
        { value: 50, seed: 2 },
      ],
    });
    expect(sweepShare(STEPS, { index: 3, count: 3 })).toEqual({
      cells: [
        { value: 75, seed: 1 },
        { value: 75, seed: 2 },
        { value: 100, seed: 1 },
        { value: 100, seed: 2 },
      ],
    });
    expect(sweepShare(STEPS, { index: 1, count: 1 })).toEqual({
      cells: [0, 25, 50, 75, 100].flatMap((value) => [
        { value, seed: 1 },
        { value, seed: 2 },
      ]),
    });
  });

  it("cuts a bisection's seeds, 1 to seeds", () => {
    const five = { ...BISECT, seeds: 5 };
    expect(sweepShare(five, { index: 1, count: 2 })).toEqual({ seeds: [1, 2] });
    expect(sweepShare(five, { index: 2, count: 2 })).toEqual({ seeds: [3, 4, 5] });
    expect(sweepShare(five, { index: 1, count: 1 })).toEqual({ seeds: [1, 2, 3, 4, 5] });
    expect(sweepShare({ ...BISECT, seeds: 1 }, { index: 1, count: 2 })).toEqual({ seeds: [] });
  });
});

/** Runs every shard of `spec`, telling the points as they come; returns the files. */
async function shards(spec: SweepSpec, n: number, name: string): Promise<string[]> {
  const files: string[] = [];
  for (let k = 1; k <= n; k++) {
    const out = at(`${name}${k}.json`);
    const told: number[] = [];
    const count = await runSweepShard(spec, { index: k, count: n }, 1, out, (_, done) => told.push(done));
    const file = JSON.parse(readFileSync(out, 'utf8')) as SweepShardFile;
    expect(file.points).toHaveLength(count);
    expect(told).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    files.push(out);
  }
  return files;
}

const edit = (from: string, to: string, change: (f: SweepShardFile) => void): string => {
  const f = JSON.parse(readFileSync(from, 'utf8')) as SweepShardFile;
  change(f);
  writeFileSync(at(to), JSON.stringify(f));
  return at(to);
};
const merged = async (paths: string[], out: string) => (await prepareSweepMerge(readShardSet(paths) as never, at(out), false)).run();
async function refusal(paths: string[]): Promise<string> {
  try {
    await prepareSweepMerge(readShardSet(paths) as never, at('refused'), false);
  } catch (e) {
    expect(e).toBeInstanceOf(Refusal);
    return (e as Error).message;
  }
  throw new Error('merged');
}

describe('what a sweep shard says it ran', () => {
  it('a property sweep: its suite, and its model as the random engine runs it at the first value', async () => {
    const [file] = await shards({ ...BISECT, seeds: 1, overrides: {} }, 2, 'ran-property');
    // Its churn budget is 2: 1 on the exhaustive scope.
    const model = pairModel({ suite, variant: 'skype-2010' }, { faultBudget: 0 }, false);
    expect(model.config.churnBudget).toBe(2);
    expect(JSON.parse(readFileSync(file!, 'utf8')).ran).toEqual(runDigest([suite], [model], null));
  });

  it('a scenario sweep: no suite, its model at the first value, and the scenario', async () => {
    const [file] = await shards({ ...STEPS, seeds: 1, mode: { kind: 'steps', steps: 2 } }, 2, 'ran-scenario');
    const protocol = parseVariant('skype-2010');
    const model = {
      config: applyOverrides(defaultConfig('small'), { buggyReleasePercent: 0 }, 'small', 'the small scale'),
      protocol: protocol.ok ? protocol.value : null!,
    };
    expect(JSON.parse(readFileSync(file!, 'utf8')).ran).toEqual(runDigest([], [model], SCENARIOS['outage-2010']));
  });
});

describe('a step sweep in three shards', () => {
  let files: string[] = [];
  it('merges into the result of one sweep', async () => {
    files = await shards(STEPS, 3, 'steps');
    expect((JSON.parse(readFileSync(files[2]!, 'utf8')) as SweepShardFile).points.map((p) => [p.value, p.seed])).toEqual([
      [75, 1],
      [75, 2],
      [100, 1],
      [100, 2],
    ]);
    expect(await merged([files[2]!, files[0]!, files[1]!], 'steps-out')).toEqual(sweep(STEPS));
  });

  it('refuses a shard with a point fewer, or another point in place of one of its own', async () => {
    const cut = edit(files[1]!, 'steps-cut.json', (f) => f.points.pop());
    expect(await refusal([files[0]!, cut, files[2]!])).toBe(
      `${cut}: shard 2/3 holds 2 points, its share is 3 (a killed or truncated shard, or another sweep): run it again`,
    );
    const value = edit(files[1]!, 'steps-value.json', (f) => (f.points[2]!.value = 75));
    expect(await refusal([files[0]!, value, files[2]!])).toBe(
      `${value}: shard 2/3 holds 3 points, its share is 3 (a killed or truncated shard, or another sweep): run it again`,
    );
    const seed = edit(files[1]!, 'steps-seed.json', (f) => (f.points[0]!.seed = 1));
    expect(await refusal([files[0]!, seed, files[2]!])).toMatch(/steps-seed\.json: shard 2\/3 holds 3 points/);
  });
});

describe('a bisection in two shards (by seeds)', () => {
  let files: string[] = [];
  it('merges into the result of one sweep', async () => {
    files = await shards(BISECT, 2, 'bisect');
    expect(new Set((JSON.parse(readFileSync(files[0]!, 'utf8')) as SweepShardFile).points.map((p) => p.seed))).toEqual(new Set([1]));
    expect(new Set((JSON.parse(readFileSync(files[1]!, 'utf8')) as SweepShardFile).points.map((p) => p.seed))).toEqual(new Set([2, 3]));
    expect(await merged([files[1]!, files[0]!], 'bisect-out')).toEqual(sweep(BISECT));
  });

  it("refuses a shard holding another shard's seed, or lacking a point the bisection reaches", async () => {
    const stray = edit(files[0]!, 'bisect-stray.json', (f) => (f.points[0]!.seed = 3));
    expect(await refusal([stray, files[1]!])).toBe(`${stray}: shard 1/2 holds a point of seed 3, not one of its seeds (1)`);
    const lacks = edit(files[1]!, 'bisect-lacks.json', (f) => (f.points = f.points.filter((p) => !(p.seed === 3 && p.value === 1))));
    expect(await refusal([files[0]!, lacks])).toBe(
      `${lacks} (shard 2/2): lacks faultBudget = 1, seed 3, which the bisection reaches (a killed or truncated shard): run it again`,
    );
  });

  it('a shard with no seeds evaluates nothing, and merges', async () => {
    const one = { ...BISECT, seeds: 1 };
    const [empty, full] = await shards(one, 2, 'one-seed');
    expect((JSON.parse(readFileSync(empty!, 'utf8')) as SweepShardFile).points).toEqual([]);
    const stray = edit(full!, 'one-seed-stray.json', () => {});
    const bad = edit(empty!, 'empty-stray.json', (f) => (f.points = [{ value: 0, seed: 1, outcome: false, measure: 0 }]));
    expect(await refusal([bad, stray])).toBe(`${bad}: shard 1/2 holds a point of seed 1, not one of its seeds (none)`);
    expect(await merged([empty!, full!], 'one-seed-out')).toEqual(sweep(one));
  });
});
