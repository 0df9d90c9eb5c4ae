/**
 * One (suite, property, variant) with the random engine: runs fast-check over the suite's window,
 * stores a shrunk counterexample, and says whether the verdict meets the suite's expectation.
 */
import { join } from 'node:path';
import { propertyOf, suiteModel, type Scope } from '../../properties/index.ts';
import { searchRandom, type RandomResult } from '../search/random.ts';
import type { Config } from '../model/index.ts';
import type { PairResult } from '../results/results.ts';
import { buildCounterexample } from '../trace/build.ts';
import { counterexamplePath, saveCounterexample, type SaveResult } from '../trace/save.ts';
import { applyOverrides, overridesTag, type Overrides } from './overrides.ts';
import { checkCommandLine, replayCommandLine, suiteFileFrom } from './commandLines.ts';
import { propertiesOf } from './suites.ts';
import { pairSpec } from './pairSpec.ts';
import type { Pair } from './select.ts';

export interface RunOptions {
  /** Which of the suite's budgets: `test` (npm test) or `start` (npm start). */
  budget: 'test' | 'start';
  /** Where counterexamples are stored, one directory per suite. */
  dir: string;
  /** Replace a stored counterexample that differs. */
  update: boolean;
  /** Parameters over the suite's (`--config`, `--set`). */
  overrides?: Overrides;
  /** Worker threads (default 1: everything in this thread). Results are the same for any number. */
  workers?: number;
}

export interface CheckOptions extends RunOptions {
  /** Runs (default: the suite's budget). */
  runs?: number;
  /** fast-check seed (default: the suite's). */
  seed?: number;
}

/** The model a pair runs on, with the overrides checked (a Refusal names the first problem). */
export function pairModel(pair: Pick<Pair, 'suite' | 'variant'>, overrides: Overrides, exhaustive: Scope) {
  const { suite, variant } = pair;
  const base = suiteModel(suite, variant, exhaustive);
  if (Object.keys(overrides).length === 0) return base;
  const where = exhaustive === 'full' ? "'s full exhaustive tier" : exhaustive ? "'s exhaustive scope" : '';
  return { config: applyOverrides(base.config, overrides, suite.scale, `suite ${suite.id}${where}`), protocol: base.protocol };
}

/** What every result starts with: the pair, its suite file (a user suite's), the expectation and the effective config. */
export function resultHead(pair: Pair, config: Config) {
  return { ...pairSpec(pair), config };
}

/** Whether a verdict meets an expectation; true when there is none. */
export function meets(expected: 'holds' | 'violated' | null, verdict: string): boolean {
  if (expected === null) return true;
  return expected === 'holds' ? verdict === 'holds' || verdict === 'holds-within-horizon' : verdict === 'violated';
}

/** What a random search of a pair is: its model, property, runs and seed, with the options applied. */
export function randomSearchOf(pair: Pair, options: Pick<CheckOptions, 'overrides' | 'runs' | 'seed' | 'budget'>) {
  const { suite, property } = pair;
  const model = pairModel(pair, options.overrides ?? {}, false);
  const search = { runs: options.runs ?? suite.budget[options.budget], seed: options.seed ?? suite.seed, maxEvents: suite.maxEvents, kinds: suite.kinds };
  return { model, property: propertyOf(suite, property)!, bounds: suite.bounds, search };
}

/** Runs one pair in this thread and stores its counterexample. */
export function checkPair(pair: Pair, options: CheckOptions, onRun?: (done: number, total: number) => void): PairResult {
  const { model, property, bounds, search } = randomSearchOf(pair, options);
  const result = searchRandom(model, property, bounds, { ...search, onRun: onRun && ((done) => onRun(done, search.runs)) });
  return finishCheck(pair, options, result);
}

/** A pair's result from its search's result: the counterexample stored, the expectation compared. */
export function finishCheck(pair: Pair, options: CheckOptions, result: RandomResult): PairResult {
  const { suite, property, variant } = pair;
  const overrides = options.overrides ?? {};
  const model = pairModel(pair, overrides, false);
  const seed = result.seed;
  const runs = options.runs ?? suite.budget[options.budget];
  let file: string | null = null;
  let saved: SaveResult | null = null;
  const c = result.counterexample;
  if (c) {
    file = counterexamplePath(join(options.dir, suite.id), property, variant, overridesTag(overrides));
    saved = saveCounterexample(
      file,
      buildCounterexample({
        property,
        variant,
        suite: suite.id,
        suiteFile: suiteFileFrom(suite, file),
        engine: 'random',
        seed,
        path: c.path,
        config: model.config,
        bounds: suite.bounds,
        events: c.events,
        violation: c.violation,
        shrink: {
          eventsBeforeShrink: c.eventsBeforeShrink,
          eventsAfterShrink: c.eventsAfterShrink,
          fastCheckShrinks: c.fastCheckShrinks,
          minimizeTries: c.minimizeTries,
        },
        search: null,
      }),
      options.update,
      false,
      propertiesOf([suite]),
    );
  }
  const replay = file && saved !== 'kept-damaged' ? replayCommandLine(file, suite) : checkCommandLine(pair, overrides, { seed, runs });
  return {
    ...resultHead(pair, model.config),
    verdict: result.verdict,
    runs: result.runs,
    triggeredRuns: result.triggeredRuns,
    coverage: {
      cells: result.coverage.cells,
      possible: result.coverage.possible,
      lateCells: result.coverage.lateCells,
      latePossible: result.coverage.latePossible,
      lateKinds: result.coverage.lateKinds,
    },
    safetyLength: { median: result.coverage.medianLength, max: result.coverage.maxLength },
    seed,
    ms: Math.round(result.ms),
    timeToFailureMs: result.timeToFailureMs === null ? null : Math.round(result.timeToFailureMs * 10) / 10,
    eventsBeforeShrink: c?.eventsBeforeShrink ?? null,
    eventsAfterShrink: c?.eventsAfterShrink ?? null,
    counterexample: file,
    saved,
    met: meets(pair.expected, result.verdict),
    replay,
  };
}
