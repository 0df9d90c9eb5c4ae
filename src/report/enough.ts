/**
 * Which fix sets are enough across suites: a set that every suite's analysis on a base found holding,
 * none of whose proper subsets did. The answer to "which fixes does the design need?" for the whole
 * protocol, read from the per-suite analyses (never re-derived).
 */
import type { FixSetRecord } from './results.ts';

/** The minimal sets of fixes that hold every property of every given analysis (one base). */
export function enoughForAll(records: readonly FixSetRecord[]): string[][] {
  if (records.length === 0) return [];
  const key = (fixes: readonly string[]) => fixes.join('+');
  const holding = records[0]!.sets
    .filter((s) => records.every((r) => r.sets.find((x) => key(x.fixes) === key(s.fixes))?.outcome === 'holds'))
    .map((s) => s.fixes);
  return holding.filter((s) => !holding.some((t) => t !== s && t.length < s.length && t.every((f) => s.includes(f))));
}

/** A set of fixes in words: `{a, b}`, or `{no fix}`. */
export function showSet(fixes: readonly string[]): string {
  return fixes.length === 0 ? '{no fix}' : `{${fixes.join(', ')}}`;
}
