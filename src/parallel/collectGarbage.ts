/**
 * A full garbage collection in this thread, after a large exhaustive search: its seen-set and queues
 * are typed arrays of gigabytes, and a thread that drops them allocates too little afterwards for
 * V8 to collect them soon, so without it the next search of the same command starts beside them
 * (the feedback loop's full tier peaked at 10 GB resident for 6.4 GB of search). Node offers `gc`
 * only behind a flag (`--expose-gc`); without it the flag is turned on for the process at run time.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Searches whose structures held less than this are left to the collector's own pace. */
export const COLLECT_AFTER_BYTES = 256 * 2 ** 20;

/** This thread's full collector, and how it was reached; null when none could be. */
export interface GarbageCollector {
  gc: () => void;
  how: 'global.gc (--expose-gc)' | 'gc exposed at run time (v8.setFlagsFromString)';
}

let cached: GarbageCollector | null | undefined;

export function garbageCollector(): GarbageCollector | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (typeof globalThis.gc === 'function') {
    const gc = globalThis.gc;
    cached = { gc: () => void gc(), how: 'global.gc (--expose-gc)' };
  } else {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      if (typeof gc === 'function') cached = { gc: () => void gc(), how: 'gc exposed at run time (v8.setFlagsFromString)' };
    } catch {
      // no collector: memory is given back at V8's own pace
    }
  }
  return cached;
}

/** A full collection now, if a collector can be reached. */
export function collectGarbage(): void {
  garbageCollector()?.gc();
}

/** A search's result, once this thread has collected what the search held, if that was large. */
export function collectedAfter<T extends { bytes: number }>(result: T): T {
  if (result.bytes >= COLLECT_AFTER_BYTES) collectGarbage();
  return result;
}
