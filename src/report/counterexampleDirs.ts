/**
 * Which counterexample directories a report explains: the one asked for (`report --dir D`, by default
 * `counterexamples`), then every directory the results name (a `check --dir D` run stores its
 * counterexamples as `D/<suite>/<file>.json` and its results say so), each file once however many of
 * them lead to it.
 */
import { basename, dirname } from 'node:path';
import type { Suite } from '../../properties/index.ts';
import { realPath } from '../io/realPath.ts';
import { Refusal } from '../io/refusal.ts';
import { targetKind } from '../io/writeAtomically.ts';
import { counterexampleFiles, loadCounterexamples, type CounterexampleSet } from './counterexamples.ts';
import type { Results } from './results.ts';

/** The directories the results' counterexamples were stored in, in the order the results name them. */
export function namedDirectories(results: Results): string[] {
  const dirs: string[] = [];
  for (const row of [...results.random, ...results.exhaustive]) {
    if (row.counterexample === null) continue;
    const suiteDir = dirname(row.counterexample);
    // Stored as D/<suite>/<file>.json; a path of another shape names no directory of counterexamples.
    if (basename(suiteDir) !== row.suite) continue;
    const dir = dirname(suiteDir);
    if (!dirs.includes(dir)) dirs.push(dir);
  }
  return dirs;
}

/**
 * The counterexamples a report explains: `first`'s (already loaded as `loaded`, when the caller checked
 * the directory), then those of every directory the results name that is not the same directory. A
 * named directory that is gone is said as a problem, as a file that does not load is.
 */
export function reportCounterexamples(results: Results, first: string, suites: readonly Suite[], loaded?: CounterexampleSet): CounterexampleSet {
  const seen = new Set<string>([realPath(first)]);
  const sets = [loaded ?? loadCounterexamples(first, suites)];
  for (const dir of namedDirectories(results)) {
    const real = realPath(dir);
    if (seen.has(real)) continue;
    seen.add(real);
    if (targetKind(dir) === 'absent') sets.push({ loaded: [], problems: [`${dir}: the results name counterexamples stored here, and it does not exist`] });
    else sets.push(loadCounterexamples(dir, suites));
  }
  // One directory inside another leads to its files twice: each is explained once, under its first path.
  const files = new Set<string>();
  const out: CounterexampleSet = { loaded: [], problems: [] };
  for (const set of sets) {
    for (const c of set.loaded) {
      const real = realPath(c.path);
      if (files.has(real)) continue;
      files.add(real);
      out.loaded.push(c);
    }
    for (const p of set.problems) if (!out.problems.includes(p)) out.problems.push(p);
  }
  return out;
}

/**
 * `report --dir D`: D loaded, or refused in one line when it does not exist, is not a directory, or
 * holds no counterexample file that loads and replays (with the first file's problem, which names
 * the `--suite` a user's counterexample needs).
 */
export function checkedDirectory(dir: string, suites: readonly Suite[]): CounterexampleSet {
  const kind = targetKind(dir);
  if (kind === 'absent') throw new Refusal(`--dir ${dir}: no such directory`);
  const set = loadCounterexamples(dir, suites);
  if (set.loaded.length > 0) return set;
  const files = counterexampleFiles(dir).length;
  if (files === 0) throw new Refusal(`--dir ${dir}: holds no counterexample files (no .json file under it)`);
  throw new Refusal(`--dir ${dir}: none of its ${files} .json ${files === 1 ? 'file is a counterexample' : 'files is a counterexample'} cascade can read; the first: ${set.problems[0]}`);
}
