/**
 * Which fix sets are enough across suites, as the results say it: per base the sets verified at a
 * deeper bound, or else those the analyses found (runner/enoughForAll.ts), with the depth they were
 * shown at, and the words that name sets and depths.
 */
import type { EnoughForAll, EnoughRecord } from '../results/enoughRecord.ts';
import type { FixSetRecord } from '../results/results.ts';

/** The sets named enough for every suite on one base, and the records whose depth they were shown at. */
export interface EnoughOnBase {
  base: string;
  sets: string[][];
  /** The analyses' records, or the verification's suites: what `depthWords` reads. */
  depth: Pick<FixSetRecord, 'suite' | 'budget' | 'depth'>[];
  /** The verification at a deeper bound these sets come from (null: read from the analyses). */
  verified: EnoughRecord | null;
}

/**
 * Per base (in the order of the analyses), the sets enough for every suite: those verified at a
 * deeper bound where the results have them (`npm start`: each suite's start bound), else those the
 * analyses found (`forAll`), each with the depth it was shown at.
 */
export function enoughPerBase(fixSets: readonly FixSetRecord[], enough: readonly EnoughRecord[], forAll: readonly EnoughForAll[]): EnoughOnBase[] {
  const bases = [...new Set([...fixSets.map((r) => r.base), ...enough.map((e) => e.base)])];
  return bases.map((base) => {
    const verified = enough.find((e) => e.base === base) ?? null;
    if (verified) return { base, sets: verified.minimal, depth: verified.suites, verified };
    const records = fixSets.filter((r) => r.base === base);
    return { base, sets: forAll.find((e) => e.base === base)?.sets ?? [], depth: records, verified: null };
  });
}

/**
 * How deep the analyses behind a claim went, in words, from their `depth` numbers: "exhaustive
 * within 40 ticks (directory: 30) at each suite's start scope and random at 5,000 runs". The value
 * most suites share comes first; the suites that differ are named with theirs.
 */
export function depthWords(records: readonly Pick<FixSetRecord, 'suite' | 'budget' | 'depth'>[]): string {
  const range = (x: { least: number; most: number }) =>
    x.least === x.most ? x.most.toLocaleString('en-US') : `${x.least.toLocaleString('en-US')} to ${x.most.toLocaleString('en-US')}`;
  const ticks = common(records, (r) => range(r.depth.horizon), 'ticks');
  const runs = common(records, (r) => r.depth.runs.toLocaleString('en-US'), 'runs');
  const budgets = [...new Set(records.map((r) => r.budget))].join(' or ');
  const scope = new Set(records.map((r) => r.suite)).size === 1 ? `the suite's ${budgets} scope` : `each suite's ${budgets} scope`;
  return `exhaustive within ${ticks} at ${scope} and random at ${runs}`;
}

/** The value most records give (ties: the first met) with its unit, then the suites whose value differs, each with its own. */
function common<R extends Pick<FixSetRecord, 'suite'>>(records: readonly R[], value: (r: R) => string, unit: string): string {
  const bySuite = new Map<string, string>();
  for (const r of records) if (!bySuite.has(r.suite)) bySuite.set(r.suite, value(r));
  const counts = new Map<string, number>();
  for (const v of bySuite.values()) counts.set(v, (counts.get(v) ?? 0) + 1);
  const most = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const others = [...bySuite.entries()].filter(([, v]) => v !== most).map(([suite, v]) => `${suite}: ${v}`);
  return others.length === 0 ? `${most} ${unit}` : `${most} ${unit} (${others.join(', ')})`;
}

/** A set of fixes in words: `{a, b}`, or `{no fix}`. */
export function showSet(fixes: readonly string[]): string {
  return fixes.length === 0 ? '{no fix}' : `{${fixes.join(', ')}}`;
}

/** Sets joined with "or", the first `shown` only (and how many more), each through `wrap`. */
export function showSets(sets: readonly (readonly string[])[], shown = 4, wrap = (text: string) => text): string {
  const listed = sets
    .slice(0, shown)
    .map((s) => wrap(showSet(s)))
    .join(' or ');
  return sets.length > shown ? `${listed} (${sets.length - shown} more)` : listed;
}
