/**
 * The tasks a pool worker runs, by name: each takes plain data and returns plain data (and the
 * buffers to move rather than copy). New kinds of parallel work add a task here.
 */
import type { Transferable } from 'node:worker_threads';
import { searchRandomRange, type RandomPartial } from '../explore/random.ts';
import { Partition } from '../engines/exhaustive/partition.ts';
import type { ExhaustiveOptions } from '../explore/exhaustive.ts';
import { searchExhaustive as searchSubject, type ExhaustiveResult as EngineResult } from '../engines/exhaustive/search.ts';
import type { SearchSubject } from '../engines/contract.ts';
import { protocolSubject } from '../explore/protocolSubject.ts';
import { SharedSeenSet } from '../engines/exhaustive/_internals/sharedSeenSet.ts';
import { VectorQueue, type QueueData } from '../engines/exhaustive/_internals/vectorQueue.ts';
import type { PartitionOpen, PartitionReport } from '../engines/exhaustive/onPool.ts';
import { propertyOf } from '../../properties/index.ts';
import type { Bounds } from '../properties/index.ts';
import { pairModel, randomSearchOf, type CheckOptions } from '../runner/checkPair.ts';
import type { Overrides } from '../runner/overrides.ts';
import { CELL_TASKS } from './cellTasks.ts';
import { collectGarbage } from './collectGarbage.ts';
import { pairOf, type PairSpec } from './pairSpec.ts';

export interface TaskOutput<T> {
  output: T;
  transfer?: Transferable[];
}

/** Runs `from .. to` of a pair's random search; skips runs past a failure another range already found. */
export interface RandomRangeInput {
  pair: PairSpec;
  options: Pick<CheckOptions, 'overrides' | 'runs' | 'seed' | 'budget'>;
  from: number;
  to: number;
  /** The lowest failing run index found so far, per pair (Int32 slots). */
  cutoff: SharedArrayBuffer;
  slot: number;
}

async function randomRange(input: RandomRangeInput): Promise<TaskOutput<RandomPartial>> {
  const { model, property, bounds, search } = randomSearchOf(await pairOf(input.pair), input.options);
  const cutoff = new Int32Array(input.cutoff);
  const partial = searchRandomRange(model, property, bounds, {
    ...search,
    from: input.from,
    to: input.to,
    skip: (index) => index > Atomics.load(cutoff, input.slot),
    onFailure: (index) => lowerCutoff(cutoff, input.slot, index),
  });
  return { output: partial };
}

/** Lowers a cutoff slot to `index` unless it is lower already. */
export function lowerCutoff(cutoff: Int32Array, slot: number, index: number): void {
  for (;;) {
    const now = Atomics.load(cutoff, slot);
    if (now <= index || Atomics.compareExchange(cutoff, slot, now, index) === now) return;
  }
}

/** An exhaustive search as plain data: the pair and the parameters over its suite's exhaustive scope (or its full tier's). */
export interface ExhaustiveSearchSpec {
  pair: PairSpec;
  overrides: Overrides;
  full?: true;
  /** Bounds over the suite's (the reference tests shorten the heal phase to keep their scopes small). */
  bounds?: Partial<Bounds>;
}

/** The model, property and bounds an exhaustive search spec names. */
async function searchFrom(spec: ExhaustiveSearchSpec) {
  const pair = await pairOf(spec.pair);
  return {
    model: pairModel(pair, spec.overrides, spec.full ? 'full' : true),
    property: propertyOf(pair.suite, pair.property)!,
    bounds: { ...pair.suite.bounds, ...spec.bounds },
  };
}

/** This worker's parts of the parallel searches it takes part in, by session. */
const parts = new Map<number, { part: Partition<unknown, unknown>; table: number }>();

/**
 * A search's subject from a module of its own: any model that implements the contract can be
 * searched on the pool (the tests' toy model is); `module` is its URL, `subject` what its
 * `searchSubjectOf` builds the subject from.
 */
export interface ModuleSearchSpec {
  module: string;
  subject: unknown;
}

/** The subject a search spec names: the protocol's for a pair, or a module's own. */
async function subjectFrom(search: unknown, kinds: ExhaustiveOptions['kinds']): Promise<SearchSubject<unknown, unknown>> {
  if (typeof search === 'object' && search !== null && 'module' in search) {
    const spec = search as ModuleSearchSpec;
    const loaded = (await import(spec.module)) as { searchSubjectOf(subject: unknown): SearchSubject<unknown, unknown> };
    return loaded.searchSubjectOf(spec.subject);
  }
  const { model, property, bounds } = await searchFrom(search as ExhaustiveSearchSpec);
  return protocolSubject(model, property, bounds, kinds) as SearchSubject<unknown, unknown>;
}

async function exploreOpen(input: PartitionOpen): Promise<TaskOutput<PartitionReport>> {
  const subject = await subjectFrom(input.search, input.bounds.kinds as ExhaustiveOptions['kinds']);
  const part = new Partition(subject, input.bounds, { index: input.index, count: input.count, seen: new SharedSeenSet(input.table) });
  parts.set(input.session, { part, table: input.tableVersion });
  if (input.index === 0) part.seed();
  return reportOf(part, []);
}

/** Hands over this worker's queues of a level, one per worker. */
function exploreGive(input: { session: number; level: number }): Promise<TaskOutput<PartitionReport>> {
  const { part } = parts.get(input.session)!;
  const queues = part.giveLevel(input.level).map((q) => q.data());
  return Promise.resolve(reportOf(part, queues));
}

/** Expands the queues of a level dealt to this worker (none: goes on with a level it paused in). */
function exploreExpand(input: {
  session: number;
  level: number;
  queues: QueueData[] | null;
  table: SharedArrayBuffer;
  tableVersion: number;
}): Promise<TaskOutput<PartitionReport>> {
  const entry = parts.get(input.session)!;
  const { part } = entry;
  if (entry.table !== input.tableVersion) {
    part.seen = new SharedSeenSet(input.table);
    entry.table = input.tableVersion;
  }
  if (input.queues)
    part.takeLevel(
      input.level,
      input.queues.map((q) => VectorQueue.of(q)),
    );
  part.expand(input.level);
  return Promise.resolve(reportOf(part, []));
}

/**
 * The one-thread search of a parallel one, told to stop at its first violation of the shortest
 * length the workers found (`settleAt`): run here, where the engine's code is already compiled hot.
 */
async function exploreSettle(input: { search: unknown; options: ExhaustiveOptions }): Promise<TaskOutput<EngineResult<unknown>>> {
  return { output: searchSubject(await subjectFrom(input.search, input.options.kinds), input.options) };
}

/** Ends a search's part in this worker (handing back the states it recorded, if asked to); after a large one its memory is given back at once. */
function exploreClose(input: { session: number; large: boolean }): Promise<TaskOutput<{ recorded: string[] | null }>> {
  const entry = parts.get(input.session);
  parts.delete(input.session);
  if (input.large) collectGarbage();
  return Promise.resolve({ output: { recorded: entry?.part.recorded.length ? entry.part.recorded : null } });
}

/** A part's totals so far, and any queues it hands over (moved to the coordinating thread). */
function reportOf(part: Partition<unknown, unknown>, queues: QueueData[]): TaskOutput<PartitionReport> {
  (part.seen as SharedSeenSet).flush();
  return {
    output: {
      queues,
      minLevel: part.minLevel,
      best: part.best?.safety ?? null,
      stop: part.stop,
      paused: part.paused,
      branchingStates: part.branchingStates,
      transitions: part.transitions,
      maxTick: part.maxTick,
      bytes: part.measure(),
      cut: part.cut,
    },
    transfer: queues.map((q) => q.bytes.buffer as ArrayBuffer),
  };
}

export const TASKS = {
  randomRange,
  exploreOpen,
  exploreGive,
  exploreExpand,
  exploreSettle,
  exploreClose,
  ...CELL_TASKS,
};
