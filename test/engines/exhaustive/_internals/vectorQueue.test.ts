/** The frontier's byte queue: every vector and id read back exactly, across growth, at the buffer's edge, and moved as data. */
import { describe, expect, it } from 'vitest';
import { VectorQueue } from '../../../../src/engines/exhaustive/_internals/vectorQueue.ts';

/** Values at each width of the 7-bit encoding (stored as value + 1), -1 included. */
const EDGES = [-1, 0, 1, 126, 127, 128, 16_382, 16_383, 16_384, 2_097_150, 2_097_151, 268_435_454, 268_435_455, 2 ** 31 - 1];

function readAll(q: VectorQueue, width: number): { id: number; vector: number[] }[] {
  const out: { id: number; vector: number[] }[] = [];
  const buffer = new Int32Array(width);
  while (q.more) {
    const id = q.shift(buffer);
    out.push({ id, vector: Array.from(buffer.subarray(0, q.lastLength)) });
  }
  return out;
}

describe('VectorQueue', () => {
  it('reads back ids and vectors of every width in order, an empty vector included', () => {
    const q = new VectorQueue();
    const pushed: { id: number; vector: number[] }[] = [];
    EDGES.forEach((v, i) => pushed.push({ id: i, vector: [v, ...EDGES.slice(0, i)] }));
    pushed.push({ id: 2 ** 32 - 2, vector: [] });
    for (const p of pushed) q.push(p.id, Int32Array.from(p.vector), p.vector.length);
    expect(q.length).toBe(pushed.length);
    expect(q.more).toBe(true);
    expect(readAll(q, 64)).toEqual(pushed);
    expect(q.more).toBe(false);
  });

  it('grows past its first buffer without losing a byte, vectors of the widest values at any offset', () => {
    const q = new VectorQueue();
    const pushed: { id: number; vector: number[] }[] = [];
    for (let i = 0; i < 1500; i++) {
      const n = (i * 37) % 131;
      pushed.push({ id: 2 ** 32 - 2 - i, vector: Array.from({ length: n }, (_, j) => (j % 2 === 0 ? 2 ** 31 - 1 : -1)) });
    }
    for (const p of pushed) q.push(p.id, Int32Array.from(p.vector), p.vector.length);
    expect(q.byteLength).toBeGreaterThan(1 << 16);
    expect(readAll(q, 256)).toEqual(pushed);
  });

  it('starts at 64 KiB and doubles, or grows to what one push may need (5 bytes a value, id and length included) when that is more', () => {
    const q = new VectorQueue();
    expect(q.byteLength).toBe(1 << 16);
    const small = Int32Array.from({ length: 100 }, (_, i) => i);
    while (q.byteLength === 1 << 16) q.push(1, small, small.length);
    expect(q.byteLength).toBe(1 << 17);
    const n = 30_000;
    const wide = new Int32Array(n).fill(2 ** 31 - 1);
    const fresh = new VectorQueue();
    fresh.push(2 ** 32 - 2, wide, n);
    expect(fresh.byteLength).toBe(5 * (n + 2));
    const read = readAll(fresh, n);
    expect(read.length).toBe(1);
    expect(read[0]!.id).toBe(2 ** 32 - 2);
    expect(read[0]!.vector.every((v) => v === 2 ** 31 - 1)).toBe(true);
  });

  it('takes one byte for each value up to 126, two up to 16,382, three up to 2,097,150 (values stored as value + 1, 7 bits a byte)', () => {
    const q = new VectorQueue();
    q.push(0, Int32Array.from([-1, 0, 126, 127, 16_382, 16_383, 2_097_150, 2_097_151]), 8);
    // id 0 and length 8: one byte each; then 1 + 1 + 1 + 2 + 2 + 3 + 3 + 4.
    expect(q.data().end).toBe(2 + 17);
    q.push(126, new Int32Array(0), 0);
    q.push(127, new Int32Array(0), 0);
    expect(q.data().end).toBe(19 + 2 + 3);
  });

  it('fits the widest push exactly at the end of its buffer (5 bytes a value)', () => {
    for (const n of [0, 3, 40, 130]) {
      // Fill with 102-byte entries (100 one-byte values) while far from the end (each checks room for 510),
      // then 2-byte ones (and one 3-byte) to leave exactly 5n + 4 .. 5n + 11 bytes, then push n widest values.
      for (let slack = 5 * n + 4; slack < 5 * n + 12; slack++) {
        const q = new VectorQueue();
        let end = 0;
        const target = (1 << 16) - slack;
        const pushed: { id: number; vector: number[] }[] = [];
        for (; end + 1000 <= target; end += 102) pushed.push({ id: 5, vector: Array.from({ length: 100 }, (_, j) => j % 100) });
        if ((target - end) % 2 === 1) {
          pushed.push({ id: 0, vector: [0] });
          end += 3;
        }
        for (; end < target; end += 2) pushed.push({ id: 0, vector: [] });
        pushed.push({ id: 2 ** 32 - 2, vector: Array<number>(n).fill(2 ** 31 - 1) });
        for (const p of pushed) q.push(p.id, Int32Array.from(p.vector), p.vector.length);
        // Room is checked for 5 bytes a value, the id and the length included: 5n + 10 bytes left is enough, one fewer grows it.
        expect(q.byteLength).toBe(slack >= 5 * n + 10 ? 1 << 16 : 1 << 17);
        expect(JSON.stringify(readAll(q, 256))).toBe(JSON.stringify(pushed)); // as text: quicker to compare
      }
    }
  });

  it('moves to another owner as data, unread, with its length', () => {
    const q = new VectorQueue();
    q.push(3, Int32Array.from([5, -1, 300]), 3);
    q.push(4, Int32Array.from([1]), 1);
    const moved = VectorQueue.of(q.data());
    expect(moved.length).toBe(2);
    expect(readAll(moved, 8)).toEqual([
      { id: 3, vector: [5, -1, 300] },
      { id: 4, vector: [1] },
    ]);
    expect(moved.lastLength).toBe(1);
  });
});
