/**
 * Which fix sets are enough across suites: a set that every suite's analysis on a base found holding,
 * none of whose proper subsets did. The answer to "which fixes does the design need?" for the whole
 * protocol, read from the per-suite analyses (never re-derived); the results keep it per base.
 */
import type { EnoughForAll } from '../results/enoughRecord.ts';
import type { FixSetRecord } from '../results/results.ts';
import { minimalOf } from './fixSets.ts';

/**
 * The minimal sets of fixes that hold every property of every given analysis (one base). Exact when
 * the analyses were made together (`acrossSuites`, as `npm start` does); analyses made one suite at
 * a time skip supersets of a set enough for their own suite, so a set enough for all may be missed
 * there (never a set named that is not enough).
 */
export function enoughForAll(records: readonly FixSetRecord[]): string[][] {
  if (records.length === 0) return [];
  const key = (fixes: readonly string[]) => fixes.join('+');
  return minimalOf(
    records[0]!.sets.filter((s) => records.every((r) => r.sets.find((x) => key(x.fixes) === key(s.fixes))?.outcome === 'holds')).map((s) => s.fixes),
  );
}

/** Per base, in the order the analyses name them, the sets enough for every suite they hold. */
export function enoughForAllBases(records: readonly FixSetRecord[]): EnoughForAll[] {
  return [...new Set(records.map((r) => r.base))].map((base) => ({ base, sets: enoughForAll(records.filter((r) => r.base === base)) }));
}
