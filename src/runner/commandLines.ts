/**
 * The exact command lines that replay or reproduce a result, as a user of the installed package
 * types them (`npx cascade ...`): every failure prints one.
 */
import { dirname, relative, sep } from 'node:path';
import type { Suite } from '../../properties/index.ts';
import { describeOverrides, type Overrides } from './overrides.ts';
import type { Pair } from './select.ts';
import type { ExplorePairResult } from '../results/results.ts';
import { replayCommand, shellWord } from '../trace/commandLine.ts';

export { shellWord } from '../trace/commandLine.ts';

/** The suite flag that names a pair's suite: its id, or its file for a user suite. */
function suiteFlag(suite: Suite): string {
  return `--suite ${shellWord(suite.file ?? suite.id)}`;
}

export function replayCommandLine(file: string, suite: Suite): string {
  return replayCommand(file, suite.file);
}

export function checkCommandLine(pair: Pair, overrides: Overrides, run: { seed: number; runs: number }): string {
  const set = Object.keys(overrides).length === 0 ? '' : ` ${describeOverrides(overrides)}`;
  return `npx cascade check ${suiteFlag(pair.suite)} --property ${pair.property} --variant ${shellWord(pair.variant)} --seed ${run.seed} --runs ${run.runs}${set}`;
}

/** The explore command that repeats a search, from its result (suite id or file, pair, bound). */
export function exploreCommandLine(
  r: Pick<ExplorePairResult, 'suite' | 'suiteFile' | 'property' | 'variant' | 'bound' | 'full'>,
  overrides: Overrides = {},
): string {
  const set = Object.keys(overrides).length === 0 ? '' : ` ${describeOverrides(overrides)}`;
  return `npx cascade explore --suite ${shellWord(r.suiteFile ?? r.suite)} --property ${r.property} --variant ${shellWord(r.variant)}${r.full ? ' --budget full' : ''} --horizon ${r.bound.horizon} --max-states ${r.bound.maxStates} --max-memory ${r.bound.maxMemoryMB}${set}`;
}

/** A user suite's file as a counterexample records it: relative to the counterexample's directory, with '/'. */
export function suiteFileFrom(suite: Suite, counterexample: string): string | undefined {
  if (suite.file === undefined) return undefined;
  return relative(dirname(counterexample), suite.file).split(sep).join('/');
}
