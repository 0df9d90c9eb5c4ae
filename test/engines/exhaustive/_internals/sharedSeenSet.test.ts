/**
 * The shared seen-set's answers, counts, thresholds and growth, and a claim in progress as another
 * worker meets it (played in one thread; real concurrency is exercised by the reference test's workers).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { home } from '../../../../src/engines/exhaustive/_internals/seenSet.ts';
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

  it('tells apart fingerprints that share one lane and their home slot, or differ in one bit', () => {
    const seen = SharedSeenSet.create(8);
    expect(home(13, 7, 7)).toBe(home(5, 7, 7));
    expect(home(5, 15, 7)).toBe(home(5, 7, 7));
    const fingerprints: [number, number][] = [
      [5, 7],
      [5, 15],
      [13, 7],
      [4, 6],
      [4, 7],
      [0x80000005, 7],
    ];
    for (const [hi, lo] of fingerprints) expect(seen.visit(hi, lo, 4)).toBe(1);
    for (const [hi, lo] of fingerprints) expect(seen.visit(hi, lo, 4)).toBe(0);
    expect(seen.visit(13, 7, 3)).toBe(2);
    expect(seen.visit(5, 7, 4)).toBe(0);
    expect(seen.size).toBe(6);
  });

  it('wraps from the last slot to the first, in a visit and in a growth, and a growth adds no entry', () => {
    // With hi = 0 a fingerprint's home is its lo's low bits: lo 15 and 31 start at the last slot of 8 and of 16.
    let seen = SharedSeenSet.create(8);
    expect(home(0, 15, 7)).toBe(7 * 3);
    expect(seen.visit(0, 15, 6)).toBe(1);
    expect(seen.visit(0, 31, 6)).toBe(1); // wraps to slot 0
    expect(seen.visit(0, 31, 6)).toBe(0);
    expect(seen.visit(0, 31, 5)).toBe(2);
    expect(seen.visit(0, 15, 6)).toBe(0);
    seen = seen.grown(); // 31 (slot 0) goes first to the last slot of 16, then 15 wraps
    for (const [lo, tick] of [
      [15, 6],
      [31, 5],
    ] as const)
      expect(seen.visit(0, lo, tick)).toBe(0);
    expect(seen.visit(0, 47, 6)).toBe(1);
    expect(seen.visit(0, 15, 1)).toBe(2);
    expect(seen.visit(0, 0, 6)).toBe(1);
    expect(seen.visit(0, 0, 6)).toBe(0);
    seen.flush();
    expect(seen.size).toBe(4);
  });

  it('publishes its count every 256 new entries and on flush, one entry included; a growth keeps the published and the pending ones', () => {
    const a = SharedSeenSet.create(1024);
    const b = new SharedSeenSet(a.buffer);
    for (let i = 0; i < 255; i++) a.visit(...fp(i), 0);
    expect(b.size).toBe(0);
    expect(a.size).toBe(255);
    a.visit(...fp(255), 0);
    expect(b.size).toBe(256);
    a.visit(...fp(256), 0);
    expect(b.size).toBe(256);
    a.flush();
    expect(b.size).toBe(257);
    a.flush();
    expect(b.size).toBe(257);
    for (let i = 257; i < 300; i++) a.visit(...fp(i), 0);
    const grown = a.grown();
    expect(grown.size).toBe(300);
    expect(new SharedSeenSet(grown.buffer).size).toBe(300);
  });

  describe('a slot another worker has claimed but not yet written', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('is waited for, never claimed again: the reader answers after the writer publishes', () => {
      const a = SharedSeenSet.create(8);
      const b = new SharedSeenSet(a.buffer);
      const compareExchange = Atomics.compareExchange;
      const load = Atomics.load;
      let reader: string | null = null;
      let inside = false;
      // The reader runs inside the writer's claim: the writer has taken the slot and not yet written it.
      vi.spyOn(Atomics, 'compareExchange').mockImplementation(((array: Int32Array, index: number, expected: number, replacement: number) => {
        const was = compareExchange(array, index, expected, replacement);
        if (reader === null && !inside) {
          inside = true;
          let loads = 0;
          const spin = vi.spyOn(Atomics, 'load').mockImplementation(((array2: Int32Array, index2: number) => {
            if (++loads > 1000) throw new Error('still waiting');
            return load(array2, index2);
          }) as typeof Atomics.load);
          try {
            reader = `answered ${b.visit(5, 7, 3)}`;
          } catch (e) {
            reader = (e as Error).message;
          }
          spin.mockRestore();
          inside = false;
        }
        return was;
      }) as typeof Atomics.compareExchange);
      expect(a.visit(5, 7, 3)).toBe(1);
      vi.restoreAllMocks();
      expect(reader).toBe('still waiting');
      expect(b.visit(5, 7, 3)).toBe(0);
      a.flush();
      b.flush();
      expect(a.size).toBe(1);
    });
  });
});
