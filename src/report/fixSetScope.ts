/**
 * What each engine covered on every set of a fix-set analysis, in words, from the record's numbers:
 * the random runs (seed, events) and the exhaustive bound, and which checks were made.
 */
import type { FixSetRecord } from '../results/results.ts';

export function describeFixSetScope(r: Pick<FixSetRecord, 'scope' | 'depth'>): { random: string; exhaustive: string } {
  const { scope: s, depth } = r;
  const ticks = depth.horizon.least === depth.horizon.most ? `${depth.horizon.most}` : `${depth.horizon.least} to ${depth.horizon.most}`;
  const states =
    depth.maxStates.least === depth.maxStates.most
      ? depth.maxStates.most.toLocaleString('en-US')
      : `${depth.maxStates.least.toLocaleString('en-US')} to ${depth.maxStates.most.toLocaleString('en-US')}`;
  const skipped = s.everySet
    ? 'every check made'
    : `a check is skipped only where no answer depends on it: a proper subset of its set already holds the property, and either holds every property of ${s.acrossSuites ? 'every suite on the base' : 'the suite'} too or the set already fails`;
  return {
    random: `${s.among ? `subsets of {${s.among.join(', ')}} only; ` : ''}${depth.runs} random runs per set and property (seed ${s.seed}, at most ${s.maxEvents} safety-phase events)`,
    exhaustive: `every event sequence whose adversary acts within ${ticks} ticks, at most ${states} states${s.reason ? `, ${s.reason}` : ''}; ${skipped}${s.shortest ? '' : '; a set the random engine violated is not searched (its counterexample is the shrunk one, not a shortest)'}`,
  };
}
