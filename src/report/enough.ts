/**
 * Which fix sets are enough across suites: a set that every suite's analysis on a base found holding,
 * none of whose proper subsets did. The answer to "which fixes does the design need?" for the whole
 * protocol, read from the per-suite analyses (never re-derived).
 */
import { minimalOf } from '../runner/fixSets.ts';
import type { FixSetRecord } from './results.ts';

/** The minimal sets of fixes that hold every property of every given analysis (one base). */
export function enoughForAll(records: readonly FixSetRecord[]): string[][] {
  if (records.length === 0) return [];
  const key = (fixes: readonly string[]) => fixes.join('+');
  return minimalOf(records[0]!.sets.filter((s) => records.every((r) => r.sets.find((x) => key(x.fixes) === key(s.fixes))?.outcome === 'holds')).map((s) => s.fixes));
}

/** A set of fixes in words: `{a, b}`, or `{no fix}`. */
export function showSet(fixes: readonly string[]): string {
  return fixes.length === 0 ? '{no fix}' : `{${fixes.join(', ')}}`;
}

/** Sets joined with "or", the first `shown` only (and how many more), each through `wrap`. */
export function showSets(sets: readonly (readonly string[])[], shown = 4, wrap = (text: string) => text): string {
  const listed = sets.slice(0, shown).map((s) => wrap(showSet(s))).join(' or ');
  return sets.length > shown ? `${listed} (${sets.length - shown} more)` : listed;
}
