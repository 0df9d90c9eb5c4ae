/**
 * A pool of worker threads that run tasks on plain, cloneable inputs. A task is a function exported
 * by some module, named by the module's URL and the export (`TaskRef`): the layer that owns the work
 * defines it, and the pool knows none of them. Tasks go to the first free worker in the order they were asked for; `runOn` pins one to a worker (a
 * search partition keeps its state there between steps). A worker that dies (an uncaught error, an
 * exit, a kill) fails every task it held and every later one with a `WorkerLost`: a run never
 * reports a verdict it did not finish. A worker starts only when a task needs it (a pool of 8 given
 * 3 tasks starts 3), so that a pool larger than its work costs no threads, memory or start-up time.
 */
import { availableParallelism } from 'node:os';
import { Worker, type Transferable } from 'node:worker_threads';
import { Refusal } from '../io/refusal.ts';
import { userCallWatchData } from '../io/userCallWatch.ts';

/**
 * A task as plain data: the URL of the module that exports it and the export's name. The function
 * takes the task's input and returns (or resolves to) a `TaskOutput`.
 */
export interface TaskRef {
  module: string;
  name: string;
}

/** The task `name` exported by the module at `module` (its `import.meta.url`, which is a .js file's once compiled). */
export function taskRef(module: string, name: string): TaskRef {
  return { module, name };
}

/** What a task returns: its output, and the buffers to move to the asking thread rather than copy. */
export interface TaskOutput<T> {
  output: T;
  transfer?: Transferable[];
}

/** One line saying which worker stopped and why; the command prints it and fails. */
export class WorkerLost extends Error {}

/** A worker's answer: the output, or the error (with its one line when it was bad input, not a defect). */
interface Reply {
  id: number;
  output?: unknown;
  error?: string;
  usage?: string;
}

interface Job {
  id: number;
  task: TaskRef;
  input: unknown;
  transfer: Transferable[];
  resolve: (output: never) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  index: number;
  busy: Job | null;
  pinned: Job[];
  ready: Promise<void>;
}

/** The number of workers a command uses when none is asked for: the machine's cores. */
export function defaultWorkers(): number {
  return availableParallelism();
}

export class Pool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 0;
  private lost: WorkerLost | null = null;
  private closed = false;

  constructor(readonly size: number) {}

  /** Workers started so far (at most `size`; fewer when the work has had fewer tasks at once). */
  get started(): number {
    return this.slots.length;
  }

  /** Starts the next worker. */
  private start(): Slot {
    // From the TypeScript sources a worker boots through tsx's loader; compiled, it is plain JavaScript.
    const entry = import.meta.url.endsWith('.ts') ? './poolWorkerBoot.mjs' : './poolWorker.js';
    const index = this.slots.length;
    // Slot 0 of the watch on a suite file's functions is the command's own thread.
    const worker = new Worker(new URL(entry, import.meta.url), { env: process.env, stdout: false, stderr: false, workerData: userCallWatchData(index + 1) });
    worker.unref();
    const slot: Slot = { worker, index, busy: null, pinned: [], ready: Promise.resolve() };
    worker.on('message', (message: Reply) => this.finished(slot, message));
    worker.on('error', (error) => this.die(slot, `failed: ${firstLine(error)}`));
    worker.on('exit', (code) => this.die(slot, `stopped (exit code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  /** Runs `task` on the next free worker. */
  run<T>(task: TaskRef, input: unknown, transfer: Transferable[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.lost) return reject(this.lost);
      this.queue.push({ id: this.nextId++, task, input, transfer, resolve: resolve as (o: never) => void, reject });
      this.dispatch();
    });
  }

  /** Runs `task` on worker `index`, after the tasks already pinned there. */
  runOn<T>(index: number, task: TaskRef, input: unknown, transfer: Transferable[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.lost) return reject(this.lost);
      if (!Number.isInteger(index) || index < 0 || index >= this.size) return reject(new RangeError(`no worker ${index} in a pool of ${this.size}`));
      while (this.slots.length <= index) this.start();
      this.slots[index]!.pinned.push({ id: this.nextId++, task, input, transfer, resolve: resolve as (o: never) => void, reject });
      this.dispatch();
    });
  }

  /** Stops every worker (at once: a running task is abandoned). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const job = slot.pinned.shift() ?? this.queue.shift();
      if (job) this.send(slot, job);
    }
    // Tasks left over start workers, up to the pool's size.
    while (this.queue.length > 0 && this.slots.length < this.size) this.send(this.start(), this.queue.shift()!);
  }

  private send(slot: Slot, job: Job): void {
    slot.busy = job;
    slot.worker.ref();
    slot.worker.postMessage({ id: job.id, task: job.task, input: job.input }, job.transfer);
  }

  private finished(slot: Slot, message: Reply): void {
    const job = slot.busy;
    if (!job || job.id !== message.id) return;
    slot.busy = null;
    if (slot.pinned.length === 0) slot.worker.unref();
    if (message.usage !== undefined) job.reject(new Refusal(message.usage));
    else if (message.error !== undefined) job.reject(new TaskError(message.error));
    else job.resolve(message.output as never);
    this.dispatch();
  }

  private die(slot: Slot, why: string): void {
    if (this.closed) return;
    this.lost ??= new WorkerLost(`worker ${slot.index + 1} of ${this.size} ${why}: the run is incomplete and reports no verdict`);
    const pending = [...this.slots.flatMap((s) => [...(s.busy ? [s.busy] : []), ...s.pinned]), ...this.queue];
    for (const s of this.slots) {
      s.busy = null;
      s.pinned = [];
    }
    this.queue = [];
    for (const job of pending) job.reject(this.lost);
    this.closed = true;
    for (const s of this.slots) if (s !== slot) void s.worker.terminate();
  }
}

/** A task that threw in its worker: the error's text, carried back (its stack stays there). */
export class TaskError extends Error {}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

/**
 * Runs `body` with a pool of `workers` threads, closed afterwards whatever happens; with one worker
 * there is no pool (`null`) and the caller runs everything in this thread.
 */
export async function withPool<T>(workers: number, body: (pool: Pool | null) => Promise<T>): Promise<T> {
  if (workers <= 1) return body(null);
  const pool = new Pool(workers);
  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}
