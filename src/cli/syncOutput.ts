/**
 * The worker's stdout and stderr, written at once. A command computes synchronously in its worker,
 * and a worker's own streams pass only their first write on until its event loop runs: without this,
 * result lines and the progress bar of a long run arrive in one burst at the end. Writes go straight
 * to the process's file descriptors; a full non-blocking pipe is waited on, and a closed one (EPIPE)
 * is told to the main thread, which ends the command as SIGPIPE would.
 */
import { writeSync } from 'node:fs';

/** Replaces `process.stdout.write` and `process.stderr.write` in this thread; `onClosed` is called once on EPIPE. */
export function writeOutputAtOnce(onClosed: () => void): void {
  let closed = false;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const make = (fd: number) =>
    ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
      const done = typeof encoding === 'function' ? encoding : callback;
      if (!closed) {
        const data = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : chunk;
        let offset = 0;
        while (offset < data.length) {
          try {
            offset += writeSync(fd, data, offset, data.length - offset);
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'EAGAIN') {
              Atomics.wait(pause, 0, 0, 1);
              continue;
            }
            if (code === 'EPIPE') {
              closed = true;
              onClosed();
              break;
            }
            throw error;
          }
        }
      }
      if (typeof done === 'function') (done as () => void)();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = make(1);
  process.stderr.write = make(2);
}
