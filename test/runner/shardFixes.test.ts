/**
 * `fixes --shard K/N` and its merge in process (src/runner/shardFixes.ts), on the smallest suite
 * among two fixes' sets (a few cells, both engines): the cells each shard takes and the progress it
 * tells, a merge that gives the analysis one run gives (and its exit code), and shards that were
 * cut, hold another cell, lack an exhaustive search or name an unknown base or fix, refused in one
 * line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITES } from '../../properties/index.ts';
import { Refusal } from '../../src/io/refusal.ts';
import { analyseFixSets, fixSubsets, variantOf } from '../../src/runner/fixSets.ts';
import type { FixesShardFile } from '../../src/runner/shardFile.ts';
import { prepareFixesMerge, runFixesShard, type FixesSelection } from '../../src/runner/shardFixes.ts';
import { readShardSet } from '../../src/runner/shardSet.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-fixes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const suite = SUITES.find((s) => s.id === 'crash-cascade-2010')!;
const selection: FixesSelection = {
  suite: suite.id,
  base: 'skype-2010',
  budget: 'test',
  runs: 40,
  among: ['robust-client', 'backoff-jitter'],
  everySet: false,
};
/** The cells in order: set (smallest first), then property. */
const cells = fixSubsets(['robust-client', 'backoff-jitter']).flatMap((fixes) =>
  suite.properties.map((property) => ({ variant: variantOf('skype-2010', fixes), property })),
);
const progress: { done: number; total: number; text: string }[][] = [];
const counts: number[] = [];

beforeAll(async () => {
  for (const k of [1, 2]) {
    const told: { done: number; total: number; text: string }[] = [];
    counts.push(await runFixesShard(selection, { index: k, count: 2 }, 1, at(`f${k}.json`), (done, total, text) => told.push({ done, total, text })));
    progress.push(told);
  }
});

const read = (k: number) => JSON.parse(readFileSync(at(`f${k}.json`), 'utf8')) as FixesShardFile;
function edited(k: number, change: (f: FixesShardFile) => void): string[] {
  const f = read(k);
  change(f);
  writeFileSync(at(`edited${k}.json`), JSON.stringify(f));
  return [1, 2].map((i) => (i === k ? at(`edited${k}.json`) : at(`f${i}.json`)));
}
async function refusal(paths: string[]): Promise<string> {
  try {
    await prepareFixesMerge(readShardSet(paths) as never);
  } catch (e) {
    expect(e).toBeInstanceOf(Refusal);
    return (e as Error).message;
  }
  throw new Error('merged');
}

describe('runFixesShard', () => {
  it('computes its share of the cells, in order, with both engines', () => {
    const half = Math.floor(cells.length / 2);
    expect(counts).toEqual([half, cells.length - half]);
    const held = [...read(1).cells, ...read(2).cells];
    expect(held.map((c) => ({ variant: c.variant, property: c.property }))).toEqual(cells);
    expect(held.map((c) => c.index)).toEqual(cells.map((_, i) => i));
    expect(held.every((c) => c.suite === suite.id && c.base === 'skype-2010' && c.random.engine === 'random' && c.exhaustive?.engine === 'exhaustive')).toBe(
      true,
    );
  });

  it("tells its progress: each engine's answer of twice its cells", () => {
    const mine = counts[0]!;
    expect(progress[0]!.map((p) => [p.done, p.total])).toEqual(Array.from({ length: 2 * mine }, (_, i) => [i + 1, 2 * mine]));
    expect(progress[0]![0]!.text).toBe(`shard 1/2: ${suite.id} on skype-2010: ${cells[0]!.variant}, ${cells[0]!.property} (random)`);
    expect(progress[0]![1]!.text).toBe(`shard 1/2: ${suite.id} on skype-2010: ${cells[0]!.variant}, ${cells[0]!.property} (exhaustive)`);
  });
});

describe('prepareFixesMerge', () => {
  it('gives the analysis one run gives, and its exit code', async () => {
    const merged = await prepareFixesMerge(readShardSet([at('f2.json'), at('f1.json')]) as never);
    const told: unknown[] = [];
    const { analyses, code } = merged.run((a) => told.push(a));
    const whole = analyseFixSets(suite, 'skype-2010', { budget: 'test', runs: 40, everySet: false, among: ['robust-client', 'backoff-jitter'] });
    const strip = (a: object) => JSON.parse(JSON.stringify(a, (key, v: unknown) => (key === 'ms' ? 0 : v)));
    expect(analyses.map(strip)).toEqual([strip(whole)]);
    expect(told).toEqual(analyses);
    expect(code).toBe(whole.unmet.length > 0 ? 1 : 0);
    // Its time is that of the searches it used: the sum of the times its sets show.
    let shown = 0;
    JSON.stringify(analyses[0]!.sets, (key, v: unknown) => ((shown += key === 'ms' ? (v as number) : 0), v));
    expect(shown).toBeGreaterThan(0);
    expect(analyses[0]!.ms).toBe(shown);
  });

  it('refuses a shard with a cell fewer', async () => {
    const paths = edited(2, (f) => f.cells.pop());
    const n = read(2).cells.length;
    expect(await refusal(paths)).toBe(`${paths[1]}: shard 2/2 holds ${n - 1} of the ${n} cells of its share (a killed or truncated shard): run it again`);
    const more = edited(1, (f) => f.cells.push(read(2).cells[0]!));
    expect(await refusal(more)).toBe(
      `${more[0]}: shard 1/2 holds ${counts[0]! + 1} of the ${counts[0]} cells of its share (a killed or truncated shard): run it again`,
    );
  });

  it.each([
    ['index', (c: FixesShardFile['cells'][number]) => (c.index = 99)],
    ['suite', (c: FixesShardFile['cells'][number]) => (c.suite = 'feedback-loop')],
    ['base', (c: FixesShardFile['cells'][number]) => (c.base = 'skype-2007')],
    ['variant', (c: FixesShardFile['cells'][number]) => (c.variant = 'fixed')],
    ['property', (c: FixesShardFile['cells'][number]) => (c.property = 'other')],
  ])('refuses a cell of another %s', async (_, change) => {
    const paths = edited(2, (f) => change(f.cells[1]!));
    const from = counts[0]!;
    const want = cells[from + 1]!;
    expect(await refusal(paths)).toMatch(
      new RegExp(
        `^${paths[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: shard 2/2: its cell ${from + 1} is .*; this selection's is ${suite.id} on skype-2010, ${want.property} on ${want.variant.replace(/\+/g, '\\+')}$`,
      ),
    );
  });

  it('refuses a cell without its exhaustive search, or whose answers are not evidence', async () => {
    const none = edited(1, (f) => (f.cells[0]!.exhaustive = null));
    expect(await refusal(none)).toBe(`${none[0]}: shard 1/2: cell 0 has no exhaustive search (damaged)`);
    const where = `${at('edited1.json')}: shard 1/2, cell 0 (${suite.id}: ${cells[0]!.property} on ${cells[0]!.variant})`;
    const short = edited(1, (f) => (f.cells[0]!.random = { ...f.cells[0]!.random, verdict: 'holds', runs: 39, counterexample: null }));
    expect(await refusal(short)).toBe(`${where}, random engine: holds after 39 of its 40 runs: a damaged or edited shard; run it again`);
    const horizon = edited(1, (f) => (f.cells[0]!.exhaustive!.horizon += 1));
    expect(await refusal(horizon)).toMatch(/, exhaustive engine: searched to horizon \d+, the selection's is \d+: a damaged/);
  });

  it('refuses a counterexample of either engine that does not reproduce', async () => {
    const all = [...read(1).cells, ...read(2).cells];
    const k = all.findIndex((c) => c.random.counterexample !== null && c.exhaustive?.counterexample);
    expect(k).toBeGreaterThanOrEqual(0);
    const shard = k < counts[0]! ? 1 : 2;
    const i = shard === 1 ? k : k - counts[0]!;
    const random = edited(shard, (f) => (f.cells[i]!.random.counterexample!.violation.message = 'edited'));
    expect(await refusal(random)).toMatch(/, random engine: its counterexample of \d+ events? does not reproduce its violation/);
    const exhaustive = edited(shard, (f) => (f.cells[i]!.exhaustive!.counterexample!.violation.message = 'edited'));
    expect(await refusal(exhaustive)).toMatch(/, exhaustive engine: its counterexample of \d+ events? does not reproduce its violation/);
  });

  it('refuses a base or fix it does not know, in one line', async () => {
    // Named by their first 80 characters.
    const long = (c: string) => `${c.toUpperCase()}${c.repeat(88)}Z`;
    const base = edited(1, (f) => (f.selection.base = long('b')));
    const both = [base[0]!, edited(2, (f) => (f.selection.base = long('b')))[1]!];
    expect(await refusal(both)).toBe(`base '${long('b').slice(0, 80)}' is not one of skype-2007, skype-2010`);
    const fix = [edited(1, (f) => (f.selection.among = [long('f')]))[0]!, edited(2, (f) => (f.selection.among = [long('f')]))[1]!];
    expect(await refusal(fix)).toMatch(new RegExp(`^fix '${long('f').slice(0, 80)}' is not one of robust-client, `));
  });
});
