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

/**
 * Calls `timed` (which prepares untimed, then times its own operations) until `budget` seconds of
 * timed work and at least `minRuns` runs; the untimed preparation (a state copy) stays out of the rate.
 */
export function repeatTimed(budget: number, minRuns: number, timed: () => Sample): Sample {
  const total: Sample = { count: 0, seconds: 0 };
  for (let runs = 0; runs < minRuns || total.seconds < budget; runs++) {
    const s = timed();
    total.count += s.count;
    total.seconds += s.seconds;
  }
  return total;
}

/** Seconds one call of `fn` takes, and its result. */
export function timeOnce<T>(fn: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = fn();
  return { value, seconds: seconds(start) };
}
