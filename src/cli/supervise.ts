/**
 * The command runs in a worker thread; this thread only keeps watch. A long search is synchronous,
 * and a synchronous thread cannot hear a signal, so the worker computes while this thread answers
 * SIGINT, SIGTERM and SIGHUP at once: it stops the worker, removes the temporary file the worker was
 * writing (if any) and exits with the conventional code (130, 143, 129). Output into a closed pipe
 * (`cascade replay FILE | head -1`) ends the command quietly with 141, as SIGPIPE would.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { pendingTemp, pendingTempSlot } from '../io/pendingTemp.ts';

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const EPIPE_CODE = 141;

/** What the worker needs to know of this thread's terminal. */
export interface WorkerData {
  argv: string[];
  pendingTemp: SharedArrayBuffer;
  stderrIsTTY: boolean;
  stderrColumns: number | undefined;
}

export function runSupervised(argv: string[]): Promise<number> {
  return new Promise((resolveCode) => {
    let finished = false;
    const data: WorkerData = { argv, pendingTemp: pendingTempSlot(), stderrIsTTY: process.stderr.isTTY === true, stderrColumns: process.stderr.columns };
    // Compiled, the worker is plain JavaScript; from the TypeScript sources it boots through tsx.
    const entry = import.meta.url.endsWith('.ts') ? './workerBoot.mjs' : './worker.js';
    const worker = new Worker(new URL(entry, import.meta.url), { workerData: data });
    let code: number | null = null;
    const stop = (exitCode: number) => {
      if (finished) return;
      finished = true;
      const exit = () => {
        removePendingTemp();
        if (exitCode !== EPIPE_CODE && process.stderr.isTTY) process.stderr.write('\n');
        process.exit(exitCode);
      };
      void worker.terminate().then(exit);
      // A worker inside a system call cannot be stopped until it returns: do not wait for it long.
      setTimeout(exit, 2000).unref();
    };
    for (const [signal, exitCode] of Object.entries(SIGNAL_CODES)) process.on(signal, () => stop(exitCode));
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') stop(EPIPE_CODE);
        else throw error;
      });
    }
    worker.on('message', (message: { code?: number; closed?: boolean }) => {
      if (typeof message.code === 'number') code = message.code;
      // The worker met a closed output pipe: end as SIGPIPE would.
      if (message.closed) stop(EPIPE_CODE);
    });
    worker.on('error', (error) => {
      if (finished) return;
      finished = true;
      removePendingTemp();
      process.stderr.write(`cascade: internal error: ${error.stack ?? String(error)}\n`);
      resolveCode(3);
    });
    worker.on('exit', () => {
      if (finished) return;
      finished = true;
      resolveCode(code ?? 3);
    });
  });
}

/** Removes the temporary file a stopped worker left, if it was writing one. */
function removePendingTemp(): void {
  const path = pendingTemp();
  if (path !== null) rmSync(path, { force: true });
}
