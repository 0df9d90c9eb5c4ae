/**
 * Output targets and pipes: exports never replace a counterexample or a user's file unasked, a
 * directory flag is never empty, and output into a closed pipe ends quietly. A target is checked
 * by its real path (a symbolic link does not lead into the counterexamples), a JUnit report never
 * goes where the run stores counterexamples, and a report directory is checked in full before
 * anything is written into it (a user's own manifest included).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inProcess.ts';
import { smallResults } from '../report/fixture.ts';
import { cli } from './run.ts';

const committed = 'counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json';
const dir = mkdtempSync(join(tmpdir(), 'cascade-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refused(argv: string[], pattern: RegExp): Promise<void> {
  const run = await runInProcess(argv);
  expect(run.crash).toBeNull();
  expect(run.code).toBe(2);
  expect(run.err).toEqual([expect.stringMatching(pattern)]);
}

describe('output targets', () => {
  it('replay --itf never writes onto a counterexample, the input, a directory or a device', async () => {
    const copy = join(dir, 'copy.json');
    copyFileSync(committed, copy);
    const before = readFileSync(committed, 'utf8');
    await refused(
      ['replay', committed, '--itf', join('counterexamples', 'login-flood-2007', 'no-cascade--skype-2007.json'), '--update'],
      /inside the counterexamples directory/,
    );
    await refused(['replay', committed, '--itf', copy, '--update'], /is a counterexample file/);
    await refused(['replay', copy, '--itf', copy, '--update'], /is the file being read/);
    await refused(['replay', committed, '--itf', dir], /is a directory/);
    await refused(['replay', committed, '--itf', '/dev/null', '--update'], /is a device, FIFO or socket/);
    await refused(['replay', committed, '--itf', join(copy, 'inside.json')], /is not a directory/);
    expect(readFileSync(committed, 'utf8')).toBe(before);
    expect(readFileSync(copy, 'utf8')).toBe(before);
  });

  it('replay --itf replaces an existing file only with --update', async () => {
    const target = join(dir, 'trace.itf.json');
    writeFileSync(target, 'my notes\n');
    await refused(['replay', committed, '--itf', target], /exists; --update replaces it/);
    expect(readFileSync(target, 'utf8')).toBe('my notes\n');
    const run = await runInProcess(['replay', committed, '--itf', target, '--update', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toHaveProperty('states');
  });

  it('an empty directory flag is refused, not taken as the current directory', async () => {
    await refused(['check', '--property', 'no-client-crash', '--variant', 'skype-2010', '--dir', ''], /--dir needs a directory name/);
    await refused(['explore', '--property', 'no-client-crash', '--variant', 'skype-2010', '--dir', ' '], /--dir needs a directory name/);
    await refused(['report', '--out', ''], /--out needs a directory name/);
  });

  it('a file-system error in the real process is one line and exit 2', () => {
    const file = join(dir, 'plain');
    writeFileSync(file, '');
    const r = cli(['check', '--property', 'no-client-crash', '--variant', 'skype-2010', '--runs', '2', '--budget', 'test', '--dir', join(file, 'sub')]);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([expect.stringMatching(/^cascade check: .*plain.*not a directory/)]);
  });

  it('output into a closed pipe ends quietly (exit 141, as SIGPIPE would), with no stack trace', () => {
    // Output far larger than a pipe's buffer (20,000 lines), so that the writer meets the closed pipe
    // whatever the timing (a few lines could all fit in the buffer before head exits: exit 0).
    const script = `'${process.cwd()}/node_modules/.bin/tsx' src/cli.ts simulate --scenario outage-2010 --variant skype-2010 --ticks 20000 | head -1; echo "exit \${PIPESTATUS[0]}" >&2`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr.trim()).toBe('exit 141');
    expect(execFileSync('git', ['status', '--porcelain', 'counterexamples'], { encoding: 'utf8' })).toBe('');
  });
});

describe('targets checked by where they really are, before anything is written', () => {
  const selection = ['check', '--property', 'no-client-crash', '--variant', 'skype-2010', '--budget', 'test', '--runs', '30', '--workers', '1'];
  const link = join(dir, 'to-counterexamples');
  symlinkSync(join(process.cwd(), 'counterexamples'), link);
  const untouched = () => expect(execFileSync('git', ['status', '--porcelain', '--untracked-files=all', 'counterexamples'], { encoding: 'utf8' })).toBe('');

  it("--junit inside the run's own --dir is refused before the run (it would replace the counterexample the run stores)", async () => {
    const run = join(dir, 'run-dir');
    const target = join(run, 'crash-cascade-2010', 'no-client-crash--skype-2010.json');
    await refused(
      [...selection, '--dir', run, '--junit', target],
      /--junit .*: is inside .*run-dir, where this run stores counterexamples; exports never go there/,
    );
    expect(existsSync(run)).toBe(false);
  });

  it('--junit and report --out through a symbolic link into the counterexamples are refused', async () => {
    await refused([...selection, '--dir', join(dir, 'linked-run'), '--junit', join(link, 'report.xml')], /--junit .*: is inside the counterexamples directory/);
    await refused(
      [...selection, '--dir', join(dir, 'linked-run'), '--junit', join(link, 'crash-cascade-2010', 'new', 'report.xml')],
      /is inside the counterexamples directory/,
    );
    await refused(['report', '--results', join(dir, 'none.json'), '--out', join(link, 'report')], /--out .*: is inside the counterexamples directory/);
    untouched();
  });

  describe('report --out', () => {
    let results = '';
    let chart = '';
    const report = (out: string) => runInProcess(['report', '--results', results, '--out', out]);

    it('writes a report where nothing is in the way (and names its charts in its manifest)', async () => {
      results = join(dir, 'results.json');
      writeFileSync(results, JSON.stringify(smallResults(join(dir, 'fixture-cx'))));
      const out = join(dir, 'report-ok');
      const r = await report(out);
      expect(r.code).toBe(0);
      const manifest = JSON.parse(readFileSync(join(out, '.cascade-manifest.json'), 'utf8')) as { files: string[] };
      chart = manifest.files.find((f) => f.startsWith('charts/'))!;
      expect(chart).toMatch(/^charts\/.+\.svg$/);
    });

    it.each([
      ['a report.md of the user', 'report.md', '# my notes\n', /report\.md: exists and was not written by cascade/],
      ['a chart name taken by a file of the user', 'chart', '<svg>mine</svg>', /charts\/.+\.svg: exists and was not written by cascade/],
      [
        "the user's own .cascade-manifest.json",
        '.cascade-manifest.json',
        '{ "mine": true }\n',
        /\.cascade-manifest\.json: exists and was not written by cascade; choose another directory/,
      ],
    ])('holding %s: refused with nothing written, and the file kept', async (_, name, text, pattern) => {
      const out = join(dir, `report-${name.replace(/\W/g, '')}`);
      const file = name === 'chart' ? chart : name;
      mkdirSync(join(out, file, '..'), { recursive: true });
      writeFileSync(join(out, file), text);
      const listing = () => readdirSync(out, { recursive: true, encoding: 'utf8' }).sort();
      const before = listing();
      const r = await report(out);
      expect(r.crash).toBeNull();
      expect(r.code).toBe(2);
      expect(r.err).toEqual([expect.stringMatching(pattern)]);
      expect(listing()).toEqual(before);
      expect(readFileSync(join(out, file), 'utf8')).toBe(text);
      // The user's manifest is kept even with --update (the directory is not one cascade manages).
      if (name === '.cascade-manifest.json') {
        expect((await runInProcess(['report', '--results', results, '--out', out, '--update'])).code).toBe(2);
        expect(readFileSync(join(out, file), 'utf8')).toBe(text);
      }
    });
  });
});
