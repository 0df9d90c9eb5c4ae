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

/** The length word's mark once the process is stopping: no new temporary file may be started. */
const CLOSED = -1;

const lengthWord = () => new Int32Array(slot, 0, 1);

/**
 * Records `path` as being written, before the file is created: 'too long' when the path cannot be
 * recorded (the write is refused), 'closed' when the process is stopping (the write must not start:
 * the supervisor may already have removed what it found, and a file begun now would be left behind).
 */
export function markPending(path: string): 'ok' | 'too long' | 'closed' {
  const bytes = Buffer.from(path, 'utf8');
  if (bytes.length > SLOT_BYTES) return 'too long';
  if (Atomics.load(lengthWord(), 0) === CLOSED) return 'closed';
  new Uint8Array(slot, 4).set(bytes);
  return Atomics.compareExchange(lengthWord(), 0, 0, bytes.length) === 0 ? 'ok' : 'closed';
}

/** The write is over (renamed or removed); a slot closed meanwhile stays closed. */
export function clearPending(): void {
  const length = Atomics.load(lengthWord(), 0);
  if (length > 0) Atomics.compareExchange(lengthWord(), 0, length, 0);
}

/** The temporary file being written now, if any. */
export function pendingTemp(): string | null {
  const length = Atomics.load(lengthWord(), 0);
  return length <= 0 ? null : Buffer.from(new Uint8Array(slot, 4, length)).toString('utf8');
}

/**
 * For the supervisor, once it stops the command: closes the slot, so that no write starts after,
 * and returns the temporary file being written then, if any (for it to remove).
 */
export function closePending(): string | null {
  const length = Atomics.exchange(lengthWord(), 0, CLOSED);
  return length <= 0 ? null : Buffer.from(new Uint8Array(slot, 4, length)).toString('utf8');
}
