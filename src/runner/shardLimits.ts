/**
 * The largest counts a shard file may hold: the bounds the command-line flags put on the same
 * numbers (`--runs`, `--seed`, `--horizon`, `--max-states`, `--max-memory`, `--steps`, `--seeds`,
 * `--from`/`--to`), and the most a search can report within them. A shard file is read as untrusted
 * input, so a count beyond these is a damaged file (one line), never an allocation of its size.
 * test/cli/mergeLimits.test.ts checks that the flags refuse exactly what these refuse.
 */
import { MAX_SEARCH_TICKS } from '../search/exhaustive.ts';

export const SHARD_LIMITS = {
  /** `check --runs`, `fixes --runs`: random runs a pair or cell. */
  runs: 10_000_000,
  /** `sweep --runs` (with `--suite`). */
  sweepRuns: 1_000_000,
  /** `check --seed`: a signed 32-bit integer. */
  seed: { min: -0x80000000, max: 0x7fffffff },
  /** `explore --horizon`. */
  horizon: MAX_SEARCH_TICKS - 1000,
  /** Ticks a search reaches at most (the horizon plus its heal phase). */
  ticks: MAX_SEARCH_TICKS,
  /** `explore --max-states`: also the most states one search stores. */
  maxStates: 1_000_000_000,
  /** `explore --max-memory`, in MB. */
  maxMemoryMB: { min: 16, max: 1_000_000_000 },
  /** Transitions and levels one search can take within the state bound (each state's events, at most this many a state). */
  transitions: 1_000_000_000 * 1_000,
  /** `sweep --steps`. */
  steps: { min: 2, max: 1_000 },
  /** `sweep --seeds`. */
  seeds: 1_000,
  /** `sweep --from`, `--to`. */
  sweepValue: 1_000_000_000,
  /** Milliseconds a search or run may report (a year). */
  ms: 365 * 24 * 3600 * 1000,
} as const;
