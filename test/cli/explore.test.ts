/**
 * `cascade explore`: a tick horizon, verdicts that say what they cover (with the fingerprint
 * collision chance and the scope searched), a memory bound capped to the machine, bad input as one
 * line with exit code 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cascade explore', () => {
  it('searches within the horizon it is given and says what the verdict covers', () => {
    const r = cli(['explore', '--property', 'recovers', '--variant', 'fixed', '--horizon', '2', '--json', '--dir', dir]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.pop()).toMatchObject({ kind: 'summary', schemaVersion: 2, pairs: { random: 0, exhaustive: 2 }, expectations: { stated: 2, met: 2 }, exitCode: 0 });
    expect(lines.length).toBe(2); // login-flood-2007 and feedback-loop both check recovers on fixed
    for (const line of lines) {
      expect(line).toMatchObject({ kind: 'exhaustive', schemaVersion: 2 });
      expect(['holds', 'holds-within-horizon']).toContain(line.verdict);
      expect(line.bound).toMatchObject({ horizon: 2 });
      expect(line.collisionProbability).toBeLessThan(1e-6);
      expect(String(line.scope)).toMatch(/supernodes/);
    }
  });

  it('caps a memory bound above the machine and says so', () => {
    const r = cli(['explore', '--property', 'no-cascade', '--variant', 'fixed', '--horizon', '1', '--max-memory', '100000000', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--max-memory 100000000 is more than 80% of this machine's memory; capped at \d+ MB/);
  });

  for (const args of [['--horizon', '-1'], ['--horizon', 'ten'], ['--depth', '3']]) {
    it(`${args.join(' ')} is one line and exit 2`, () => {
      const r = cli(['explore', '--property', 'no-cascade', '--variant', 'fixed', ...args, '--dir', dir]);
      expect(r.code).toBe(2);
      expect(r.errors.length).toBe(1);
      expect(r.stdout).toBe('');
    });
  }
});
