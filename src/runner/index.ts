/**
 * The runner: what the command line, the tests, the benchmarks and the report call to run suites.
 * It selects pairs, runs an engine, stores counterexamples, assembles results, sweeps parameters,
 * and re-exports the few model, trace and report functions a command needs, so that `src/cli/`
 * parses and prints and imports nothing else of cascade.
 */
export * from './checkPair.ts';
export * from './commandLines.ts';
export * from './explorePair.ts';
export * from './gather.ts';
export * from './enoughForAll.ts';
export * from './startShard.ts';
export * from './overrides.ts';
export * from './runPairs.ts';
export * from './runSummary.ts';
export * from './select.ts';
export * from './suites.ts';
export * from './sweep.ts';
export * from './sweepFiles.ts';
export * from './scenarioRun.ts';
export * from './replayFile.ts';
export * from './fidelity.ts';
export * from './fixSets.ts';
export * from './enoughAtDepth.ts';
export * from './junitFile.ts';
export * from './publicRecord.ts';
export * from './shard.ts';
export * from './shardFile.ts';
export * from './shardSet.ts';
export * from './shardCheck.ts';
export * from './shardFixes.ts';
export * from './shardSweep.ts';
export * from './shardExplore.ts';
export * from './observeOutage.ts';
export { isSuiteFile, SUITE_FILE_EXTENSIONS } from './suiteFile.ts';

/** Where `start` leaves its results for `report`. */
export const RESULTS_PATH = 'report/results.json';

// What commands print, from the layers below the runner.
export { MAX_SEARCH_TICKS } from '../search/exhaustive.ts';
export type { ScenarioSummary } from '../search/scenarioSummary.ts';
export { BASES, defaultConfig, FIXES, lookup, SCENARIO_NAMES, SCENARIOS, type Base, type Config, type Fix, type Metrics } from '../model/index.ts';
export { loadResults } from '../results/loadResults.ts';
export { OutputDirectory } from '../report/outputDirectory.ts';
export { RESULTS_SCHEMA_VERSION, type ExplorePairResult, type FixSetRecord, type PairResult, type Results } from '../results/results.ts';
export type { EnoughRecord } from '../results/enoughRecord.ts';
export { writeReport } from '../report/writeReport.ts';
export { checkedDirectory, reportCounterexamples } from './counterexampleDirs.ts';
export { sequenceTrace } from './sequenceTrace.ts';
export { suiteRecords } from './suiteRecords.ts';
export { checkDiagramTarget, writeDiagram } from '../report/diagramFile.ts';
export { depthWords, enoughPerBase, showSet, showSets } from '../report/enough.ts';
export { plural, showFigure } from '../report/format.ts';
export { describeScope } from '../report/scope.ts';
export { describeFixSetScope } from '../report/fixSetScope.ts';
export { enoughLine, finding } from '../report/finding.ts';
export { DefinitionError } from '../propertyLanguage/index.ts';
export { SUITES, type Suite } from '../../properties/index.ts';
