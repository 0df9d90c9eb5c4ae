/**
 * `cascade check`: deterministic counterexample files, expectations as exit codes, bad input as one
 * line with exit code 2 and no file changed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run.ts';
import { runInProcess } from '../support/inProcess.ts';
import { all, checkHoldsStrength, validate } from '../support/junitShape.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, readFileSync(join(root, f), 'utf8')]),
  );
}

describe('cascade check', () => {
  it('writes byte-identical counterexample files for the same seed', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const args = ['--property', 'no-client-crash', '--variant', 'skype-2010', '--runs', '200', '--seed', '99'];
    expect(cli(['check', ...args, '--dir', a]).code).toBe(0);
    expect(cli(['check', ...args, '--dir', b]).code).toBe(0);
    const first = snapshot(a);
    expect(Object.keys(first).length).toBeGreaterThan(0);
    expect(snapshot(b)).toEqual(first);
  });

  it('prints one JSON object per (property, variant) with the documented fields, then a summary, each with the schema version', () => {
    const r = cli(['check', '--property', 'no-cascade', '--variant', 'skype-2010', '--runs', '100', '--json', '--dir', join(dir, 'json')]);
    const all = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // 4: the results' schema since they carry suites, fidelity and scopes as data (src/results/results.ts).
    for (const line of all) expect(line.schemaVersion).toBe(4);
    const summary = all.pop()!;
    expect(summary).toMatchObject({
      kind: 'summary',
      pairs: { random: 2, exhaustive: 0 },
      expectations: { stated: 2, met: 2, unmet: 0 },
      verdicts: { violated: 2 },
      violatedWithoutExpectation: 0,
      exitCode: 0,
    });
    expect(r.code).toBe(summary.exitCode);
    const lines = all;
    expect(lines.length).toBe(2); // the crash-cascade and feedback-loop suites both check it
    for (const line of lines) {
      expect(line.kind).toBe('random');
      for (const key of [
        'property',
        'variant',
        'expected',
        'verdict',
        'runs',
        'seed',
        'ms',
        'timeToFailureMs',
        'eventsBeforeShrink',
        'eventsAfterShrink',
        'counterexample',
        'coverage',
        'safetyLength',
      ]) {
        expect(line).toHaveProperty(key);
      }
      expect(line.verdict).toBe('violated');
    }
  });

  it('exits 4, "violated", when no expectation is unmet but a pair without one was violated, and says so in the summary', async () => {
    const r = await runInProcess([
      'check',
      '--property',
      'no-client-crash',
      '--variant',
      'skype-2010',
      '--set',
      'faultBudget=3',
      '--runs',
      '200',
      '--json',
      '--dir',
      join(dir, 'four'),
    ]);
    expect(r.code).toBe(4);
    const summary = JSON.parse(r.out.filter((l) => l.trim() !== '').pop()!) as Record<string, unknown>;
    expect(summary).toMatchObject({ kind: 'summary', exitCode: 4, violatedWithoutExpectation: 1, expectations: { stated: 0 } });
    expect(summary.meaning).toMatch(/without an expectation was violated/);
  });

  it('writes a JUnit report of the common shape with --junit, failing exactly the unmet expectation', async () => {
    const file = join(dir, 'junit', 'check.xml');
    // Five runs find some of the 2007 flood's violations and miss others: some expectations met, some not.
    const r = await runInProcess([
      'check',
      '--suite',
      'login-flood-2007',
      '--property',
      'recovers',
      '--runs',
      '5',
      '--json',
      '--junit',
      file,
      '--dir',
      join(dir, 'junit-cx'),
    ]);
    expect(r.code).toBe(1);
    const results = r.out
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { kind: string; variant: string; met: boolean })
      .filter((l) => l.kind === 'random');
    const unmet = results.filter((x) => !x.met).map((x) => `recovers on ${x.variant}`);
    expect(unmet.length).toBeGreaterThan(0);
    expect(unmet.length).toBeLessThan(results.length);
    const root = validate(readFileSync(file, 'utf8'));
    const cases = root.children.flatMap((s) => all(s, 'testcase'));
    expect(cases.length).toBe(7); // the suite's 7 variants
    const failed = cases.filter((c) => all(c, 'failure').length > 0).map((c) => c.attributes.name);
    expect(failed.sort()).toEqual(unmet.sort());
    // A file that is not a JUnit report is never replaced.
    const other = join(dir, 'junit', 'notes.txt');
    writeFileSync(other, 'my notes\n');
    const refused = await runInProcess(['check', '--suite', 'crash-cascade-2010', '--runs', '1', '--junit', other, '--dir', join(dir, 'junit-cx')]);
    expect(refused.code).toBe(2);
    expect(refused.err).toEqual([`cascade check: --junit ${other}: exists and is not a JUnit report; choose another name or remove it`]);
    expect(readFileSync(other, 'utf8')).toBe('my notes\n');
  });

  it('says beside every holds how many runs and which coverage it rests on (line, JSON, JUnit), and marks runs the adversary never acted in as trivial', async () => {
    const args = ['check', '--suite', 'crash-cascade-2010', '--variant', 'fixed', '--runs', '200', '--dir', join(dir, 'strength')];
    const text = await runInProcess(args);
    expect(text.code).toBe(0);
    const holds = text.out.filter((l) => /: holds /.test(l));
    expect(holds).toHaveLength(2);
    for (const line of holds)
      expect(line).toMatch(
        /: holds \(expected holds\), 200 runs in \d+ ms, trigger exercised in \d+; coverage [1-9]\d*\/\d+ \(kind x tick\) cells, .*max \d+$/,
      );
    const junit = join(dir, 'strength.xml');
    const json = await runInProcess([...args, '--json', '--junit', junit]);
    expect(json.err).toEqual([]);
    const lines = json.out.filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.pop()).toMatchObject({ kind: 'summary', weakHolds: { trivial: 0, small: 0 } });
    for (const line of lines)
      expect(line).toMatchObject({ kind: 'random', verdict: 'holds', runs: 200, coverage: { cells: expect.any(Number) }, strength: { trivial: false } });
    checkHoldsStrength(validate(readFileSync(junit, 'utf8')));
    // With no fault to spend, no adversary event applies: every run is the same, and the line says so.
    const none = await runInProcess([
      'check',
      '--suite',
      'crash-cascade-2010',
      '--property',
      'no-cascade',
      '--variant',
      'fixed',
      '--set',
      'faultBudget=0',
      '--runs',
      '20',
      '--dir',
      join(dir, 'strength'),
    ]);
    expect(none.out.find((l) => l.includes('/ no-cascade on fixed:'))).toMatch(
      /coverage 0\/\d+ \(kind x tick\) cells.*; trivial: no adversary event applied in any run, so every run followed the same path$/,
    );
  });

  it('exits 1 and prints the replay command when an expectation is not met', () => {
    // fixed is expected to hold no-client-crash; one run cannot exercise the trigger: vacuous, not holds.
    const r = cli(['check', '--property', 'no-client-crash', '--variant', 'fixed', '--runs', '1', '--dir', join(dir, 'one')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/vacuous/);
    expect(r.stdout).toMatch(/npx cascade check --suite crash-cascade-2010 --property no-client-crash --variant fixed --seed \d+ --runs 1/);
  });

  it('never overwrites a different counterexample unless asked', () => {
    const d = join(dir, 'keep');
    const base = ['check', '--property', 'no-client-crash', '--variant', 'skype-2010', '--runs', '200', '--dir', d];
    cli([...base, '--seed', '1']);
    const before = snapshot(d);
    const other = cli([...base, '--seed', '2']);
    expect(snapshot(d)).toEqual(before);
    if (other.stdout.includes('kept')) {
      cli([...base, '--seed', '2', '--update']);
      expect(snapshot(d)).not.toEqual(before);
    }
  });

  it.each([
    [['--property', 'no-such-property'], /unknown property 'no-such-property'/],
    [['--variant', 'skype-2099'], /unknown variant 'skype-2099'/],
    [['--variant', 'skype-2010+magic'], /unknown fix 'magic'/],
    [['--runs', '-5'], /--runs must be between 1 and/],
    [['--runs', 'many'], /--runs must be a whole number/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
    [['--budget', 'huge'], /--budget must be one of test, start/],
  ])('bad input %j: one line, exit 2, nothing written', async (args, message) => {
    const d = join(dir, 'bad');
    // In process (no start-up per case); the first case runs as a real process too.
    const r = await runInProcess(['check', ...args, '--dir', d]);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(r.err[0]).not.toMatch(/\bat .*\.ts:\d+/);
    expect(() => readdirSync(d)).toThrow();
    if (args[0] === '--property') {
      const real = cli(['check', ...args, '--dir', d]);
      expect(real.code).toBe(2);
      expect(real.errors).toEqual(r.err);
    }
  });
});
