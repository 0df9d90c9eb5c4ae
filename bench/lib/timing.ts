/** Wall-clock helpers: run work for a fixed time or count, so that each figure is a rate over a known sample. */

/** Operations done and the wall time they took. */
export interface Sample {
  count: number;
  seconds: number;
}

export function seconds(fromMs: number): number {
  return (performance.now() - fromMs) / 1000;
}

/**
 * Calls `chunk` (which does some operations and returns how many) until `budget` seconds have passed;
 * the clock is read only between chunks, so a chunk should take a few milliseconds.
 */
export function runFor(budget: number, chunk: () => number): Sample {
  const start = performance.now();
  let count = 0;
  do count += chunk();
  while (seconds(start) < budget);
  return { count, seconds: seconds(start) };
}

/** Rates of several rounds: the median is the figure, the spread says how much to trust it. */
export interface Rounds extends Sample {
  median: number;
  min: number;
  max: number;
}

/** `n` rounds of `runFor(budget, chunk)`, as operations per second. */
export function rounds(n: number, budget: number, chunk: () => number): Rounds {
  const samples = Array.from({ length: n }, () => runFor(budget, chunk));
  const rates = samples.map((s) => s.count / s.seconds).sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? rates[mid]! : (rates[mid - 1]! + rates[mid]!) / 2;
  return { median, min: rates[0]!, max: rates[n - 1]!, count: sum(samples.map((s) => s.count)), seconds: sum(samples.map((s) => s.seconds)) };
}

/** The spread of rounds around their median, e.g. `rounds 0.97-1.02 of median`. */
export function spread(r: Rounds): string {
  return `${r.count === 0 ? 0 : (r.min / r.median).toFixed(2)}-${(r.max / r.median).toFixed(2)} of median`;
}

/** Seconds one call of `fn` takes, and its result. */
export function timeOnce<T>(fn: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = fn();
  return { value, seconds: seconds(start) };
}

export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
