/**
 * A set of shard files checked to be one whole run (src/runner/shardSet.ts), on small hand-made
 * records written to a temporary directory: every refusal's one line (another version, command, N,
 * selection or digest; a shard given twice or missing, with its counts and plurals), the shards put
 * in order, the pairs and digests compared with what a merge would run. No search runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Suite } from '../../properties/index.ts';
import { Refusal } from '../../src/io/refusal.ts';
import type { Pair } from '../../src/runner/select.ts';
import { DIGEST_WORDS, digestDifference, type RunDigest } from '../../src/runner/shardDigest.ts';
import type { ShardFile } from '../../src/runner/shardFile.ts';
import { checkShardDigests, checkShardPairs, readShardSet, type ShardSet } from '../../src/runner/shardSet.ts';
import { VERSION } from '../../src/version.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-set-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RAN: RunDigest = { suites: '1'.repeat(32), config: '2'.repeat(32), model: '3'.repeat(32) };
type Rec = Record<string, any>;

/** A check shard K/N with no pairs, edited by `edit`, written to `name`; returns its path. */
function shard(name: string, index: number, count: number, edit: (f: Rec) => void = () => {}): string {
  const f: Rec = {
    kind: 'cascade-shard',
    schemaVersion: 2,
    tool: { name: 'cascade', version: VERSION },
    shard: { index, count },
    ran: { ...RAN },
    command: 'check',
    selection: { suite: 'crash', property: null, variant: null, overrides: {}, budget: 'test', runs: 30, seed: null, dir: 'd' },
    pairs: [],
  };
  edit(f);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(f));
  return path;
}
const p = (name: string) => join(dir, name);

function refusal(paths: string[]): string {
  try {
    readShardSet(paths);
  } catch (e) {
    expect(e).toBeInstanceOf(Refusal);
    return (e as Error).message;
  }
  throw new Error('the set was taken');
}

describe('readShardSet takes the N shards of one run, in shard order', () => {
  it('one shard of one', () => {
    const set = readShardSet([shard('one.json', 1, 1)]);
    expect(set.count).toBe(1);
    expect(set.command).toBe('check');
    expect(set.selection).toEqual({ suite: 'crash', property: null, variant: null, overrides: {}, budget: 'test', runs: 30, seed: null, dir: 'd' });
    expect(set.shards.map((s) => s.path)).toEqual([p('one.json')]);
  });

  it.each([[[3, 1, 2]], [[1, 2, 3]], [[2, 3, 1]], [[3, 2, 1]], [[4, 1, 3, 2]], [[2, 4, 1, 3]]])('given in the order %j', (order) => {
    const paths = order.map((k) => shard(`o${k}.json`, k, order.length));
    const set = readShardSet(paths);
    expect(set.count).toBe(order.length);
    expect(set.shards.map((s) => s.file.shard.index)).toEqual(order.map((_, i) => i + 1));
    expect(set.shards.map((s) => s.path)).toEqual(order.map((_, i) => p(`o${i + 1}.json`)));
  });

  it('whatever the key order of their selections', () => {
    const a = shard('k1.json', 1, 2, (f) => (f.selection.overrides = { peers: 3, faultBudget: 2 }));
    const b = shard(
      'k2.json',
      2,
      2,
      (f) => (f.selection = Object.fromEntries(Object.entries({ ...f.selection, overrides: { faultBudget: 2, peers: 3 } }).reverse())),
    );
    expect(readShardSet([a, b]).count).toBe(2);
  });
});

describe('readShardSet refuses what is not one whole run, in one line', () => {
  it('no files', () => {
    expect(() => readShardSet([])).toThrow(new Refusal('give the shard files to merge (e.g. cascade merge shards/*.json)'));
  });

  it('another cascade version', () => {
    const a = shard('v1.json', 1, 2);
    const b = shard('v2.json', 2, 2, (f) => (f.tool.version = '0.0.9'));
    expect(refusal([a, b])).toBe(`${b}: written by cascade 0.0.9, this is cascade ${VERSION}: shards and their merge must be one version`);
    expect(refusal([b, a])).toBe(`${b}: written by cascade 0.0.9, this is cascade ${VERSION}: shards and their merge must be one version`);
  });

  it('another command', () => {
    const a = shard('c1.json', 1, 2);
    const b = shard('c2.json', 2, 2, (f) => {
      f.command = 'sweep';
      f.selection = {
        param: 'faultBudget',
        from: 0,
        to: 2,
        mode: { kind: 'bisect' },
        target: { kind: 'scenario', scenario: 's', scale: 'small' },
        variant: 'fixed',
        seeds: 1,
        overrides: {},
      };
      delete f.pairs;
      f.points = [];
    });
    expect(refusal([a, b])).toBe(`${b}: a shard of 'cascade sweep', ${a} of 'cascade check': merge the shards of one run`);
  });

  it('another N', () => {
    const a = shard('n1.json', 1, 3);
    const b = shard('n2.json', 2, 4);
    expect(refusal([a, b])).toBe(`${b}: shard 2/4, ${a}: shard 1/3: the shards of one run share their N`);
  });

  it.each([
    ['seed', (f: Rec) => (f.selection.seed = 7), 'its seed is 7, there null'],
    ['suite', (f: Rec) => (f.selection.suite = 'other'), 'its suite is "other", there "crash"'],
    ['overrides', (f: Rec) => (f.selection.overrides = { b: 3, a: 1 }), 'its overrides is {"a":1,"b":3}, there {}'],
    ['overrides, one key the start of another', (f: Rec) => (f.selection.overrides = { b0: 1, b: 2 }), 'its overrides is {"b":2,"b0":1}, there {}'],
    ['a long value', (f: Rec) => (f.selection.property = 'p'.repeat(90)), `its property is "${'p'.repeat(79)}..., there null`],
    ['a value of 80 characters', (f: Rec) => (f.selection.property = 'p'.repeat(78)), `its property is "${'p'.repeat(78)}", there null`],
    ['a value of 81 characters', (f: Rec) => (f.selection.property = 'p'.repeat(79)), `its property is "${'p'.repeat(79)}..., there null`],
  ])('another selection (%s)', (_, edit, words) => {
    const a = shard('s1.json', 1, 2);
    const b = shard('s2.json', 2, 2, edit);
    expect(refusal([a, b])).toBe(`${b}: not the same run as ${a}: ${words}`);
  });

  it('another selection, in an array and a nested object', () => {
    const fixes = (edit: (f: Rec) => void) => (f: Rec) => {
      f.command = 'fixes';
      f.selection = { suite: null, base: null, budget: 'test', runs: null, among: ['robust-client'], everySet: false };
      delete f.pairs;
      f.cells = [];
      edit(f);
    };
    const a = shard(
      'f1.json',
      1,
      2,
      fixes(() => {}),
    );
    const b = shard(
      'f2.json',
      2,
      2,
      fixes((f) => (f.selection.among = ['other-fix'])),
    );
    expect(refusal([a, b])).toBe(`${b}: not the same run as ${a}: its among is ["other-fix"], there ["robust-client"]`);
    const c = shard('o1.json', 1, 2, (f) => (f.selection.overrides = { peers: 4, churn: [1, 2] }));
    const d = shard('o2.json', 2, 2, (f) => (f.selection.overrides = { churn: [1, 2], peers: 5 }));
    expect(refusal([c, d])).toBe(`${d}: not the same run as ${c}: its overrides is {"churn":[1,2],"peers":5}, there {"churn":[1,2],"peers":4}`);
  });

  it.each(['suites', 'config', 'model'] as const)('another %s digest', (which) => {
    const a = shard('d1.json', 1, 2);
    const b = shard('d2.json', 2, 2, (f) => (f.ran[which] = 'f'.repeat(32)));
    expect(refusal([a, b])).toBe(`${b}: not the same run as ${a}: it ran another ${DIGEST_WORDS[which]}`);
  });

  it('a shard given twice, whichever', () => {
    const [a, b, c] = [1, 2, 3].map((k) => shard(`t${k}.json`, k, 3));
    expect(refusal([a!, b!, b!, c!])).toBe(`shard 2/3 given twice (${b} and ${b})`);
    expect(refusal([a!, a!, b!, c!])).toBe(`shard 1/3 given twice (${a} and ${a})`);
    expect(refusal([c!, a!, b!, c!])).toBe(`shard 3/3 given twice (${c} and ${c})`);
    const a2 = shard('t1-again.json', 1, 3);
    expect(refusal([a!, b!, c!, a2])).toBe(`shard 1/3 given twice (${a} and ${a2})`);
    expect(refusal([a!, a!])).toBe(`shard 1/3 given twice (${a} and ${a})`);
  });

  it('shards missing, named (five at most) and counted', () => {
    const of = (count: number, present: number[]) => present.map((k) => shard(`m${k}-${count}.json`, k, count));
    expect(refusal(of(3, [1, 3]))).toBe('shard 2/3 missing: merge needs all 3');
    expect(refusal(of(3, [2, 3]))).toBe('shard 1/3 missing: merge needs all 3');
    expect(refusal(of(3, [1, 2]))).toBe('shard 3/3 missing: merge needs all 3');
    expect(refusal(of(3, [2]))).toBe('shards 1/3, 3/3 missing: merge needs all 3');
    expect(refusal(of(6, [1]))).toBe('shards 2/6, 3/6, 4/6, 5/6, 6/6 missing: merge needs all 6');
    expect(refusal(of(7, [1]))).toBe('shards 2/7, 3/7, 4/7, 5/7, 6/7 and 1 more missing: merge needs all 7');
    expect(refusal(of(9, [2]))).toBe('shards 1/9, 3/9, 4/9, 5/9, 6/9 and 3 more missing: merge needs all 9');
  });
});

describe('digestDifference', () => {
  it('names the first digest that differs, suites before config before model', () => {
    const other = { suites: 'x', config: 'y', model: 'z' };
    expect(digestDifference(RAN, { ...RAN })).toBeNull();
    expect(digestDifference(RAN, { ...RAN, model: 'z' })).toBe('model');
    expect(digestDifference(RAN, { ...RAN, config: 'y', model: 'z' })).toBe('config');
    expect(digestDifference(RAN, other)).toBe('suites');
  });
});

describe('checkShardDigests and checkShardPairs compare the shards with what the merge would run', () => {
  const set = (files: Rec[]): ShardSet => ({
    command: 'check',
    selection: files[0]!.selection,
    count: files.length,
    shards: files.map((file, i) => ({ path: `s${i + 1}.json`, file: file as ShardFile })),
  });
  const record = (index: number, edit: (f: Rec) => void = () => {}): Rec => {
    const f: Rec = { shard: { index, count: 2 }, ran: { ...RAN }, command: 'check', selection: {}, pairs: [] };
    edit(f);
    return f;
  };

  it('takes shards that ran what the merge loads, and names the first that did not, with both digests cut to 8', () => {
    expect(() => checkShardDigests(set([record(1), record(2)]), { ...RAN })).not.toThrow();
    const here = { ...RAN, config: 'abcdef0123456789'.repeat(2) };
    expect(() => checkShardDigests(set([record(1), record(2)]), here)).toThrow(
      new Refusal(
        `s1.json: ran another ${DIGEST_WORDS.config} than this merge loads (digest 22222222, here abcdef01): merge with the files and cascade the shards ran, or run them again`,
      ),
    );
    expect(() => checkShardDigests(set([record(1), record(2, (f) => (f.ran.model = '9876543210'.repeat(4).slice(0, 32)))]), { ...RAN })).toThrow(
      /^s2\.json: ran another model \(another cascade build\) than this merge loads \(digest 98765432, here 33333333\)/,
    );
  });

  const suite = (id: string, file?: string) => ({ id, ...(file === undefined ? {} : { file }) }) as unknown as Suite;
  const pairs: Pair[] = [
    { suite: suite('a'), property: 'p', variant: 'v', expected: 'holds' },
    { suite: suite('b', 'b.mjs'), property: 'q', variant: 'w', expected: null },
  ];
  const spec = (p: Pair) => ({
    suite: p.suite.id,
    ...(p.suite.file === undefined ? {} : { suiteFile: p.suite.file }),
    property: p.property,
    variant: p.variant,
    expected: p.expected,
  });
  const withPairs = (specs: object[]) => record(1, (f) => (f.pairs = specs.map((pair) => ({ pair }))));

  it("takes shards that searched the selection's pairs, in order", () => {
    expect(() => checkShardPairs(set([withPairs(pairs.map(spec)), withPairs(pairs.map(spec))]) as never, pairs)).not.toThrow();
  });

  it.each([
    ['another property', (s: Rec[]) => (s[1]!.property = 'r')],
    ['another variant', (s: Rec[]) => (s[0]!.variant = 'x')],
    ['another expectation', (s: Rec[]) => (s[0]!.expected = 'violated')],
    ['no expectation', (s: Rec[]) => (s[0]!.expected = null)],
    ['another suite file', (s: Rec[]) => (s[1]!.suiteFile = 'c.mjs')],
    ['no suite file', (s: Rec[]) => delete s[1]!.suiteFile],
    ['another suite', (s: Rec[]) => (s[0]!.suite = 'c')],
    ['the pairs in another order', (s: Rec[]) => s.reverse()],
    ['a pair fewer', (s: Rec[]) => s.pop()],
  ])('refuses a shard with %s', (_, edit) => {
    const specs = pairs.map(spec) as Rec[];
    edit(specs);
    expect(() => checkShardPairs(set([withPairs(pairs.map(spec)), withPairs(specs)]) as never, pairs)).toThrow(
      new Refusal('s2.json: holds other pairs than its selection names here (another suite file, or a shard file edited)'),
    );
  });
});
