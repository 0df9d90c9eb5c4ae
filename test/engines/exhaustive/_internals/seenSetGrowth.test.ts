/** The seen-set's growth and its memory figures (quick; seenSet.test.ts holds the 2^24 case). */
import { describe, expect, it } from 'vitest';
import { SeenSet } from '../../../../src/engines/exhaustive/_internals/seenSet.ts';

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
});
