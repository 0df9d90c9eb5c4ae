/** The seen-set, quick: its probing (shared lanes, the wrap at the table's end, the smallest tables), growth and memory figures (seenSet.test.ts holds the 2^24 case). */
import { describe, expect, it } from 'vitest';
import { home, SeenSet } from '../../../../src/engines/exhaustive/_internals/seenSet.ts';

const fp = (i: number): [number, number] => [Math.imul(i + 1, 0x9e3779b1) >>> 0, (i * 2_654_435_761) >>> 0];

describe('SeenSet growth', () => {
  it('is nearly full at 60%, doubles at 70% (12 bytes a slot), and says what the next growth costs', () => {
    const seen = new SeenSet(16);
    expect(seen.size).toBe(0);
    expect(seen.bytes).toBe(16 * 12);
    for (let i = 0; i < 9; i++) seen.visit(...fp(i), 0);
    expect(seen.nearlyFull).toBe(false);
    seen.visit(...fp(9), 0);
    expect(seen.nearlyFull).toBe(true);
    seen.visit(...fp(10), 0);
    expect(seen.bytes).toBe(16 * 12);
    expect(seen.growthBytes).toBe(2 * 16 * 12);
    expect(seen.canGrow).toBe(true);
    seen.visit(...fp(11), 0);
    expect(seen.bytes).toBe(32 * 12);
    expect(seen.nearlyFull).toBe(false);
    expect(seen.size).toBe(12);
    // At 32 slots: nearly full past 19.2 entries, doubled past 22.4.
    for (let i = 12; i < 19; i++) seen.visit(...fp(i), 0);
    expect(seen.nearlyFull).toBe(false);
    seen.visit(...fp(19), 0);
    expect(seen.nearlyFull).toBe(true);
    for (let i = 20; i < 22; i++) seen.visit(...fp(i), 0);
    expect(seen.bytes).toBe(32 * 12);
    seen.visit(...fp(22), 0);
    expect(seen.bytes).toBe(64 * 12);
    expect(seen.size).toBe(23);
  });

  it("can double while the doubled table stays within 2^32 - 1 words (a typed array's limit)", () => {
    // The limit is met at 2^30 slots (12 GB), too large to build here: the table's words are stood in for by their count.
    const words = (slots: number): SeenSet => Object.assign(new SeenSet(4), { slots: { length: 3 * slots } });
    expect(words(2 ** 29).canGrow).toBe(true);
    expect(words(2 ** 30).canGrow).toBe(false);
  });

  it('keeps every entry and its earliest tick through growths, in a table the default size starts at 2^16 slots', () => {
    expect(new SeenSet().bytes).toBe(2 ** 16 * 12);
    const seen = new SeenSet(4);
    const n = 5000;
    for (let i = 0; i < n; i++) expect(seen.visit(...fp(i), 10 + (i % 7))).toBe(1);
    expect(seen.size).toBe(n);
    for (let i = 0; i < n; i++) expect(seen.visit(...fp(i), 10 + (i % 7))).toBe(0);
    for (let i = 0; i < n; i++) expect(seen.visit(...fp(i), 9 + (i % 7))).toBe(2);
    expect(seen.visit(0, 0, 0)).toBe(1);
    expect(seen.visit(0, 0, 0)).toBe(0);
    expect(seen.visit(0xffffffff, 0xffffffff, 5)).toBe(1);
    expect(seen.visit(0xffffffff, 0xffffffff, 4)).toBe(2);
    expect(seen.size).toBe(n + 2);
  });

  it('tells apart fingerprints that share one lane and their home slot', () => {
    const seen = new SeenSet(8);
    // hi + 8 and lo + 8 keep the 3 low bits of the slot: all three probe from one slot.
    expect(home(13, 7, 7)).toBe(home(5, 7, 7));
    expect(home(5, 15, 7)).toBe(home(5, 7, 7));
    expect(seen.visit(5, 7, 4)).toBe(1);
    expect(seen.visit(5, 15, 4)).toBe(1);
    expect(seen.visit(13, 7, 4)).toBe(1);
    expect(seen.visit(13, 7, 3)).toBe(2);
    expect(seen.visit(5, 15, 4)).toBe(0);
    expect(seen.visit(5, 7, 4)).toBe(0);
    expect(seen.visit(5, 7, 3)).toBe(2);
    expect(seen.size).toBe(3);
  });

  it('wraps from the last slot to the first, in a visit and in a growth', () => {
    // With hi = 0 a fingerprint's home is its lo's low bits: lo 15, 31 and 47 all start at the last slot of 8 and of 16.
    const seen = new SeenSet(8);
    expect(home(0, 15, 7)).toBe(7 * 3);
    expect(seen.visit(0, 15, 6)).toBe(1);
    expect(seen.visit(0, 31, 6)).toBe(1); // wraps to slot 0
    expect(seen.visit(0, 15, 6)).toBe(0);
    expect(seen.visit(0, 31, 6)).toBe(0);
    expect(seen.visit(0, 31, 5)).toBe(2);
    for (const lo of [1, 2, 3]) expect(seen.visit(0, lo, 6)).toBe(1);
    expect(seen.bytes).toBe(8 * 12);
    expect(seen.visit(0, 4, 6)).toBe(1); // the 6th entry: 16 slots, where 31 and then 15 both start at the last one
    expect(seen.bytes).toBe(16 * 12);
    expect(seen.visit(0, 47, 6)).toBe(1);
    for (const lo of [15, 31, 47, 1, 2, 3, 4]) expect(seen.visit(0, lo, 6)).toBe(0);
    expect(seen.visit(0, 15, 1)).toBe(2);
    expect(seen.visit(0, 47, 1)).toBe(2);
    expect(seen.visit(0, 0, 6)).toBe(1);
    expect(seen.size).toBe(8);
  });

  it('works from the smallest tables, 1 and 2 slots, the fingerprint 0:0 included', () => {
    for (const capacity of [1, 2]) {
      const seen = new SeenSet(capacity);
      expect(seen.visit(0, 0, 3)).toBe(1);
      expect(seen.visit(0, 0, 3)).toBe(0);
      expect(seen.visit(1, 0, 3)).toBe(1);
      expect(seen.visit(0, 1, 3)).toBe(1);
      expect(seen.visit(0, 0, 2)).toBe(2);
      expect(seen.visit(0, 1, 3)).toBe(0);
      expect(seen.size).toBe(3);
    }
  });

  it("keeps fingerprints with a lane of all ones (the empty mark's value) through growths", () => {
    const seen = new SeenSet(4);
    const all: [number, number][] = [];
    for (let i = 0; i < 40; i++) all.push([0xffffffff, i], [i, 0xffffffff]);
    for (const [hi, lo] of all) expect(seen.visit(hi, lo, 3)).toBe(1);
    expect(seen.bytes).toBe(128 * 12);
    for (const [hi, lo] of all) expect(seen.visit(hi, lo, 3)).toBe(0);
    for (const [hi, lo] of all) expect(seen.visit(hi, lo, 2)).toBe(2);
    expect(seen.size).toBe(80);
  });
});
