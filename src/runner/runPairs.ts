/**
 * Running many pairs with one engine, reporting each result as it comes, and the exit code that
 * sums them up: 0 every expectation met and nothing without one violated; 1 an expectation unmet;
 * 4 no expectation unmet, but a pair without one (another variant, overridden parameters, a user
 * suite) was violated. Codes 2 (bad input) and 3 (internal error) are the command line's.
 */
import type { ExplorePairResult, PairResult } from '../results/results.ts';
import { checkPair, pairModel, type CheckOptions } from './checkPair.ts';
import { explorePair, explorePairOnPool, type ExploreOptions, type ExploreProgress } from './explorePair.ts';
import type { Pair } from './select.ts';
import { withPool } from '../parallel/pool.ts';
import { checkOnPool } from './parallelChecks.ts';

export const EXIT = { met: 0, unmet: 1, usage: 2, internal: 3, violated: 4 } as const;

export interface Listener<R> {
  /** Progress within the current pair: `done` of `of`, and a line saying which pair and where. */
  progress?(done: number, of: number, text: string): void;
  /** A pair's result, as soon as it is known. */
  result?(result: R): void;
}

/** The exit code of a set of results (see the module comment). */
export function exitCode(results: readonly (PairResult | ExplorePairResult)[]): number {
  if (results.some((r) => !r.met)) return EXIT.unmet;
  if (results.some((r) => r.expected === null && r.verdict === 'violated')) return EXIT.violated;
  return EXIT.met;
}

/** Every pair's model, built before any runs: parameters that do not fit some suite are refused before a file is written. */
function checkModels(pairs: readonly Pair[], overrides: CheckOptions['overrides'], exhaustive: boolean): void {
  for (const pair of pairs) pairModel(pair, overrides ?? {}, exhaustive);
}

/** Runs the pairs with the random engine, on `options.workers` threads (see `checkOnPool`). */
export async function runChecks(
  pairs: readonly Pair[],
  options: CheckOptions,
  listener: Listener<PairResult> = {},
): Promise<{ code: number; results: PairResult[] }> {
  checkModels(pairs, options.overrides, false);
  const results = await withPool(options.workers ?? 1, async (pool) =>
    pool ? checkOnPool(pairs, options, pool, listener) : checkInThread(pairs, options, listener),
  );
  return { code: exitCode(results), results };
}

function checkInThread(pairs: readonly Pair[], options: CheckOptions, listener: Listener<PairResult>): PairResult[] {
  const results: PairResult[] = [];
  for (const [i, pair] of pairs.entries()) {
    const result = checkPair(
      pair,
      options,
      listener.progress &&
        ((done, total) => listener.progress!(done, total, `[${i + 1}/${pairs.length}] ${pair.property} on ${pair.variant}: run ${done}/${total}`)),
    );
    results.push(result);
    listener.result?.(result);
  }
  return results;
}

/** Runs the pairs with the exhaustive engine, each search on `options.workers` threads. */
export async function runExplores(
  pairs: readonly Pair[],
  options: ExploreOptions,
  listener: Listener<ExplorePairResult> = {},
): Promise<{ code: number; results: ExplorePairResult[] }> {
  checkModels(pairs, options.overrides, true);
  const results: ExplorePairResult[] = [];
  await withPool(options.workers ?? 1, async (pool) => {
    for (const [i, pair] of pairs.entries()) {
      const onProgress: ExploreProgress | undefined =
        listener.progress &&
        ((states, max, text) => listener.progress!(states, max, `[${i + 1}/${pairs.length}] ${text}${pool ? ` (${pool.size} workers)` : ''}`));
      const result = pool ? await explorePairOnPool(pool, pair, options, onProgress) : explorePair(pair, options, onProgress);
      results.push(result);
      listener.result?.(result);
    }
  });
  return { code: exitCode(results), results };
}
