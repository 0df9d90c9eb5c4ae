/**
 * The state-count manifest (properties/manifest.json), as TLA+ Examples keep one per model: for every
 * (suite, property, variant) of the built-in suites' exhaustive sections and each budget, what the
 * search at that budget's bound found: its bound, verdict, why it stopped, distinct states, choice
 * points, transitions, depth, latest tick and the counterexample's length. `npm run manifest` writes
 * it (test/manifest/write.ts); `npm test` searches every test row again (properties/manifest.test.ts)
 * and `npm start` compares its start searches with the start rows (manifestDrift.ts).
 *
 * Counted in one thread. On workers every figure is the same but the transitions, which count
 * re-expansions of states met again at an earlier tick, and how often that happens depends on the
 * order the threads meet states in; with workers they are not compared.
 */
import { z } from 'zod';
import type { ExhaustiveBudget } from '../../properties/index.ts';
import type { ExplorePairResult } from '../results/results.ts';

/** Where the manifest lives, from the project's root, and the command that writes it. */
export const MANIFEST_PATH = 'properties/manifest.json';
export const MANIFEST_COMMAND = 'npm run manifest';

/** One search: the pair, the budget and its bound, then what the search found. */
export interface ManifestRow {
  suite: string;
  property: string;
  variant: string;
  budget: ExhaustiveBudget;
  /** The bound searched: the adversary's last tick, and the most distinct states. */
  horizon: number;
  maxStates: number;
  verdict: ExplorePairResult['verdict'];
  stoppedBy: ExplorePairResult['stoppedBy'];
  /** Distinct states stored. */
  states: number;
  /** Of those, the states where the adversary could still act. */
  branchingStates: number;
  /** Events applied, in one thread. */
  transitions: number;
  /** Deepest level (events) fully expanded. */
  depth: number;
  /** Latest tick reached. */
  ticks: number;
  /** Events in the counterexample the search found (a shortest one unless a bound stopped it first); null: none. */
  shortestLength: number | null;
}

export interface Manifest {
  about: string;
  regenerate: string;
  /** Threads the transitions were counted on. */
  threads: 1;
  rows: ManifestRow[];
}

/** The fields in the order the file keeps them; those after `verdict` are the search's figures. */
const FIELDS = [
  'suite',
  'property',
  'variant',
  'budget',
  'horizon',
  'maxStates',
  'verdict',
  'stoppedBy',
  'states',
  'branchingStates',
  'transitions',
  'depth',
  'ticks',
  'shortestLength',
] as const;
/** The fields a comparison checks: the bound and every figure (transitions only in one thread). */
const COMPARED = FIELDS.slice(4);

const ABOUT =
  'State counts of every exhaustive section of the built-in suites, per budget (test: npm test, start: npm start), ' +
  "at that budget's bound, counted in one thread (with workers every figure is the same but transitions). " +
  'Generated, never edited by hand: npm test and npm start compare their searches with it.';

const count = z.number().int().min(0);
const rowSchema = z.strictObject({
  suite: z.string(),
  property: z.string(),
  variant: z.string(),
  budget: z.enum(['test', 'start', 'full']),
  horizon: count,
  maxStates: count,
  verdict: z.enum(['violated', 'holds', 'holds-within-horizon', 'bound-reached', 'vacuous']),
  stoppedBy: z.enum(['violation', 'complete', 'horizon', 'states', 'memory']),
  states: count,
  branchingStates: count,
  transitions: count,
  depth: count,
  ticks: count,
  shortestLength: count.nullable(),
});
const manifestSchema = z.strictObject({ about: z.string(), regenerate: z.string(), threads: z.literal(1), rows: z.array(rowSchema) });

/** A pair's row at a budget, from its result. */
export function manifestRow(result: ExplorePairResult, budget: ExhaustiveBudget): ManifestRow {
  const r = result;
  return {
    suite: r.suite,
    property: r.property,
    variant: r.variant,
    budget,
    horizon: r.bound.horizon,
    maxStates: r.bound.maxStates,
    verdict: r.verdict,
    stoppedBy: r.stoppedBy,
    states: r.states,
    branchingStates: r.branchingStates,
    transitions: r.transitions,
    depth: r.depth,
    ticks: r.ticks,
    shortestLength: r.eventsInCounterexample,
  };
}

/** A row's name in messages: `suite / property on variant, budget budget`. */
export function rowName(row: Pick<ManifestRow, 'suite' | 'property' | 'variant' | 'budget'>): string {
  return `${row.suite} / ${row.property} on ${row.variant}, ${row.budget} budget`;
}

const BUDGET_ORDER: Record<ExhaustiveBudget, number> = { test: 0, start: 1, full: 2 };

/** The file's text: rows sorted by suite, property, variant and budget, each with its fields in one order. */
export function manifestText(rows: readonly ManifestRow[]): string {
  const sorted = [...rows].sort(
    (a, b) =>
      a.suite.localeCompare(b.suite, 'en') ||
      a.property.localeCompare(b.property, 'en') ||
      a.variant.localeCompare(b.variant, 'en') ||
      BUDGET_ORDER[a.budget] - BUDGET_ORDER[b.budget],
  );
  const manifest: Manifest = {
    about: ABOUT,
    regenerate: MANIFEST_COMMAND,
    threads: 1,
    rows: sorted.map((row) => Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as unknown as ManifestRow),
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** A manifest from parsed JSON, or the one problem with it. */
export function parseManifest(json: unknown): { ok: true; value: Manifest } | { ok: false; error: string } {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${MANIFEST_PATH}: ${issue.path.join('.') || 'the file'}: ${issue.message}` };
  }
  const seen = new Set<string>();
  for (const row of parsed.data.rows) {
    const name = rowName(row);
    if (seen.has(name)) return { ok: false, error: `${MANIFEST_PATH}: two rows for ${name}` };
    seen.add(name);
  }
  return { ok: true, value: parsed.data as Manifest };
}

/** The row of a pair and budget in a manifest, if any. */
export function findRow(manifest: Manifest, of: Pick<ManifestRow, 'suite' | 'property' | 'variant' | 'budget'>): ManifestRow | undefined {
  return manifest.rows.find((r) => r.suite === of.suite && r.property === of.property && r.variant === of.variant && r.budget === of.budget);
}

/**
 * How a search differs from its row, in one line naming the row, each differing figure with both
 * values, and the command that writes the manifest again; null when they agree. `threads` above 1
 * leaves the transitions out (see the module comment).
 */
export function rowDrift(expected: ManifestRow | undefined, actual: ManifestRow, threads = 1): string | null {
  const regenerate = `if the change is meant, write the manifest again: ${MANIFEST_COMMAND} -- --budget ${actual.budget}`;
  if (!expected) return `state-count manifest: no row for ${rowName(actual)} in ${MANIFEST_PATH} (${regenerate})`;
  const differ = COMPARED.filter((f) => !(f === 'transitions' && threads > 1) && expected[f] !== actual[f]);
  if (differ.length === 0) return null;
  return `state-count manifest: ${rowName(actual)}: ${differ.map((f) => `${f} ${show(actual[f])} (manifest ${show(expected[f])})`).join(', ')} (${regenerate})`;
}

function show(value: string | number | null): string {
  return typeof value === 'number' ? value.toLocaleString('en-US') : String(value);
}
