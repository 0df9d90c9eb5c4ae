/**
 * The finding in three lines, for the end of `npm start` and the top of the report: what breaks on
 * the base protocols, which sets of fixes are enough (with the depth they were shown at, so that
 * `explore` at that bound can confirm them), and whether every verdict met its suite's expectation.
 * Every clause is read from the results.
 */
import { BASES } from '../model/variant.ts';
import { depthWords, enoughPerBase, showSets } from './enough.ts';
import type { EnoughForAll, EnoughRecord } from '../results/enoughRecord.ts';
import { plural } from './format.ts';
import type { FixSetRecord, Results } from '../results/results.ts';

export function finding(results: Results): [string, string, string] {
  const suites = [...new Set(results.random.map((r) => r.suite))];
  const onBase = (r: { variant: string }) => (BASES as readonly string[]).includes(r.variant);
  const broken = suites.filter((s) => results.random.some((r) => r.suite === s && onBase(r) && r.verdict === 'violated'));
  const calm = suites.filter((s) => !broken.includes(s));
  const lengths = [...results.random, ...results.exhaustive]
    .filter((r) => onBase(r) && r.verdict === 'violated')
    .map((r) => ('eventsInCounterexample' in r ? r.eventsInCounterexample : r.eventsAfterShrink))
    .filter((n): n is number => n !== null);
  const shortest = lengths.length > 0 ? `; the shortest counterexample takes ${plural(Math.min(...lengths), 'event')}` : '';
  const first = `Finding: on the base protocols ${broken.length === 0 ? 'no suite is violated' : `${broken.length} of ${suites.length} suites are violated (${broken.join(', ')})`}${calm.length > 0 ? `, ${calm.join(', ')} ${calm.length === 1 ? 'holds' : 'hold'}` : ''}${shortest}.`;

  const second = enoughLine(results.fixSets, results.enough ?? [], results.enoughForAll);

  const all = [...results.random, ...results.exhaustive].filter((r) => r.expected !== null);
  const unmet = all.filter((r) => !r.met).length + results.fixSets.reduce((n, f) => n + f.unmet.length, 0);
  const third =
    unmet === 0
      ? `All ${all.length} expectations met.`
      : `${plural(unmet, 'expectation')} NOT met (of ${all.length}); see above for the commands that reproduce ${unmet === 1 ? 'it' : 'them'}.`;
  return [first, second, third];
}

/**
 * The sets enough for every suite, per base, with the depth they were shown at, in one line (the
 * finding's second): "Enough for every suite, exhaustive within 40 ticks ... : on skype-2010 {...}".
 * Where the results verified them at a deeper bound than the analyses (`enough`, as `npm start`
 * does), the sets and the depth are the verification's, and the places where adding a fix made a
 * property fail are said to be the analyses' (at their bound).
 */
export function enoughLine(fixSets: readonly FixSetRecord[], enough: readonly EnoughRecord[], forAll: readonly EnoughForAll[]): string {
  const bases = enoughPerBase(fixSets, enough, forAll).filter((b) => (BASES as readonly string[]).includes(b.base));
  if (bases.length === 0) return 'Fixes: no fix-set analysis in these results.';
  const perBase = bases.map((b) => `on ${b.base} ${b.sets.length === 0 ? 'no set of the six fixes is shown to hold every suite' : showSets(b.sets, 3)}`);
  const open = bases.reduce((n, b) => n + (b.verified?.verified.filter((v) => v.outcome === 'unknown').length ?? 0), 0);
  const worse = fixSets.reduce((n, f) => n + f.worsenings.length, 0);
  const deeper = bases.some((b) => b.verified !== null);
  const where = deeper ? ` at the ${[...new Set(fixSets.map((f) => f.budget))].join(' or ')} bound` : '';
  return `Enough for every suite, ${depthWords(bases.flatMap((b) => b.depth))}: ${perBase.join('; ')}${open > 0 ? ` (${plural(open, 'candidate set')} without a verdict at that depth)` : ''}${worse > 0 ? `; adding a fix made a property fail in ${plural(worse, 'place')}${where} (see the report)` : ''}.`;
}
