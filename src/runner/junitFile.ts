/**
 * `--junit FILE`: the verdicts as a JUnit XML report for CI. The target is checked before anything
 * runs: a file name outside the counterexamples, and an existing file is replaced only when it is a
 * JUnit report itself (a CI job rewrites its report on every run; any other file is kept).
 */
import { existsSync } from 'node:fs';
import { checkExportTarget } from '../io/exportTarget.ts';
import { Refusal } from '../io/refusal.ts';
import { writeAtomically } from '../io/writeAtomically.ts';
import { junitXml } from '../report/junit.ts';
import type { ExplorePairResult, PairResult } from '../results/results.ts';
import { readText } from '../io/readJson.ts';

/**
 * Refuses a target that is not a file name, is a counterexample, is inside the counterexamples or the
 * run's own `--dir` (`dir`: the run would store a counterexample there, and the report would replace
 * it), or is another kind of existing file.
 */
export function checkJunitTarget(path: string, dir = 'counterexamples'): void {
  checkExportTarget(path, { flag: '--junit', update: true, inputs: [], counterexamplesDirs: [...new Set(['counterexamples', dir])] });
  if (!existsSync(path)) return;
  const text = readText(path);
  if (!text.ok || !/^(<\?xml[^>]*>\s*)?<testsuites[\s>]/.test(text.value.slice(0, 4096).trimStart())) {
    throw new Refusal(`--junit ${path}: exists and is not a JUnit report; choose another name or remove it`);
  }
}

/** Writes the report atomically. */
export function writeJunit(path: string, random: readonly PairResult[], exhaustive: readonly ExplorePairResult[]): void {
  writeAtomically(path, junitXml({ random, exhaustive }));
}
