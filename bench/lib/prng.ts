/** The bench's own seeded PRNG (xorshift32), so that event streams are the same bytes on every run. */

export interface Prng {
  /** A uniform integer in [0, n). */
  below(n: number): number;
}

export function seededPrng(seed: number): Prng {
  let x = seed >>> 0 || 0x9e3779b9; // xorshift must not start at zero
  const next = (): number => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  return { below: (n) => Math.floor((next() / 4294967296) * n) };
}
