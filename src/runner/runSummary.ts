/**
 * The last JSON object of every `--json` run: what was run, how the verdicts met the suites'
 * expectations, and the exit code with its meaning, so that a CI script reads one line instead of
 * summing the rest. Every JSON line carries `schemaVersion`.
 */
import { RESULTS_SCHEMA_VERSION, type ExplorePairResult, type PairResult } from '../results/results.ts';
import { exhaustiveStrength, trivialRuns, weakHolds } from '../report/strength.ts';
import { EXIT } from './runPairs.ts';

// How strong a verdict is (sizes, the constants, the words), for the commands that print one.
export {
  FEW_ADVERSARY_STATES,
  MEASURABLE_MS,
  MEASURABLE_STATES,
  SMALL_SEARCH_STATES,
  measurable,
  searchSize,
  sizeInWords,
  statesInWords,
  trivialRuns,
  weakHolds,
  type SearchSize,
} from '../report/strength.ts';

export interface RunSummary {
  kind: 'summary';
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  /** Pairs run, per engine. */
  pairs: { random: number; exhaustive: number };
  /** Pairs with an expected verdict, and how many met it. */
  expectations: { stated: number; met: number; unmet: number };
  /** Verdicts by kind (violated, holds, holds-within-horizon, vacuous, bound-reached). */
  verdicts: Record<string, number>;
  /** Holds that are not large (strength.ts): exhaustive ones under the stated size, and trivial ones of either engine (the adversary had no choice). */
  weakHolds: { trivial: number; small: number };
  /** Pairs with no expectation that were violated (exit code 4 when nothing else is wrong). */
  violatedWithoutExpectation: number;
  /** Counterexample files written or kept, in run order. */
  counterexamples: string[];
  exitCode: number;
  /** The exit code in words. */
  meaning: string;
}

/** The meaning of each exit code, as every command documents it. */
export const EXIT_MEANINGS: Record<number, string> = {
  [EXIT.met]: 'every expectation met, and no pair without one was violated',
  [EXIT.unmet]: 'an expectation was not met',
  [EXIT.usage]: 'bad input',
  [EXIT.internal]: 'internal error',
  [EXIT.violated]: 'every expectation met, but a pair without an expectation was violated',
};

export function runSummary(random: readonly PairResult[], exhaustive: readonly ExplorePairResult[], exitCode: number): RunSummary {
  const all = [...random, ...exhaustive];
  const stated = all.filter((r) => r.expected !== null);
  const verdicts: Record<string, number> = {};
  for (const r of all) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  return {
    kind: 'summary',
    schemaVersion: RESULTS_SCHEMA_VERSION,
    pairs: { random: random.length, exhaustive: exhaustive.length },
    expectations: { stated: stated.length, met: stated.filter((r) => r.met).length, unmet: stated.filter((r) => !r.met).length },
    verdicts,
    weakHolds: { trivial: all.filter((r) => weakHolds(r) === 'trivial').length, small: all.filter((r) => weakHolds(r) === 'small').length },
    violatedWithoutExpectation: all.filter((r) => r.expected === null && r.verdict === 'violated').length,
    counterexamples: all.flatMap((r) => (r.counterexample === null ? [] : [r.counterexample])),
    exitCode,
    meaning: EXIT_MEANINGS[exitCode] ?? 'unknown',
  };
}

/** A `--json` line: its kind, the schema version, then the object's own fields. */
export function jsonLine(
  kind: 'random' | 'exhaustive' | 'scenario' | 'fidelity' | 'shrink-ratio' | 'fix-sets' | 'enough' | 'report' | 'manifest-drift',
  fields: object,
): string {
  return JSON.stringify({ kind, schemaVersion: RESULTS_SCHEMA_VERSION, ...fields });
}

/**
 * The `--json` line of an exhaustive result: the row, and its `strength` derived by strength.ts
 * (`size`: trivial, small or large; `measured`: whether its per-state figures mean anything).
 */
export function exhaustiveJsonLine(r: ExplorePairResult): string {
  return jsonLine('exhaustive', { ...r, strength: exhaustiveStrength(r) });
}

/** The `--json` line of a random-engine result: the row, and `strength.trivial` (its runs gave the adversary no event). */
export function randomJsonLine(r: PairResult): string {
  return jsonLine('random', { ...r, strength: { trivial: trivialRuns(r) } });
}
