/**
 * The exhaustive engine's tasks on a pool worker (see onPool.ts, which drives them): a worker opens
 * its part of a search, hands over and expands the queues of a level, settles the counterexample and
 * closes. Each takes plain data and returns plain data (and the buffers to move rather than copy);
 * the search's subject is built in the worker by the module its `SubjectRef` names.
 */
import type { SearchSubject, SubjectRef } from '../contract.ts';
import { collectGarbage } from '../../parallel/collectGarbage.ts';
import { taskRef, type TaskOutput } from '../../parallel/pool.ts';
import type { PartitionOpen, PartitionReport } from './onPool.ts';
import { Partition, type SearchBounds } from './partition.ts';
import { searchExhaustive as searchSubject, type ExhaustiveOptions, type ExhaustiveResult as EngineResult } from './search.ts';
import { SharedSeenSet } from './_internals/sharedSeenSet.ts';
import { VectorQueue, type QueueData } from './_internals/vectorQueue.ts';

/** This worker's parts of the parallel searches it takes part in, by session. */
const parts = new Map<number, { part: Partition<unknown, unknown>; table: number }>();

/** The subject a search names: its module builds it from the plain data, with the event kinds the search allows. */
async function subjectFrom(search: SubjectRef, kinds: SearchBounds['kinds']): Promise<SearchSubject<unknown, unknown>> {
  const loaded = (await import(search.module)) as {
    searchSubjectOf(subject: unknown, kinds: SearchBounds['kinds']): SearchSubject<unknown, unknown> | Promise<SearchSubject<unknown, unknown>>;
  };
  return loaded.searchSubjectOf(search.subject, kinds);
}

export async function exploreOpen(input: PartitionOpen): Promise<TaskOutput<PartitionReport>> {
  const subject = await subjectFrom(input.search, input.bounds.kinds);
  const part = new Partition(subject, input.bounds, { index: input.index, count: input.count, seen: new SharedSeenSet(input.table) });
  parts.set(input.session, { part, table: input.tableVersion });
  if (input.index === 0) part.seed();
  return reportOf(part, []);
}

/** Hands over this worker's queues of a level, one per worker. */
export function exploreGive(input: { session: number; level: number }): Promise<TaskOutput<PartitionReport>> {
  const { part } = parts.get(input.session)!;
  const queues = part.giveLevel(input.level).map((q) => q.data());
  return Promise.resolve(reportOf(part, queues));
}

/** Expands the queues of a level dealt to this worker (none: goes on with a level it paused in). */
export function exploreExpand(input: {
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
export async function exploreSettle(input: { search: SubjectRef; options: ExhaustiveOptions }): Promise<TaskOutput<EngineResult<unknown>>> {
  return { output: searchSubject(await subjectFrom(input.search, input.options.kinds), input.options) };
}

/** Ends a search's part in this worker (handing back the states it recorded, if asked to); after a large one its memory is given back at once. */
export function exploreClose(input: { session: number; large: boolean }): Promise<TaskOutput<{ recorded: string[] | null }>> {
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

/** The tasks above as the pool names them. */
export const EXPLORE_TASKS = {
  open: taskRef(import.meta.url, 'exploreOpen'),
  give: taskRef(import.meta.url, 'exploreGive'),
  expand: taskRef(import.meta.url, 'exploreExpand'),
  settle: taskRef(import.meta.url, 'exploreSettle'),
  close: taskRef(import.meta.url, 'exploreClose'),
};
