/**
 * Which counterexample directories a report explains: the one asked for (`report --dir D`, by default
 * `counterexamples`), then every directory the results name (a `check --dir D` run stores its
 * counterexamples as `D/<suite>/<file>.json` and its results say so), each file once however many of
 * them lead to it, explained for the report (explainCounterexamples.ts).
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Suite } from '../../properties/index.ts';
import { realPath } from '../io/realPath.ts';
import { Refusal } from '../io/refusal.ts';
import { targetKind } from '../io/writeAtomically.ts';
import type { CounterexampleSet } from '../report/counterexamples.ts';
import type { Results } from '../results/results.ts';
import { counterexampleFiles, explainCounterexample, replayCounterexampleFiles, replayCounterexamples, type ReplayedSet } from './explainCounterexamples.ts';

/** The directories the results' counterexamples were stored in, in the order the results name them, with the suites stored there. */
export function namedDirectories(results: Results): { dir: string; suites: string[] }[] {
  const dirs: { dir: string; suites: string[] }[] = [];
  for (const row of [...results.random, ...results.exhaustive]) {
    if (row.counterexample === null) continue;
    const suiteDir = dirname(row.counterexample);
    // Stored as D/<suite>/<file>.json; a path of another shape names no directory of counterexamples.
    if (basename(suiteDir) !== row.suite) continue;
    const dir = dirname(suiteDir);
    const named = dirs.find((d) => d.dir === dir) ?? (dirs.push({ dir, suites: [] }), dirs[dirs.length - 1]!);
    if (!named.suites.includes(row.suite)) named.suites.push(row.suite);
  }
  return dirs;
}

/**
 * The counterexamples a report explains: `first`'s (already loaded and replayed as `loaded`, when the
 * caller checked the directory), then, in every other directory the results name, the `.json` files
 * of the suites stored there (`D/<suite>/*.json`, not deeper: a results file names where a run stored
 * its files, and never leads the report through a whole tree). A named directory that is gone is
 * said as a problem, as a file that does not load is.
 */
export function reportCounterexamples(results: Results, first: string, suites: readonly Suite[], loaded?: ReplayedSet): CounterexampleSet {
  const seen = new Set<string>([realPath(first)]);
  const sets: ReplayedSet[] = [loaded ?? replayCounterexamples(first, suites)];
  for (const { dir, suites: stored } of namedDirectories(results)) {
    const real = realPath(dir);
    if (seen.has(real)) continue;
    seen.add(real);
    if (targetKind(dir) === 'absent') {
      sets.push({ replayed: [], problems: [`${dir}: the results name counterexamples stored here, and it does not exist`] });
      continue;
    }
    sets.push(
      replayCounterexampleFiles(
        stored.flatMap((suite) => jsonFiles(join(dir, suite))),
        suites,
      ),
    );
  }
  // One directory inside another leads to its files twice: each is explained once, under its first path.
  const files = new Set<string>();
  const out: CounterexampleSet = { loaded: [], problems: [] };
  for (const set of sets) {
    for (const c of set.replayed) {
      const real = realPath(c.path);
      if (files.has(real)) continue;
      files.add(real);
      out.loaded.push(explainCounterexample(c, suites));
    }
    for (const p of set.problems) if (!out.problems.includes(p)) out.problems.push(p);
  }
  return out;
}

/** The `.json` entries directly in `dir`, sorted; none when it cannot be read. */
function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * `report --dir D`: D loaded, or refused in one line when it does not exist, is not a directory, or
 * holds no counterexample file that loads and replays (with the first file's problem, which names
 * the `--suite` a user's counterexample needs).
 */
export function checkedDirectory(dir: string, suites: readonly Suite[]): ReplayedSet {
  const kind = targetKind(dir);
  if (kind === 'absent') throw new Refusal(`--dir ${dir}: no such directory`);
  const set = replayCounterexamples(dir, suites);
  if (set.replayed.length > 0) return set;
  const files = counterexampleFiles(dir).length;
  if (files === 0) throw new Refusal(`--dir ${dir}: holds no counterexample files (no .json file under it)`);
  throw new Refusal(
    `--dir ${dir}: none of its ${files} .json ${files === 1 ? 'file is a counterexample' : 'files is a counterexample'} cascade can read; the first: ${set.problems[0]}`,
  );
}
