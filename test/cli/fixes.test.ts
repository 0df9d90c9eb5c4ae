/**
 * `cascade fixes`: the minimal sets in words and as JSON with a summary; bad input as one line and
 * exit code 2. The analysis itself is tested in test/runner/fixSets.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run.ts';

describe('cascade fixes', () => {
  it('prints the minimal sets of one suite on one base, what each property needs, and what dropping a fix costs', () => {
    const r = cli(['fixes', '--suite', 'crash-cascade-2010', '--base', 'skype-2010']);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== crash-cascade-2010 on skype-2010: which fixes are enough (no-client-crash, no-cascade) ==');
    expect(r.stdout).toContain('  enough: {robust-client}');
    expect(r.stdout).toContain('  no-client-crash: needs robust-client; enough: {robust-client}');
    expect(r.stdout).toMatch(/\{robust-client\} without robust-client: no-client-crash fails in \d+ events? \(exhaustive, shortest\): npx cascade explore --suite crash-cascade-2010 --property no-client-crash --variant skype-2010 /);
    expect(r.stdout).toMatch(/scope: \d+ random runs per set and property/);
  });

  it('prints one JSON object per suite and base, then a summary, with the schema version', () => {
    const r = cli(['fixes', '--suite', 'crash-cascade-2010', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((l) => [l.kind, l.base])).toEqual([['fix-sets', 'skype-2007'], ['fix-sets', 'skype-2010'], ['summary', undefined]]);
    for (const l of lines) expect(l.schemaVersion).toBe(1);
    expect(lines[0]!.minimal).toEqual([[]]);
    expect(lines[1]!.sets).toHaveLength(64);
    expect(lines[2]).toMatchObject({ analyses: 2, unmet: 0, code: 0, enough: [{ suite: 'crash-cascade-2010', base: 'skype-2007', minimal: [[]] }, { suite: 'crash-cascade-2010', base: 'skype-2010', minimal: [['robust-client']] }] });
  });

  it('answers bad input with one line and exit code 2', () => {
    const base = cli(['fixes', '--base', 'skype-2099']);
    expect(base.code).toBe(2);
    expect(base.errors).toEqual(["cascade fixes: --base must be one of skype-2007, skype-2010, got 'skype-2099'"]);
    const suite = cli(['fixes', '--suite', 'nope']);
    expect(suite.code).toBe(2);
    expect(suite.errors[0]).toMatch(/^cascade fixes: unknown suite 'nope'/);
  });
});
