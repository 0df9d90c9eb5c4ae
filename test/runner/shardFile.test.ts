/**
 * Shard files on small hand-made records (src/runner/shardFile.ts, shardLimits.ts): every bound of
 * the schema holds its limit and refuses one past it, the file size limit is 64 MiB to the byte, a
 * file of another kind, schema version or shape is one line naming the file, and `--out` replaces
 * only a shard file. No search runs: about a second.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Refusal } from '../../src/io/refusal.ts';
import {
  MAX_SHARD_BYTES,
  readShardFile,
  SHARD_KIND,
  SHARD_SCHEMA_VERSION,
  ShardFileSchema,
  checkShardTarget,
  writeShardFile,
} from '../../src/runner/shardFile.ts';
import { SHARD_LIMITS as L } from '../../src/runner/shardLimits.ts';
import { VERSION } from '../../src/version.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const ran = { suites: 'a'.repeat(32), config: 'b'.repeat(32), model: 'c'.repeat(32) };
const head = () => ({ kind: 'cascade-shard', schemaVersion: 2, tool: { name: 'cascade', version: VERSION }, shard: { index: 1, count: 1 }, ran: { ...ran } });
const pair = () => ({ suite: 's', property: 'p', variant: 'v', expected: null });
const partial = () => ({ from: 0, to: 3, runs: 3, triggeredRuns: 1, failure: null, cells: [0, 5], lengthCounts: [1, 2], ms: 4, abandoned: false });
const counterexample = () => ({ events: [{ kind: 'crash', peer: 0 }, { kind: 'tick' }], violation: { step: 1, message: 'm' } });
const check = () => ({
  ...head(),
  command: 'check',
  selection: { suite: null, property: null, variant: null, overrides: {}, budget: 'test', runs: null, seed: null, dir: 'd' },
  pairs: [{ pair: pair(), partial: partial() }],
});
const result = () => ({
  verdict: 'violated',
  stoppedBy: 'violation',
  states: 3,
  branchingStates: 1,
  transitions: 4,
  depth: 2,
  ticks: 1,
  healTicks: 5,
  horizon: 2,
  ms: 1,
  bytes: 10,
  shortest: true,
  counterexample: counterexample(),
});
const explore = () => ({
  ...head(),
  command: 'explore',
  selection: { suite: null, property: null, variant: null, overrides: {}, budget: 'test', horizon: null, maxStates: null, maxMemoryMB: 4096, dir: 'd' },
  pairs: [{ pair: pair(), result: result() }],
});
const fixes = () => ({
  ...head(),
  command: 'fixes',
  selection: { suite: null, base: null, budget: 'test', runs: null, among: null, everySet: false },
  cells: [
    {
      index: 0,
      suite: 's',
      base: 'b',
      variant: 'v',
      property: 'p',
      random: { engine: 'random', verdict: 'holds', runs: 10, ms: 1, counterexample: null },
      exhaustive: {
        engine: 'exhaustive',
        verdict: 'violated',
        stoppedBy: 'violation',
        horizon: 2,
        states: 3,
        ms: 1,
        counterexample: { shortest: true, ...counterexample() },
      },
    },
  ],
});
const sweep = () => ({
  ...head(),
  command: 'sweep',
  selection: {
    param: 'faultBudget',
    from: 0,
    to: 2,
    mode: { kind: 'steps', steps: 3 },
    target: { kind: 'property', suite: { suite: 's' }, property: 'p', runs: 5 },
    variant: 'fixed',
    seeds: 1,
    overrides: {},
  },
  points: [{ value: 0, seed: 1, outcome: true, measure: 0.5 }],
});

type Rec = Record<string, any>;
/** Whether the schema takes `make()` after `edit`. */
function takes(make: () => Rec, edit: (f: Rec) => void): boolean {
  const f = make();
  edit(f);
  return ShardFileSchema.safeParse(f).success;
}

describe("the schema takes each command's record as written", () => {
  it.each([
    ['check', check],
    ['explore', explore],
    ['fixes', fixes],
    ['sweep', sweep],
  ])('%s', (_, make) => {
    const parsed = ShardFileSchema.safeParse(make());
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
  });
});

describe('each bound holds its limit and refuses one past it', () => {
  const YEAR_MS = 365 * 86_400_000;
  it.each([
    [
      'a count of zero (runs)',
      check,
      (f: Rec, n: number) => Object.assign(f.pairs[0].partial, { from: 0, to: 0, runs: n, triggeredRuns: 0, lengthCounts: [] }),
      0,
      -1,
    ],
    ['a time of zero (ms)', check, (f: Rec, n: number) => (f.pairs[0].partial.ms = n), 0, -0.5],
    ['a time of a year', check, (f: Rec, n: number) => (f.pairs[0].partial.ms = n), YEAR_MS, YEAR_MS + 1],
    ['bytes of zero', explore, (f: Rec, n: number) => (f.pairs[0].result.bytes = n), 0, -0.5],
    ['check --runs at least 1', check, (f: Rec, n: number) => (f.selection.runs = n), 1, 0],
    ['check --seed at least -2^31', check, (f: Rec, n: number) => (f.selection.seed = n), -(2 ** 31), -(2 ** 31) - 1],
    ['check --seed at most 2^31 - 1', check, (f: Rec, n: number) => (f.selection.seed = n), 2 ** 31 - 1, 2 ** 31],
    ['fixes --runs at least 1', fixes, (f: Rec, n: number) => (f.selection.runs = n), 1, 0],
    ['explore --max-states at least 1', explore, (f: Rec, n: number) => (f.selection.maxStates = n), 1, 0],
    ['explore --max-memory at least 16', explore, (f: Rec, n: number) => (f.selection.maxMemoryMB = n), 16, 15],
    ['sweep --steps at least 2', sweep, (f: Rec, n: number) => (f.selection.mode.steps = n), 2, 1],
    ['sweep --runs at least 1', sweep, (f: Rec, n: number) => (f.selection.target.runs = n), 1, 0],
    ['sweep --seeds at least 1', sweep, (f: Rec, n: number) => (f.selection.seeds = n), 1, 0],
    ["a sweep point's seed at least 1", sweep, (f: Rec, n: number) => (f.points[0].seed = n), 1, 0],
    [
      "a violation's step at most the ticks plus 10,000",
      explore,
      (f: Rec, n: number) => (f.pairs[0].result.counterexample.violation.step = n),
      L.ticks + 10_000,
      L.ticks + 10_001,
    ],
    ['shard K at least 1', check, (f: Rec, n: number) => (f.shard.index = n), 1, 0],
    ['shard N at least 1', check, (f: Rec, n: number) => (f.shard = { index: n, count: n }), 1, 0],
    ['shard K at most N', check, (f: Rec, n: number) => (f.shard = { index: n, count: 3 }), 3, 4],
  ] as const)('%s', (_, make, set, ok, bad) => {
    expect(takes(make, (f) => set(f, ok))).toBe(true);
    expect(takes(make, (f) => set(f, bad))).toBe(false);
  });

  it.each([
    ['a name of 1 to 500 characters', check, (f: Rec, s: string) => (f.pairs[0].pair.property = s), ['p', 'p'.repeat(500)], ['', 'p'.repeat(501)]],
    ['a config name of at most 200 characters', check, (f: Rec, s: string) => (f.selection.overrides = { [s]: 1 }), ['k'.repeat(200)], ['k'.repeat(201)]],
    ['a cascade version of at most 100 characters', check, (f: Rec, s: string) => (f.tool.version = s), ['v'.repeat(100)], ['v'.repeat(101)]],
  ] as const)('%s', (_, make, set, oks, bads) => {
    for (const s of oks)
      expect(
        takes(make, (f) => set(f, s)),
        `${s.length} characters`,
      ).toBe(true);
    for (const s of bads)
      expect(
        takes(make, (f) => set(f, s)),
        `${s.length} characters`,
      ).toBe(false);
  });

  it('a config value list of at most 100 numbers, at most 10 fixes named', () => {
    expect(takes(check, (f) => (f.selection.overrides = { k: Array(100).fill(1) }))).toBe(true);
    expect(takes(check, (f) => (f.selection.overrides = { k: Array(101).fill(1) }))).toBe(false);
    expect(takes(fixes, (f) => (f.selection.among = Array(10).fill('f')))).toBe(true);
    expect(takes(fixes, (f) => (f.selection.among = Array(11).fill('f')))).toBe(false);
  });

  it("the limits are the flags' own: a signed 32-bit seed, a year of milliseconds, at least 16 MB and 2 steps", () => {
    expect(L.seed).toEqual({ min: -2147483648, max: 2147483647 });
    expect(L.ms).toBe(31_536_000_000);
    expect(L.maxMemoryMB.min).toBe(16);
    expect(L.steps.min).toBe(2);
  });
});

describe('readShardFile', () => {
  const write = (name: string, value: unknown) => {
    writeFileSync(at(name), typeof value === 'string' ? value : JSON.stringify(value));
    return at(name);
  };
  const refusal = (path: string): string => {
    try {
      readShardFile(path);
    } catch (e) {
      expect(e).toBeInstanceOf(Refusal);
      return (e as Error).message;
    }
    throw new Error(`${path} was read`);
  };

  it("reads each command's record back as written", () => {
    for (const make of [check, explore, fixes, sweep]) {
      const f = make();
      expect(readShardFile(write('ok.json', f))).toEqual(f);
    }
  });

  it('refuses a file that is not JSON, not a shard file, of another schema version, or damaged, in one line naming it', () => {
    expect(refusal(write('text.json', 'not json'))).toMatch(/text\.json: not valid JSON/);
    expect(refusal(write('other.json', { kind: 'cascade-counterexample' }))).toBe(`${at('other.json')}: not a shard file (no "kind": "cascade-shard")`);
    expect(refusal(write('null.json', 'null'))).toBe(`${at('null.json')}: not a shard file (no "kind": "cascade-shard")`);
    expect(refusal(write('v1.json', { ...check(), schemaVersion: 1 }))).toBe(
      `${at('v1.json')}: a shard file of schema version 1, this cascade reads 2: run the shard again with this cascade`,
    );
    expect(refusal(write('v3.json', { ...check(), schemaVersion: 3 }))).toMatch(/schema version 3, this cascade reads 2:/);
    expect(refusal(write('none.json', { ...check(), schemaVersion: undefined }))).toMatch(/schema version none, this/);
    expect(refusal(write('long.json', { ...check(), schemaVersion: 'x'.repeat(40) }))).toMatch(new RegExp(`schema version "${'x'.repeat(19)}, this`));
    expect(refusal(write('bad.json', { ...check(), command: 'check', pairs: 'none' }))).toMatch(/bad\.json: damaged shard file: pairs: /);
    expect(SHARD_KIND).toBe('cascade-shard');
    expect(SHARD_SCHEMA_VERSION).toBe(2);
  });

  it('reads a file of 64 MiB, refuses one byte more', () => {
    expect(MAX_SHARD_BYTES).toBe(67_108_864);
    const text = JSON.stringify(check());
    writeFileSync(at('big.json'), text + ' '.repeat(67_108_864 - text.length));
    expect(readShardFile(at('big.json')).command).toBe('check');
    writeFileSync(at('big.json'), text);
    truncateSync(at('big.json'), 67_108_865);
    expect(refusal(at('big.json'))).toMatch(/big\.json: 67,108,865 bytes, more than the 67,108,864 read/);
  });
});

describe('writeShardFile and its --out target', () => {
  const body = () => {
    const { kind: _k, schemaVersion: _s, tool: _t, shard: _h, ran: _r, ...rest } = check();
    return rest as Parameters<typeof writeShardFile>[3];
  };

  it('writes a file readShardFile reads back, and replaces a shard file', () => {
    writeShardFile(at('w.json'), { index: 2, count: 3 }, ran, body());
    const first = readShardFile(at('w.json'));
    expect(first).toEqual({ ...check(), shard: { index: 2, count: 3 } });
    writeShardFile(at('w.json'), { index: 3, count: 3 }, ran, body());
    expect(readShardFile(at('w.json')).shard).toEqual({ index: 3, count: 3 });
  });

  it('never replaces another file, JSON or not', () => {
    writeFileSync(at('notes.txt'), 'mine\n');
    writeFileSync(at('data.json'), '{"kind":"other"}');
    writeFileSync(at('null.json'), 'null');
    for (const name of ['notes.txt', 'data.json', 'null.json']) {
      const before = readFileSync(at(name), 'utf8');
      expect(() => checkShardTarget(at(name))).toThrow(`--out ${at(name)}: exists and is not a shard file; choose another name or remove it`);
      expect(() => writeShardFile(at(name), { index: 1, count: 1 }, ran, body())).toThrow(Refusal);
      expect(readFileSync(at(name), 'utf8')).toBe(before);
    }
  });

  it('takes a new name', () => {
    expect(() => checkShardTarget(at('new.json'))).not.toThrow();
    expect(() => checkShardTarget(dir)).toThrow(/is a directory/);
  });
});
