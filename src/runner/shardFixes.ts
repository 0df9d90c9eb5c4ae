/**
 * `fixes --shard K/N` and the merge of its shard files. The cells of the analyses (one property on
 * one fix set of one suite and base, in the order `fixes` lists them) are cut into N shares; shard K
 * runs both engines on each cell of its share. A shard cannot know which exhaustive searches a whole
 * run would skip (a set implied by a smaller one another shard searches), so it searches every cell,
 * as --every-set does; the merge replays the analysis (`fixSetSteps`) on those answers and takes
 * only the searches one run takes: the same analyses, printed the same way. The merge first checks
 * that every shard ran what it would run (shardDigest.ts), that every answer is evidence (a cell ran
 * its runs, a violation has its counterexample, a holding search was not stopped by a bound) and
 * that every counterexample replays (shardEvidence.ts).
 */
import { suiteModel, type Suite } from '../../properties/index.ts';
import { Refusal } from '../io/refusal.ts';
import { BASES, FIXES, type Base, type Fix } from '../model/index.ts';
import {
  CELL_TASKS,
  fixCell,
  fixSearchBound,
  runSteps,
  type FixCellAnswer,
  type FixCellTaskInput,
  type FixExhaustiveCell,
  type FixRandomCell,
} from './cellTasks.ts';
import { withPool } from '../parallel/pool.ts';
import { fixCellContext, fixSetSteps, fixSubsets, variantOf, type FixSetAnalysis, type FixSetOptions } from './fixSets.ts';
import { shareOf, showShard, type Shard } from './shard.ts';
import { writeShardFile, type FixesShardFile } from './shardFile.ts';
import { runDigest, type RunDigest } from './shardDigest.ts';
import { checkRandom, checkReplays, checkSearch } from './shardEvidence.ts';
import { checkShardDigests, type ShardSet } from './shardSet.ts';
import { suitesNamed } from './suites.ts';

/** What a fixes shard records of its command line. */
export type FixesSelection = FixesShardFile['selection'];

interface Cell {
  index: number;
  analysis: number;
  suite: Suite;
  base: Base;
  variant: string;
  property: string;
}

/** The suites, bases and options a selection names, as `fixes` reads them. */
async function fixesRunOf(selection: FixesSelection): Promise<{ suites: Suite[]; bases: Base[]; options: FixSetOptions }> {
  const bases = selection.base === null ? [...BASES] : [selection.base];
  for (const base of bases)
    if (!(BASES as readonly string[]).includes(base)) throw new Refusal(`base '${base.slice(0, 80)}' is not one of ${BASES.join(', ')}`);
  for (const fix of selection.among ?? [])
    if (!(FIXES as readonly string[]).includes(fix)) throw new Refusal(`fix '${fix.slice(0, 80)}' is not one of ${FIXES.join(', ')}`);
  const suites = await suitesNamed(selection.suite ?? undefined);
  const options: FixSetOptions = {
    budget: selection.budget,
    runs: selection.runs ?? undefined,
    everySet: selection.everySet,
    among: (selection.among as Fix[] | null) ?? undefined,
  };
  return { suites, bases: bases as Base[], options };
}

/** Every cell of the analyses, in order: suite, base, set (smallest first), property. */
function cellsOf(suites: readonly Suite[], bases: readonly Base[], options: FixSetOptions): Cell[] {
  const cells: Cell[] = [];
  const work = suites.flatMap((suite) => bases.map((base) => ({ suite, base })));
  work.forEach(({ suite, base }, analysis) => {
    for (const fixes of fixSubsets(options.among))
      for (const property of suite.properties) cells.push({ index: cells.length, analysis, suite, base, variant: variantOf(base, fixes), property });
  });
  return cells;
}

/** What a fixes run over these cells runs: the suites, and every cell's model for both engines. */
function fixesDigest(suites: readonly Suite[], cells: readonly Cell[]): RunDigest {
  const models = cells.flatMap((c) => [suiteModel(c.suite, c.variant), suiteModel(c.suite, c.variant, true)]);
  return runDigest(suites, models);
}

/** Runs shard `shard` of a fixes run (on `workers` threads) and writes its file; returns the cells computed. */
export async function runFixesShard(
  selection: FixesSelection,
  shard: Shard,
  workers: number,
  out: string,
  onProgress?: (done: number, total: number, text: string) => void,
): Promise<number> {
  const { suites, bases, options } = await fixesRunOf(selection);
  const all = cellsOf(suites, bases, options);
  const [from, to] = shareOf(all.length, shard);
  const mine = all.slice(from, to);
  let done = 0;
  const computed = await withPool(workers, async (pool) => {
    const one = async (cell: Cell, engine: 'random' | 'exhaustive'): Promise<FixCellAnswer> => {
      const context = fixCellContext(cell.suite, options);
      const request = { engine, variant: cell.variant, property: cell.property };
      const answer = pool
        ? await pool.run<FixCellAnswer>(CELL_TASKS.fixCell, { context, cell: request } satisfies FixCellTaskInput)
        : fixCell(cell.suite, context, request);
      onProgress?.(++done, 2 * mine.length, `shard ${showShard(shard)}: ${cell.suite.id} on ${cell.base}: ${cell.variant}, ${cell.property} (${engine})`);
      return answer;
    };
    const cells = [];
    // In this thread one cell at a time; on a pool every cell at once (each engine a task).
    if (!pool) for (const cell of mine) cells.push({ cell, random: await one(cell, 'random'), exhaustive: await one(cell, 'exhaustive') });
    else cells.push(...(await Promise.all(mine.map(async (cell) => ({ cell, random: await one(cell, 'random'), exhaustive: await one(cell, 'exhaustive') })))));
    return cells;
  });
  writeShardFile(out, shard, fixesDigest(suites, all), {
    command: 'fixes',
    selection,
    cells: computed.map(({ cell, random, exhaustive }) => ({
      index: cell.index,
      suite: cell.suite.id,
      base: cell.base,
      variant: cell.variant,
      property: cell.property,
      random: random as FixRandomCell,
      exhaustive: exhaustive as FixesShardFile['cells'][number]['exhaustive'],
    })),
  });
  return mine.length;
}

/**
 * Merges the shards of one fixes run: each shard must hold exactly the cells of its share, and
 * every cell both engines' answers. Returns a function that replays the analyses on them.
 */
export async function prepareFixesMerge(set: ShardSet<FixesShardFile>) {
  const { suites, bases, options } = await fixesRunOf(set.selection as FixesSelection);
  const all = cellsOf(suites, bases, options);
  checkShardDigests(set, fixesDigest(suites, all));
  const answers = new Map<string, { random: FixRandomCell; exhaustive: FixExhaustiveCell }>();
  for (const { path, file } of set.shards) {
    const [from, to] = shareOf(all.length, file.shard);
    if (file.cells.length !== to - from)
      throw new Refusal(
        `${path}: shard ${showShard(file.shard)} holds ${file.cells.length} of the ${to - from} cells of its share (a killed or truncated shard): run it again`,
      );
    file.cells.forEach((c, i) => {
      const want = all[from + i]!;
      if (c.index !== want.index || c.suite !== want.suite.id || c.base !== want.base || c.variant !== want.variant || c.property !== want.property) {
        throw new Refusal(
          `${path}: shard ${showShard(file.shard)}: its cell ${from + i} is ${c.suite} on ${c.base}, ${c.property} on ${c.variant}; this selection's is ${want.suite.id} on ${want.base}, ${want.property} on ${want.variant}`,
        );
      }
      if (c.exhaustive === null) throw new Refusal(`${path}: shard ${showShard(file.shard)}: cell ${want.index} has no exhaustive search (damaged)`);
      const where = `${path}: shard ${showShard(file.shard)}, cell ${want.index} (${want.suite.id}: ${want.property} on ${want.variant})`;
      checkRandom(`${where}, random engine`, c.random, options.runs ?? want.suite.budget[options.budget]);
      checkSearch(`${where}, exhaustive engine`, c.exhaustive, fixSearchBound(want.suite, options.budget, want.property, want.variant).horizon);
      if (c.random.counterexample)
        checkReplays(`${where}, random engine`, want.suite, want.property, want.variant, suiteModel(want.suite, want.variant).config, c.random.counterexample);
      if (c.exhaustive.counterexample)
        checkReplays(
          `${where}, exhaustive engine`,
          want.suite,
          want.property,
          want.variant,
          suiteModel(want.suite, want.variant, true).config,
          c.exhaustive.counterexample,
        );
      answers.set(`${want.analysis}|${want.variant}|${want.property}`, { random: c.random as FixRandomCell, exhaustive: c.exhaustive as FixExhaustiveCell });
    });
  }
  const work = suites.flatMap((suite) => bases.map((base) => ({ suite, base })));
  return {
    /** The analyses in order, each told to `onResult` as it is done. */
    run(onResult?: (a: FixSetAnalysis) => void): { analyses: FixSetAnalysis[]; code: number } {
      const analyses = work.map(({ suite, base }, i) => {
        let ms = 0;
        const a = runSteps(fixSetSteps(suite, base, options), (cell) => {
          const answer = answers.get(`${i}|${cell.variant}|${cell.property}`)![cell.engine];
          ms += answer.ms;
          return answer;
        });
        // The time the analysis took is that of the searches it used, wherever they ran.
        const merged = { ...a, ms };
        onResult?.(merged);
        return merged;
      });
      return { analyses, code: analyses.some((a) => a.unmet.length > 0) ? 1 : 0 };
    },
  };
}
