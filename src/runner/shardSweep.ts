/**
 * `sweep --shard K/N` and the merge of its shard files. A step sweep's points (value x seed, values
 * first) are cut into N shares; a bisection cannot be cut by points (each seed's next value depends
 * on its last outcome), so it is cut by seeds, each shard bisecting its seeds to the end. The merge
 * replays the sweep (`sweepSteps`) on the shards' points: the same result, table, chart and data as
 * one sweep. A merge refuses shards that ran another suite, config or model (shardDigest.ts).
 */
import { Refusal } from '../io/refusal.ts';
import { CELL_TASKS, runSteps, runStepsAsync, type SweepPointTaskInput } from './cellTasks.ts';
import { withPool } from '../parallel/pool.ts';
import { shareOf, showShard, type Shard } from './shard.ts';
import { writeShardFile, type SweepShardFile } from './shardFile.ts';
import { defaultConfig, parseVariant, SCENARIOS, type Model } from '../model/index.ts';
import { pairModel } from './checkPair.ts';
import { applyOverrides } from './overrides.ts';
import { runDigest, type RunDigest } from './shardDigest.ts';
import { checkShardDigests, type ShardSet } from './shardSet.ts';
import {
  checkSweep,
  evaluate,
  stepValues,
  sweepSpecData,
  sweepSpecOf,
  sweepSteps,
  type SweepCell,
  type SweepPoint,
  type SweepResult,
  type SweepSpec,
} from './sweep.ts';
import { openSweepOutput } from './sweepFiles.ts';

/** The points shard `shard` evaluates: its share of a step sweep's points, or of a bisection's seeds. */
export function sweepShare(spec: SweepSpec, shard: Shard): { cells: SweepCell[] } | { seeds: number[] } {
  const seeds = Array.from({ length: spec.seeds }, (_, i) => i + 1);
  if (spec.mode.kind === 'bisect') {
    const [from, to] = shareOf(seeds.length, shard);
    return { seeds: seeds.slice(from, to) };
  }
  const cells = stepValues(spec.from, spec.to, spec.mode.steps).flatMap((value) => seeds.map((seed) => ({ value, seed })));
  const [from, to] = shareOf(cells.length, shard);
  return { cells: cells.slice(from, to) };
}

/** What a sweep runs: its suite (for a property), and its model at the sweep's first value (checked by `checkSweep` first). */
function sweepDigest(spec: SweepSpec): RunDigest {
  const t = spec.target;
  const at = { ...spec.overrides, [spec.param]: spec.from };
  const protocol = parseVariant(spec.variant);
  if (!protocol.ok) throw new Refusal(protocol.error);
  const model: Model =
    t.kind === 'property'
      ? pairModel({ suite: t.suite, variant: spec.variant }, at, false)
      : { config: applyOverrides(defaultConfig(t.scale), at, t.scale, `the ${t.scale} scale`), protocol: protocol.value };
  return runDigest(t.kind === 'property' ? [t.suite] : [], [model], t.kind === 'scenario' ? (SCENARIOS[t.scenario] ?? t.scenario) : null);
}

/** Runs shard `shard` of a sweep (on `workers` threads) and writes its file; returns the points evaluated. */
export async function runSweepShard(
  spec: SweepSpec,
  shard: Shard,
  workers: number,
  out: string,
  onPoint: (point: SweepPoint, done: number) => void = () => {},
): Promise<number> {
  checkSweep(spec);
  const share = sweepShare(spec, shard);
  const data = sweepSpecData(spec);
  let done = 0;
  const points = await withPool(workers, async (pool) => {
    const at = (cell: SweepCell): SweepPoint => {
      const p = evaluate(spec, cell.value, cell.seed);
      onPoint(p, ++done);
      return p;
    };
    const atOnPool = async (cell: SweepCell): Promise<SweepPoint> => {
      const p = await pool!.run<SweepPoint>(CELL_TASKS.sweepPoint, { spec: data, ...cell } satisfies SweepPointTaskInput);
      onPoint(p, ++done);
      return p;
    };
    if ('cells' in share) return pool ? Promise.all(share.cells.map(atOnPool)) : share.cells.map(at);
    if (share.seeds.length === 0) return [];
    const result = pool ? await runStepsAsync(sweepSteps(spec, share.seeds), atOnPool) : runSteps(sweepSteps(spec, share.seeds), at);
    return result.points;
  });
  writeShardFile(out, shard, sweepDigest(spec), { command: 'sweep', selection: data, points });
  return points.length;
}

/**
 * Merges the shards of one sweep: checks that a step sweep's shards hold exactly their shares'
 * points, replays the sweep on the points (a bisection's missing point is a truncated shard, refused
 * in one line), and only then opens the output directory (and checks both names).
 */
export async function prepareSweepMerge(set: ShardSet<SweepShardFile>, outDir: string, update: boolean) {
  const spec = await sweepSpecOf(set.selection as SweepShardFile['selection'] as Parameters<typeof sweepSpecOf>[0]);
  checkSweep(spec);
  checkShardDigests(set, sweepDigest(spec));
  const points = new Map<string, SweepPoint>();
  const owner = new Map<number, string>();
  for (const { path, file } of set.shards) {
    const share = sweepShare(spec, file.shard);
    if ('cells' in share) {
      const ok = file.points.length === share.cells.length && share.cells.every((c, i) => file.points[i]!.value === c.value && file.points[i]!.seed === c.seed);
      if (!ok)
        throw new Refusal(
          `${path}: shard ${showShard(file.shard)} holds ${file.points.length} points, its share is ${share.cells.length} (a killed or truncated shard, or another sweep): run it again`,
        );
    } else {
      share.seeds.forEach((seed) => owner.set(seed, `${path} (shard ${showShard(file.shard)})`));
      const stray = file.points.find((p) => !share.seeds.includes(p.seed));
      if (stray)
        throw new Refusal(
          `${path}: shard ${showShard(file.shard)} holds a point of seed ${stray.seed}, not one of its seeds (${share.seeds.join(', ') || 'none'})`,
        );
    }
    for (const p of file.points) points.set(`${p.value}/${p.seed}`, p);
  }
  // Replayed before the output directory is opened: a missing point is refused with nothing written.
  const result = runSteps(sweepSteps(spec), ({ value, seed }) => {
    const p = points.get(`${value}/${seed}`);
    if (!p)
      throw new Refusal(
        `${owner.get(seed) ?? 'a shard'}: lacks ${spec.param} = ${value}, seed ${seed}, which the bisection reaches (a killed or truncated shard): run it again`,
      );
    return p;
  });
  const output = openSweepOutput(spec, outDir, update);
  return {
    spec,
    output,
    /** The sweep's result, from the shards' points. */
    run(): SweepResult {
      return result;
    },
  };
}
