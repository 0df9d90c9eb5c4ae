/**
 * The command line only parses and prints: files under src/cli/ import the runner's API (and the
 * io helpers for output targets), never the engines, the model, the properties or the suites
 * directly, and no file there holds suite-running logic (no engine call, no counterexample saved).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = 'src/cli';
const files = readdirSync(CLI).filter((f) => /\.(ts|mjs)$/.test(f));
const ALLOWED = [
  /^node:/,
  /^cli-progress$/,
  /^tsx\/esm\/api$/,
  /^\.\/[\w]+\.(ts|mjs)$/,
  /^\.\.\/runner\/index\.ts$/,
  /^\.\.\/io\/[\w]+\.ts$/,
  /^\.\.\/cli\.ts$/,
];

function imports(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)].map((m) => (m[1] ?? m[2])!);
}

describe('src/cli/ parses and prints', () => {
  it('has files to check', () => expect(files.length).toBeGreaterThan(8));
  for (const file of files) {
    it(`${file} imports only the runner's API, io helpers and its own files`, () => {
      const text = readFileSync(join(CLI, file), 'utf8');
      const bad = imports(text).filter((spec) => !ALLOWED.some((re) => re.test(spec)));
      expect(bad).toEqual([]);
      // No engine entry points, replays, simulations, configs or file writing: those live in src/runner/.
      expect(text).not.toMatch(
        /\b(searchRandom|searchExhaustive|saveCounterexample|buildCounterexample|checkRun|replay|simulate|narrate|toItf|writeAtomically|applyOverrides|summarizeScenario|checkPair|explorePair)\s*\(/,
      );
    });
  }
});

/**
 * The report and the trace tools read what the model did, never re-derive it: no host-cache indexing,
 * retry, restart or sync timing outside src/model/ (they read recorded effects and plain state).
 */
describe('src/report/ and src/trace/ re-implement no model rule', () => {
  const dirs = ['src/report', 'src/trace'];
  const sources = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(d, f)),
  );
  it('has files to check', () => expect(sources.length).toBeGreaterThan(20));
  for (const file of sources) {
    it(`${file} has no host-cache, retry, restart or sync arithmetic`, () => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/\.cache\s*\[|\.retries\b|\bsyncInterval\b|\brestartAt\b|\bnextSync\b|\bnextAttempt\b|\bauthSentAt\b|\bfetchSentAt\b/);
    });
  }
});
