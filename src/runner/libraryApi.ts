/**
 * The library API: the model (init, enabled, step, metrics, recorded effects), the engines, the
 * property language and the suites (defineProperty, defineSuite), the runner (with the fix-set
 * analysis), the trace generator, counterexample files, and the report (with JUnit XML). It is what
 * `import { ... } from 'cascade'` gives (src/index.ts re-exports it) and what a suite file's
 * default-export function is given (suites.ts), in the command's thread and in a pool worker alike;
 * it lives here, below the CLI, so that the suite loader reaches it without importing upward.
 */
export {
  init,
  enabled,
  step,
  stepOwned,
  metrics,
  encode,
  decode,
  defaultConfig,
  parseConfig,
  parseVariant,
  variant,
  describeEvent,
  ADVERSARY_KINDS,
  FIXES,
  BASES,
  SCENARIOS,
  SCENARIO_NAMES,
  scenarioEvents,
} from '../model/index.ts';
export type { Model, State, Event, Config, Protocol, Metrics, AdversaryKind, Peer, Supernode, Counters, Effect, Recorder } from '../model/index.ts';
export { searchRandom, type RandomResult, type RandomOptions } from '../search/random.ts';
export { searchExhaustive, type ExhaustiveResult, type ExhaustiveOptions } from '../search/exhaustive.ts';
export { simulate } from '../search/simulate.ts';
export { replay } from '../search/replay.ts';
export { PROPERTIES, PROPERTY_IDS, DEFAULT_BOUNDS, checkRun, defineProperty, DefinitionError, COUNTER_NAMES } from '../propertyLanguage/index.ts';
export type {
  Property,
  AlwaysProperty,
  EventuallyProperty,
  History,
  Bounds,
  PropertySpec,
  AlwaysSpec,
  WindowSpec,
  EventuallySpec,
  RunOutcome,
  Violation,
} from '../propertyLanguage/index.ts';
export { SUITES, defineSuite, suiteModel, propertyOf, type Suite, type SuiteSpec } from '../../properties/index.ts';
export {
  selectPairs,
  explorePairs,
  checkPair,
  explorePair,
  runChecks,
  runExplores,
  gatherResults,
  sweep,
  loadSuiteFile,
  readOverrides,
  parseSettings,
  applyOverrides,
  exitCode,
  EXIT,
  analyseFixSets,
  runFixSets,
  runSummary,
  RESULTS_SCHEMA_VERSION,
} from './index.ts';
export type {
  Pair,
  CheckOptions,
  ExploreOptions,
  Overrides,
  SweepSpec,
  SweepResult,
  PairResult,
  ExplorePairResult,
  Results,
  FixSetAnalysis,
  FixSetOptions,
  RunSummary,
} from './index.ts';
export { trace, type TraceStep } from '../trace/trace.ts';
export { junitXml } from '../report/junit.ts';
export { loadCounterexample } from '../trace/load.ts';
export { saveCounterexample, counterexamplePath } from '../trace/save.ts';
export { toItf } from '../trace/itf.ts';
export type { CounterexampleFile } from '../trace/schema.ts';
export { writeReport } from '../report/writeReport.ts';
export { reportCounterexamples } from './counterexampleDirs.ts';
export { VERSION } from '../version.ts';
