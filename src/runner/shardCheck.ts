/**
 * `check --shard K/N` and the merge of its shard files. Shard K searches, for every selected pair,
 * runs `shareOf(runs, K/N)` of the pair's search (fast-check's run i depends only on the seed and i,
 * see `RandomPartial`), on the machine's worker threads, and writes one partial per pair; it stores
 * no counterexample. The merge checks that every shard ran what it would run (shardDigest.ts) and
 * searched its whole share (or stopped at a failure whose counterexample replays), joins each pair's
 * partials with `mergeRandom` and finishes each pair as one `check` would: the same verdicts,
 * counts, counterexample files, JUnit report and exit code. Everything is checked before the first
 * file is written.
 */
import { cellWindow, mergeRandom, possibleCells, searchRandomRange, type RandomPartial } from '../search/random.ts';
import { Refusal } from '../io/refusal.ts';
import { pairSpec } from './pairSpec.ts';
import { withPool } from '../parallel/pool.ts';
import type { PairResult } from '../results/results.ts';
import { finishCheck, pairModel, randomSearchOf, type CheckOptions } from './checkPair.ts';
import { newCutoffs, searchOnPool } from './parallelChecks.ts';
import { exitCode, type Listener } from './runPairs.ts';
import { selectPairs, type Pair } from './select.ts';
import { shareOf, showShard, type Shard } from './shard.ts';
import { runDigest, type RunDigest } from './shardDigest.ts';
import { checkReplays } from './shardEvidence.ts';
import { writeShardFile, type CheckShardFile } from './shardFile.ts';
import { checkShardDigests, checkShardPairs, type ShardSet } from './shardSet.ts';
import { suitesNamed } from './suites.ts';

/** What a check shard records of its command line: a merge accepts only shards of one selection. */
export type CheckSelection = CheckShardFile['selection'];

/** The options a check with this selection runs with (`dir` and `update` as the merge is told). */
export function checkOptionsOf(selection: CheckSelection, dir: string, update: boolean): CheckOptions {
  return { runs: selection.runs ?? undefined, seed: selection.seed ?? undefined, budget: selection.budget, dir, update, overrides: selection.overrides };
}

/** The pairs a selection names, as `check` selects them. */
export async function checkPairsOf(selection: CheckSelection): Promise<Pair[]> {
  const suites = await suitesNamed(selection.suite ?? undefined);
  return selectPairs(
    suites,
    { suite: selection.suite === null ? undefined : suites[0]!.id, property: selection.property ?? undefined, variant: selection.variant ?? undefined },
    selection.overrides,
  );
}

/** What a check of these pairs runs: their suites, and their models with the options' parameters. */
export function checkDigest(pairs: readonly Pair[], options: Pick<CheckOptions, 'overrides'>): RunDigest {
  return runDigest(
    [...new Set(pairs.map((p) => p.suite))],
    pairs.map((pair) => pairModel(pair, options.overrides ?? {}, false)),
  );
}

/** Runs shard `shard` of a check and writes its file; returns the runs searched and the failures found. */
export async function runCheckShard(
  pairs: readonly Pair[],
  options: CheckOptions,
  selection: CheckSelection,
  shard: Shard,
  out: string,
  listener: Listener<never> = {},
): Promise<{ runs: number; failures: number }> {
  const searches = pairs.map((pair) => randomSearchOf(pair, options));
  const shares = searches.map((s) => shareOf(s.search.runs, shard));
  const total = shares.reduce((n, [from, to]) => n + to - from, 0);
  let done = 0;
  const partials = await withPool(options.workers ?? 1, async (pool) => {
    const cutoff = newCutoffs(pairs.length);
    return Promise.all(
      pairs.map(async (pair, i) => {
        const [from, to] = shares[i]!;
        const { model, property, bounds, search } = searches[i]!;
        if (!pool) {
          const partial = searchRandomRange(model, property, bounds, { ...search, from, to });
          listener.progress?.(
            (done += to - from),
            total,
            `shard ${showShard(shard)}: ${pair.suite.id} / ${pair.property} on ${pair.variant}: runs ${from}..${to - 1}`,
          );
          return partial;
        }
        return searchOnPool(pool, pair, options, search.seed, from, to, cutoff, i, (a, b) => {
          listener.progress?.(
            (done += b - a),
            total,
            `shard ${showShard(shard)}: ${pair.suite.id} / ${pair.property} on ${pair.variant}: runs ${a}..${b - 1} (${pool.size} workers)`,
          );
        });
      }),
    );
  });
  writeShardFile(out, shard, checkDigest(pairs, options), {
    command: 'check',
    selection,
    pairs: pairs.map((pair, i) => ({ pair: pairSpec(pair), partial: partials[i]! })),
  });
  return { runs: partials.reduce((n, p) => n + p.runs, 0), failures: partials.filter((p) => p.failure).length };
}

/**
 * Merges the shards of one check (see `readShardSet`): the pairs the selection names here must be
 * the ones each shard searched, and each shard's partial must cover its whole share or stop at a
 * failure. Returns the pairs (for the parameters line) and a function that finishes them.
 */
export async function prepareCheckMerge(set: ShardSet<CheckShardFile>, dir: string | undefined, update: boolean) {
  const selection = set.selection as CheckSelection;
  const options = checkOptionsOf(selection, dir ?? selection.dir, update);
  const pairs = await checkPairsOf(selection);
  for (const pair of pairs) pairModel(pair, options.overrides ?? {}, false);
  checkShardPairs(set, pairs);
  checkShardDigests(set, checkDigest(pairs, options));
  const partials = pairs.map(() => [] as RandomPartial[]);
  for (const { path, file } of set.shards) {
    pairs.forEach((pair, i) => partials[i]!.push(checkedPartial(path, file, pair, options, file.pairs[i]!.partial)));
  }
  // Joined before anything is written: a share that does not join is refused with nothing stored.
  const merged = pairs.map((pair, i) => {
    const { search } = randomSearchOf(pair, options);
    const ms = partials[i]!.reduce((n, p) => n + p.ms, 0);
    try {
      return mergeRandom(partials[i]!, search.runs, search.seed, cellWindow(search), ms);
    } catch (error) {
      throw new Refusal(`${pair.suite.id} / ${pair.property} on ${pair.variant}: the shards' runs do not join up: ${(error as Error).message}`);
    }
  });
  return {
    pairs,
    options,
    /** Finishes every pair in order (stores its counterexample, compares with the expectation). */
    run(listener: Listener<PairResult> = {}): { code: number; results: PairResult[] } {
      const results = pairs.map((pair, i) => {
        const result = finishCheck(pair, options, merged[i]!);
        listener.result?.(result);
        return result;
      });
      return { code: exitCode(results), results };
    },
  };
}

/** A shard's partial for one pair, refused in one line unless it covers the shard's whole share or stops at a failure in it. */
function checkedPartial(path: string, file: CheckShardFile, pair: Pair, options: CheckOptions, p: RandomPartial): RandomPartial {
  const { search } = randomSearchOf(pair, options);
  const [from, to] = shareOf(search.runs, file.shard);
  const which = `shard ${showShard(file.shard)}, ${pair.suite.id} / ${pair.property} on ${pair.variant}`;
  if (p.from !== from || p.to !== to)
    throw new Refusal(`${path}: ${which}: covers runs ${p.from}..${p.to - 1}, its share of ${search.runs} runs is ${from}..${to - 1}`);
  const failed = p.failure !== null && p.failure.index >= from && p.failure.index < to && p.runs === p.failure.index - from + 1;
  if (p.abandoned || (p.failure === null && p.runs !== to - from))
    throw new Refusal(
      `${path}: ${which}: searched ${p.runs} of runs ${from}..${to - 1} and found no failure (a killed or truncated shard): run shard ${showShard(file.shard)} again`,
    );
  if (p.failure !== null && !failed) throw new Refusal(`${path}: ${which}: damaged: its failure is not its run ${from + p.runs - 1}`);
  const counted = p.lengthCounts.reduce((n, c) => n + c, 0);
  if (
    counted !== p.runs ||
    p.triggeredRuns > p.runs ||
    (p.failure !== null && p.triggeredRuns < 1) ||
    p.lengthCounts.length > search.maxEvents + 1 ||
    p.cells.some((c) => c >= possibleCells(search))
  ) {
    throw new Refusal(`${path}: ${which}: damaged: its counts do not add up to its ${p.runs} runs`);
  }
  if (p.failure !== null) {
    const c = p.failure.counterexample;
    if (c.eventsAfterShrink !== c.events.length)
      throw new Refusal(`${path}: ${which}: damaged: its counterexample holds ${c.events.length} events, shrunk to ${c.eventsAfterShrink} it says`);
    checkReplays(`${path}: ${which}`, pair.suite, pair.property, pair.variant, pairModel(pair, options.overrides ?? {}, false).config, c);
  }
  return p;
}
