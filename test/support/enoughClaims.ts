/**
 * The sets a report's first page (and `npm start`'s finding) calls enough, read from the results:
 * per base the sets enough for every suite, each with every suite; per analysis its own minimal
 * sets, with that suite. `npm run test:deep` searches each again with `cascade explore` at the
 * bound the analysis states.
 */
import { enoughForAll } from '../../src/report/enough.ts';
import type { FixSetRecord, Results } from '../../src/report/results.ts';

/** One suite on one set that the first page says holds every property of the suite. */
export interface EnoughClaim {
  suite: string;
  base: string;
  fixes: string[];
  /** The set's variant name, as the analysis named it. */
  variant: string;
  /** The analysis's budget and depth: the bound `explore` is asked to search. */
  budget: FixSetRecord['budget'];
  depth: FixSetRecord['depth'];
  /** Why it is claimed: enough for every suite on the base, or for this suite. */
  as: 'every suite' | 'the suite';
}

/** Every claim, each (suite, variant) once (as 'every suite' where both apply): the sets enough for every suite first, then each suite's own, in the order of the results. */
export function enoughClaims(results: Pick<Results, 'fixSets'>): EnoughClaim[] {
  const claims = new Map<string, EnoughClaim>();
  const add = (r: FixSetRecord, fixes: readonly string[], as: EnoughClaim['as']) => {
    const set = r.sets.find((s) => s.fixes.join('+') === fixes.join('+'));
    if (!set) throw new Error(`${r.suite} on ${r.base}: the set {${fixes.join(', ')}} is not among its sets`);
    const key = `${r.suite}|${set.variant}`;
    if (!claims.has(key) || as === 'every suite') claims.set(key, { suite: r.suite, base: r.base, fixes: [...fixes], variant: set.variant, budget: r.budget, depth: r.depth, as });
  };
  for (const r of results.fixSets) for (const m of r.minimal) add(r, m, 'the suite');
  for (const base of new Set(results.fixSets.map((r) => r.base))) {
    const records = results.fixSets.filter((r) => r.base === base);
    for (const m of enoughForAll(records)) for (const r of records) add(r, m, 'every suite');
  }
  // The sets enough for every suite first: the finding's own claim.
  return [...claims.values()].sort((a, b) => (a.as === b.as ? 0 : a.as === 'every suite' ? -1 : 1));
}
