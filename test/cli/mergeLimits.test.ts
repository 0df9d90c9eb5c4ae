/**
 * The shard schema bounds each count as the command's flag does (src/runner/shardLimits.ts): the
 * flag takes the limit and refuses the limit plus one in one line, and a shard file holding the
 * limit is read while one holding the limit plus one is a damaged file.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShardFileSchema } from '../../src/runner/shardFile.ts';
import { SHARD_LIMITS as L } from '../../src/runner/shardLimits.ts';
import { runInProcess } from '../support/inProcess.ts';

const ran = { suites: '0'.repeat(32), config: '0'.repeat(32), model: '0'.repeat(32) };
const head = { kind: 'cascade-shard', schemaVersion: 2, tool: { name: 'cascade', version: '0' }, shard: { index: 1, count: 1 }, ran };
const check = (selection: object) => ({
  ...head,
  command: 'check',
  selection: { suite: null, property: null, variant: null, overrides: {}, budget: 'test', runs: null, seed: null, dir: 'd', ...selection },
  pairs: [],
});
const explore = (selection: object) => ({
  ...head,
  command: 'explore',
  selection: {
    suite: null,
    property: null,
    variant: null,
    overrides: {},
    budget: 'test',
    horizon: null,
    maxStates: null,
    maxMemoryMB: 4096,
    dir: 'd',
    ...selection,
  },
  pairs: [],
});
const sweep = (selection: object) => ({
  ...head,
  command: 'sweep',
  selection: {
    param: 'faultBudget',
    from: 0,
    to: 2,
    mode: { kind: 'steps', steps: 3 },
    target: { kind: 'scenario', scenario: 's', scale: 'small' },
    variant: 'fixed',
    seeds: 1,
    overrides: {},
    ...selection,
  },
  points: [],
});

describe.each([
  ['check', '--runs', L.runs, (n: number) => check({ runs: n }), ['--suite', 'crash-cascade-2010']],
  ['check', '--seed', L.seed.max, (n: number) => check({ seed: n }), ['--suite', 'crash-cascade-2010']],
  ['explore', '--horizon', L.horizon, (n: number) => explore({ horizon: n }), ['--suite', 'crash-cascade-2010']],
  ['explore', '--max-states', L.maxStates, (n: number) => explore({ maxStates: n }), ['--suite', 'crash-cascade-2010']],
  ['explore', '--max-memory', L.maxMemoryMB.max, (n: number) => explore({ maxMemoryMB: n }), ['--suite', 'crash-cascade-2010']],
  [
    'sweep',
    '--steps',
    L.steps.max,
    (n: number) => sweep({ mode: { kind: 'steps', steps: n } }),
    ['--scenario', 'outage-2010', '--param', 'faultBudget', '--from', '0', '--to', '2'],
  ],
  ['sweep', '--seeds', L.seeds, (n: number) => sweep({ seeds: n }), ['--scenario', 'outage-2010', '--param', 'faultBudget', '--from', '0', '--to', '2']],
] as const)('%s %s', (command, flag, limit, file, rest) => {
  it('the flag refuses the limit plus one in one line', async () => {
    const out = join(tmpdir(), `cascade-merge-limits-${process.pid}.json`);
    const r = await runInProcess([command, ...rest, flag, String(limit + 1), '--shard', '1/2', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringContaining(flag)]);
    expect(existsSync(out)).toBe(false);
  });
  it('the flag takes the limit itself (the one line is then about --out, a directory)', async () => {
    const r = await runInProcess([command, ...rest, flag, String(limit), '--shard', '1/2', '--out', tmpdir()]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringContaining(`--out ${tmpdir()}: is a directory`)]);
  });
  it('a shard file holds the limit, not the limit plus one', () => {
    expect(ShardFileSchema.safeParse(file(limit)).success).toBe(true);
    expect(ShardFileSchema.safeParse(file(limit + 1)).success).toBe(false);
  });
});
