/**
 * What a merge checks of each shard's answers before it believes them, and before it writes
 * anything: that an answer does not contradict itself (a violation comes with its counterexample, a
 * holding search was not stopped by a bound and a closed space says so, a cell ran its runs), and
 * that every counterexample loads and reproduces its violation when replayed on the pair's model,
 * as `cascade replay` would judge the file it becomes. Every failure is one `Refusal` naming the
 * shard file and the pair: the shard was damaged or edited, and is run again.
 */
import type { Suite } from '../../properties/index.ts';
import type { Event } from '../model/index.ts';
import { replay } from '../search/replay.ts';
import type { Config } from '../model/index.ts';
import { Refusal } from '../io/refusal.ts';
import { buildCounterexample } from '../trace/build.ts';
import { parseCounterexample } from '../trace/load.ts';
import { serialize } from '../trace/save.ts';
import { propertiesOf } from './suites.ts';

/** A counterexample as a shard holds it. */
export interface ShardCounterexample {
  events: Event[];
  violation: { step: number; message: string };
}

/** Where an answer is, for a refusal: the shard file and the pair or cell. */
export type Where = string;

/**
 * Refuses a counterexample that would not be evidence: one that does not load as a counterexample
 * file of the pair (an unknown event, a peer index out of range), or whose events, replayed on the
 * pair's model with its bounds, do not give its violation at its step with its sentence.
 */
export function checkReplays(where: Where, suite: Suite, property: string, variant: string, config: Config, c: ShardCounterexample): void {
  const content = buildCounterexample({
    property,
    variant,
    suite: suite.id,
    engine: 'random',
    seed: null,
    path: null,
    config,
    bounds: suite.bounds,
    events: c.events,
    violation: c.violation,
    shrink: null,
    search: null,
  });
  const properties = propertiesOf([suite]);
  const loaded = parseCounterexample(serialize(content), where, properties);
  if (!loaded.ok) throw new Refusal(`${loaded.error.split('\n')[0]} (its counterexample does not load: a damaged or edited shard; run it again)`);
  const replayed = replay(loaded.value, variant, properties);
  if (!replayed.ok) throw new Refusal(`${where}: its counterexample does not replay: ${replayed.error} (a damaged or edited shard; run it again)`);
  if (!replayed.value.reproduces) {
    const got = replayed.value.outcome.violation;
    throw new Refusal(
      `${where}: its counterexample of ${c.events.length} event${c.events.length === 1 ? '' : 's'} does not reproduce its violation (replayed: ${got ? `violated at step ${got.step}, recorded ${c.violation.step}` : 'holds'}): a damaged or edited shard; run it again`,
    );
  }
}

/** An exhaustive answer as shards hold it (explore's results, the fix-set cells' searches). */
export interface ShardSearch {
  verdict: 'violated' | 'holds-within-horizon' | 'holds' | 'bound-reached';
  stoppedBy: string;
  horizon: number;
  counterexample: ShardCounterexample | null;
  shortest?: boolean;
}

/**
 * Refuses a search answer that contradicts itself or its bound: a violation without a
 * counterexample (or a counterexample without a violation), `holds` that was not a closed space,
 * `holds-within-horizon` not stopped by the horizon, `bound-reached` not stopped by a bound, a
 * shortest counterexample from a search a bound stopped, or another horizon than the selection's.
 */
export function checkSearch(where: Where, r: ShardSearch, horizon: number): void {
  const bad = (what: string) => {
    throw new Refusal(`${where}: ${what}: a damaged or edited shard; run it again`);
  };
  if (r.horizon !== horizon) bad(`searched to horizon ${r.horizon}, the selection's is ${horizon}`);
  if (r.verdict === 'violated') {
    if (r.counterexample === null) bad('violated without a counterexample');
    if (r.stoppedBy !== 'violation' && r.stoppedBy !== 'states' && r.stoppedBy !== 'memory') bad(`violated, yet stopped by the ${r.stoppedBy}`);
    if (r.shortest === true && r.stoppedBy !== 'violation') bad(`a shortest counterexample from a search the ${r.stoppedBy} bound stopped`);
    return;
  }
  if (r.counterexample !== null) bad(`${r.verdict}, yet with a counterexample`);
  const expected = { holds: ['complete'], 'holds-within-horizon': ['horizon'], 'bound-reached': ['states', 'memory'] }[r.verdict];
  if (!expected.includes(r.stoppedBy)) bad(`${r.verdict}, yet stopped by ${r.stoppedBy === 'complete' ? 'a closed state space' : `the ${r.stoppedBy}`}`);
}

/** A random answer as the fix-set cells hold it. */
export interface ShardRandom {
  verdict: 'violated' | 'holds' | 'vacuous';
  runs: number;
  counterexample: ShardCounterexample | null;
}

/** Refuses a random answer that is not evidence: no runs, a holding answer short of its runs, a violation without its counterexample. */
export function checkRandom(where: Where, r: ShardRandom, runs: number): void {
  const bad = (what: string) => {
    throw new Refusal(`${where}: ${what}: a damaged or edited shard; run it again`);
  };
  if (r.runs < 1 || r.runs > runs) bad(`${r.runs} runs, the selection's are 1 to ${runs}`);
  if (r.verdict === 'violated' && r.counterexample === null) bad('violated without a counterexample');
  if (r.verdict !== 'violated' && r.counterexample !== null) bad(`${r.verdict}, yet with a counterexample`);
  if (r.verdict !== 'violated' && r.runs !== runs) bad(`${r.verdict} after ${r.runs} of its ${runs} runs`);
}
