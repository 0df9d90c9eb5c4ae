/**
 * The matrix of variants by (suite, property) with both engines' verdicts, ordered bases, single
 * fixes, then `fixed`, so the summary and the matrix section read the same data.
 */
import type { ExplorePairResult, PairResult, Results, SuiteRecord } from '../results/results.ts';
import { FIXES, parseVariant } from '../model/variant.ts';

export interface Column {
  suite: string;
  property: string;
}

export interface Entry {
  random?: PairResult;
  exhaustive?: ExplorePairResult;
}

/** Both engines in one word: violated if either found a violation. */
export type Combined = 'holds' | 'violated' | 'vacuous' | 'bound-reached' | 'not checked';

export interface Matrix {
  columns: Column[];
  variants: string[];
  entry(variant: string, column: Column): Entry;
  verdict(variant: string, column: Column): Combined;
  /** The record of a suite the results name, in `check` order (results.suites). */
  suite(id: string): SuiteRecord | undefined;
}

export function buildMatrix(results: Results): Matrix {
  const key = (suite: string, property: string, variant: string) => `${suite}\u0000${property}\u0000${variant}`;
  const entries = new Map<string, Entry>();
  const at = (suite: string, property: string, variant: string): Entry => {
    const k = key(suite, property, variant);
    if (!entries.has(k)) entries.set(k, {});
    return entries.get(k)!;
  };
  for (const r of results.random) at(r.suite, r.property, r.variant).random = r;
  for (const e of results.exhaustive) at(e.suite, e.property, e.variant).exhaustive = e;
  const pairs = [...results.random, ...results.exhaustive];
  const columns: Column[] = [];
  for (const p of pairs) if (!columns.some((c) => c.suite === p.suite && c.property === p.property)) columns.push({ suite: p.suite, property: p.property });
  columns.sort((a, b) => columnRank(results.suites, a) - columnRank(results.suites, b));
  const variants = [...new Set(pairs.map((p) => p.variant))].sort((a, b) => variantRank(a) - variantRank(b) || a.localeCompare(b));
  const entry = (variant: string, c: Column) => entries.get(key(c.suite, c.property, variant)) ?? {};
  return {
    columns,
    variants,
    entry,
    verdict: (variant, c) => combine(entry(variant, c)),
    suite: (id) => results.suites.find((s) => s.id === id),
  };
}

function combine({ random, exhaustive }: Entry): Combined {
  if (random?.verdict === 'violated' || exhaustive?.verdict === 'violated') return 'violated';
  if (random) return random.verdict;
  if (exhaustive)
    return exhaustive.verdict === 'holds' || exhaustive.verdict === 'holds-within-horizon'
      ? 'holds'
      : exhaustive.verdict === 'vacuous'
        ? 'vacuous'
        : 'bound-reached';
  return 'not checked';
}

/** Suites in the order `check` runs them (the order of `suites`), properties in each suite's order; unknown ones last. */
function columnRank(suites: readonly SuiteRecord[], c: Column): number {
  const s = suites.findIndex((x) => x.id === c.suite);
  if (s < 0) return 1e6;
  const p = suites[s]!.properties.indexOf(c.property);
  return s * 100 + (p < 0 ? 99 : p);
}

/** Bases first, then each fix alone (2010 base before 2007), then combinations, then `fixed`. */
export function variantRank(name: string): number {
  const parsed = parseVariant(name);
  if (!parsed.ok) return 1e6;
  const { fixes, base } = parsed.value;
  const baseRank = base === 'skype-2010' ? 0 : 1;
  if (fixes.length === FIXES.length) return 9000 + baseRank;
  if (fixes.length === 0) return baseRank;
  if (fixes.length === 1) return 10 * (1 + FIXES.indexOf(fixes[0]!)) + baseRank;
  return 1000 + 10 * fixes.length + baseRank;
}

/** What a variant adds to its base, in words: `robust-client`, `all fixes`, or `no fix`. */
export function fixName(variant: string): string {
  const parsed = parseVariant(variant);
  if (!parsed.ok) return variant;
  if (parsed.value.fixes.length === FIXES.length) return 'all fixes';
  return parsed.value.fixes.length === 0 ? 'no fix' : parsed.value.fixes.join('+');
}

type Named = { suite: string; property: string; variant: string };

/** Pairs in report order: suite, then property (both as `check` runs them: the order of `suites`), then variant. */
export function pairOrder(suites: readonly SuiteRecord[]): (a: Named, b: Named) => number {
  return (a, b) => columnRank(suites, a) - columnRank(suites, b) || variantRank(a.variant) - variantRank(b.variant);
}
