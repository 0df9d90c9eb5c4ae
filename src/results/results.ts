/**
 * The results of a full check, as `start` gathers them and the report reads them: what was run
 * with which tool and model version, the scripted outages, and every verdict of both engines.
 * `start` saves them as `report/results.json` so that `report` can render them again without
 * re-running the searches.
 */
import type { EnoughForAll, EnoughRecord } from './enoughRecord.ts';
import type { ExhaustiveResult, SearchBounds } from '../search/exhaustive.ts';
import type { RandomResult } from '../search/random.ts';
import type { ScenarioSummary } from '../search/scenarioSummary.ts';
import type { AdversaryKind, Config, Scale } from '../model/index.ts';
import type { Bounds } from '../propertyLanguage/index.ts';
import type { SaveResult } from '../trace/save.ts';
import type { FidelityReport } from './fidelity.ts';

/** What both engines' results say of the pair they ran: which one, its expectation and its config. */
export interface PairHead {
  suite: string;
  /** The suite file of a user suite, as given. */
  suiteFile?: string;
  property: string;
  variant: string;
  /** The suite's expected verdict; null when it states none (another variant, or parameters overridden). */
  expected: 'holds' | 'violated' | null;
  /** The effective config the pair ran on. */
  config: Config;
}

/** One (suite, property, variant) checked by the random engine. */
export interface PairResult extends PairHead {
  verdict: RandomResult['verdict'];
  runs: number;
  triggeredRuns: number;
  /**
   * Adversary (event kind, tick) cells of the safety window the runs exercised, of how many possible;
   * of those, the cells in the window's last third (tick >= 2/3 of maxEvents, rounded up), of how many
   * possible there, and the event kinds with at least one of them.
   */
  coverage: { cells: number; possible: number; lateCells: number; latePossible: number; lateKinds: number };
  /** Median and longest safety phase of the runs, in events (the suite allows maxEvents). */
  safetyLength: { median: number; max: number };
  seed: number;
  ms: number;
  timeToFailureMs: number | null;
  eventsBeforeShrink: number | null;
  eventsAfterShrink: number | null;
  counterexample: string | null;
  saved: SaveResult | null;
  met: boolean;
  replay: string;
}

/** The scope a search covers, as numbers: the population, the adversary's budgets, and where it comes from. */
export interface SearchScope {
  supernodes: number;
  clients: number;
  onlineAtStart: number;
  faultBudget: number;
  /** User actions the adversary may take (null: none of its event kinds is one). */
  churnBudget: number | null;
  /** The suite's own reason for this scope, as its definition words it (null: it gives none). */
  reason: string | null;
  /** The parameters set over the suite's scope, as the command line or config file gave them (null: none). */
  parameters: string | null;
  /** The suite's full exhaustive tier rather than its section's scope. */
  full: boolean;
}

/** One (suite, property, variant) searched by the exhaustive engine. */
export interface ExplorePairResult extends PairHead {
  /** The search's verdict, or `vacuous`: it holds only because no sequence it covers exercised the property's trigger (as `check` says). */
  verdict: ExhaustiveResult['verdict'] | 'vacuous';
  stoppedBy: ExhaustiveResult['stoppedBy'];
  /**
   * The search's bounds as the results file keeps them: its `SearchBounds`' horizon and state bound,
   * and its memory bound in MB, the unit of `--max-memory`.
   */
  bound: Pick<SearchBounds, 'horizon' | 'maxStates'> & { maxMemoryMB: number };
  /** The scope searched: supernodes, clients, budgets (report/scope.ts says it in words). */
  scope: SearchScope;
  /** Distinct states stored. */
  states: number;
  /** Of those, the states in which the adversary could still act (the rest follow ticks only): its choice points. */
  branchingStates: number;
  transitions: number;
  /** Deepest level (events) fully expanded. */
  depth: number;
  /** Latest tick reached. */
  ticks: number;
  healTicks: number;
  ms: number;
  /** Measured as run; formatters show these only for a search large and long enough (strength.ts: `measurable`). */
  statesPerSecond: number;
  bytesPerState: number;
  /** Chance that a 64-bit fingerprint collision hid a state. */
  collisionProbability: number;
  eventsInCounterexample: number | null;
  /** Whether the counterexample is known to be a shortest one (not when a bound stopped the search after it). */
  shortest: boolean;
  counterexample: string | null;
  saved: SaveResult | null;
  met: boolean;
  /** A swarm shard's search: only the sequences whose first adversary event falls to shard `index` of `count`. */
  swarm?: { index: number; count: number };
  /** Merged from this many swarm shards: states, transitions and time are the shards' sums (their spaces overlap). */
  shards?: number;
  /** Searched at the suite's full exhaustive tier (`explore --budget full`). */
  full?: true;
}

export interface LengthRatio {
  suite: string;
  property: string;
  variant: string;
  random: number;
  shortest: number;
  ratio: number;
}

/** One property on one fix set, as the results keep it: the outcome and how it was reached, not the events. */
export interface FixCheckRecord {
  property: string;
  outcome: 'holds' | 'violated' | 'unknown';
  /** The random engine's verdict, or `not-run` (the check was skipped). */
  random: string;
  /** The exhaustive verdict, or `not-searched` (the random engine violated it, or the check was skipped). */
  exhaustive: string;
  /** Why the check was skipped: a proper subset already holds the property, and holds everything or the set fails `fails` (runner/fixSets.ts, `Skipped`). */
  skipped?: { subset: string[]; fails: { suite: string; property: string } | null };
  /** The shortest counterexample found: its length, the engine, and the command that replays it. */
  counterexample: { engine: 'random' | 'exhaustive'; shortest: boolean; events: number; replay: string } | null;
}

/** How each engine was run on every set of a fix-set analysis, as numbers and switches. */
export interface FixSetScope {
  /** The subsets of these fixes only, in the order of the six (null: of all six). */
  among: string[] | null;
  /** The random engine's seed and the most safety-phase events a run takes. */
  seed: number;
  maxEvents: number;
  /** The suite's own reason for its exhaustive scope, as its definition words it (null: none). */
  reason: string | null;
  /** Every check made, whether an answer depends on it or not. */
  everySet: boolean;
  /** Analysed with the other suites of the base: a check is skipped only when its subset holds every suite on the base. */
  acrossSuites: boolean;
  /** A set the random engine violated is searched again for a shortest counterexample. */
  shortest: boolean;
}

/** A fix-set analysis of one suite on one base (see runner/fixSets.ts), as the results keep it. */
export interface FixSetRecord {
  suite: string;
  base: 'skype-2007' | 'skype-2010';
  properties: string[];
  budget: 'test' | 'start';
  /** How deep every "holds" goes: random runs per check, the least and most exhaustive horizon and state bound. */
  depth: { runs: number; horizon: { least: number; most: number }; maxStates: { least: number; most: number } };
  scope: FixSetScope;
  sets: { fixes: string[]; variant: string; outcome: 'holds' | 'violated' | 'unknown'; checks: FixCheckRecord[] }[];
  minimal: string[][];
  perProperty: Record<string, { minimal: string[][]; needs: string[] }>;
  worsenings: { property: string; from: string[]; added: string }[];
  skipped: number;
  notSearched: number;
  reused: number;
  unmet: { variant: string; property: string; expected: 'holds' | 'violated'; outcome: 'holds' | 'violated' | 'unknown' }[];
  ms: number;
}

/**
 * A suite as the results keep it, so that formatters read it without loading suite code: its id, its
 * properties and variants in its order with the verdicts it expects, the config, bounds and budgets
 * its runs assume, and its full exhaustive tier. `title`, `assumptions` and the full tier's `scope`
 * and `cost` are the suite's own words, as its file declares them; nothing here is computed prose.
 */
export interface SuiteRecord {
  id: string;
  title: string;
  assumptions: string;
  scale: Scale;
  /** Its properties, in the order `check` runs them. */
  properties: string[];
  /** Every variant it checks, in its order, with the verdict it expects per property (none for a variant checked without expectation). */
  variants: { variant: string; expected: Record<string, 'holds' | 'violated'> }[];
  /** The config of its random runs: its scale's defaults with its overrides. */
  config: Config;
  bounds: Bounds;
  /** Event kinds its adversary may use besides tick: in the random runs, and in the exhaustive search. */
  kinds: AdversaryKind[];
  exhaustiveKinds: AdversaryKind[];
  /** Most safety-phase events per random run. */
  maxEvents: number;
  seed: number;
  /** Random runs per pair at each budget. */
  budget: { test: number; start: number };
  /** Its full exhaustive tier (searched by `command`, not by `npm start`), or null when it has none. */
  fullTier: { scope: string; cost: string; command: string } | null;
}

/**
 * The version of the results' shape (results.json and `--json` lines); raised when a field changes
 * meaning, goes or becomes required. 3: exhaustive rows carry `branchingStates`, and their `--json`
 * lines a derived `strength` (strength.ts). 4: the population runs against the public record
 * (`fidelity`), computed by the run that gathers the results rather than by the report.
 */
export const RESULTS_SCHEMA_VERSION = 4;

export interface Results {
  schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  tool: { name: 'cascade'; version: string; node: string };
  /** Budget the random engine used (`test` or `start`) and bound set of the exhaustive engine. */
  budget: 'test' | 'start';
  scenarios: ScenarioSummary[];
  random: PairResult[];
  exhaustive: ExplorePairResult[];
  ratios: LengthRatio[];
  /** Which sets of fixes are enough, per suite and base. */
  fixSets: FixSetRecord[];
  /** Per base, the sets enough for every suite verified at a deeper bound than `fixSets` (npm start: at the start bound). */
  enough?: EnoughRecord[];
  /** Per base, the sets enough for every suite as `fixSets` found them (minimal; runner/enoughForAll.ts). */
  enoughForAll: EnoughForAll[];
  /** Every suite the rows name (and the others the run knew), in the order `check` runs them. */
  suites: SuiteRecord[];
  /** The model against the public record at population scale (seed 1, the population reduced `fidelityReduction` times). */
  fidelity: FidelityReport;
  /** How many times smaller than `cascade fidelity`'s the population of `fidelity` is. */
  fidelityReduction: number;
}
