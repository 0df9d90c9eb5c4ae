/**
 * The exhaustive search on a pool of workers. The workers share one seen-set, a SharedArrayBuffer
 * updated with atomics (`SharedSeenSet`), and go level by level as the one-thread search does:
 * the branching states of a level are dealt out evenly, every worker expands its share, follows
 * deterministic tails in place and queues what it finds for later levels, and the next level
 * starts when all are done. So the states stored after each level, the level at which the search
 * ends and its verdict are those of the one-thread search, for any number of workers.
 *
 * Why shared rather than partitioned by fingerprint: partitioned, a state owned by another worker
 * had to be copied to it, decoded there and judged in another round of messages, and a tail hopped
 * between workers at every tick; measured on the feedback loop at horizon 40, two workers took as
 * long as one (6.5 s against 6.8 s). Shared, a worker pays one compare-and-swap per new state.
 *
 * Which of several shortest counterexamples is reported depends on the order states are met in,
 * which workers change. So once the workers know the shortest safety-phase length s, one worker
 * runs the one-thread search told to stop at its first violation of length s (`settleAt`): the
 * same counterexample, byte for byte, as a one-thread run, at the cost of that partial search.
 */
import { COLLECT_AFTER_BYTES, collectedAfter } from '../../parallel/collectGarbage.ts';
import type { Pool, TaskRef } from '../../parallel/pool.ts';
import type { SubjectRef } from '../contract.ts';
import { resultOf, type ExhaustiveOptions, type ExhaustiveResult, type ExhaustiveStats, type ExhaustiveVerdict } from './search.ts';
import type { SearchBounds } from './bounds.ts';
import { SharedSeenSet } from './_internals/sharedSeenSet.ts';
import type { QueueData } from './_internals/vectorQueue.ts';
import { EXPLORE_TASKS } from './workerTasks.ts';

/** What a worker's share of the levels reports after each step. */
export interface LevelShareReport {
  /** The queues it handed over (one per worker), when asked to. */
  queues: QueueData[];
  minLevel: number | null;
  /** The least safety-phase length of a violation found, or null. */
  best: number | null;
  stop: 'states' | 'memory' | null;
  /** It stopped mid-level because the shared seen-set must grow. */
  paused: boolean;
  branchingStates: number;
  transitions: number;
  maxTick: number;
  bytes: number;
  cut: boolean;
}

/**
 * What a worker needs to open its share of the levels: the search as plain data (the worker builds
 * the model from it, once per search: it cannot be sent), the search's bounds as the caller resolved
 * them, its index, the table.
 */
export interface LevelShareOpen {
  session: number;
  /** Built in the worker into the search's subject (see workerTasks.ts). */
  search: SubjectRef;
  bounds: SearchBounds;
  index: number;
  count: number;
  table: SharedArrayBuffer;
  tableVersion: number;
}

/** The shared seen-set's first size: 2^20 slots, 12 MiB. */
const FIRST_CAPACITY = 1 << 20;

let sessions = 0;

/**
 * Searches as `searchExhaustive` does, on every worker of `pool`. `search` names the search's
 * subject as plain data, for the workers to build it from (the tasks `exploreOpen` and
 * `exploreSettle` of workerTasks.ts do); `healTicks` is its property's heal phase.
 */
export async function searchExhaustiveOnPool<E>(
  pool: Pool,
  search: SubjectRef,
  healTicks: number,
  options: ExhaustiveOptions,
): Promise<ExhaustiveResult<E> & { keptStates?: string[] }> {
  return collectedAfter(await searchOnPool<E>(pool, search, healTicks, options));
}

/** The search itself; its shared seen-set is unreachable once it returns, and collected then. */
async function searchOnPool<E>(
  pool: Pool,
  search: SubjectRef,
  healTicks: number,
  options: ExhaustiveOptions,
): Promise<ExhaustiveResult<E> & { keptStates?: string[] }> {
  const started = performance.now();
  const count = pool.size;
  const session = ++sessions;
  let table = SharedSeenSet.create(FIRST_CAPACITY);
  let tableVersion = 0;
  let memoryStop = false;
  // The bounds go to the workers as they are; how the search reports stays here.
  const { onProgress, settleAt: _, ...bounds } = options;
  const all = (task: TaskRef, input: (w: number) => object, transfer: (w: number) => ArrayBuffer[] = () => []) =>
    Promise.all(Array.from({ length: count }, (_, w) => pool.runOn<LevelShareReport>(w, task, { session, ...input(w) }, transfer(w))));

  let depth = 0;
  let peakBytes = 0;
  let reports = await all(
    EXPLORE_TASKS.open,
    (index) => ({ search, bounds, index, count, table: table.buffer, tableVersion }) satisfies Omit<LevelShareOpen, 'session'>,
  );
  const sum = (f: (r: LevelShareReport) => number) => reports.reduce((total, r) => total + f(r), 0);
  const stats = (): ExhaustiveStats => {
    peakBytes = Math.max(peakBytes, table.bytes + sum((r) => r.bytes));
    return {
      states: table.size,
      branchingStates: sum((r) => r.branchingStates),
      transitions: sum((r) => r.transitions),
      depth,
      ticks: Math.max(...reports.map((r) => r.maxTick)),
      ms: performance.now() - started,
      bytes: peakBytes,
    };
  };
  const best = (): number | null => reports.reduce<number | null>((min, r) => (r.best !== null && (min === null || r.best < min) ? r.best : min), null);
  const stopped = (): 'states' | 'memory' | null => (memoryStop ? 'memory' : (reports.find((r) => r.stop)?.stop ?? null));
  /** Doubles the shared seen-set; false (and a memory stop) when that would pass the memory bound. */
  const grow = (): boolean => {
    if (table.bytes * 3 + sum((r) => r.bytes) > bounds.maxMemoryBytes) {
      memoryStop = true;
      return false;
    }
    table = table.grown();
    tableVersion++;
    return true;
  };

  const finish = async (verdict: ExhaustiveVerdict, stoppedBy: ExhaustiveResult['stoppedBy']): Promise<ExhaustiveResult<E> & { keptStates?: string[] }> => {
    const s = stats();
    const closed = await Promise.all(
      Array.from({ length: count }, (_, w) =>
        pool.runOn<{ keptStates: string[] | null }>(w, EXPLORE_TASKS.close, { session, large: s.bytes >= COLLECT_AFTER_BYTES }),
      ),
    );
    const kept = bounds.keepStates ? { keptStates: closed.flatMap((c) => c.keptStates ?? []) } : {};
    if (verdict !== 'violated') return { ...resultOf<E>(s, verdict, stoppedBy, bounds.horizon, healTicks, null, count), ...kept };
    // The counterexample a one-thread search gives: its first violation of the shortest length
    // (worker 0 searches the subject it built for its share: see `subjectFrom` in workerTasks.ts).
    const { keepStates: __, ...settle } = bounds;
    const one = await pool.runOn<ExhaustiveResult<E>>(0, EXPLORE_TASKS.settle, { search, options: { ...settle, settleAt: best()! } });
    if (one.counterexample === null) return { ...one, ms: performance.now() - started, workers: count, ...kept };
    return {
      ...resultOf({ ...s, ms: performance.now() - started }, verdict, stoppedBy, bounds.horizon, one.healTicks, one.counterexample, count),
      ...kept,
    };
  };

  for (;;) {
    if (stopped()) return finish(best() !== null ? 'violated' : 'bound-reached', stopped()!);
    const levels = reports.map((r) => r.minLevel).filter((l): l is number => l !== null);
    if (levels.length === 0) break;
    const level = Math.min(...levels);
    if (table.crowded && !grow()) continue;
    // Deal the level out: worker w expands the w-th queue of every worker.
    const given = await all(EXPLORE_TASKS.give, () => ({ level }));
    const dealt = Array.from({ length: count }, (_, w) => given.map((r) => r.queues[w]!).filter((q) => q !== undefined));
    // While the workers expand, the states they add show in the shared table: report them each second.
    const ticker = onProgress && setInterval(() => onProgress(stats()), 1000);
    try {
      reports = await all(
        EXPLORE_TASKS.expand,
        (w) => ({ level, queues: dealt[w], table: table.buffer, tableVersion }),
        (w) => dealt[w]!.map((q) => q.bytes.buffer as ArrayBuffer),
      );
      while (reports.some((r) => r.paused) && !stopped()) {
        if (!grow()) break;
        reports = await all(EXPLORE_TASKS.expand, () => ({ level, queues: null, table: table.buffer, tableVersion }));
      }
    } finally {
      if (ticker) clearInterval(ticker);
    }
    if (stopped()) return finish(best() !== null ? 'violated' : 'bound-reached', stopped()!);
    depth = level + 1;
    onProgress?.(stats());
    const b = best();
    if (b !== null && b <= depth) return finish('violated', 'violation');
  }
  if (best() !== null) return finish('violated', 'violation');
  const cut = reports.some((r) => r.cut);
  return finish(cut ? 'holds-within-horizon' : 'holds', cut ? 'horizon' : 'complete');
}
