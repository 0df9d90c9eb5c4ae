/**
 * `cascade report --dir D` explains D's counterexamples (not the default directory's), and those of
 * every directory the results name; a D that does not exist, is not a directory, or holds no
 * counterexample that loads is refused in one line with exit 2, before anything is written. Run in
 * this process on a small results file (one real pair), its population run 100 times smaller.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectation, SUITES } from '../../properties/index.ts';
import type { ReportFiles } from '../../src/report/writeReport.ts';
import { checkPair } from '../../src/runner/index.ts';
import { emptyResults } from '../report/fixture.ts';
import { runInProcess } from '../support/inProcess.ts';

const home = mkdtempSync(join(tmpdir(), 'cascade-report-dir-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** D: two committed counterexamples copied; E: the one a `check --dir E` run stored, named by the results. */
const D = join(home, 'mine');
const E = join(home, 'checked');
const resultsFile = join(home, 'results.json');
const COPIED = ['crash-cascade-2010/no-client-crash--skype-2010.json', 'login-flood-2007/recovers--skype-2007.json'];
let stored: string;

beforeAll(() => {
  for (const file of COPIED) {
    mkdirSync(join(D, file.split('/')[0]!), { recursive: true });
    cpSync(join('counterexamples', file), join(D, file));
  }
  const suite = SUITES.find((s) => s.id === 'crash-cascade-2010')!;
  const row = checkPair(
    { suite, property: 'no-client-crash', variant: 'skype-2010', expected: expectation(suite, 'no-client-crash', 'skype-2010') ?? null },
    { runs: 40, budget: 'test', dir: E, update: false },
  );
  expect(row.counterexample).toBe(join(E, 'crash-cascade-2010', 'no-client-crash--skype-2010.json'));
  stored = row.counterexample!;
  writeFileSync(resultsFile, JSON.stringify({ ...emptyResults(), random: [row] }));
  // Beside it, files the results do not name (another suite's directory, deeper): never read through them.
  for (const junk of [join(E, 'feedback-loop', 'junk.json'), join(E, 'crash-cascade-2010', 'deeper', 'junk.json')]) {
    mkdirSync(join(junk, '..'), { recursive: true });
    writeFileSync(junk, 'not a counterexample');
  }
});

const report = (...args: string[]) => runInProcess(['report', '--results', resultsFile, ...args]);

describe('report --dir D', () => {
  it("explains D's counterexamples and those the results name in their directory (that suite's files only), not the default directory's", async () => {
    const out = join(home, 'review');
    const run = await report('--dir', D, '--out', out, '--json');
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    const files = JSON.parse(run.out.join('')) as ReportFiles;
    expect(files.counterexamples).toBe(COPIED.length + 1);
    const appendix = readFileSync(files.appendix.markdown, 'utf8');
    for (const file of COPIED) expect(appendix).toContain(`replay with \`npx cascade replay ${join(D, file)}\``);
    expect(appendix).toContain(`replay with \`npx cascade replay ${stored}\``);
    expect(appendix).not.toMatch(/npx cascade replay counterexamples\//);
    expect(appendix).not.toContain('⚠ Not shown');
  }, 60_000);

  it('explains a directory named both ways once, and says so when a named directory is gone', async () => {
    const run = await report('--dir', E, '--out', join(home, 'review-e'), '--json');
    expect(run.code).toBe(0);
    const files = JSON.parse(run.out.join('')) as ReportFiles;
    expect(files.counterexamples).toBe(1);
    const gone = join(home, 'gone-results.json');
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    results.random[0].counterexample = join(home, 'moved', 'crash-cascade-2010', 'no-client-crash--skype-2010.json');
    writeFileSync(gone, JSON.stringify(results));
    const moved = await runInProcess(['report', '--results', gone, '--dir', D, '--out', join(home, 'review-gone'), '--json']);
    expect(moved.code).toBe(0);
    const appendix = readFileSync((JSON.parse(moved.out.join('')) as ReportFiles).appendix.markdown, 'utf8');
    expect(appendix).toContain(
      `⚠ Not shown (could not be loaded or replayed): ${join(home, 'moved')}: the results name counterexamples stored here, and it does not exist`,
    );
  }, 60_000);

  const empty = join(home, 'empty');
  const damaged = join(home, 'damaged');
  const aFile = join(home, 'a-file');
  const refusals: [string, () => void, string, string][] = [
    ['does not exist', () => {}, join(home, 'nowhere'), `cascade report: --dir ${join(home, 'nowhere')}: no such directory`],
    ['is a file', () => writeFileSync(aFile, 'x'), aFile, `cascade report: --dir ${aFile}: is a file, not a directory`],
    [
      'holds no .json file',
      () => mkdirSync(join(empty, 'sub'), { recursive: true }),
      empty,
      `cascade report: --dir ${empty}: holds no counterexample files (no .json file under it)`,
    ],
    [
      'holds only a damaged counterexample',
      () => {
        mkdirSync(join(damaged, 'crash-cascade-2010'), { recursive: true });
        writeFileSync(join(damaged, 'crash-cascade-2010', 'x.json'), '{"schemaVersion": 1');
      },
      damaged,
      `cascade report: --dir ${damaged}: none of its 1 .json file is a counterexample cascade can read; the first: ${join(damaged, 'crash-cascade-2010', 'x.json')}: not valid JSON`,
    ],
  ];
  it.each(refusals)('a D that %s: one line, exit 2, nothing written', async (_name, make, dir, line) => {
    make();
    const out = join(home, `out-${readdirSync(home).length}`);
    const run = await report('--dir', dir, '--out', out);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]!.startsWith(line)).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('an empty --dir, or an --out inside D: one line, exit 2, nothing written', async () => {
    const blank = await report('--dir', '', '--out', join(home, 'out-blank'));
    expect(blank.code).toBe(2);
    expect(blank.err).toEqual(["cascade report: --dir needs a directory name, got ''"]);
    const inside = await report('--dir', D, '--out', join(D, 'review'));
    expect(inside.code).toBe(2);
    expect(inside.err).toEqual([`cascade report: --out ${join(D, 'review')}: is inside --dir ${D}; the report goes elsewhere`]);
    expect(existsSync(join(D, 'review'))).toBe(false);
  });
});
