/**
 * The temporary file an atomic write has open, kept where a signal handler can find it: in shared
 * memory, so that the main thread can remove the file a worker was writing when it is interrupted.
 * One slot is enough: a thread writes one file at a time.
 */
import { isMainThread, workerData } from 'node:worker_threads';

const SLOT_BYTES = 16_384;

/** The shared slot: length (bytes) in word 0, then the path in UTF-8; a worker's is its parent's. */
const given = isMainThread ? undefined : (workerData as { pendingTemp?: unknown } | null)?.pendingTemp;
const slot = given instanceof SharedArrayBuffer ? given : new SharedArrayBuffer(4 + SLOT_BYTES);
const word = new Int32Array(slot, 0, 1);

/** The slot to hand to a worker, so that this thread sees the worker's temporary file. */
export function pendingTempSlot(): SharedArrayBuffer {
  return slot;
}

/** The length word's mark once the process is stopping: no new temporary file may be started. */
const CLOSED = -1;

/** The path a length word read `length` names, or null for none (0) or a closed slot. */
const pathOf = (length: number): string | null => (length <= 0 ? null : Buffer.from(new Uint8Array(slot, 4, length)).toString('utf8'));

/**
 * Records `path` as being written, before the file is created: 'too long' when the path cannot be
 * recorded (the write is refused), 'closed' when the process is stopping (the write must not start:
 * the supervisor may already have removed what it found, and a file begun now would be left behind).
 */
export function markPending(path: string): 'ok' | 'too long' | 'closed' {
  const bytes = Buffer.from(path, 'utf8');
  if (bytes.length > SLOT_BYTES) return 'too long';
  if (Atomics.load(word, 0) === CLOSED) return 'closed';
  new Uint8Array(slot, 4).set(bytes);
  return Atomics.compareExchange(word, 0, 0, bytes.length) === 0 ? 'ok' : 'closed';
}

/** The write is over (renamed or removed); a slot closed meanwhile stays closed. */
export function clearPending(): void {
  const length = Atomics.load(word, 0);
  if (length > 0) Atomics.compareExchange(word, 0, length, 0);
}

/** The temporary file being written now, if any. */
export function pendingTemp(): string | null {
  return pathOf(Atomics.load(word, 0));
}

/**
 * For the supervisor, once it stops the command: closes the slot, so that no write starts after,
 * and returns the temporary file being written then, if any (for it to remove).
 */
export function closePending(): string | null {
  return pathOf(Atomics.exchange(word, 0, CLOSED));
}
