/**
 * Heap measurement: the garbage collector when it can be reached (`--expose-gc`, or exposed at run time
 * through V8 flags), so that a heapUsed difference is the size of what was built and not of garbage.
 */
import { garbageCollector } from '../../src/parallel/collectGarbage.ts';

export interface Collector {
  /** Runs a full collection; undefined when no collector could be reached. */
  gc: (() => void) | undefined;
  /** How it was reached, for the output. */
  method: string;
}

/** The collector: `global.gc` when present, else one exposed at run time, else none. */
export function collector(): Collector {
  const found = garbageCollector();
  return found ? { gc: found.gc, method: `heapUsed difference, ${found.how}` } : { gc: undefined, method: 'no gc available' };
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
