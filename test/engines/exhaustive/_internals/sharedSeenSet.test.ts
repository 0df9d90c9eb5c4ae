/** The shared seen-set's answers, counts, thresholds and growth (concurrency itself is exercised by the reference test's workers). */
import { describe, expect, it } from 'vitest';
import { SharedSeenSet } from '../../../../src/engines/exhaustive/_internals/sharedSeenSet.ts';

const fp = (i: number): [number, number] => [Math.imul(i + 1, 0x9e3779b1) >>> 0, (i * 2_654_435_761) >>> 0];

describe('SharedSeenSet', () => {
  it('answers new, seen no later, and seen only later, as SeenSet does', () => {
    const seen = SharedSeenSet.create(8);
    expect(seen.visit(1, 2, 10)).toBe(1);
    expect(seen.visit(1, 2, 10)).toBe(0);
    expect(seen.visit(1, 2, 12)).toBe(0);
    expect(seen.visit(1, 2, 7)).toBe(2);
    expect(seen.visit(1, 2, 9)).toBe(0);
    expect(seen.visit(1, 2, 6)).toBe(2);
    expect(seen.visit(2, 1, 9)).toBe(1);
    expect(seen.visit(0xffffffff, 0x80000000, 0)).toBe(1);
    expect(seen.visit(0xffffffff, 0x80000000, 0)).toBe(0);
    expect(seen.size).toBe(3);
  });

  it('counts exactly across workers once each has flushed, and says when it is crowded (60%) and full (85%)', () => {
    const a = SharedSeenSet.create(1024);
    const b = new SharedSeenSet(a.buffer);
    expect(a.capacity).toBe(1024);
    for (let i = 0; i < 600; i++) expect((i % 2 === 0 ? a : b).visit(...fp(i), i)).toBe(1);
    expect(a.size + b.size).toBeGreaterThanOrEqual(600); // each sees its own uncounted entries
    a.flush();
    b.flush();
    expect(a.size).toBe(600);
    expect(b.size).toBe(600);
    for (let i = 0; i < 600; i++) expect(b.visit(...fp(i), i)).toBe(0);
    const at = (n: number, capacity = 64): SharedSeenSet => {
      const s = SharedSeenSet.create(capacity);
      for (let i = 0; i < n; i++) s.visit(...fp(i), 0);
      return s;
    };
    expect(at(38).crowded).toBe(false);
    expect(at(39).crowded).toBe(true);
    expect(at(54).full).toBe(false);
    expect(at(55).full).toBe(true);
    expect(at(300, 512).size).toBe(300); // past BATCH: the count is flushed on the way and still exact
  });

  it('grows to twice the slots with every entry and its earliest tick, counted', () => {
    let seen = SharedSeenSet.create(16);
    for (let i = 0; i < 13; i++) seen.visit(...fp(i), 20 + i);
    seen = seen.grown();
    expect(seen.capacity).toBe(32);
    expect(seen.bytes).toBe(8 + 32 * 12);
    expect(seen.size).toBe(13);
    for (let i = 0; i < 13; i++) expect(seen.visit(...fp(i), 20 + i)).toBe(0);
    for (let i = 0; i < 13; i++) expect(seen.visit(...fp(i), 19 + i)).toBe(2);
    seen = seen.grown().grown();
    expect(seen.capacity).toBe(128);
    for (let i = 0; i < 13; i++) expect(seen.visit(...fp(i), 19 + i)).toBe(0);
    for (let i = 13; i < 60; i++) expect(seen.visit(...fp(i), 0)).toBe(1);
    seen.flush();
    expect(seen.size).toBe(60);
  });
});
