/**
 * The fix-set analysis and sweeps on worker threads and in shards: `fixes` and `sweep` print the same
 * on one worker and on two (timings aside), and their shards merged print (and write) what one run
 * does; a bisection is sharded by seeds. In process (`main`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess, type InProcessRun } from '../support/inProcess.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

/** Output with timings left out (`"ms":` fields, the analysis's seconds) and directory names made equal. */
function comparable(r: InProcessRun, names: Record<string, string> = {}): string[] {
  expect(
    r.err.filter((l) => l.trim() !== ''),
    r.err.join('\n'),
  ).toEqual([]);
  return r.out.map((line) => {
    let l = line.replace(/"ms":[0-9.]+/g, '"ms":T').replace(/; \d+\.\d s$/, '; T s');
    for (const [from, to] of Object.entries(names)) l = l.split(from).join(to);
    return l;
  });
}

function folder(d: string): Record<string, string> {
  return Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(join(d, f), 'utf8')]));
}

describe('cascade fixes on workers and shards', () => {
  // One suite on one base with few runs (seconds); login-flood-2007 among four fixes would also
  // exercise a worsening, and test/runner/fixSets.test.ts covers that analysis.
  const FIXES = ['fixes', '--suite', 'crash-cascade-2010', '--base', 'skype-2010', '--runs', '50'];

  it('prints the same analysis on one worker and on two, and merged from three shards', async () => {
    const one = await runInProcess([...FIXES, '--json', '--workers', '1']);
    const two = await runInProcess([...FIXES, '--json', '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(one.code);
    expect(comparable(two)).toEqual(comparable(one));
    const analysis = JSON.parse(one.out[0]!) as { sets: unknown[]; minimal: string[][]; skipped: number };
    expect(analysis.sets).toHaveLength(64);
    expect(analysis.minimal).toEqual([['robust-client']]);
    // Shards search every cell; the merge must still skip the checks one run skips.
    expect(analysis.skipped).toBeGreaterThan(0);
    for (const k of [1, 2, 3]) {
      const r = await runInProcess([...FIXES, '--shard', `${k}/3`, '--out', at(`fixes${k}.json`), '--workers', k === 3 ? '2' : '1']);
      expect(r.code, r.err.join('\n')).toBe(0);
      expect(r.out).toEqual([expect.stringMatching(new RegExp(`^shard ${k}/3 of fixes: \\d+ cells searched by both engines; written to `))]);
    }
    const merged = await runInProcess(['merge', at('fixes2.json'), at('fixes3.json'), at('fixes1.json'), '--json']);
    expect(merged.code).toBe(one.code);
    expect(comparable(merged)).toEqual(comparable(one));
    const text = await runInProcess([...FIXES, '--workers', '1']);
    const mergedText = await runInProcess(['merge', at('fixes1.json'), at('fixes2.json'), at('fixes3.json')]);
    expect(comparable(mergedText)).toEqual(comparable(text));
  });

  it('refuses a truncated fixes shard and flags that do not apply, in one line', async () => {
    const file = JSON.parse(readFileSync(at('fixes2.json'), 'utf8')) as { cells: unknown[] };
    file.cells.pop();
    writeFileSync(at('fixes2-cut.json'), JSON.stringify(file));
    const cut = await runInProcess(['merge', at('fixes1.json'), at('fixes2-cut.json'), at('fixes3.json')]);
    expect(cut.code).toBe(2);
    expect(cut.err).toEqual([
      expect.stringMatching(/fixes2-cut\.json: shard 2\/3 holds \d+ of the \d+ cells of its share \(a killed or truncated shard\): run it again$/),
    ]);
    const junit = await runInProcess(['merge', at('fixes1.json'), at('fixes2.json'), at('fixes3.json'), '--junit', at('x.xml')]);
    expect(junit.code).toBe(2);
    expect(junit.err).toEqual(['cascade merge: --junit goes with the shards of check, explore or start, these are of fixes']);
  });
});

describe('cascade sweep on workers and shards', () => {
  const BISECT = [
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
    '3',
    '--runs',
    '100',
    '--set',
    'churnBudget=0',
  ];
  const STEPS = ['sweep', '--scenario', 'outage-2010', '--param', 'buggyReleasePercent', '--from', '0', '--to', '100', '--steps', '5', '--seeds', '2'];

  it.each([
    ['a bisection (sharded by seeds)', BISECT, 2],
    ['a step sweep (sharded by points)', STEPS, 3],
  ])('%s: the same on one worker and on two, and merged from shards, printed and written', async (_, args, shards) => {
    const name = args.includes('--bisect') ? 'bisect' : 'steps';
    const one = await runInProcess([...args, '--out', at(`${name}-one`), '--workers', '1']);
    const two = await runInProcess([...args, '--out', at(`${name}-two`), '--workers', '2']);
    expect(one.code).toBe(0);
    expect(comparable(two, { [at(`${name}-two`)]: at(`${name}-one`) })).toEqual(comparable(one));
    expect(folder(at(`${name}-two`))).toEqual(folder(at(`${name}-one`)));
    const files = [];
    for (let k = 1; k <= shards; k++) {
      const file = at(`${name}-shard${k}.json`);
      const r = await runInProcess([...args, '--shard', `${k}/${shards}`, '--out', file, '--workers', k === 1 ? '2' : '1']);
      expect(r.code, r.err.join('\n')).toBe(0);
      files.push(file);
    }
    const merged = await runInProcess(['merge', ...files.reverse(), '--out', at(`${name}-merged`)]);
    expect(merged.code).toBe(0);
    expect(comparable(merged, { [at(`${name}-merged`)]: at(`${name}-one`) })).toEqual(comparable(one));
    expect(folder(at(`${name}-merged`))).toEqual(folder(at(`${name}-one`)));
  });

  it('refuses a bisection shard that lacks a point the bisection reaches, writing nothing', async () => {
    const file = JSON.parse(readFileSync(at('bisect-shard2.json'), 'utf8')) as { points: { value: number }[] };
    file.points = file.points.filter((p) => p.value !== 1);
    writeFileSync(at('bisect-cut.json'), JSON.stringify(file));
    const r = await runInProcess(['merge', at('bisect-shard1.json'), at('bisect-cut.json'), '--out', at('bisect-refused')]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      expect.stringMatching(
        /bisect-cut\.json \(shard 2\/2\): lacks faultBudget = 1, seed \d, which the bisection reaches \(a killed or truncated shard\): run it again$/,
      ),
    ]);
    expect(existsSync(at('bisect-refused'))).toBe(false);
  });
});
