/**
 * A sweep's results: the outcome and the measure at each (value, seed) of one parameter, and with
 * bisection the tipping point per seed. `sweep` computes them (runner/sweep.ts); the chart and the
 * data files read them.
 */
import type { Config } from '../model/config.ts';

/** The outcome at one (value, seed): whether it flipped (collapsed, violated) and the measure drawn. */
export interface SweepPoint {
  value: number;
  seed: number;
  outcome: boolean;
  measure: number;
}

export interface SweepResult {
  param: string;
  from: number;
  to: number;
  mode: 'steps' | 'bisect';
  target: string;
  variant: string;
  seeds: number;
  overrides: string;
  /** The effective config at `from` (seed 1); the swept parameter and the seed vary from it. */
  config: Config;
  /** What `outcome` and `measure` mean. */
  outcomeName: string;
  measureName: string;
  points: SweepPoint[];
  /** With bisection: per seed, the first value with the outcome of B (null when A and B agree). */
  tipping: { perSeed: (number | null)[]; median: number | null; min: number | null; max: number | null; precision: number } | null;
}
