/**
 * The main job cut in three: `start --shard K/3` three times, `merge`, then `report --results` give
 * the first page one whole `start` gives, the stamp line aside (date, commit, machine), and the same
 * results but for times and counts of searches reused; every counterexample file stays as committed.
 * Then a merge of the same files refuses a shard missing, a shard edited to hold other work, and a
 * counterexample carried outside `counterexamples/`, each in one line with nothing written.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run.ts';

const root = process.cwd();
const home = mkdtempSync(join(tmpdir(), 'cascade-start-shards-'));
const whole = join(home, 'whole');
const cut = join(home, 'cut');

/** A working directory with the committed counterexamples, as a clone has. */
function clone(dir: string): void {
  cpSync(join(root, 'counterexamples'), join(dir, 'counterexamples'), { recursive: true });
}

/** Every file under `dir`, by path relative to it, with its text. */
function tree(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** The first page without its stamp line (when, from which commit, on which machine). */
function page(file: string): string {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('Written '))
    .join('\n');
}

/**
 * Results with what the clock, the reuse of searches and the workers decide left out: the rest must be
 * equal. A search's transitions count duplicates, which depend on the order the workers meet states
 * in (docs/scale-out.md; the state-count manifest compares them only in one thread), so two whole runs
 * on workers differ there too.
 */
function comparable(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'), (key, value: unknown) =>
    ['ms', 'msToFailure', 'timeToFailureMs', 'statesPerSecond', 'bytesPerState', 'reused', 'node', 'transitions'].includes(key) ? undefined : value,
  );
}

beforeAll(() => {
  clone(whole);
  clone(cut);
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('start --shard K/3, merge, report', () => {
  it(
    'gives the first page and the results of one whole start',
    () => {
      const one = cli(['start', '--workers', '2'], whole);
      expect(one.errors.filter((l) => !l.startsWith('\r')).join('\n')).not.toMatch(/Error|at .*\.ts:\d+/);
      expect([0, 1, 4]).toContain(one.code);
      for (const k of [1, 2, 3]) {
        const shard = cli(['start', '--shard', `${k}/3`, '--out', `shards/${k}.json`, '--workers', '2'], cut);
        expect(shard.code, shard.errors.join('\n')).toBe(0);
        expect(shard.stdout).toContain(`shard ${k}/3 of start:`);
      }
      const merged = cli(['merge', 'shards/1.json', 'shards/2.json', 'shards/3.json'], cut);
      expect(merged.code, merged.errors.join('\n')).toBe(one.code);
      // The finding's last lines are the whole run's.
      const tail = (text: string) => text.trim().split('\n').slice(-3);
      expect(tail(merged.stdout)).toEqual(tail(one.stdout));
      const again = cli(['report', '--results', 'report/results.json', '--out', 'review'], cut);
      expect(again.code, again.errors.join('\n')).toBe(0);
      expect(page(join(cut, 'report/report.md'))).toEqual(page(join(whole, 'report/report.md')));
      expect(page(join(cut, 'review/report.md'))).toEqual(page(join(whole, 'report/report.md')));
      expect(comparable(join(cut, 'report/results.json'))).toEqual(comparable(join(whole, 'report/results.json')));
      // Every counterexample as committed, in both.
      const committed = tree(join(root, 'counterexamples'));
      expect(tree(join(whole, 'counterexamples'))).toEqual(committed);
      expect(tree(join(cut, 'counterexamples'))).toEqual(committed);
    },
    40 * 60_000,
  );

  it('refuses a shard missing, a shard edited and a counterexample carried outside counterexamples/, writing nothing', () => {
    const shards = join(cut, 'shards');
    const missing = cli(['merge', 'shards/1.json', 'shards/3.json'], cut);
    expect(missing.code).toBe(2);
    expect(missing.errors).toEqual(['cascade merge: shard 2/3 missing: merge needs all 3']);

    const file = JSON.parse(readFileSync(join(shards, '2.json'), 'utf8')) as { random: { file: { path: string; text: string } | null }[] };
    writeFileSync(join(shards, 'fewer.json'), JSON.stringify({ ...file, random: file.random.slice(1) }));
    const fewer = cli(['merge', 'shards/1.json', 'shards/fewer.json', 'shards/3.json'], cut);
    expect(fewer.code).toBe(2);
    expect(fewer.errors).toEqual([
      'cascade merge: shards/fewer.json: holds other work than shard 2/3 of the main job runs (a shard file edited, or another cascade)',
    ]);

    const carrying = file.random.findIndex((r) => r.file !== null);
    expect(carrying).toBeGreaterThanOrEqual(0);
    const outside = structuredClone(file);
    outside.random[carrying]!.file!.path = 'counterexamples/../escaped.json';
    writeFileSync(join(shards, 'outside.json'), JSON.stringify(outside));
    rmSync(join(cut, 'report'), { recursive: true });
    const escaped = cli(['merge', 'shards/1.json', 'shards/outside.json', 'shards/3.json'], cut);
    expect(escaped.code).toBe(2);
    expect(escaped.errors).toEqual([
      'cascade merge: shards/outside.json: carries a counterexample file outside counterexamples/ (counterexamples/../escaped.json)',
    ]);
    expect(existsSync(join(cut, 'escaped.json'))).toBe(false);
    expect(existsSync(join(cut, 'report'))).toBe(false);
  }, 60_000);
});
