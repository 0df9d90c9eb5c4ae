/**
 * Real results kept small for the report tests: a handful of pairs run by both engines with few runs
 * and shallow bounds, and one small-scale scenario.
 */
import { SUITES } from '../../properties/index.ts';
import { checkPair, compareLengths, explorePair, type Pair } from '../../src/runner/index.ts';
import { expectation } from '../../properties/index.ts';
import { summarizeScenario } from '../../src/search/scenarioSummary.ts';
import { defaultConfig, variant } from '../../src/model/index.ts';
import { RESULTS_SCHEMA_VERSION, type Results } from '../../src/results/results.ts';
import { analyseFixSets, fixSetRecord } from '../../src/runner/fixSets.ts';
import { suiteRecords } from '../../src/runner/suiteRecords.ts';
import { VERSION } from '../../src/version.ts';
import type { FidelityReport } from '../../src/results/fidelity.ts';
import { fidelity, reducedPopulation } from '../../src/runner/fidelity.ts';
import { enoughForAllBases } from '../../src/runner/enoughForAll.ts';

/** The population reduction of the fixtures' fidelity runs: a second or so, the shape only roughly kept (enough for the report's layout). */
export const FIXTURE_REDUCTION = 100;
let population: FidelityReport | undefined;

/** The population runs against the record on a population reduced FIXTURE_REDUCTION times, made once per test file. */
export function smallFidelity(): FidelityReport {
  return (population ??= fidelity([1], reducedPopulation(FIXTURE_REDUCTION)));
}

const RANDOM: [string, string, string][] = [
  ['crash-cascade-2010', 'no-client-crash', 'skype-2010'],
  ['crash-cascade-2010', 'no-client-crash', 'skype-2010+robust-client'],
  ['crash-cascade-2010', 'no-client-crash', 'fixed'],
  ['crash-cascade-2010', 'no-cascade', 'skype-2010'],
  ['crash-cascade-2010', 'no-cascade', 'fixed'],
  ['login-flood-2007', 'recovers', 'skype-2007'],
  ['login-flood-2007', 'recovers', 'fixed'],
  ['feedback-loop', 'no-cascade', 'skype-2010'],
  ['feedback-loop', 'no-cascade', 'fixed'],
  ['directory', 'consistent-directory', 'skype-2010'],
];

const EXHAUSTIVE: [string, string, string][] = [
  ['crash-cascade-2010', 'no-client-crash', 'skype-2010'],
  ['crash-cascade-2010', 'no-client-crash', 'fixed'],
  ['feedback-loop', 'no-cascade', 'skype-2010'],
];

/** Results of real runs; counterexamples they find are stored under `dir`, not in the project. */
export function smallResults(dir: string): Results {
  const suite = (id: string) => SUITES.find((s) => s.id === id)!;
  const pair = ([s, property, variant]: [string, string, string]): Pair => ({
    suite: suite(s),
    property,
    variant,
    expected: expectation(suite(s), property, variant) ?? null,
  });
  const random = RANDOM.map((p) => checkPair(pair(p), { runs: 40, budget: 'test', dir, update: false }));
  const exhaustive = EXHAUSTIVE.map((p) => explorePair(pair(p), { budget: 'test', horizon: 8, maxStates: 20_000, maxMemoryMB: 1024, dir, update: false }));
  const scenarios = [summarizeScenario({ config: defaultConfig('small'), protocol: variant('skype-2010') }, 'outage-2010', 'small')];
  const fixSets = [fixSetRecord(analyseFixSets(suite('crash-cascade-2010'), 'skype-2010', { budget: 'test', runs: 100 }))];
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'cascade', version: VERSION, node: process.version },
    budget: 'test',
    scenarios,
    random,
    exhaustive,
    ratios: compareLengths(random, exhaustive),
    fixSets,
    enoughForAll: enoughForAllBases(fixSets),
    suites: suiteRecords(SUITES),
    fidelity: smallFidelity(),
    fidelityReduction: FIXTURE_REDUCTION,
  };
}

/** Results with no verdict at all: the report's sections that read only counterexamples and the population. */
export function emptyResults(): Results {
  return {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'cascade', version: VERSION, node: process.version },
    budget: 'test',
    scenarios: [],
    random: [],
    exhaustive: [],
    ratios: [],
    fixSets: [],
    enoughForAll: [],
    suites: suiteRecords(SUITES),
    fidelity: smallFidelity(),
    fidelityReduction: FIXTURE_REDUCTION,
  };
}
