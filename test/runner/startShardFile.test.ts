/**
 * A start shard file on small hand-made records (src/runner/shardFile.ts, the `start` command's
 * shape): every bound of its own fields holds its limit and refuses one past it, and a carried
 * counterexample file's text is bounded at 4 MiB. No search runs: about a second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/model/index.ts';
import { readShardFile } from '../../src/runner/shardFile.ts';
import { VERSION } from '../../src/version.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-start-shard-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const head = () => ({
  kind: 'cascade-shard',
  schemaVersion: 2,
  tool: { name: 'cascade', version: VERSION },
  shard: { index: 1, count: 1 },
  ran: { suites: 'a'.repeat(32), config: 'b'.repeat(32), model: 'c'.repeat(32) },
});

/** A random pair's result as a start shard carries it. */
const pairResult = () => ({
  suite: 'crash-cascade-2010',
  property: 'no-client-crash',
  variant: 'skype-2010',
  expected: 'violated',
  config: defaultConfig('small'),
  verdict: 'violated',
  runs: 3,
  triggeredRuns: 1,
  coverage: { cells: 1, possible: 2, lateCells: 0, latePossible: 1, lateKinds: 0 },
  safetyLength: { median: 2, max: 3 },
  seed: 1,
  ms: 5,
  timeToFailureMs: 1,
  eventsBeforeShrink: 4,
  eventsAfterShrink: 2,
  counterexample: 'counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json',
  saved: 'unchanged',
  met: true,
  replay: 'npx cascade replay counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json',
});

const start = (over: Record<string, unknown> = {}, file: { path: string; text: string } | null = null) => ({
  ...head(),
  command: 'start',
  selection: { budget: 'start', reduction: 2 },
  units: 3,
  workers: 1,
  scenarios: null,
  fidelity: null,
  random: [{ index: 0, result: pairResult(), file }],
  exhaustive: [],
  fixes: [],
  ...over,
});

let n = 0;
/** Writes `file` and reads it back: the file read, or the refusal's line. */
function read(file: object): string {
  const path = join(dir, `start-${n++}.json`);
  writeFileSync(path, JSON.stringify(file));
  try {
    const read = readShardFile(path);
    return `read ${read.command}`;
  } catch (error) {
    return (error as Error).message.replace(`${path}: `, '');
  }
}

describe('a start shard file', () => {
  it('reads a whole one', () => {
    expect(read(start())).toBe('read start');
  });

  it('takes a population reduction of 1 to 100, and refuses 0 and 101', () => {
    expect(read(start({ selection: { budget: 'start', reduction: 1 } }))).toBe('read start');
    expect(read(start({ selection: { budget: 'start', reduction: 100 } }))).toBe('read start');
    expect(read(start({ selection: { budget: 'start', reduction: 0 } }))).toMatch(/^damaged shard file: .*reduction/);
    expect(read(start({ selection: { budget: 'start', reduction: 101 } }))).toMatch(/^damaged shard file: .*reduction/);
  });

  it('takes 1 to 1,024 workers and an exit code of 0 to 4 per base', () => {
    expect(read(start({ workers: 1024 }))).toBe('read start');
    expect(read(start({ workers: 0 }))).toMatch(/^damaged shard file: .*workers/);
    expect(read(start({ workers: 1025 }))).toMatch(/^damaged shard file: .*workers/);
    const base = (code: number) => ({ base: 'skype-2010', fixSets: [], enough: null, code });
    expect(read(start({ fixes: [base(4)] }))).toBe('read start');
    expect(read(start({ fixes: [base(5)] }))).toMatch(/^damaged shard file: .*code/);
    expect(read(start({ fixes: [base(0)] }))).toBe('read start');
    expect(read(start({ fixes: [base(-1)] }))).toMatch(/^damaged shard file: .*code/);
  });

  it('holds at most 10 bases and 100 scripted outages', () => {
    const base = { base: 'skype-2007', fixSets: [], enough: null, code: 0 };
    expect(read(start({ fixes: Array.from({ length: 10 }, () => base) }))).toBe('read start');
    expect(read(start({ fixes: Array.from({ length: 11 }, () => base) }))).toMatch(/^damaged shard file: .*fixes/);
    const outage = {
      scenario: 'outage-2010',
      variant: 'skype-2010',
      scale: 'small',
      startSupernodes: 3,
      minSupernodes: 1,
      endSupernodes: 2,
      endOnline: 4,
      wantOnline: 7,
      lateOnlineShare: 0.5,
      crashes: 2,
      overloadShutdowns: 1,
      recoveredAfter: null,
      peakRequestsPerClient: 1.5,
    };
    expect(read(start({ scenarios: Array.from({ length: 100 }, () => outage) }))).toBe('read start');
    expect(read(start({ scenarios: Array.from({ length: 101 }, () => outage) }))).toMatch(/^damaged shard file: .*scenarios/);
  });

  it('carries a counterexample file of up to 4 MiB of text, and refuses one character more', () => {
    const path = 'counterexamples/crash-cascade-2010/no-client-crash--skype-2010.json';
    expect(read(start({}, { path, text: 'x'.repeat(4 * 2 ** 20) }))).toBe('read start');
    expect(read(start({}, { path, text: 'x'.repeat(4 * 2 ** 20 + 1) }))).toMatch(/^damaged shard file: .*text/);
  });
});
