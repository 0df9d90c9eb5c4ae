/**
 * The finding in three lines, for the end of `npm start` and the top of the report: what breaks on
 * the base protocols, which sets of fixes are enough (with the depth they were shown at, so that
 * `explore` at that bound can confirm them), and whether every verdict met its suite's expectation.
 * Every clause is read from the results.
 */
import { BASES } from '../model/index.ts';
import { depthWords, enoughForAll, showSets } from './enough.ts';
import { plural } from './format.ts';
import type { FixSetRecord, Results } from './results.ts';

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

  const second = enoughLine(results.fixSets);

  const all = [...results.random, ...results.exhaustive].filter((r) => r.expected !== null);
  const unmet = all.filter((r) => !r.met).length + results.fixSets.reduce((n, f) => n + f.unmet.length, 0);
  const third = unmet === 0 ? `All ${all.length} expectations met.` : `${plural(unmet, 'expectation')} NOT met (of ${all.length}); see above for the commands that reproduce ${unmet === 1 ? 'it' : 'them'}.`;
  return [first, second, third];
}

/**
 * The sets enough for every suite, per base, with the depth they were shown at, in one line (the
 * finding's second): "Enough for every suite, exhaustive within 40 ticks ... : on skype-2010 {...}".
 */
export function enoughLine(fixSets: readonly FixSetRecord[]): string {
  const perBase = BASES.map((base) => {
    const records = fixSets.filter((f) => f.base === base);
    if (records.length === 0) return null;
    const enough = enoughForAll(records);
    return `on ${base} ${enough.length === 0 ? 'no set of the six fixes is shown to hold every suite' : showSets(enough, 3)}`;
  }).filter((s): s is string => s !== null);
  const worse = fixSets.reduce((n, f) => n + f.worsenings.length, 0);
  return perBase.length === 0
    ? 'Fixes: no fix-set analysis in these results.'
    : `Enough for every suite, ${depthWords(fixSets)}: ${perBase.join('; ')}${worse > 0 ? `; adding a fix made a property fail in ${plural(worse, 'place')} (see the report)` : ''}.`;
}
