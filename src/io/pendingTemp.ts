/**
 * The temporary file an atomic write has open, kept where a signal handler can find it: in shared
 * memory, so that the main thread can remove the file a worker was writing when it is interrupted.
 * One slot is enough: a thread writes one file at a time.
 */
import { isMainThread, workerData } from 'node:worker_threads';

const SLOT_BYTES = 16_384;

/** The shared slot: length (bytes) in word 0, then the path in UTF-8. */
let slot = new SharedArrayBuffer(4 + SLOT_BYTES);

if (!isMainThread && (workerData as { pendingTemp?: unknown } | null)?.pendingTemp instanceof SharedArrayBuffer) {
  slot = (workerData as { pendingTemp: SharedArrayBuffer }).pendingTemp;
}

/** The slot to hand to a worker, so that this thread sees the worker's temporary file. */
export function pendingTempSlot(): SharedArrayBuffer {
  return slot;
}

/** Records `path` as being written; false when the path is too long to record (the write is refused). */
export function markPending(path: string): boolean {
  const bytes = Buffer.from(path, 'utf8');
  if (bytes.length > SLOT_BYTES) return false;
  new Uint8Array(slot, 4).set(bytes);
  Atomics.store(new Int32Array(slot, 0, 1), 0, bytes.length);
  return true;
}

export function clearPending(): void {
  Atomics.store(new Int32Array(slot, 0, 1), 0, 0);
}

/** The temporary file being written now, if any. */
export function pendingTemp(): string | null {
  const length = Atomics.load(new Int32Array(slot, 0, 1), 0);
  return length === 0 ? null : Buffer.from(new Uint8Array(slot, 4, length)).toString('utf8');
}
