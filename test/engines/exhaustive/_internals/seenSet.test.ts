/** The typed-array seen-set: earliest-tick answers, and no cap at 2^24 entries (where a JS Set stops). */
import { describe, expect, it } from 'vitest';
import { SeenSet } from '../../../../src/engines/exhaustive/_internals/seenSet.ts';

describe('SeenSet', () => {
  it('answers new, seen no later, and seen only later (to explore again)', () => {
    const seen = new SeenSet(4);
    expect(seen.visit(1, 2, 10)).toBe(1);
    expect(seen.visit(1, 2, 10)).toBe(0);
    expect(seen.visit(1, 2, 12)).toBe(0);
    expect(seen.visit(1, 2, 7)).toBe(2);
    expect(seen.visit(1, 2, 9)).toBe(0);
    expect(seen.visit(2, 1, 9)).toBe(1);
    expect(seen.size).toBe(2);
  });

  it('holds more than 16,777,216 fingerprints, each found again', () => {
    const seen = new SeenSet();
    const n = 2 ** 24 + 1000;
    for (let i = 0; i < n; i++) seen.visit(Math.imul(i, 0x9e3779b1) >>> 0, i, 0);
    expect(seen.size).toBe(n);
    let found = 0;
    for (let i = 0; i < n; i += 4099) found += seen.visit(Math.imul(i, 0x9e3779b1) >>> 0, i, 0) === 0 ? 1 : 0;
    expect(found).toBe(Math.ceil(n / 4099));
    // 12 bytes a slot, at least 35% full (it doubles at 70%): at most 12 / 0.35 bytes a fingerprint.
    expect(seen.bytes / seen.size).toBeLessThanOrEqual(12 / 0.35);
  });
});
