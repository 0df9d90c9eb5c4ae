/**
 * What a property suite declares: the properties it checks, at which scale and config, under which
 * assumptions (fault budget, event kinds, bounds, heal horizon), the variants with the verdict the
 * model is expected to give for each, and the run budgets for `npm test` and `npm start`.
 */
import type { Config, Scale } from '../src/model/index.ts';
import type { Bounds } from '../src/properties/index.ts';

export type Expected = 'violated' | 'holds';

export interface Suite {
  /** Stable id, also the file name. */
  id: string;
  /** The concern, in one line. */
  title: string;
  /** What the suite assumes, in words, for the report (the numbers are in config and bounds). */
  assumptions: string;
  scale: Scale;
  /** Overrides of the scale's default config. */
  config: Partial<Config>;
  bounds: Bounds;
  /** Event kinds the adversary may use besides tick. */
  kinds: string[];
  /** Most safety-phase events per run. */
  maxEvents: number;
  properties: string[];
  /** Variant name -> expected verdict, for every property of the suite. */
  variants: Record<string, Expected | Partial<Record<string, Expected>>>;
  budget: { test: number; start: number };
  /** Default seed, so that `npm start` and `npm test` are reproducible. */
  seed: number;
}

/** The expected verdict of one (property, variant) in a suite. */
export function expectation(suite: Suite, property: string, variant: string): Expected | undefined {
  const entry = suite.variants[variant];
  return typeof entry === 'string' ? entry : entry?.[property];
}
