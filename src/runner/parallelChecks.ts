/**
 * The random engine over many pairs on a pool of workers: each pair's runs are cut into ranges, all
 * ranges of all pairs go to the workers in pair order, and each pair's ranges merge into the result
 * one search would give (`mergeRandom`): the same verdict, counts and counterexample file for any
 * number of workers. A range that fails lowers the pair's cutoff, so later ranges of that pair stop.
 */
import { cellWindow, joinRanges, mergeRandom, type RandomPartial } from '../search/random.ts';
import type { Pool } from '../parallel/pool.ts';
import { RANDOM_RANGE, type RandomRangeInput } from '../engines/random/workerTasks.ts';
import type { PairResult } from '../results/results.ts';
import { finishCheck, randomSearchOf, type CheckOptions } from './checkPair.ts';
import type { Listener } from './runPairs.ts';
import type { Pair } from './select.ts';
import { pairSpec } from './pairSpec.ts';
import { randomSearchRef } from './workerTasks.ts';

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

/** A cutoff slot per pair (see `RandomRangeInput.cutoff`), none lowered yet. */
export function newCutoffs(pairs: number): SharedArrayBuffer {
  const cutoff = new SharedArrayBuffer(4 * Math.max(1, pairs));
  new Int32Array(cutoff).fill(0x7fffffff);
  return cutoff;
}

/**
 * Searches runs `from .. to` of a pair on the pool, cut into ranges (`rangesOf`), and joins them
 * into one partial; `onRange` hears of each range as it is done. `slot` is the pair's cutoff slot.
 */
export async function searchOnPool(
  pool: Pool,
  pair: Pair,
  options: CheckOptions,
  seed: number,
  from: number,
  to: number,
  cutoff: SharedArrayBuffer,
  slot: number,
  onRange: (a: number, b: number) => void,
): Promise<RandomPartial> {
  const spec = pairSpec(pair);
  const parts = await Promise.all(
    rangesOf(to - from, pool.size).map(async ([a, b]) => {
      const input: RandomRangeInput = {
        search: randomSearchRef({ pair: spec, options: { overrides: options.overrides, runs: options.runs, seed: options.seed, budget: options.budget } }),
        from: from + a,
        to: from + b,
        cutoff,
        slot,
      };
      const part = await pool.run<RandomPartial>(RANDOM_RANGE, input);
      onRange(from + a, from + b);
      return part;
    }),
  );
  return joinRanges(parts, from, to, seed);
}

export async function checkOnPool(pairs: readonly Pair[], options: CheckOptions, pool: Pool, listener: Listener<PairResult> = {}): Promise<PairResult[]> {
  const cutoff = newCutoffs(pairs.length);
  const searches = pairs.map((pair) => randomSearchOf(pair, options));
  const totalRuns = searches.reduce((sum, s) => sum + s.search.runs, 0);
  let runsDone = 0;
  const results: (PairResult | undefined)[] = [];
  let shown = 0;
  const started = performance.now();
  const perPair = pairs.map(async (pair, i) => {
    const { search } = searches[i]!;
    const pairStarted = performance.now();
    const partial = await searchOnPool(pool, pair, options, search.seed, 0, search.runs, cutoff, i, (from, to) => {
      runsDone += to - from;
      listener.progress?.(
        runsDone,
        totalRuns,
        `${shown}/${pairs.length} pairs done; ${pair.suite.id} / ${pair.property} on ${pair.variant}: runs ${from}..${to - 1} searched (${pool.size} workers, ${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    });
    const result = mergeRandom([partial], search.runs, search.seed, cellWindow(search), performance.now() - pairStarted);
    results[i] = finishCheck(pair, options, result);
    // Results are reported in pair order, as one thread would.
    for (; shown < pairs.length && results[shown]; shown++) listener.result?.(results[shown]!);
  });
  await Promise.all(perPair);
  return results as PairResult[];
}
