/**
 * A full garbage collection in this thread, after a large exhaustive search: its seen-set and queues
 * are typed arrays of gigabytes, and a thread that drops them allocates too little afterwards for
 * V8 to collect them soon, so without it the next search of the same command starts beside them
 * (the feedback loop's full tier peaked at 10 GB resident for 6.4 GB of search). Node offers `gc`
 * only behind a flag, which this turns on for the process the first time it is needed.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Searches whose structures held less than this are left to the collector's own pace. */
export const COLLECT_AFTER_BYTES = 256 * 2 ** 20;

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
