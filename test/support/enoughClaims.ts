/**
 * The sets a report's first page (and `npm start`'s finding) calls enough, read from the results:
 * per base the sets enough for every suite, each with every suite (at the bound they were verified
 * at); per analysis its own minimal sets, with that suite, at the analysis's bound. `npm run test:deep` searches each again with `cascade explore` at the
 * bound the analysis states.
 */
import { enoughPerBase } from '../../src/report/enough.ts';
import type { FixSetRecord, Results } from '../../src/results/results.ts';

/** One suite on one set that the first page says holds every property of the suite. */
export interface EnoughClaim {
  suite: string;
  base: string;
  fixes: string[];
  /** The set's variant name, as the analysis (or the verification) named it. */
  variant: string;
  /** The analysis's budget and depth: the bound `explore` is asked to search. */
  budget: FixSetRecord['budget'];
  depth: FixSetRecord['depth'];
  /** Why it is claimed: enough for every suite on the base, or for this suite. */
  as: 'every suite' | 'the suite';
}

/**
 * Every claim, each (suite, variant, budget) once: the sets enough for every suite first (verified at
 * a deeper bound where the results have them, each suite at that bound), then each suite's own
 * minimal sets at its analysis's bound, in the order of the results.
 */
export function enoughClaims(results: Pick<Results, 'fixSets' | 'enough' | 'enoughForAll'>): EnoughClaim[] {
  const claims = new Map<string, EnoughClaim>();
  const put = (c: EnoughClaim) => {
    const key = `${c.suite}|${c.variant}|${c.budget}`;
    if (!claims.has(key) || c.as === 'every suite') claims.set(key, c);
  };
  const add = (r: FixSetRecord, fixes: readonly string[], as: EnoughClaim['as']) => {
    const set = r.sets.find((s) => s.fixes.join('+') === fixes.join('+'));
    if (!set) throw new Error(`${r.suite} on ${r.base}: the set {${fixes.join(', ')}} is not among its sets`);
    put({ suite: r.suite, base: r.base, fixes: [...fixes], variant: set.variant, budget: r.budget, depth: r.depth, as });
  };
  for (const r of results.fixSets) for (const m of r.minimal) add(r, m, 'the suite');
  for (const b of enoughPerBase(results.fixSets, results.enough ?? [], results.enoughForAll)) {
    for (const m of b.sets) {
      if (b.verified === null) {
        for (const r of results.fixSets.filter((x) => x.base === b.base)) add(r, m, 'every suite');
        continue;
      }
      const set = b.verified.verified.find((v) => v.fixes.join('+') === m.join('+'));
      if (!set || set.outcome !== 'holds') throw new Error(`${b.base}: the set {${m.join(', ')}} is named enough but was not verified holding`);
      for (const s of b.verified.suites)
        put({ suite: s.suite, base: b.base, fixes: [...m], variant: set.variant, budget: s.budget, depth: s.depth, as: 'every suite' });
    }
  }
  // The sets enough for every suite first: the finding's own claim.
  return [...claims.values()].sort((a, b) => (a.as === b.as ? 0 : a.as === 'every suite' ? -1 : 1));
}
