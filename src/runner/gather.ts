/**
 * Everything the report speaks of, gathered in one run: the scripted outages (buggy variant against
 * `fixed`, both scales), every suite with the random and the exhaustive engine, the random
 * engine's shrunk lengths against the shortest counterexamples, the fix-set analysis at the test
 * bound and, at the start budget, the sets enough for every suite verified at the start bound.
 * `start` and `report` share it.
 */
import { SUITES } from '../../properties/index.ts';
import { summarizeScenario, type ScenarioSummary } from '../explore/scenarioSummary.ts';
import { defaultConfig, variant } from '../model/index.ts';
import { RESULTS_SCHEMA_VERSION, type ExplorePairResult, type FixSetRecord, type LengthRatio, type PairResult, type Results } from '../results/results.ts';
import { BASES } from '../model/index.ts';
import { fixSetRecord, knownFrom, runFixSets, type FixSetAnalysis } from './fixSets.ts';
import { enoughRecord, runTwoStages, type EnoughAtDepth } from './enoughAtDepth.ts';
import type { EnoughRecord } from '../results/enoughRecord.ts';
import { VERSION } from '../version.ts';
import { checkPairs, exhaustiveSections } from './select.ts';
import { manifestDrift } from './manifestDrift.ts';
import { EXIT, exitCode, runChecks, runExplores, type Listener } from './runPairs.ts';

const SCENARIO_RUNS = [
  ['outage-2010', 'skype-2010'],
  ['outage-2010', 'fixed'],
  ['outage-2007', 'skype-2007'],
  ['outage-2007', 'fixed'],
] as const;

/** What a gathering run tells as it goes. */
export interface GatherListener {
  section?(name: 'scenarios' | 'random' | 'exhaustive' | 'ratios' | 'fixes' | 'enough'): void;
  scenario?(summary: ScenarioSummary): void;
  random?: Listener<PairResult>;
  exhaustive?: Listener<ExplorePairResult>;
  ratio?(ratio: LengthRatio): void;
  /** Progress of the fix-set analysis, and each suite and base as it is done. */
  fixProgress?(done: number, of: number, text: string): void;
  fixSets?(analysis: FixSetAnalysis): void;
  /** Each base's sets enough for every suite, verified at the start bound (start budget only). */
  enough?(verified: EnoughAtDepth): void;
  /** A line for each exhaustive search whose figures differ from the state-count manifest (manifestDrift.ts); each is an unmet expectation. */
  drift?(line: string): void;
}

/** Runs it all; `code` is the exit code of both engines' results together. */
export async function gatherResults(budget: 'test' | 'start', listener: GatherListener = {}, workers = 1): Promise<{ results: Results; code: number }> {
  const scenarios: ScenarioSummary[] = [];
  listener.section?.('scenarios');
  for (const scale of ['small', 'population'] as const) {
    for (const [scenario, name] of SCENARIO_RUNS) {
      const s = summarizeScenario({ config: defaultConfig(scale), protocol: variant(name) }, scenario, scale);
      scenarios.push(s);
      listener.scenario?.(s);
    }
  }
  listener.section?.('random');
  const random = await runChecks(checkPairs(SUITES, {}), { budget, dir: 'counterexamples', update: false, workers }, listener.random);
  listener.section?.('exhaustive');
  const exhaustive = await runExplores(
    exhaustiveSections(SUITES),
    { budget, maxMemoryMB: 4096, dir: 'counterexamples', update: false, workers },
    listener.exhaustive,
  );
  const drift = manifestDrift(exhaustive.results, budget, workers);
  drift.forEach((line) => listener.drift?.(line));
  listener.section?.('ratios');
  const ratios = compareLengths(random.results, exhaustive.results);
  ratios.forEach((r) => listener.ratio?.(r));
  listener.section?.('fixes');
  // The fix sets at the test budget and bounds, the suites of a base together (what "enough for
  // every suite" needs); a set the random engine violated is not searched for a shortest
  // counterexample (the verdicts are the same). At the start budget this is stage 1: the sets it
  // did not violate are the candidates stage 2 verifies at the start bound (enoughAtDepth.ts); a
  // base's stage 2 starts as soon as its stage 1 ends, on the same workers, reusing the sections'
  // searches (made at the start bound).
  const known = knownFrom(SUITES, random.results, exhaustive.results);
  const options = { shortest: false, onProgress: listener.fixProgress, workers };
  const fixes: { analyses: FixSetAnalysis[]; code: number; enough?: EnoughAtDepth[] } =
    budget === 'test'
      ? await runFixSets(SUITES, BASES, { ...options, budget, acrossSuites: true, known }, listener.fixSets)
      : await runTwoStages(SUITES, BASES, { ...options, deep: { budget, known } }, listener.fixSets);
  const fixSets: FixSetRecord[] = fixes.analyses.map(fixSetRecord);
  let enough: EnoughRecord[] | undefined;
  if (fixes.enough) {
    listener.section?.('enough');
    fixes.enough.forEach((e) => listener.enough?.(e));
    enough = fixes.enough.map(enoughRecord);
  }
  const results: Results = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'cascade', version: VERSION, node: process.version },
    budget,
    scenarios,
    random: random.results,
    exhaustive: exhaustive.results,
    ratios,
    fixSets,
    ...(enough ? { enough } : {}),
  };
  const pairs = exitCode([...random.results, ...exhaustive.results]);
  return { results, code: fixes.code === EXIT.unmet || drift.length > 0 ? EXIT.unmet : pairs };
}

/** For each pair both engines violated: the random engine's shrunk length over the exhaustive minimum. */
export function compareLengths(random: PairResult[], exhaustive: ExplorePairResult[]): LengthRatio[] {
  return exhaustive.flatMap((e) => {
    const r = random.find((x) => x.suite === e.suite && x.property === e.property && x.variant === e.variant);
    if (!r || r.eventsAfterShrink === null || e.eventsInCounterexample === null) return [];
    return [
      {
        suite: e.suite,
        property: e.property,
        variant: e.variant,
        random: r.eventsAfterShrink,
        shortest: e.eventsInCounterexample,
        ratio: r.eventsAfterShrink / Math.max(1, e.eventsInCounterexample),
      },
    ];
  });
}
