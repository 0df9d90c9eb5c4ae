/**
 * `cascade replay`: a committed counterexample reproduces on its own variant, the same events are
 * judged on a fixed variant, and a damaged file is refused with one line and exit code 2.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run.ts';

const file = 'counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json';
const dir = mkdtempSync(join(tmpdir(), 'cascade-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cascade replay', () => {
  it('reproduces the recorded violation as a numbered narrative', () => {
    const r = cli(['replay', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ +1\. \[t=\d+\] /m);
    expect(r.stdout).toMatch(/degradeOfflineMessages/);
    expect(r.stdout).toMatch(/crashed on a late offline-message reply/);
    expect(r.stdout).toMatch(/reproduced at step \d+/);
  });

  it('reports the verdict along the same events on another variant', () => {
    const fixedRun = cli(['replay', file, '--variant', 'skype-2010+robust-client', '--json']);
    expect(fixedRun.code).toBe(0);
    expect(JSON.parse(fixedRun.stdout)).toMatchObject({
      property: 'no-client-crash',
      variant: 'skype-2010+robust-client',
      verdict: 'holds',
      violationStep: null,
    });
    const buggy = cli(['replay', file, '--variant', 'skype-2010+backoff-jitter', '--json']);
    expect(buggy.code).toBe(1);
    expect(JSON.parse(buggy.stdout).verdict).toBe('violated');
  });

  const damaged: [string, (text: string) => string, RegExp][] = [
    ['truncated', (t) => t.slice(0, t.length / 2), /not valid JSON/],
    ['hand-edited event', (t) => t.replace('"kind": "degradeOfflineMessages"', '"kind": "meteorStrike"'), /events\.\d+/],
    ['unknown property', (t) => t.replace('"property": "no-client-crash"', '"property": "no-such"'), /unknown property 'no-such'/],
    ['unknown variant', (t) => t.replace('"variant": "skype-2010"', '"variant": "skype-1999"'), /unknown variant 'skype-1999'/],
    ['future schema version', (t) => t.replace(/"schemaVersion": 1/, '"schemaVersion": 7'), /schemaVersion/],
  ];
  it.each(damaged)('a %s file: one line, exit 2, the file untouched', (_name, damage, message) => {
    const path = join(dir, 'bad.json');
    const text = damage(readFileSync(file, 'utf8'));
    writeFileSync(path, text);
    const r = cli(['replay', path]);
    expect(r.code).toBe(2);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a missing file or an unknown --variant: one line, exit 2', () => {
    expect(cli(['replay', join(dir, 'missing.json')]).errors[0]).toMatch(/no such file/);
    const copy = join(dir, 'copy.json');
    copyFileSync(file, copy);
    const r = cli(['replay', copy, '--variant', 'nope']);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([expect.stringMatching(/unknown variant 'nope'/)]);
  });
});
