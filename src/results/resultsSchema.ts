/**
 * The schema of a results file (`report/results.json`, as `start` saves it): the `Results` type of
 * results.ts, checked field by field so that an edited or hostile file is a one-line usage error and
 * not a stack trace in the report. Objects are closed (unknown fields are rejected), counts are
 * non-negative integers, lists and strings are bounded, and every suite, property, variant and
 * scenario a row names is one this version knows (looked up as own entries: `constructor` or
 * `__proto__` is an unknown name like any other).
 */
import { z } from 'zod';
import { SUITES } from '../../properties/index.ts';
import { MAX_SEARCH_TICKS } from '../search/exhaustive.ts';
import { ConfigSchema } from '../model/config.ts';
import { SCENARIO_NAMES } from '../model/scenarios.ts';
import { quote } from '../model/schemaIssue.ts';
import { parseVariant } from '../model/variant.ts';
import { PROPERTY_IDS } from '../propertyLanguage/builtIn.ts';
import { FIXES } from '../model/variant.ts';
import { ADVERSARY_KINDS } from '../model/events.ts';
import { BoundsSchema } from '../trace/schema.ts';
import { RESULTS_SCHEMA_VERSION, type Results } from './results.ts';

/** Most rows in each list of a results file (`start` writes well under a hundred). */
export const MAX_ROWS = 10_000;
/** Longest string field (paths, commands, the scope in words). */
export const MAX_STRING = 1_000;
/** Longest suite, property, variant or scenario name. */
export const MAX_NAME = 200;

/** What a name may be made of (every suite, property, variant and scenario name is). */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/**
 * A name checked in this order: a string, not too long, made of name characters (so that every
 * message stays on one line), then `known` (which returns what is wrong, or null).
 */
function name(what: string, known: (name: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    let problem: string | null;
    if (value.length > MAX_NAME) problem = `${what} name longer than ${MAX_NAME} characters`;
    else if (!NAME.test(value)) problem = `${quote(value)} is not a ${what} name (letters, digits, '.', '_', '+' and '-' only)`;
    else problem = known(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const oneOf = (what: string, ids: readonly string[]) => (value: string) =>
  ids.includes(value) ? null : `unknown ${what} ${quote(value)} (known: ${ids.join(', ')})`;

const SuiteName = name(
  'suite',
  oneOf(
    'suite',
    SUITES.map((s) => s.id),
  ),
);
const PropertyName = name('property', oneOf('property', PROPERTY_IDS));
const ScenarioName = name('scenario', oneOf('scenario', SCENARIO_NAMES));
const VariantName = name('variant', (value) => {
  const parsed = parseVariant(value);
  return parsed.ok ? null : parsed.error;
});

const text = z.string().max(MAX_STRING);
/** A count: a non-negative integer (zod's int is within the safe integers). */
const count = z.int().min(0);
/** A finite non-negative measure (times in ms, rates, means); zod's number rejects Infinity and NaN. */
const measure = z.number().min(0);
const share = z.number().min(0).max(1);

const SaveResultSchema = z.enum(['written', 'unchanged', 'kept-existing', 'kept-damaged', 'replaced', 'replaced-longer']);
/** What a suite expects; `expected` is typed as a string, but `check` and `explore` only write these. */
const Expected = z.enum(['violated', 'holds']);

const pair = { suite: SuiteName, property: PropertyName, variant: VariantName };

export const ScenarioSummarySchema = z
  .object({
    scenario: ScenarioName,
    variant: VariantName,
    scale: z.enum(['small', 'population']),
    startSupernodes: count,
    minSupernodes: count,
    endSupernodes: count,
    endOnline: count,
    wantOnline: count,
    lateOnlineShare: share,
    crashes: count,
    overloadShutdowns: count,
    recoveredAfter: count.nullable(),
    peakRequestsPerClient: measure,
  })
  .strict();

export const PairResultSchema = z
  .object({
    ...pair,
    expected: Expected.nullable(),
    config: ConfigSchema,
    verdict: z.enum(['violated', 'holds', 'vacuous']),
    runs: count.max(10_000_000),
    triggeredRuns: count,
    coverage: z.object({ cells: count, possible: count, lateCells: count, latePossible: count, lateKinds: count }).strict(),
    safetyLength: z.object({ median: measure, max: count }).strict(),
    seed: z.int().min(-0x80000000).max(0x7fffffff),
    ms: count,
    timeToFailureMs: measure.nullable(),
    eventsBeforeShrink: count.nullable(),
    eventsAfterShrink: count.nullable(),
    counterexample: text.nullable(),
    saved: SaveResultSchema.nullable(),
    met: z.boolean(),
    replay: text,
  })
  .strict();

export const ExplorePairResultSchema = z
  .object({
    ...pair,
    expected: Expected.nullable(),
    config: ConfigSchema,
    verdict: z.enum(['violated', 'holds-within-horizon', 'holds', 'bound-reached', 'vacuous']),
    stoppedBy: z.enum(['violation', 'horizon', 'complete', 'states', 'memory']),
    bound: z.object({ horizon: count.max(MAX_SEARCH_TICKS), maxStates: count.min(1).max(1_000_000_000), maxMemoryMB: count.max(1_000_000_000) }).strict(),
    scope: z
      .object({
        supernodes: count,
        clients: count,
        onlineAtStart: count,
        faultBudget: count,
        churnBudget: count.nullable(),
        reason: text.nullable(),
        parameters: text.nullable(),
        full: z.boolean(),
      })
      .strict(),
    states: count,
    branchingStates: count,
    transitions: count,
    depth: count,
    ticks: count,
    healTicks: count,
    ms: count,
    statesPerSecond: count,
    bytesPerState: measure,
    collisionProbability: share,
    eventsInCounterexample: count.nullable(),
    shortest: z.boolean(),
    counterexample: text.nullable(),
    saved: SaveResultSchema.nullable(),
    met: z.boolean(),
    swarm: z
      .object({ index: count.min(1).max(10_000), count: count.min(1).max(10_000) })
      .strict()
      .optional(),
    full: z.literal(true).optional(),
    shards: count.min(1).max(10_000).optional(),
  })
  .strict()
  .refine((r) => r.branchingStates <= r.states, { message: 'branchingStates is more than states', path: ['branchingStates'] });

export const LengthRatioSchema = z.object({ ...pair, random: count, shortest: count, ratio: measure }).strict();

const Fix = z.enum(FIXES);
const Fixes = z.array(Fix).max(FIXES.length);
const Outcome = z.enum(['holds', 'violated', 'unknown']);

export const FixCheckRecordSchema = z
  .object({
    property: PropertyName,
    outcome: Outcome,
    random: z.enum(['violated', 'holds', 'vacuous', 'not-run']),
    exhaustive: z.enum(['violated', 'holds-within-horizon', 'holds', 'bound-reached', 'not-searched']),
    skipped: z
      .object({ subset: Fixes, fails: z.object({ suite: SuiteName, property: PropertyName }).strict().nullable() })
      .strict()
      .optional(),
    counterexample: z
      .object({ engine: z.enum(['random', 'exhaustive']), shortest: z.boolean(), events: count, replay: text })
      .strict()
      .nullable(),
  })
  .strict();

export const FixSetRecordSchema = z
  .object({
    suite: SuiteName,
    base: z.enum(['skype-2007', 'skype-2010']),
    properties: z.array(PropertyName).max(100),
    budget: z.enum(['test', 'start']),
    depth: z
      .object({
        runs: count.max(10_000_000),
        horizon: z.object({ least: count.max(MAX_SEARCH_TICKS), most: count.max(MAX_SEARCH_TICKS) }).strict(),
        maxStates: z.object({ least: count.min(1).max(1_000_000_000), most: count.min(1).max(1_000_000_000) }).strict(),
      })
      .strict(),
    scope: z
      .object({
        among: Fixes.nullable(),
        seed: z.int(),
        maxEvents: count,
        reason: text.nullable(),
        everySet: z.boolean(),
        acrossSuites: z.boolean(),
        shortest: z.boolean(),
      })
      .strict(),
    sets: z
      .array(z.object({ fixes: Fixes, variant: VariantName, outcome: Outcome, checks: z.array(FixCheckRecordSchema).max(100) }).strict())
      .max(1 << FIXES.length),
    minimal: z.array(Fixes).max(1 << FIXES.length),
    perProperty: z.record(PropertyName, z.object({ minimal: z.array(Fixes).max(1 << FIXES.length), needs: Fixes }).strict()),
    worsenings: z.array(z.object({ property: PropertyName, from: Fixes, added: Fix }).strict()).max(MAX_ROWS),
    skipped: count,
    notSearched: count,
    reused: count,
    unmet: z.array(z.object({ variant: VariantName, property: PropertyName, expected: Expected, outcome: Outcome }).strict()).max(MAX_ROWS),
    ms: count,
  })
  .strict();

const Depth = z
  .object({
    runs: count.max(10_000_000),
    horizon: z.object({ least: count.max(MAX_SEARCH_TICKS), most: count.max(MAX_SEARCH_TICKS) }).strict(),
    maxStates: z.object({ least: count.min(1).max(1_000_000_000), most: count.min(1).max(1_000_000_000) }).strict(),
  })
  .strict();
const DeepCheckRecordSchema = z
  .object({
    suite: SuiteName,
    property: PropertyName,
    outcome: Outcome,
    random: z.enum(['violated', 'holds', 'vacuous']),
    exhaustive: z.enum(['violated', 'holds-within-horizon', 'holds', 'bound-reached', 'vacuous', 'not-searched']),
    states: count.nullable(),
    reused: count.max(2),
    counterexample: z
      .object({ engine: z.enum(['random', 'exhaustive']), shortest: z.boolean(), events: count, replay: text })
      .strict()
      .nullable(),
  })
  .strict();

export const EnoughRecordSchema = z
  .object({
    base: z.enum(['skype-2007', 'skype-2010']),
    budget: z.enum(['test', 'start']),
    from: z.enum(['test', 'start']),
    suites: z
      .array(z.object({ suite: SuiteName, budget: z.enum(['test', 'start']), properties: z.array(PropertyName).max(100), depth: Depth }).strict())
      .max(100),
    candidates: count.max(1 << FIXES.length),
    narrowed: z.boolean(),
    verified: z
      .array(
        z
          .object({
            fixes: Fixes,
            variant: VariantName,
            outcome: Outcome,
            checks: z.array(DeepCheckRecordSchema).max(MAX_ROWS),
            failed: DeepCheckRecordSchema.nullable(),
          })
          .strict(),
      )
      .max(1 << FIXES.length),
    skipped: count.max(1 << FIXES.length),
    minimal: z.array(Fixes).max(1 << FIXES.length),
    reused: count,
    ms: count,
  })
  .strict();

/** The message of a wrong or missing top-level field, with a hint: an older or foreign file. */
const hint = (wrong: string) => (issue: { input?: unknown }) => `${issue.input === undefined ? 'missing' : wrong} (is it a file saved by 'cascade start'?)`;

const FigureSchema = {
  id: text,
  runs: z.enum(['record-2010', 'record-2007', 'fixed']),
  label: text,
  record: text,
  tolerance: text,
  unit: z.enum(['share', 'ratio', 'hours']),
  low: z.number(),
  high: z.number(),
};

const OutageObservationSchema = z
  .object({
    scenario: ScenarioName,
    variant: VariantName,
    seed: z.int(),
    hours: measure,
    crashedBuggyShare: share,
    supernodesLostToCrashShare: share,
    peakSupernodeTraffic: measure,
    peakSignalling: measure,
    peakPeersContacted: measure,
    lowestOnlineShare: share,
    lowestOnlineAfterFirstHour: share,
    onlineAtHour: z.array(share).max(MAX_ROWS),
    recoveryHours: z.array(measure.nullable()).max(10),
    overloadShutdowns: count,
    supernodes: count,
    samples: z.array(z.object({ hours: z.number(), onlineShare: share, liveSupernodes: count, supernodeTraffic: measure }).strict()).max(MAX_ROWS),
  })
  .strict();

const FidelityRunSchema = z.object({ scenario: ScenarioName, variant: VariantName, hours: measure }).strict();
const fidelityRuns = <T extends z.ZodType>(value: T) =>
  z.object({ 'record-2010': value, 'record-2007': value, 'fixed-2010': value, 'fixed-2007': value }).strict();

export const FidelityReportSchema = z
  .object({
    seeds: z.array(z.int()).min(1).max(1000),
    plan: fidelityRuns(FidelityRunSchema),
    config: ConfigSchema,
    figures: z
      .array(
        z
          .object({
            ...FigureSchema,
            values: z.array(z.number().nullable()).max(1000),
            median: z.number().nullable(),
            min: z.number().nullable(),
            max: z.number().nullable(),
            within: z.boolean(),
            note: text.optional(),
          })
          .strict(),
      )
      .max(100),
    within: count,
    runs: fidelityRuns(z.array(OutageObservationSchema).max(1000)),
  })
  .strict();

const Kinds = z.array(z.enum(ADVERSARY_KINDS)).max(ADVERSARY_KINDS.length);

export const SuiteRecordSchema = z
  .object({
    id: SuiteName,
    title: text,
    assumptions: text,
    scale: z.enum(['small', 'population']),
    properties: z.array(PropertyName).min(1).max(100),
    variants: z
      .array(z.object({ variant: VariantName, expected: z.record(PropertyName, Expected) }).strict())
      .min(1)
      .max(1000),
    config: ConfigSchema,
    bounds: BoundsSchema,
    kinds: Kinds,
    exhaustiveKinds: Kinds,
    maxEvents: count.max(1_000_000),
    seed: z.int().min(-0x80000000).max(0x7fffffff),
    budget: z.object({ test: count.max(10_000_000), start: count.max(10_000_000) }).strict(),
    fullTier: z.object({ scope: text, cost: text, command: text }).strict().nullable(),
  })
  .strict();

/** Each suite recorded once, and every suite a verdict names recorded: formatters read its order, bounds and budgets there. */
function everySuiteRecorded(r: Pick<Results, 'suites' | 'random' | 'exhaustive'>, ctx: z.RefinementCtx): void {
  const ids = r.suites.map((s) => s.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) ctx.addIssue({ code: 'custom', path: ['suites'], message: `suite ${quote(twice)} is recorded twice` });
  for (const list of ['random', 'exhaustive'] as const) {
    const i = r[list].findIndex((row) => !ids.includes(row.suite));
    if (i >= 0) ctx.addIssue({ code: 'custom', path: [list, i, 'suite'], message: `suite ${quote(r[list][i]!.suite)} has no record in suites` });
  }
}

const rows = <T extends z.ZodType>(row: T) => z.array(row, { error: hint('must be a list') }).max(MAX_ROWS, { error: `more than ${MAX_ROWS} rows` });

export const ResultsSchema = z
  .object(
    {
      schemaVersion: z.literal(RESULTS_SCHEMA_VERSION, {
        error: (issue) =>
          `${issue.input === undefined ? 'missing' : `${String(issue.input).slice(0, 20)}`}, this cascade reads version ${RESULTS_SCHEMA_VERSION} (run 'cascade start' again to save the results anew)`,
      }),
      tool: z
        .object({ name: z.literal('cascade'), version: z.string().max(100), node: z.string().max(100) }, { error: hint('must be the tool name and version') })
        .strict(),
      budget: z.enum(['test', 'start'], { error: hint('must be test or start') }),
      scenarios: rows(ScenarioSummarySchema),
      random: rows(PairResultSchema),
      exhaustive: rows(ExplorePairResultSchema),
      ratios: rows(LengthRatioSchema),
      fixSets: rows(FixSetRecordSchema),
      enough: z.array(EnoughRecordSchema).max(10).optional(),
      enoughForAll: z.array(z.object({ base: VariantName, sets: z.array(Fixes).max(64) }).strict()).max(10),
      suites: z.array(SuiteRecordSchema, { error: hint('must be a list of suites') }).max(100),
      fidelity: FidelityReportSchema,
      fidelityReduction: count.min(1).max(100),
    },
    { error: hint('not a results object') },
  )
  .strict()
  .superRefine(everySuiteRecorded) satisfies z.ZodType<Results>;
