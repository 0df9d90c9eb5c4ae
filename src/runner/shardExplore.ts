/**
 * `explore --shard K/N` (the exhaustive engine's swarm shards) and the merge of their files. Shard
 * K searches, for every selected pair, the sequences whose first adversary event falls to it (see
 * `swarmShardOf`), on the machine's workers, and writes each search's verdict, figures and
 * counterexample; it stores no counterexample file. The N shards cover every sequence once, so the
 * merge gives the verdict one search gives: violated when a shard is (with the shortest of the
 * shards' counterexamples, a shortest one when no shard was stopped by a bound), bound-reached when
 * a shard is, holds when all closed their spaces, else holds within the horizon. States,
 * transitions and time are the shards' sums: the shards' spaces overlap, so the states are not one
 * search's count, and the result says it was merged (`shards`). Before anything is written the
 * merge checks that every shard ran what it would run (shardDigest.ts), that each answer is
 * consistent and each counterexample replays (shardEvidence.ts); a merged holding verdict is
 * `vacuous` when no sequence exercises the property's trigger, as one search says.
 */
import { searchExhaustive, resultOf, type ExhaustiveResult } from '../search/exhaustive.ts';
import { searchExhaustiveOnPool } from '../search/parallel.ts';
import { pairSpec } from './pairSpec.ts';
import { withPool } from '../parallel/pool.ts';
import type { ExplorePairResult } from '../results/results.ts';
import { pairModel } from './checkPair.ts';
import { exhaustiveSearchOf, finishExplore, scopeFor, searchOptionsOf, searchSpecOf, triggerOf, type ExploreOptions } from './explorePair.ts';
import type { Model } from '../model/index.ts';
import { exitCode, type Listener } from './runPairs.ts';
import { explorePairs, type Pair } from './select.ts';
import { showShard, type Shard } from './shard.ts';
import { runDigest, type RunDigest } from './shardDigest.ts';
import { checkReplays, checkSearch } from './shardEvidence.ts';
import { writeShardFile, type ExploreShardFile } from './shardFile.ts';
import { checkShardDigests, checkShardPairs, type ShardSet } from './shardSet.ts';
import { suitesNamed } from './suites.ts';

/**
 * What an explore shard records of its command line: a merge accepts only shards of one selection.
 * Not the search's bounds but the flags as given (a bound not given is null, not yet the suite's;
 * memory in MB): the shard file's format, from which each machine resolves the same `SearchBounds`
 * (`exploreOptionsOf`, then `exhaustiveSearchOf`).
 */
export type ExploreSelection = ExploreShardFile['selection'];
type ShardResult = ExploreShardFile['pairs'][number]['result'];

/** The options an explore with this selection runs with. */
export function exploreOptionsOf(selection: ExploreSelection, dir: string, update: boolean): ExploreOptions {
  return {
    budget: selection.budget,
    horizon: selection.horizon ?? undefined,
    maxStates: selection.maxStates ?? undefined,
    maxMemoryMB: selection.maxMemoryMB,
    dir,
    update,
    overrides: selection.overrides,
  };
}

/** The pairs a selection names, as `explore` selects them. */
export async function explorePairsOf(selection: ExploreSelection): Promise<Pair[]> {
  const suites = await suitesNamed(selection.suite ?? undefined);
  return explorePairs(
    suites,
    { suite: selection.suite === null ? undefined : suites[0]!.id, property: selection.property ?? undefined, variant: selection.variant ?? undefined },
    selection.overrides,
    selection.budget === 'full',
  );
}

/** What an explore of these pairs runs: their suites, and their models (at the options' scope, one a pair). */
export function exploreDigest(pairs: readonly Pair[], models: readonly Model[]): RunDigest {
  return runDigest([...new Set(pairs.map((p) => p.suite))], models);
}

/** Searches swarm shard `shard` of every pair and writes the shard file; returns how many pairs it found violated. */
export async function runExploreShard(
  pairs: readonly Pair[],
  options: ExploreOptions,
  selection: ExploreSelection,
  shard: Shard,
  out: string,
  listener: Listener<never> = {},
): Promise<{ violated: number }> {
  const swarm = { index: shard.index, count: shard.count };
  const searches = pairs.map((pair) => exhaustiveSearchOf(pair, { ...options, swarm }));
  const results = await withPool(options.workers ?? 1, async (pool) => {
    const done: ShardResult[] = [];
    for (const [i, pair] of pairs.entries()) {
      const of = searches[i]!;
      const search = searchOptionsOf(
        pair,
        of,
        listener.progress && ((states, max, text) => listener.progress!(states, max, `[${i + 1}/${pairs.length}] shard ${showShard(shard)}: ${text}`)),
      );
      const r = pool
        ? await searchExhaustiveOnPool(pool, searchSpecOf(pair, options), of.property, of.bounds, search)
        : searchExhaustive(of.model, of.property, of.bounds, search);
      done.push({
        verdict: r.verdict,
        stoppedBy: r.stoppedBy,
        states: r.states,
        branchingStates: r.branchingStates,
        transitions: r.transitions,
        depth: r.depth,
        ticks: r.ticks,
        healTicks: r.healTicks,
        horizon: r.horizon,
        ms: Math.round(r.ms),
        bytes: r.bytes,
        shortest: r.shortest,
        counterexample: r.counterexample,
      });
    }
    return done;
  });
  writeShardFile(
    out,
    shard,
    exploreDigest(
      pairs,
      searches.map((of) => of.model),
    ),
    {
      command: 'explore',
      selection,
      pairs: pairs.map((pair, i) => ({ pair: pairSpec(pair), result: results[i]! })),
    },
  );
  return { violated: results.filter((r) => r.verdict === 'violated').length };
}

/** The one search's result the shards of a pair add up to (see the module comment). */
export function mergeShardResults(results: readonly ShardResult[]): ExhaustiveResult {
  const violated = results.filter((r) => r.verdict === 'violated' && r.counterexample !== null);
  // The shortest counterexample; of equal ones, the lowest shard's.
  const chosen = violated.reduce<ShardResult | null>(
    (best, r) => (best === null || r.counterexample!.events.length < best.counterexample!.events.length ? r : best),
    null,
  );
  const bounded = results.find((r) => r.verdict === 'bound-reached');
  const sum = (f: (r: ShardResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const stats = {
    states: sum((r) => r.states),
    branchingStates: sum((r) => r.branchingStates),
    transitions: sum((r) => r.transitions),
    depth: Math.max(...results.map((r) => r.depth)),
    ticks: Math.max(...results.map((r) => r.ticks)),
    ms: sum((r) => r.ms),
    bytes: Math.max(...results.map((r) => r.bytes)),
  };
  const { horizon, healTicks } = results[0]!;
  if (chosen) {
    const merged = resultOf(stats, 'violated', chosen.stoppedBy, horizon, healTicks, chosen.counterexample, 1);
    // A bound that stopped another shard may have hidden a shorter one.
    return { ...merged, shortest: chosen.shortest && bounded === undefined };
  }
  if (bounded) return resultOf(stats, 'bound-reached', bounded.stoppedBy, horizon, healTicks, null, 1);
  const closed = results.every((r) => r.verdict === 'holds');
  return resultOf(stats, closed ? 'holds' : 'holds-within-horizon', closed ? 'complete' : 'horizon', horizon, healTicks, null, 1);
}

/**
 * Merges the shards of one explore (see `readShardSet`): the pairs the selection names here must be
 * the ones each shard searched. Returns the pairs and a function that finishes them (stores the
 * counterexamples, compares with the expectations).
 */
export async function prepareExploreMerge(set: ShardSet<ExploreShardFile>, dir: string | undefined, update: boolean) {
  const selection = set.selection as ExploreSelection;
  const options = exploreOptionsOf(selection, dir ?? selection.dir, update);
  const pairs = await explorePairsOf(selection);
  const models = pairs.map((pair) => pairModel(pair, options.overrides ?? {}, scopeFor(options)));
  checkShardPairs(set, pairs);
  checkShardDigests(set, exploreDigest(pairs, models));
  const searches = pairs.map((pair, i) => exhaustiveSearchOf(pair, options, models[i]));
  for (const { path, file } of set.shards) {
    pairs.forEach((pair, i) => {
      const r = file.pairs[i]!.result;
      const where = `${path}: shard ${showShard(file.shard)}, ${pair.suite.id} / ${pair.property} on ${pair.variant}`;
      checkSearch(where, r, searches[i]!.searchBounds.horizon);
      if (r.counterexample) checkReplays(where, pair.suite, pair.property, pair.variant, searches[i]!.model.config, r.counterexample);
    });
  }
  // Merged (and a holding verdict's trigger searched) before the first counterexample file is written.
  const merged = pairs.map((_, i) => mergeShardResults(set.shards.map((s) => s.file.pairs[i]!.result)));
  const triggered = merged.map((m, i) => triggerOf(searches[i]!, m.verdict));
  return {
    pairs,
    options,
    run(listener: Listener<ExplorePairResult> = {}): { code: number; results: ExplorePairResult[] } {
      const results = pairs.map((pair, i) => {
        const result = finishExplore(pair, options, searches[i]!, merged[i]!, set.count, triggered[i]!);
        listener.result?.(result);
        return result;
      });
      return { code: exitCode(results), results };
    },
  };
}
