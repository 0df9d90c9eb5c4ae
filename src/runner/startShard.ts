/**
 * `start --shard K/N` and the merge of its shard files. The main job's work is cut into units, in a
 * fixed order: each base's fix-set analysis (both stages), the population runs against the record,
 * the scripted outages, then every exhaustive and every random pair; unit i goes to shard
 * (i mod N) + 1. A shard runs its units as `start` runs them and writes what they found, with the
 * counterexample files they stored; the merge checks the set is whole and each shard ran exactly its
 * units, stores the counterexamples it lacks, and assembles the same results a whole run gathers
 * (gather.ts). A shard cannot take searches from pairs another shard ran, so its fix-set analysis
 * makes them again: the verdicts are the same, its count of searches reused (and its times) differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, normalize } from 'node:path';
import { suiteModel, SUITES } from '../../properties/index.ts';
import { Refusal } from '../io/refusal.ts';
import { writeAtomically } from '../io/writeAtomically.ts';
import { BASES, type Base } from '../model/index.ts';
import type { EnoughRecord } from '../results/enoughRecord.ts';
import type { ExplorePairResult, FixSetRecord, PairResult, Results } from '../results/results.ts';
import { parseCounterexample } from '../trace/load.ts';
import { pairModel } from './checkPair.ts';
import {
  assembleResults,
  gatherExhaustive,
  gatherFidelity,
  gatherFixes,
  gatherPairs,
  gatherRandom,
  gatherScenarios,
  type GatheredFixes,
  type GatherListener,
} from './gather.ts';
import type { Pair } from './select.ts';
import { showShard, type Shard } from './shard.ts';
import { writeShardFile, type StartShardFile } from './shardFile.ts';
import { runDigest, type RunDigest } from './shardDigest.ts';
import { checkShardDigests, type ShardSet } from './shardSet.ts';

/** One unit of the main job's work. */
export type StartUnit =
  | { kind: 'fixes'; base: Base }
  | { kind: 'fidelity' }
  | { kind: 'scenarios' }
  | { kind: 'exhaustive'; index: number }
  | { kind: 'random'; index: number };

/** The main job's units in order: the longest first, so that round-robin spreads them. */
export function startUnits(pairs: { random: readonly Pair[]; exhaustive: readonly Pair[] } = gatherPairs()): StartUnit[] {
  return [
    ...BASES.map((base): StartUnit => ({ kind: 'fixes', base })),
    { kind: 'fidelity' },
    { kind: 'scenarios' },
    ...pairs.exhaustive.map((_, index): StartUnit => ({ kind: 'exhaustive', index })),
    ...pairs.random.map((_, index): StartUnit => ({ kind: 'random', index })),
  ];
}

/** The units shard K of N runs: every N-th, from the K-th. */
export function unitsOf(units: readonly StartUnit[], shard: Shard): StartUnit[] {
  return units.filter((_, i) => i % shard.count === shard.index - 1);
}

/** What a start shard records of its command line. */
export type StartSelection = StartShardFile['selection'];

/** What the main job runs: the suites, every pair's model, the budget and the population reduction. */
export function startDigest(selection: StartSelection, pairs = gatherPairs()): RunDigest {
  return runDigest(
    SUITES,
    [...pairs.random.map((p) => pairModel(p, {}, false)), ...pairs.exhaustive.map((p) => suiteModel(p.suite, p.variant, true))],
    selection,
  );
}

/** A counterexample file a pair stored, carried to the merge: its path under `counterexamples/` and its text. */
function carried(path: string | null): { path: string; text: string } | null {
  if (path === null || !existsSync(path)) return null;
  return { path, text: readFileSync(path, 'utf8') };
}

/** Runs shard `shard` of the main job and writes its file to `out`; returns how many units it ran. */
export async function runStartShard(selection: StartSelection, shard: Shard, out: string, workers: number, listener: GatherListener = {}): Promise<number> {
  const pairs = gatherPairs();
  const units = startUnits(pairs);
  const mine = unitsOf(units, shard);
  const has = (kind: StartUnit['kind']) => mine.some((u) => u.kind === kind);
  const indices = (kind: 'random' | 'exhaustive') => mine.flatMap((u) => (u.kind === kind ? [u.index] : []));
  const scenarios = has('scenarios') ? gatherScenarios(listener) : null;
  const fidelity = has('fidelity') ? gatherFidelity(selection.reduction) : null;
  const randomAt = indices('random');
  const random = await gatherRandom(
    randomAt.map((i) => pairs.random[i]!),
    selection.budget,
    workers,
    listener.random,
  );
  const exhaustiveAt = indices('exhaustive');
  const exhaustive = await gatherExhaustive(
    exhaustiveAt.map((i) => pairs.exhaustive[i]!),
    selection.budget,
    workers,
    listener.exhaustive,
  );
  const fixes: StartShardFile['fixes'] = [];
  for (const unit of mine) {
    if (unit.kind !== 'fixes') continue;
    const found = await gatherFixes([unit.base], selection.budget, workers, { random, exhaustive }, listener);
    // The records' fix names are the six fixes, which the shard file's schema checks when it is read back.
    fixes.push({ base: unit.base, fixSets: found.fixSets, enough: found.enough?.[0] ?? null, code: found.code } as StartShardFile['fixes'][number]);
  }
  writeShardFile(out, shard, startDigest(selection, pairs), {
    command: 'start',
    selection,
    units: units.length,
    workers,
    scenarios,
    fidelity,
    random: random.map((result, k) => ({ index: randomAt[k]!, result, file: carried(result.counterexample) })),
    exhaustive: exhaustive.map((result, k) => ({ index: exhaustiveAt[k]!, result, file: carried(result.counterexample) })),
    fixes,
  });
  return mine.length;
}

/** A pair as a shard names it, for a refusal. */
const pairKey = (r: { suite: string; property: string; variant: string }) => `${r.suite} / ${r.property} on ${r.variant}`;

/**
 * Checks that `set` is the N shards of one main job, each with exactly its units, that what they ran
 * is what this merge would run, and that every counterexample file they carry is one under
 * `counterexamples/` that loads; then stores the files missing here (an existing file is kept, as a
 * whole run keeps it) and assembles the results. Nothing is written before every check has passed.
 */
export function prepareStartMerge(set: ShardSet<StartShardFile>): { results: Results; code: number; drift: string[] } {
  const pairs = gatherPairs();
  const units = startUnits(pairs);
  checkShardDigests(set, startDigest(set.selection, pairs));
  const random: { index: number; result: PairResult }[] = [];
  const exhaustive: { index: number; result: ExplorePairResult }[] = [];
  const fixesByBase = new Map<string, StartShardFile['fixes'][number]>();
  const files: { path: string; text: string }[] = [];
  let scenarios: Results['scenarios'] | null = null;
  let fidelity: Results['fidelity'] | null = null;
  let workers = 1;
  for (const { path, file } of set.shards) {
    if (file.units !== units.length)
      throw new Refusal(`${path}: cut the main job into ${file.units} units, this cascade into ${units.length}: run the shards again`);
    const mine = unitsOf(units, file.shard);
    const count = (kind: StartUnit['kind']) => mine.filter((u) => u.kind === kind).length;
    const at = (kind: 'random' | 'exhaustive') => mine.flatMap((u) => (u.kind === kind ? [u.index] : [])).join(',');
    const bases = mine.flatMap((u) => (u.kind === 'fixes' ? [u.base] : [])).join(',');
    const other =
      (file.scenarios !== null) !== (count('scenarios') === 1) ||
      (file.fidelity !== null) !== (count('fidelity') === 1) ||
      file.random.map((r) => r.index).join(',') !== at('random') ||
      file.exhaustive.map((r) => r.index).join(',') !== at('exhaustive') ||
      file.fixes.map((f) => f.base).join(',') !== bases;
    if (other)
      throw new Refusal(`${path}: holds other work than shard ${showShard(file.shard)} of the main job runs (a shard file edited, or another cascade)`);
    for (const [kind, list, expected] of [
      ['random', file.random, pairs.random],
      ['exhaustive', file.exhaustive, pairs.exhaustive],
    ] as const) {
      for (const r of list) {
        const p = expected[r.index]!;
        if (r.result.suite !== p.suite.id || r.result.property !== p.property || r.result.variant !== p.variant)
          throw new Refusal(`${path}: its ${kind} unit ${r.index} is ${pairKey(r.result)}, the main job's is ${pairKey({ ...p, suite: p.suite.id })}`);
        if (r.file !== null) files.push(checkedFile(path, r.file));
      }
    }
    random.push(...file.random);
    exhaustive.push(...file.exhaustive);
    scenarios = file.scenarios ?? scenarios;
    fidelity = file.fidelity ?? fidelity;
    for (const f of file.fixes) fixesByBase.set(f.base, f);
    workers = Math.max(workers, file.workers);
  }
  // Every unit is in exactly one shard (checked above), so each of these is whole.
  const inOrder = <R>(list: readonly { index: number; result: R }[]) => [...list].sort((a, b) => a.index - b.index).map((r) => r.result);
  const fixes = mergeFixes(BASES.map((base) => fixesByBase.get(base)!));
  for (const f of files) if (!existsSync(f.path)) writeAtomically(f.path, f.text);
  return assembleResults(
    {
      budget: set.selection.budget,
      scenarios: scenarios!,
      fidelity: fidelity!,
      reduction: set.selection.reduction,
      random: inOrder(random),
      exhaustive: inOrder(exhaustive),
      fixes,
    },
    workers,
  );
}

/** The bases' analyses in the order a whole run lists them: suite, then base. */
function mergeFixes(parts: readonly { fixSets: FixSetRecord[]; enough: EnoughRecord | null; code: number }[]): GatheredFixes {
  const records = parts.flatMap((p) => p.fixSets);
  const suiteAt = (id: string) => SUITES.findIndex((s) => s.id === id);
  const fixSets = [...records].sort((a, b) => suiteAt(a.suite) - suiteAt(b.suite) || BASES.indexOf(a.base) - BASES.indexOf(b.base));
  const enough = parts.flatMap((p) => (p.enough === null ? [] : [p.enough]));
  return { fixSets, ...(enough.length > 0 ? { enough } : {}), code: parts.some((p) => p.code !== 0) ? 1 : 0 };
}

/** A carried counterexample file, checked: a path under `counterexamples/` and a text that loads as a counterexample. */
function checkedFile(shard: string, file: { path: string; text: string }): { path: string; text: string } {
  const path = normalize(file.path);
  // Normalized, a path that climbs out of counterexamples/ no longer starts with it.
  if (isAbsolute(path) || !path.startsWith('counterexamples/') || !path.endsWith('.json'))
    throw new Refusal(`${shard}: carries a counterexample file outside counterexamples/ (${file.path.slice(0, 80)})`);
  const parsed = parseCounterexample(file.text, path);
  if (!parsed.ok) throw new Refusal(`${shard}: carries a counterexample that does not load: ${parsed.error}`);
  return { path, text: file.text };
}
