/**
 * The random engine over many pairs on a pool of workers: each pair's runs are cut into ranges, all
 * ranges of all pairs go to the workers in pair order, and each pair's ranges merge into the result
 * one search would give (`mergeRandom`): the same verdict, counts and counterexample file for any
 * number of workers. A range that fails lowers the pair's cutoff, so later ranges of that pair stop.
 */
import { mergeRandom, possibleCells, type RandomPartial } from '../explore/random.ts';
import type { Pool } from '../parallel/pool.ts';
import { pairSpec } from '../parallel/pairSpec.ts';
import type { RandomRangeInput } from '../parallel/tasks.ts';
import type { PairResult } from '../report/results.ts';
import { finishCheck, randomSearchOf, type CheckOptions } from './checkPair.ts';
import type { Listener } from './runPairs.ts';
import type { Pair } from './select.ts';

/** Ranges per pair per worker: enough that a slow range does not leave the other workers idle. */
const RANGES_PER_WORKER = 2;
/** The fewest runs in a range (a range costs a message and a fast-check set-up). */
const MIN_RANGE = 10;

/** The ranges `0 .. runs` is cut into for `workers` workers. */
export function rangesOf(runs: number, workers: number): [number, number][] {
  const count = Math.max(1, Math.min(workers * RANGES_PER_WORKER, Math.ceil(runs / MIN_RANGE)));
  const ranges: [number, number][] = [];
  for (let i = 0; i < count; i++) ranges.push([Math.floor((runs * i) / count), Math.floor((runs * (i + 1)) / count)]);
  return ranges;
}

export async function checkOnPool(pairs: readonly Pair[], options: CheckOptions, pool: Pool, listener: Listener<PairResult> = {}): Promise<PairResult[]> {
  const cutoff = new SharedArrayBuffer(4 * Math.max(1, pairs.length));
  new Int32Array(cutoff).fill(0x7fffffff);
  const searches = pairs.map((pair) => randomSearchOf(pair, options));
  const totalRuns = searches.reduce((sum, s) => sum + s.search.runs, 0);
  let runsDone = 0;
  const results: (PairResult | undefined)[] = [];
  let shown = 0;
  const started = performance.now();
  const perPair = pairs.map(async (pair, i) => {
    const { search } = searches[i]!;
    const pairStarted = performance.now();
    const spec = pairSpec(pair);
    const partials = await Promise.all(
      rangesOf(search.runs, pool.size).map(async ([from, to]) => {
        const input: RandomRangeInput = { pair: spec, options: { overrides: options.overrides, runs: options.runs, seed: options.seed, budget: options.budget }, from, to, cutoff, slot: i };
        const partial = await pool.run<RandomPartial>('randomRange', input);
        runsDone += to - from;
        listener.progress?.(runsDone, totalRuns, `${shown}/${pairs.length} pairs done; ${pair.suite.id} / ${pair.property} on ${pair.variant}: runs ${from}..${to - 1} searched (${pool.size} workers, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
        return partial;
      }),
    );
    const result = mergeRandom(partials, search.runs, search.seed, possibleCells(search), performance.now() - pairStarted);
    results[i] = finishCheck(pair, options, result);
    // Results are reported in pair order, as one thread would.
    for (; shown < pairs.length && results[shown]; shown++) listener.result?.(results[shown]!);
  });
  await Promise.all(perPair);
  return results as PairResult[];
}
