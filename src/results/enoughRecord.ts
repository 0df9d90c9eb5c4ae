/**
 * The sets of fixes enough for every suite of a base, verified at a deeper bound than the fix-set
 * analysis that proposed them (src/runner/enoughAtDepth.ts), as the results keep it: numbers and
 * names, counterexamples by length and the command that replays them.
 */

/** One property of one suite on one candidate set, by both engines at the verification's bound. */
export interface DeepCheckRecord {
  suite: string;
  property: string;
  outcome: 'holds' | 'violated' | 'unknown';
  random: 'violated' | 'holds' | 'vacuous';
  exhaustive: 'violated' | 'holds-within-horizon' | 'holds' | 'bound-reached' | 'vacuous' | 'not-searched';
  states: number | null;
  reused: number;
  counterexample: { engine: 'random' | 'exhaustive'; shortest: boolean; events: number; replay: string } | null;
}

/** One base: the candidates (sets the analysis did not violate), those searched, and the minimal sets that held. */
export interface EnoughRecord {
  base: 'skype-2007' | 'skype-2010';
  /** The bound the sets were verified at (each suite's own for this budget), and the analysis's budget that proposed them. */
  budget: 'test' | 'start';
  from: 'test' | 'start';
  suites: {
    suite: string;
    budget: 'test' | 'start';
    properties: string[];
    depth: { runs: number; horizon: { least: number; most: number }; maxStates: { least: number; most: number } };
  }[];
  candidates: number;
  narrowed: boolean;
  verified: { fixes: string[]; variant: string; outcome: 'holds' | 'violated' | 'unknown'; checks: DeepCheckRecord[]; failed: DeepCheckRecord | null }[];
  skipped: number;
  minimal: string[][];
  reused: number;
  ms: number;
}

/** One base's sets enough for every suite, as the fix-set analyses found them (runner/enoughForAll.ts): minimal, each holding every property of every suite analysed. */
export interface EnoughForAll {
  base: string;
  sets: string[][];
}
