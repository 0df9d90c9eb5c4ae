/**
 * Loads every committed counterexample (sorted by path), replays it for the heal ticks it needed and
 * picks the variant to compare it with, so the report explains exactly what is committed.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { expectation, propertiesOf, SUITES, type Suite } from '../../properties/index.ts';
import { replay, type ReplayResult } from '../explore/replay.ts';
import { loadCounterexample } from '../trace/load.ts';
import type { CounterexampleFile } from '../trace/schema.ts';

export interface LoadedCounterexample {
  /** Path as found under the directory, e.g. `counterexamples/feedback-loop/recovers--skype-2010.json`. */
  path: string;
  file: CounterexampleFile;
  /** The replay on the file's own variant. */
  replay: ReplayResult;
  /** Heal ticks the replay ran before the violation showed (or the whole heal phase). */
  healTicks: number;
  suite: Suite | undefined;
  /** The variant drawn next to it on the same events: its suite's first one expected to hold, `fixed` first. */
  comparison: string | null;
}

export interface CounterexampleSet {
  loaded: LoadedCounterexample[];
  /** One line per file that could not be loaded or replayed. */
  problems: string[];
}

/**
 * Every `.json` entry under `dir`, recursively, sorted by path; none when `dir` does not exist.
 * Symbolic links to directories are not followed (no loops); a `.json` entry that is not a readable
 * counterexample (a dangling link, a FIFO) is listed and then reported as a problem by the loader.
 */
export function counterexampleFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...counterexampleFiles(path));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

/** `userSuites`: suites from suite files the user named, whose counterexamples are explained too. */
export function loadCounterexamples(dir: string, userSuites: readonly Suite[] = []): CounterexampleSet {
  return loadCounterexampleFiles(counterexampleFiles(dir), userSuites);
}

/** The counterexample files at `paths`, each loaded and replayed, or said as a problem. */
export function loadCounterexampleFiles(paths: readonly string[], userSuites: readonly Suite[] = []): CounterexampleSet {
  const loaded: LoadedCounterexample[] = [];
  const problems: string[] = [];
  const suites = [...SUITES, ...userSuites];
  const properties = propertiesOf(userSuites);
  for (const path of paths) {
    const file = loadCounterexample(path, properties);
    if (!file.ok) {
      problems.push(file.error);
      continue;
    }
    const replayed = replay(file.value, file.value.variant, properties);
    if (!replayed.ok) {
      problems.push(`${path}: ${replayed.error}`);
      continue;
    }
    const suite = suites.find((s) => s.id === file.value.suite);
    loaded.push({
      path,
      file: file.value,
      replay: replayed.value,
      healTicks: replayed.value.outcome.healTicks,
      suite,
      comparison: suite ? comparisonVariant(suite, file.value.property) : null,
    });
  }
  return { loaded, problems };
}

/** The variant to draw next to a counterexample: `fixed` if the suite expects it to hold, else the first that does. */
export function comparisonVariant(suite: Suite, property: string): string | null {
  const holding = Object.keys(suite.variants).filter((v) => expectation(suite, property, v) === 'holds');
  return holding.includes('fixed') ? 'fixed' : (holding[0] ?? null);
}
