/** Server queues (FIFO arrays of requests): removing the served head in place, without allocating. */
import type { Request } from '../state.ts';

/** Removes the first `n` requests of `queue`. */
export function dropFront(queue: Request[], n: number): void {
  if (n === 0) return;
  const length = queue.length;
  for (let i = n; i < length; i++) queue[i - n] = queue[i]!;
  queue.length = length - n;
}
