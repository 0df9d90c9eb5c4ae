import { describe, expect, it } from 'vitest';
import { collisionProbability, hash64 } from '../../../../src/engines/exhaustive/_internals/hash64.ts';

const LENGTH = 130; // about the model's vectors at the suites' scopes

function fingerprint(vector: Int32Array, from = 0, to = vector.length): string {
  const out = new Uint32Array(2);
  hash64(vector, from, to, out);
  return `${out[0]}:${out[1]}`;
}

function base(): Int32Array {
  return Int32Array.from({ length: LENGTH }, (_, i) => (i * 7) % 11);
}

describe('hash64', () => {
  it('tells apart the near neighbours states differ by: one entry changed, two entries swapped, a shorter vector', () => {
    const seen = new Set<string>([fingerprint(base())]);
    let made = 1;
    for (let at = 0; at < LENGTH; at++) {
      for (let delta = -12; delta <= 20; delta++) {
        const v = base();
        if (delta === 0 || v[at]! + delta < -1) continue;
        v[at] = v[at]! + delta;
        seen.add(fingerprint(v));
        made++;
      }
      for (let other = at + 1; other < LENGTH; other++) {
        const v = base();
        if (v[at] === v[other]) continue;
        [v[at], v[other]] = [v[other]!, v[at]!];
        seen.add(fingerprint(v));
        made++;
      }
      if (at > 0) {
        seen.add(fingerprint(base(), 0, at));
        made++;
      }
    }
    expect(made).toBeGreaterThan(10_000);
    expect(seen.size).toBe(made);
  });

  it('reads only its range: words outside it do not change the fingerprint', () => {
    const buffer = new Int32Array(LENGTH + 9).fill(5);
    buffer.set(base(), 4);
    const before = fingerprint(buffer, 4, 4 + LENGTH);
    buffer.fill(-1, 0, 4);
    buffer.fill(9, 4 + LENGTH);
    expect(fingerprint(buffer, 4, 4 + LENGTH)).toBe(before);
  });

  it('reads only its range at every length, odd ones included, and counts the last word of an odd range', () => {
    for (const length of [1, 2, 3, 4, 5, 8, 9, 129, 131]) {
      const buffer = new Int32Array(length + 9).fill(5);
      buffer.set(base().subarray(0, length), 4);
      const before = fingerprint(buffer, 4, 4 + length);
      buffer.fill(-1, 0, 4);
      buffer.fill(9, 4 + length);
      expect(fingerprint(buffer, 4, 4 + length)).toBe(before);
      buffer[4 + length - 1] = buffer[4 + length - 1]! + 1;
      expect(fingerprint(buffer, 4, 4 + length)).not.toBe(before);
    }
  });

  it('sets each of its 64 bits in about half of the fingerprints', () => {
    const ones = new Array<number>(64).fill(0);
    const out = new Uint32Array(2);
    const v = base();
    const samples = 20_000;
    for (let n = 0; n < samples; n++) {
      for (let digit = 0, rest = n; digit < 4; digit++, rest = Math.floor(rest / 13)) v[30 * digit + 1] = rest % 13;
      hash64(v, 0, LENGTH, out);
      for (let bit = 0; bit < 32; bit++) {
        ones[bit]! += (out[0]! >>> bit) & 1;
        ones[32 + bit]! += (out[1]! >>> bit) & 1;
      }
    }
    for (const count of ones) {
      expect(count).toBeGreaterThan(samples * 0.45);
      expect(count).toBeLessThan(samples * 0.55);
    }
  });

  it('states the chance of a fingerprint collision as the number of pairs over 2^64, at most 1', () => {
    expect(collisionProbability(1)).toBe(0);
    expect(collisionProbability(2)).toBe(2 ** -64); // one pair
    expect(collisionProbability(3)).toBe(3 * 2 ** -64); // three pairs
    expect(collisionProbability(1_000_000)).toBe((1_000_000 * 999_999) / 2 / 2 ** 64);
    expect(collisionProbability(2 ** 32)).toBe((2 ** 31 * (2 ** 32 - 1)) / 2 ** 64); // just under one half
    expect(collisionProbability(2 ** 33)).toBe(1);
    expect(collisionProbability(2 ** 40)).toBe(1);
  });

  it('spreads the low bits of both lanes evenly (the seen-set takes its slot from them)', () => {
    const buckets = [new Array<number>(256).fill(0), new Array<number>(256).fill(0)];
    const out = new Uint32Array(2);
    const v = base();
    const samples = 256 * 200;
    for (let n = 0; n < samples; n++) {
      // Distinct vectors of small entries that differ in a few places, as neighbouring states do.
      for (let digit = 0, rest = n; digit < 5; digit++, rest = Math.floor(rest / 13)) v[20 * digit + 3] = rest % 13;
      hash64(v, 0, LENGTH, out);
      buckets[0]![out[0]! & 255]!++;
      buckets[1]![out[1]! & 255]!++;
    }
    for (const lane of buckets) {
      expect(Math.min(...lane)).toBeGreaterThan(200 * 0.7);
      expect(Math.max(...lane)).toBeLessThan(200 * 1.3);
    }
  });
});
