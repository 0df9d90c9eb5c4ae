/**
 * The counterexamples a report explains, prepared for it: each file loaded (with the properties of
 * the suite files the user named) and replayed on its own variant for the heal ticks it needed, then
 * told as a numbered narrative, walked for the sequence diagram, and replayed along the same events on
 * the variant its suite expects to hold, for the metrics chart. The report formats the result
 * (report/counterexamples.ts) and runs nothing.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { expectation, propertiesOf, SUITES, type Suite } from '../../properties/index.ts';
import { replay, type ReplayResult } from '../search/replay.ts';
import { init, lookup, metrics, type Event, type Model } from '../model/index.ts';
import type { CounterexampleSet, ExplainedCounterexample, MetricsWalk } from '../report/counterexamples.ts';
import { loadCounterexample } from '../trace/load.ts';
import { narrate } from '../trace/narrative.ts';
import type { CounterexampleFile } from '../trace/schema.ts';
import { trace } from '../trace/trace.ts';
import { sequenceTrace } from './sequenceTrace.ts';

/** A counterexample file loaded and replayed on its own variant, with the suite it names (if this run knows it). */
export interface ReplayedCounterexample {
  /** Path as found under the directory, e.g. `counterexamples/feedback-loop/recovers--skype-2010.json`. */
  path: string;
  file: CounterexampleFile;
  replay: ReplayResult;
  /** Heal ticks the replay ran before the violation showed (or the whole heal phase). */
  healTicks: number;
  suite: Suite | undefined;
}

export interface ReplayedSet {
  replayed: ReplayedCounterexample[];
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

/** The counterexample files at `paths`, each loaded and replayed on its own variant, or said as a problem; `userSuites`: suites from suite files the user named. */
export function replayCounterexampleFiles(paths: readonly string[], userSuites: readonly Suite[] = []): ReplayedSet {
  const replayed: ReplayedCounterexample[] = [];
  const problems: string[] = [];
  const suites = [...SUITES, ...userSuites];
  const properties = propertiesOf(userSuites);
  for (const path of paths) {
    const file = loadCounterexample(path, properties);
    if (!file.ok) {
      problems.push(file.error);
      continue;
    }
    const own = replay(file.value, file.value.variant, properties);
    if (!own.ok) {
      problems.push(`${path}: ${own.error}`);
      continue;
    }
    replayed.push({ path, file: file.value, replay: own.value, healTicks: own.value.outcome.healTicks, suite: suites.find((s) => s.id === file.value.suite) });
  }
  return { replayed, problems };
}

/** Every counterexample under `dir` (counterexampleFiles), loaded and replayed. */
export function replayCounterexamples(dir: string, userSuites: readonly Suite[] = []): ReplayedSet {
  return replayCounterexampleFiles(counterexampleFiles(dir), userSuites);
}

/** What the report says of a replayed counterexample; `userSuites` as it was replayed with. */
export function explainCounterexample(c: ReplayedCounterexample, userSuites: readonly Suite[] = []): ExplainedCounterexample {
  const { file, replay: r, suite, healTicks } = c;
  const violation = r.outcome.violation === null ? null : { step: r.outcome.violation.step, message: r.outcome.violation.message };
  const narrative = narrate(r.model, file.events, healTicks);
  const comparison = suite ? comparisonVariant(suite, file.property) : null;
  let compared: MetricsWalk | null = null;
  if (comparison !== null) {
    // The user's properties too: a property of their own is judged on the other variant as on its own.
    const other = replay(file, comparison, propertiesOf(userSuites));
    if (other.ok) compared = walk(other.value.model, file.events, healTicks, other.value.outcome.violation?.step ?? null);
  }
  const own = lookup(suite?.ownProperties ?? {}, file.property)?.summary;
  return {
    path: c.path,
    file,
    violation,
    reproduces: r.reproduces,
    healTicks,
    ...(suite?.file === undefined ? {} : { suiteFile: suite.file }),
    ...(own === undefined ? {} : { ownPropertySummary: own }),
    comparison,
    narrative: narrative.map((s) => ({ index: s.index, text: s.text, metrics: s.metrics })),
    diagram: sequenceTrace(r.model, file.events, healTicks, violation),
    own: {
      initial: metrics(init(r.model)),
      steps: narrative.map((s) => ({ index: s.index, event: s.event, applied: s.applied, metrics: s.metrics })),
      violationStep: violation?.step ?? null,
    },
    compared,
  };
}

/** Loaded, replayed and explained, the problems kept. */
export function explainCounterexampleFiles(paths: readonly string[], userSuites: readonly Suite[] = []): CounterexampleSet {
  const set = replayCounterexampleFiles(paths, userSuites);
  return { loaded: set.replayed.map((c) => explainCounterexample(c, userSuites)), problems: set.problems };
}

/** Every counterexample under `dir`, explained (the report of that directory alone). */
export function explainCounterexamples(dir: string, userSuites: readonly Suite[] = []): CounterexampleSet {
  return explainCounterexampleFiles(counterexampleFiles(dir), userSuites);
}

/** The variant to draw next to a counterexample: `fixed` if the suite expects it to hold, else the first that does. */
export function comparisonVariant(suite: Suite, property: string): string | null {
  const holding = Object.keys(suite.variants).filter((v) => expectation(suite, property, v) === 'holds');
  return holding.includes('fixed') ? 'fixed' : (holding[0] ?? null);
}

/** The metrics after each step of `events` plus `healTicks` ticks on `model`. */
function walk(model: Model, events: readonly Event[], healTicks: number, violationStep: number | null): MetricsWalk {
  const steps: MetricsWalk['steps'] = [];
  for (const s of trace(model, events, healTicks)) steps.push({ index: s.index, event: s.event, applied: s.applied, metrics: metrics(s.state) });
  return { initial: metrics(init(model)), steps, violationStep };
}
