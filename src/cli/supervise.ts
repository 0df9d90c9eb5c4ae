/**
 * The command runs in a worker thread; this thread only keeps watch. A long search is synchronous,
 * and a synchronous thread cannot hear a signal, so the worker computes while this thread answers
 * SIGINT, SIGTERM and SIGHUP at once: it stops the worker, removes the temporary file the worker was
 * writing (if any) and exits with the conventional code (130, 143, 129). Output into a closed pipe
 * (`cascade replay FILE | head -1`) ends the command quietly with 141, as SIGPIPE would. It also
 * bounds a suite file's functions (see `userCallWatch.ts`), and says so when the worker ends itself.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { closePending, pendingTempSlot } from '../io/pendingTemp.ts';
import { escapeUnprintable } from '../io/printable.ts';
import { propertySeconds, userCallWatchData, userCallWatcher } from '../io/userCallWatch.ts';

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const EPIPE_CODE = 141;
/** How long a stopped worker has to end before the process ends without it. */
const STOP_WAIT_MS = 2000;

/** What the worker needs to know of this thread's terminal. */
export interface WorkerData {
  argv: string[];
  pendingTemp: SharedArrayBuffer;
  stderrIsTTY: boolean;
  stderrColumns: number | undefined;
  userCallWatch: SharedArrayBuffer;
  userCallSlot: number;
}

export function runSupervised(argv: string[]): Promise<number> {
  const name = `cascade ${argv[0]}`;
  const seconds = propertySeconds();
  if (typeof seconds === 'string') {
    process.stderr.write(`${name}: ${seconds}\n`);
    return Promise.resolve(2);
  }
  return new Promise((resolveCode) => {
    let finished = false;
    const data: WorkerData = {
      argv,
      pendingTemp: pendingTempSlot(),
      stderrIsTTY: process.stderr.isTTY === true,
      stderrColumns: process.stderr.columns,
      ...userCallWatchData(0),
    };
    // Compiled, the worker is plain JavaScript; from the TypeScript sources it boots through tsx.
    const entry = import.meta.url.endsWith('.ts') ? './workerBoot.mjs' : './worker.js';
    const worker = new Worker(new URL(entry, import.meta.url), { workerData: data });
    let code: number | null = null;
    /** Ends the process with `exitCode` once the worker is stopped; `signal` ends it if the worker does not stop in time. */
    const stop = (exitCode: number, signal: NodeJS.Signals | null) => {
      if (finished) return;
      finished = true;
      const exit = () => {
        removePendingTemp();
        if (exitCode !== EPIPE_CODE && process.stderr.isTTY) process.stderr.write('\n');
        process.exit(exitCode);
      };
      void worker.terminate().then(exit);
      // A worker that cannot be stopped soon (inside a system call, or starting many threads of its
      // own) would hold process.exit too, which waits for every thread: end by the signal instead.
      setTimeout(() => (signal === null ? exit() : endBySignal(signal, exitCode)), STOP_WAIT_MS).unref();
    };
    for (const [signal, exitCode] of Object.entries(SIGNAL_CODES)) process.on(signal, () => stop(exitCode, signal as NodeJS.Signals));
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') stop(EPIPE_CODE, 'SIGPIPE');
        else throw error;
      });
    }
    const watcher = userCallWatcher(seconds);
    const watch = setInterval(
      () => {
        const stuck = watcher.look();
        if (stuck === null || finished) return;
        process.stderr.write(
          escapeUnprintable(
            `${name}: ${stuck} did not return within ${seconds} s on one state: a property must be a quick function of the state (CASCADE_PROPERTY_SECONDS sets this bound); the run is incomplete and reports no verdict`,
          ) + '\n',
        );
        stop(2, null);
      },
      Math.min(1000, seconds * 250),
    );
    watch.unref();
    worker.on('message', (message: { code?: number; closed?: boolean }) => {
      if (typeof message.code === 'number') code = message.code;
      // The worker met a closed output pipe: end as SIGPIPE would.
      if (message.closed) stop(EPIPE_CODE, 'SIGPIPE');
    });
    worker.on('error', (error) => {
      clearInterval(watch);
      if (finished) return;
      finished = true;
      removePendingTemp();
      process.stderr.write(`cascade: internal error: ${error.stack ?? String(error)}\n`);
      resolveCode(3);
    });
    worker.on('exit', (exitCode) => {
      clearInterval(watch);
      if (finished) return;
      finished = true;
      // The command's thread ended before it reported (a suite file's function called process.exit).
      if (code === null)
        process.stderr.write(
          `${name}: the command's thread stopped (exit code ${exitCode}) before it finished: the run is incomplete and reports no verdict\n`,
        );
      resolveCode(code ?? 3);
    });
  });
}

/** Removes the temporary file a stopped worker left, if it was writing one, and lets it start no other. */
function removePendingTemp(): void {
  const path = closePending();
  if (path !== null) rmSync(path, { force: true });
}

/**
 * Ends the process now by `signal`'s default action (the shell sees 128 + its number, the code the
 * command would have exited with): unlike process.exit, it waits for no thread.
 */
function endBySignal(signal: NodeJS.Signals, exitCode: number): void {
  removePendingTemp();
  if (signal !== 'SIGPIPE' && process.stderr.isTTY) process.stderr.write('\n');
  // Listening and then not restores the default action (node itself ignores SIGPIPE).
  const ignore = () => {};
  process.on(signal, ignore);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
  process.exit(exitCode);
}
