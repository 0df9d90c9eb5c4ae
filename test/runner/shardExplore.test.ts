/**
 * The one search's result that an explore's swarm shards add up to (`mergeShardResults`), on
 * hand-made shard results: the verdict (violated over bound-reached over holds-within-horizon over
 * holds), the shortest counterexample (the lowest shard's of equal ones), whether it is a shortest
 * one, the sums and maxima of the figures. Then one real shard run of the smallest suite's
 * exhaustive section and its merge, with the shard file's counts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readShardFile, type ExploreShardFile } from '../../src/runner/shardFile.ts';
import {
  explorePairsOf,
  exploreOptionsOf,
  mergeShardResults,
  prepareExploreMerge,
  runExploreShard,
  type ExploreSelection,
} from '../../src/runner/shardExplore.ts';
import { readShardSet } from '../../src/runner/shardSet.ts';
import { explorePairs } from '../../src/runner/select.ts';
import { SUITES } from '../../properties/index.ts';

type ShardResult = ExploreShardFile['pairs'][number]['result'];
const cx = (n: number, tag = 0) => ({ events: Array.from({ length: n }, () => ({ kind: 'tick' as const })), violation: { step: n - 1, message: `v${tag}` } });

function r(verdict: ShardResult['verdict'], stoppedBy: ShardResult['stoppedBy'], figures: Partial<ShardResult> = {}): ShardResult {
  return {
    verdict,
    stoppedBy,
    states: 10,
    branchingStates: 4,
    transitions: 20,
    depth: 3,
    ticks: 2,
    healTicks: 7,
    horizon: 5,
    ms: 100,
    bytes: 1000,
    shortest: false,
    counterexample: null,
    ...figures,
  };
}

describe('mergeShardResults', () => {
  it('sums states, branching states, transitions and time; takes the deepest depth and ticks and the most bytes', () => {
    const m = mergeShardResults([
      r('holds', 'complete', { states: 10, branchingStates: 4, transitions: 20, depth: 3, ticks: 2, ms: 100, bytes: 1000 }),
      r('holds', 'complete', { states: 7, branchingStates: 1, transitions: 9, depth: 6, ticks: 1, ms: 50, bytes: 3000 }),
      r('holds', 'complete', { states: 1, branchingStates: 0, transitions: 0, depth: 1, ticks: 4, ms: 0, bytes: 10 }),
    ]);
    expect([m.states, m.branchingStates, m.transitions, m.ms]).toEqual([18, 5, 29, 150]);
    expect([m.depth, m.ticks, m.bytes]).toEqual([6, 4, 3000]);
    expect([m.horizon, m.healTicks]).toEqual([5, 7]);
  });

  it('one shard is its own result', () => {
    const m = mergeShardResults([r('holds-within-horizon', 'horizon', { states: 3 })]);
    expect([m.verdict, m.stoppedBy, m.states, m.horizon, m.healTicks, m.counterexample, m.shortest]).toEqual([
      'holds-within-horizon',
      'horizon',
      3,
      5,
      7,
      null,
      false,
    ]);
    const v = mergeShardResults([r('violated', 'violation', { counterexample: cx(2), shortest: true })]);
    expect([v.verdict, v.stoppedBy, v.counterexample, v.shortest]).toEqual(['violated', 'violation', cx(2), true]);
  });

  it('holds only when every shard closed its space, else holds within the horizon', () => {
    expect(mergeShardResults([r('holds', 'complete'), r('holds', 'complete')])).toMatchObject({
      verdict: 'holds',
      stoppedBy: 'complete',
      counterexample: null,
      shortest: false,
    });
    expect(mergeShardResults([r('holds', 'complete'), r('holds-within-horizon', 'horizon')])).toMatchObject({
      verdict: 'holds-within-horizon',
      stoppedBy: 'horizon',
    });
    expect(mergeShardResults([r('holds-within-horizon', 'horizon'), r('holds', 'complete')])).toMatchObject({
      verdict: 'holds-within-horizon',
      stoppedBy: 'horizon',
    });
  });

  it("bound-reached when a shard is, by that shard's bound, over any holding shard", () => {
    expect(mergeShardResults([r('holds', 'complete'), r('bound-reached', 'memory'), r('bound-reached', 'states')])).toMatchObject({
      verdict: 'bound-reached',
      stoppedBy: 'memory',
      counterexample: null,
    });
    expect(mergeShardResults([r('bound-reached', 'states'), r('holds-within-horizon', 'horizon')])).toMatchObject({
      verdict: 'bound-reached',
      stoppedBy: 'states',
    });
  });

  it("violated when a shard is, with the shortest counterexample, the lowest shard's of equal ones", () => {
    const m = mergeShardResults([
      r('holds', 'complete'),
      r('violated', 'violation', { counterexample: cx(5, 1), shortest: true }),
      r('violated', 'violation', { counterexample: cx(3, 2), shortest: true }),
      r('violated', 'violation', { counterexample: cx(3, 3), shortest: true }),
      r('violated', 'violation', { counterexample: cx(4, 4), shortest: true }),
    ]);
    expect(m).toMatchObject({ verdict: 'violated', stoppedBy: 'violation', counterexample: cx(3, 2), shortest: true });
    const first = mergeShardResults([
      r('violated', 'violation', { counterexample: cx(2, 1), shortest: true }),
      r('violated', 'violation', { counterexample: cx(2, 2), shortest: true }),
    ]);
    expect(first.counterexample).toEqual(cx(2, 1));
    // Shorter by one event is shorter.
    expect(
      mergeShardResults([
        r('violated', 'violation', { counterexample: cx(3, 1), shortest: true }),
        r('violated', 'violation', { counterexample: cx(2, 2), shortest: true }),
      ]).counterexample,
    ).toEqual(cx(2, 2));
  });

  it("keeps the chosen shard's stop, and calls its counterexample shortest only when it was and no bound stopped another shard", () => {
    expect(mergeShardResults([r('violated', 'states', { counterexample: cx(2), shortest: false }), r('holds', 'complete')])).toMatchObject({
      verdict: 'violated',
      stoppedBy: 'states',
      shortest: false,
    });
    expect(mergeShardResults([r('violated', 'violation', { counterexample: cx(2), shortest: true }), r('bound-reached', 'memory')])).toMatchObject({
      verdict: 'violated',
      stoppedBy: 'violation',
      shortest: false,
    });
    expect(mergeShardResults([r('violated', 'violation', { counterexample: cx(2), shortest: true }), r('holds-within-horizon', 'horizon')])).toMatchObject({
      verdict: 'violated',
      shortest: true,
    });
    expect(mergeShardResults([r('violated', 'violation', { counterexample: cx(2), shortest: false }), r('holds', 'complete')])).toMatchObject({
      verdict: 'violated',
      shortest: false,
    });
  });

  it('a violation without a counterexample is not chosen (the merge refuses such a shard before)', () => {
    expect(mergeShardResults([r('violated', 'violation', { counterexample: null }), r('holds', 'complete')]).verdict).toBe('holds-within-horizon');
  });
});

describe('runExploreShard and prepareExploreMerge on the smallest suite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-explore-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const selection: ExploreSelection = {
    suite: 'crash-cascade-2010',
    property: null,
    variant: null,
    overrides: {},
    budget: 'test',
    horizon: null,
    maxStates: null,
    maxMemoryMB: 4096,
    dir: join(dir, 'cx'),
  };

  it("selects every suite's pairs when the selection names none", async () => {
    const all = await explorePairsOf({ ...selection, suite: null, property: 'no-cascade', variant: 'fixed' });
    expect(new Set(all.map((p) => p.suite.id)).size).toBeGreaterThan(1);
  });

  it("writes each pair's answer, counts the violated ones, and merges into one search's verdicts", async () => {
    const pairs = await explorePairsOf(selection);
    expect(pairs.length).toBeGreaterThan(1);
    expect(new Set(pairs.map((p) => p.suite.id))).toEqual(new Set(['crash-cascade-2010']));
    const options = exploreOptionsOf(selection, selection.dir, false);
    const violated: number[] = [];
    for (const k of [1, 2]) {
      const out = join(dir, `e${k}.json`);
      const done = await runExploreShard(pairs, options, selection, { index: k, count: 2 }, out, {});
      const file = readShardFile(out) as ExploreShardFile;
      expect(file.pairs).toHaveLength(pairs.length);
      expect(done.violated).toBe(file.pairs.filter((p) => p.result.verdict === 'violated').length);
      violated.push(done.violated);
      expect(JSON.parse(readFileSync(out, 'utf8')).shard).toEqual({ index: k, count: 2 });
    }
    expect(violated.some((n) => n > 0)).toBe(true);
    expect(pairs).toEqual(
      explorePairs(
        SUITES.filter((x) => x.id === 'crash-cascade-2010'),
        {},
        {},
        false,
      ),
    );
    const merge = await prepareExploreMerge(readShardSet([join(dir, 'e2.json'), join(dir, 'e1.json')]) as never, undefined, false);
    const { results } = merge.run();
    expect(results.map((x) => x.verdict).filter((v) => v === 'violated').length).toBeGreaterThan(0);
    expect(results).toHaveLength(pairs.length);
  });
});
