/**
 * `cascade check`: deterministic counterexample files, expectations as exit codes, bad input as one
 * line with exit code 2 and no file changed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run.ts';

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

  it('prints one JSON object per (property, variant) with the documented fields', () => {
    const r = cli(['check', '--property', 'no-cascade', '--variant', 'skype-2010', '--runs', '100', '--json', '--dir', join(dir, 'json')]);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBe(2); // the crash-cascade and feedback-loop suites both check it
    for (const line of lines) {
      for (const key of ['property', 'variant', 'expected', 'verdict', 'runs', 'seed', 'ms', 'timeToFailureMs', 'eventsBeforeShrink', 'eventsAfterShrink', 'counterexample', 'coverage', 'safetyLength']) {
        expect(line).toHaveProperty(key);
      }
      expect(line.verdict).toBe('violated');
    }
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
  ])('bad input %j: one line, exit 2, nothing written', (args, message) => {
    const d = join(dir, 'bad');
    const r = cli(['check', ...args, '--dir', d]);
    expect(r.code).toBe(2);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
    expect(r.errors[0]).not.toMatch(/\bat .*\.ts:\d+/);
    expect(() => readdirSync(d)).toThrow();
  });
});
