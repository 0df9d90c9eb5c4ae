/**
 * Heap measurement: the garbage collector when it can be reached (`--expose-gc`, or exposed at run time
 * through V8 flags), so that a heapUsed difference is the size of what was built and not of garbage.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Collector {
  /** Runs a full collection; undefined when no collector could be reached. */
  gc: (() => void) | undefined;
  /** How it was reached, for the output. */
  method: string;
}

let cached: Collector | undefined;

/** The collector: `global.gc` when present, else one exposed at run time, else none. */
export function collector(): Collector {
  if (cached) return cached;
  if (typeof globalThis.gc === 'function') {
    const gc = globalThis.gc;
    cached = { gc: () => void gc(), method: 'heapUsed difference, global.gc (--expose-gc)' };
    return cached;
  }
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') {
      cached = { gc: () => void gc(), method: 'heapUsed difference, gc exposed at run time (v8.setFlagsFromString)' };
      return cached;
    }
  } catch {
    // fall through: no collector
  }
  cached = { gc: undefined, method: 'no gc available' };
  return cached;
}

/** A full collection if possible, so that a timed section does not pay for earlier garbage. */
export function settle(): void {
  collector().gc?.();
}

/** Mean retained heap bytes of one value built by `build`, over `copies` copies held at once; undefined without gc. */
export function retainedBytes(build: () => unknown, copies: number): number | undefined {
  const { gc } = collector();
  if (!gc) return undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const held: unknown[] = [];
  for (let i = 0; i < copies; i++) held.push(build());
  gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length !== copies) throw new Error('unreachable'); // keeps `held` alive past the second gc
  return (after - before) / copies;
}
