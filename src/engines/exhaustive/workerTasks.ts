/**
 * The exhaustive engine's tasks on a pool worker (see onPool.ts, which drives them): a worker opens
 * its share of a search's levels, hands over and expands the queues of a level, settles the
 * counterexample and closes. Each takes plain data and returns plain data (and the buffers to move
 * rather than copy); the search's subject is built in the worker by the module its `SubjectRef` names.
 */
import type { SearchSubject, SubjectRef } from '../contract.ts';
import { collectGarbage } from '../../parallel/collectGarbage.ts';
import { taskRef, type TaskOutput } from '../../parallel/pool.ts';
import type { SearchBounds } from './bounds.ts';
import { LevelShare } from './levelShare.ts';
import type { LevelShareOpen, LevelShareReport } from './onPool.ts';
import { searchExhaustive as searchSubject, type ExhaustiveOptions, type ExhaustiveResult as EngineResult } from './search.ts';
import { SharedSeenSet } from './_internals/sharedSeenSet.ts';
import { VectorQueue, type QueueData } from './_internals/vectorQueue.ts';

/** This worker's shares of the parallel searches it takes part in, by session. */
const shares = new Map<number, { share: LevelShare<unknown, unknown>; table: number }>();

/** The subject this worker built last, and the plain data it was built from. */
let built: { key: string; subject: SearchSubject<unknown, unknown> } | null = null;

/**
 * The subject a search names: its module builds it from the plain data, with the event kinds the
 * search allows. A worker builds each search's subject once: a model cannot be sent between threads,
 * so every worker builds its own from the plain data, and the settling search that follows a
 * violated one (on worker 0, with the same data) takes the subject its share was opened with.
 */
async function subjectFrom(search: SubjectRef, kinds: SearchBounds['kinds']): Promise<SearchSubject<unknown, unknown>> {
  const key = JSON.stringify([search.module, search.subject, kinds ?? null]);
  if (built?.key === key) return built.subject;
  const loaded = (await import(search.module)) as {
    searchSubjectOf(subject: unknown, kinds: SearchBounds['kinds']): SearchSubject<unknown, unknown> | Promise<SearchSubject<unknown, unknown>>;
  };
  const subject = await loaded.searchSubjectOf(search.subject, kinds);
  built = { key, subject };
  return subject;
}

/** Opens this worker's share of a search's levels (worker 0 seeds the initial state). */
export async function exploreOpen(input: LevelShareOpen): Promise<TaskOutput<LevelShareReport>> {
  const subject = await subjectFrom(input.search, input.bounds.kinds);
  const share = new LevelShare(subject, input.bounds, { index: input.index, count: input.count, seen: new SharedSeenSet(input.table) });
  shares.set(input.session, { share, table: input.tableVersion });
  if (input.index === 0) share.seed();
  return reportOf(share, []);
}

/** Hands over this worker's queues of a level, one per worker. */
export function exploreGive(input: { session: number; level: number }): Promise<TaskOutput<LevelShareReport>> {
  const { share } = shares.get(input.session)!;
  const queues = share.giveLevel(input.level).map((q) => q.data());
  return Promise.resolve(reportOf(share, queues));
}

/** Expands the queues of a level dealt to this worker (none: goes on with a level it paused in). */
export function exploreExpand(input: {
  session: number;
  level: number;
  queues: QueueData[] | null;
  table: SharedArrayBuffer;
  tableVersion: number;
}): Promise<TaskOutput<LevelShareReport>> {
  const entry = shares.get(input.session)!;
  const { share } = entry;
  if (entry.table !== input.tableVersion) {
    share.seen = new SharedSeenSet(input.table);
    entry.table = input.tableVersion;
  }
  if (input.queues)
    share.takeLevel(
      input.level,
      input.queues.map((q) => VectorQueue.of(q)),
    );
  share.expand(input.level);
  return Promise.resolve(reportOf(share, []));
}

/**
 * The one-thread search of a parallel one, told to stop at its first violation of the shortest
 * length the workers found (`settleAt`): run here, where the engine's code is already compiled hot.
 */
export async function exploreSettle(input: { search: SubjectRef; options: ExhaustiveOptions }): Promise<TaskOutput<EngineResult<unknown>>> {
  return { output: searchSubject(await subjectFrom(input.search, input.options.kinds), input.options) };
}

/** Ends a search's share in this worker (handing back the states it kept, if asked to); after a large one its memory is given back at once. */
export function exploreClose(input: { session: number; large: boolean }): Promise<TaskOutput<{ keptStates: string[] | null }>> {
  const entry = shares.get(input.session);
  shares.delete(input.session);
  if (input.large) collectGarbage();
  return Promise.resolve({ output: { keptStates: entry?.share.keptStates.length ? entry.share.keptStates : null } });
}

/** A share's totals so far, and any queues it hands over (moved to the coordinating thread). */
function reportOf(share: LevelShare<unknown, unknown>, queues: QueueData[]): TaskOutput<LevelShareReport> {
  (share.seen as SharedSeenSet).flush();
  return {
    output: {
      queues,
      minLevel: share.minLevel,
      best: share.best?.safety ?? null,
      stop: share.stop,
      paused: share.paused,
      branchingStates: share.branchingStates,
      transitions: share.transitions,
      maxTick: share.maxTick,
      bytes: share.measure(),
      cut: share.cut,
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
