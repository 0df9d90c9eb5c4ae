/**
 * Everything the report speaks of, gathered in one run: the scripted outages (buggy variant against
 * `fixed`, both scales), the population runs against the public record, every suite with the random
 * and the exhaustive engine, the random engine's shrunk lengths against the shortest
 * counterexamples, the fix-set analysis at the test bound and, at the start budget, the sets enough
 * for every suite verified at the start bound. `start` and `report` share it; `start --shard K/N`
 * runs its parts (startShard.ts) and `merge` assembles them here.
 */
import { SUITES } from '../../properties/index.ts';
import { summarizeScenario, type ScenarioSummary } from '../search/scenarioSummary.ts';
import { BASES, defaultConfig, variant, type Base } from '../model/index.ts';
import type { EnoughRecord } from '../results/enoughRecord.ts';
import type { FidelityReport } from '../results/fidelity.ts';
import { RESULTS_SCHEMA_VERSION, type ExplorePairResult, type FixSetRecord, type LengthRatio, type PairResult, type Results } from '../results/results.ts';
import { VERSION } from '../version.ts';
import { enoughRecord, runTwoStages, type EnoughAtDepth } from './enoughAtDepth.ts';
import { fidelity, reducedPopulation } from './fidelity.ts';
import { enoughForAllBases } from './enoughForAll.ts';
import { fixSetRecord, knownFrom, runFixSets, type FixSetAnalysis } from './fixSets.ts';
import { manifestDrift } from './manifestDrift.ts';
import { EXIT, exitCode, runChecks, runExplores, type Listener } from './runPairs.ts';
import type { Pair } from './select.ts';
import { selectPairs, exhaustiveSections } from './select.ts';
import { suiteRecords } from './suiteRecords.ts';

const SCENARIO_RUNS = [
  ['outage-2010', 'skype-2010'],
  ['outage-2010', 'fixed'],
  ['outage-2007', 'skype-2007'],
  ['outage-2007', 'fixed'],
] as const;

/** The parts of a gathering run, in order. */
export type GatherSection = 'scenarios' | 'fidelity' | 'random' | 'exhaustive' | 'ratios' | 'fixes' | 'enough';

/** How a gathering run is made besides its budget. */
export interface GatherOptions {
  /** How many times smaller than `cascade fidelity`'s the population of the fidelity runs is (default FIDELITY_REDUCTION). */
  reduction?: number;
}

/** The fidelity runs of a gathering run are on a population this many times smaller than `cascade fidelity`'s (the same shape), over seed 1. */
export const FIDELITY_REDUCTION = 2;

/** What a gathering run tells as it goes. */
export interface GatherListener {
  section?(name: GatherSection): void;
  scenario?(summary: ScenarioSummary): void;
  /** The population runs against the public record, when done. */
  fidelity?(report: FidelityReport, reduction: number): void;
  random?: Listener<PairResult>;
  exhaustive?: Listener<ExplorePairResult>;
  ratio?(ratio: LengthRatio): void;
  /** Progress of the fix-set analysis, and each suite and base as it is done. */
  fixProgress?(done: number, of: number, text: string): void;
  fixSets?(record: FixSetRecord): void;
  /** Each base's sets enough for every suite, verified at the start bound (start budget only). */
  enough?(record: EnoughRecord): void;
  /** A line for each exhaustive search whose figures differ from the state-count manifest (manifestDrift.ts); each is an unmet expectation. */
  drift?(line: string): void;
}

/** The pairs both engines check, in the order a gathering run checks them. */
export function gatherPairs(): { random: Pair[]; exhaustive: Pair[] } {
  return { random: selectPairs(SUITES, {}), exhaustive: exhaustiveSections(SUITES) };
}

/** The scripted outages, both scales, each buggy variant against `fixed`. */
export function gatherScenarios(listener: GatherListener = {}): ScenarioSummary[] {
  const scenarios: ScenarioSummary[] = [];
  for (const scale of ['small', 'population'] as const) {
    for (const [scenario, name] of SCENARIO_RUNS) {
      const s = summarizeScenario({ config: defaultConfig(scale), protocol: variant(name) }, scenario, scale);
      scenarios.push(s);
      listener.scenario?.(s);
    }
  }
  return scenarios;
}

/** The population runs against the public record, seed 1, on the population reduced `reduction` times. */
export function gatherFidelity(reduction: number): FidelityReport {
  return fidelity([1], reducedPopulation(reduction));
}

/** Pairs with the random engine at `budget`, counterexamples stored in `counterexamples/`. */
export async function gatherRandom(pairs: readonly Pair[], budget: 'test' | 'start', workers: number, listener?: Listener<PairResult>): Promise<PairResult[]> {
  return (await runChecks(pairs, { budget, dir: 'counterexamples', update: false, workers }, listener)).results;
}

/** Pairs with the exhaustive engine at `budget`'s bounds, counterexamples stored in `counterexamples/`. */
export async function gatherExhaustive(
  pairs: readonly Pair[],
  budget: 'test' | 'start',
  workers: number,
  listener?: Listener<ExplorePairResult>,
): Promise<ExplorePairResult[]> {
  return (await runExplores(pairs, { budget, maxMemoryMB: 4096, dir: 'counterexamples', update: false, workers }, listener)).results;
}

/** The fix-set analyses of some bases (the suites of a base together), and at the start budget each base's stage 2. */
export interface GatheredFixes {
  /** In order: suite, then base. */
  fixSets: FixSetRecord[];
  enough?: EnoughRecord[];
  code: number;
}

/**
 * The fix sets at the test budget and bounds, the suites of a base together (what "enough for every
 * suite" needs); a set the random engine violated is not searched for a shortest counterexample (the
 * verdicts are the same). At the start budget this is stage 1: the sets it did not violate are the
 * candidates stage 2 verifies at the start bound (enoughAtDepth.ts); a base's stage 2 starts as soon
 * as its stage 1 ends, on the same workers. Searches the pairs already made (`random`, `exhaustive`)
 * at the same bound, scope and runs are taken rather than made again.
 */
export async function gatherFixes(
  bases: readonly Base[],
  budget: 'test' | 'start',
  workers: number,
  made: { random: readonly PairResult[]; exhaustive: readonly ExplorePairResult[] },
  listener: GatherListener = {},
): Promise<GatheredFixes> {
  const known = knownFrom(SUITES, made.random, made.exhaustive);
  const options = { shortest: false, onProgress: listener.fixProgress, workers };
  const told = (a: FixSetAnalysis) => listener.fixSets?.(fixSetRecord(a));
  const fixes: { analyses: FixSetAnalysis[]; code: number; enough?: EnoughAtDepth[] } =
    budget === 'test'
      ? await runFixSets(SUITES, bases, { ...options, budget, acrossSuites: true, known }, told)
      : await runTwoStages(SUITES, bases, { ...options, deep: { budget, known } }, told);
  return {
    fixSets: fixes.analyses.map(fixSetRecord),
    ...(fixes.enough ? { enough: fixes.enough.map(enoughRecord) } : {}),
    code: fixes.code,
  };
}

/** What a gathering run made, before it is assembled into results. */
export interface GatheredParts {
  budget: 'test' | 'start';
  scenarios: ScenarioSummary[];
  fidelity: FidelityReport;
  reduction: number;
  random: PairResult[];
  exhaustive: ExplorePairResult[];
  fixes: GatheredFixes;
}

/** The figures derived from the parts: the shrink ratios and the searches that drift from the manifest. */
export function derivedOf(parts: Pick<GatheredParts, 'random' | 'exhaustive' | 'budget'>, workers: number): { drift: string[]; ratios: LengthRatio[] } {
  return { drift: manifestDrift(parts.exhaustive, parts.budget, workers), ratios: compareLengths(parts.random, parts.exhaustive) };
}

/** The results of the parts, with the figures derived from them (`derived`, unless already known) and the exit code. */
export function assembleResults(
  parts: GatheredParts,
  workers: number,
  derived = derivedOf(parts, workers),
): { results: Results; code: number; drift: string[]; ratios: LengthRatio[] } {
  const { drift, ratios } = derived;
  const results: Results = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    tool: { name: 'cascade', version: VERSION, node: process.version },
    budget: parts.budget,
    scenarios: parts.scenarios,
    random: parts.random,
    exhaustive: parts.exhaustive,
    ratios,
    fixSets: parts.fixes.fixSets,
    ...(parts.fixes.enough ? { enough: parts.fixes.enough } : {}),
    enoughForAll: enoughForAllBases(parts.fixes.fixSets),
    suites: suiteRecords(SUITES),
    fidelity: parts.fidelity,
    fidelityReduction: parts.reduction,
  };
  const pairs = exitCode([...parts.random, ...parts.exhaustive]);
  return { results, code: parts.fixes.code === EXIT.unmet || drift.length > 0 ? EXIT.unmet : pairs, drift, ratios };
}

/** Runs it all; `code` is the exit code of both engines' results together. */
export async function gatherResults(
  budget: 'test' | 'start',
  listener: GatherListener = {},
  workers = 1,
  options: GatherOptions = {},
): Promise<{ results: Results; code: number }> {
  const pairs = gatherPairs();
  listener.section?.('scenarios');
  const scenarios = gatherScenarios(listener);
  listener.section?.('fidelity');
  const reduction = options.reduction ?? FIDELITY_REDUCTION;
  const population = gatherFidelity(reduction);
  listener.fidelity?.(population, reduction);
  listener.section?.('random');
  const random = await gatherRandom(pairs.random, budget, workers, listener.random);
  listener.section?.('exhaustive');
  const exhaustive = await gatherExhaustive(pairs.exhaustive, budget, workers, listener.exhaustive);
  const derived = derivedOf({ random, exhaustive, budget }, workers);
  derived.drift.forEach((line) => listener.drift?.(line));
  listener.section?.('ratios');
  derived.ratios.forEach((r) => listener.ratio?.(r));
  listener.section?.('fixes');
  const fixes = await gatherFixes(BASES, budget, workers, { random, exhaustive }, listener);
  if (fixes.enough) {
    listener.section?.('enough');
    fixes.enough.forEach((e) => listener.enough?.(e));
  }
  const { results, code } = assembleResults({ budget, scenarios, fidelity: population, reduction, random, exhaustive, fixes }, workers, derived);
  return { results, code };
}

/**
 * Tells `listener` what a gathering run that made `results` told as it went, in the same order:
 * what `merge` prints for the shards of `start`.
 */
export function retell(results: Results, drift: readonly string[], listener: GatherListener): void {
  listener.section?.('scenarios');
  results.scenarios.forEach((s) => listener.scenario?.(s));
  listener.section?.('fidelity');
  listener.fidelity?.(results.fidelity, results.fidelityReduction);
  listener.section?.('random');
  results.random.forEach((r) => listener.random?.result?.(r));
  listener.section?.('exhaustive');
  results.exhaustive.forEach((r) => listener.exhaustive?.result?.(r));
  drift.forEach((line) => listener.drift?.(line));
  listener.section?.('ratios');
  results.ratios.forEach((r) => listener.ratio?.(r));
  listener.section?.('fixes');
  results.fixSets.forEach((r) => listener.fixSets?.(r));
  if (results.enough) {
    listener.section?.('enough');
    results.enough.forEach((e) => listener.enough?.(e));
  }
}

/** For each pair both engines violated: the random engine's shrunk length over the exhaustive minimum. */
export function compareLengths(random: readonly PairResult[], exhaustive: readonly ExplorePairResult[]): LengthRatio[] {
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
