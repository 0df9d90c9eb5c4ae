/**
 * Server queues (the login server's and the offline-message cluster's FIFOs): `dropFront` removes
 * exactly the served head, in place, keeping the order of the requests that wait. Pinned because both
 * servers' FIFO service, and so who is served next tick, rests on it.
 */
import { describe, expect, it } from 'vitest';
import { dropFront } from '../../../src/model/actions/queue.ts';
import type { Request } from '../../../src/model/index.ts';

function requests(n: number): Request[] {
  return Array.from({ length: n }, (_, i) => ({ peer: i, sentAt: 100 + i }));
}

describe('dropFront: the served head leaves the queue', () => {
  it('removes nothing when nothing was served', () => {
    const queue = requests(3);
    const before = queue.slice();
    dropFront(queue, 0);
    expect(queue).toEqual(requests(3));
    queue.forEach((r, i) => expect(r).toBe(before[i]));
  });

  it('removes exactly the first request, and the next one is at the head', () => {
    const queue = requests(4);
    dropFront(queue, 1);
    expect(queue).toEqual(requests(4).slice(1));
    expect(queue[0]).toEqual({ peer: 1, sentAt: 101 });
  });

  it('removes exactly the first n requests and keeps the rest in arrival order', () => {
    const queue = requests(7);
    dropFront(queue, 3);
    expect(queue).toHaveLength(4);
    expect(queue.map((r) => r.peer)).toEqual([3, 4, 5, 6]);
  });

  it('empties the queue when all were served', () => {
    const queue = requests(5);
    dropFront(queue, 5);
    expect(queue).toEqual([]);
  });

  it('works in place: the same array, the same request objects, no holes', () => {
    const queue = requests(6);
    const same = queue;
    const kept = queue.slice(2);
    dropFront(queue, 2);
    expect(queue).toBe(same);
    queue.forEach((r, i) => expect(r).toBe(kept[i]));
    expect(Object.keys(queue)).toEqual(['0', '1', '2', '3']);
  });

  it('a queue of one served request is empty; an empty queue with nothing served stays empty', () => {
    const one = requests(1);
    dropFront(one, 1);
    expect(one).toEqual([]);
    const none: Request[] = [];
    dropFront(none, 0);
    expect(none).toEqual([]);
  });
});
