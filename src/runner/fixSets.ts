/**
 * Fix-set analysis: which combinations of fixes are enough. For one suite on one base (or several
 * suites on one base at once), the subsets of the six fixes (64) are checked against every property
 * by the random engine and by the exhaustive engine within the suite's bound. A set is sufficient
 * when every property holds on it; the answer is the minimal sufficient sets (no proper subset is
 * sufficient), the sets each property needs, every insufficient set's shortest counterexample, and
 * the places where adding a fix made a property fail (the fixes are not monotone there).
 *
 * Monotonicity is never assumed: "holds" is said of a set only when both engines ran on it. What is
 * skipped is only what no answer depends on: the sets go smallest first, and a check is made unless
 * a proper subset of its set already holds the property, the suite and every suite of the run (the
 * set cannot be minimal for any of them), or a subset holds the property and the set already fails
 * elsewhere. A skipped check says so (`skipped`), and its set is never called enough.
 */
import { expectation, searchBound, suiteModel, type Suite } from '../../properties/index.ts';
import type { ExhaustiveVerdict } from '../search/exhaustive.ts';
import type { Verdict } from '../search/random.ts';
import { FIXES, parseVariant, type Base, type Event, type Fix } from '../model/index.ts';
import type { Violation } from '../propertyLanguage/index.ts';
import { withPool } from '../parallel/pool.ts';
import type { ExplorePairResult, FixSetRecord, FixSetScope, PairResult } from '../results/results.ts';
import { checkCommandLine, exploreCommandLine } from './commandLines.ts';
import {
  CELL_TASKS,
  fixCell,
  fixSearchBound,
  runSteps,
  runStepsAsync,
  type FixCellAnswer,
  type FixCellContext,
  type FixCellRequest,
  type FixCellTaskInput,
  type FixExhaustiveCell,
  type FixRandomCell,
  type Steps,
} from './cellTasks.ts';

/** The version of the shape `cascade fixes --json` prints; raised when a field changes meaning or goes. 2: `skipped` checks replace `implied` ones; `depth` and `reused`. */
export const FIX_SETS_SCHEMA_VERSION = 3;

/** Why a check was not made: a proper subset of its set (`subset`) already holds the property, and the set either cannot be minimal (that subset holds every property of every suite of the run) or already fails `fails`. */
export type Skipped = { subset: Fix[]; fails: null } | { subset: Fix[]; fails: { suite: string; property: string } };

/** One property on one fix set, by both engines. */
export interface FixCheck {
  property: string;
  /** The random engine's result (`reused`: taken from the same search made elsewhere); null when the check was skipped. */
  random: { verdict: Verdict; runs: number; ms: number; reused: boolean } | null;
  exhaustive:
    | { verdict: ExhaustiveVerdict; stoppedBy: string; horizon: number; states: number; ms: number; reused: boolean }
    /** Not searched: the random engine already violated the set and `shortest` was off, or the check was skipped. */
    | { verdict: 'not-searched' };
  /** `holds`: neither engine found a violation and the exhaustive one reached a verdict; `unknown`: no violation, but a bound stopped the search, no run exercised the trigger, or the check was skipped. */
  outcome: 'holds' | 'violated' | 'unknown';
  /** Why the check was not made (null: it was). */
  skipped: Skipped | null;
  /** The shortest counterexample found (exhaustive when it found one, else the random engine's shrunk one). */
  counterexample: { engine: 'random' | 'exhaustive'; shortest: boolean; events: Event[]; violation: Violation; replay: string } | null;
}

export interface FixSet {
  fixes: Fix[];
  variant: string;
  checks: FixCheck[];
  /** Every property holds (`holds`), one is violated (`violated`), or none is violated but one is unknown or skipped. */
  outcome: 'holds' | 'violated' | 'unknown';
}

/** Adding `added` to `from` made `property` fail: where the fixes are not monotone. */
export interface Worsening {
  property: string;
  from: Fix[];
  added: Fix;
}

/**
 * How deep every "holds" of an analysis goes, as numbers (formatters write the words): the random
 * engine's runs per check, and the least and most tick horizon of the exhaustive bounds its checks
 * are searched within (the suite's `budget` bound, on its exhaustive scope; one number unless the
 * suite keys its bound by property or variant).
 */
export interface FixSetDepth {
  runs: number;
  horizon: { least: number; most: number };
  maxStates: { least: number; most: number };
}

export interface FixSetAnalysis {
  suite: string;
  base: Base;
  properties: string[];
  budget: 'test' | 'start';
  depth: FixSetDepth;
  /** How each engine was run on every set (report/fixSetScope.ts says it in words). */
  scope: FixSetScope;
  /** All 64 sets, smallest first, each in FIXES order. */
  sets: FixSet[];
  /** The minimal sufficient sets: every property holds, and on no proper subset do they all hold. */
  minimal: Fix[][];
  /** Per property: its minimal sets and the fixes every one of them contains. */
  perProperty: Record<string, { minimal: Fix[][]; needs: Fix[] }>;
  /** Supersets of a holding set on which a property fails, by the fix that was added (among the checks made). */
  worsenings: Worsening[];
  /** Checks not made (see `Skipped`). */
  skipped: number;
  /** Checks the random engine violated that were not searched (`shortest` off). */
  notSearched: number;
  /** Searches (either engine) taken from the same search made elsewhere (`FixSetOptions.known`). */
  reused: number;
  /** Sets the suite states an expectation for, where the outcome differs from it. */
  unmet: { variant: string; property: string; expected: 'holds' | 'violated'; outcome: FixCheck['outcome'] }[];
  ms: number;
}

/** Searches already made at the same bound, scope, seed and runs, by suite id, property and variant name: taken, not made again. */
export interface KnownCells {
  /** The random engine's answer with `runs` runs (and the suite's seed), if made. */
  random(suite: string, property: string, variant: string, runs: number): FixRandomCell | undefined;
  /** The exhaustive engine's answer within `bound` on the suite's exhaustive scope, if made. */
  exhaustive(suite: string, property: string, variant: string, bound: { horizon: number; maxStates: number }): FixExhaustiveCell | undefined;
}

export interface FixSetOptions {
  budget: 'test' | 'start';
  /** Random runs per set and property (default: the suite's budget). */
  runs?: number;
  /** Make every check of every set, whether an answer depends on it or not. */
  everySet?: boolean;
  /** Only the subsets of these fixes (default: all six): the candidates a team can build. */
  among?: readonly Fix[];
  /**
   * Search a set the random engine already violated, for a shortest counterexample (default true).
   * Off, its counterexample is the random engine's shrunk one: the verdicts are the same, in a
   * fraction of the time (what `npm start` does).
   */
  shortest?: boolean;
  /**
   * Analyse the suites of a base together (default false: each suite alone): a set is then checked
   * on a suite also when it may be minimal for every suite at once, which "enough for every suite"
   * needs; `npm start` does.
   */
  acrossSuites?: boolean;
  /** Searches made already (npm start's suite sections), reused where they match (default none). */
  known?: KnownCells;
  /** Progress: sets done of 64, and a line saying where. */
  onProgress?: (done: number, total: number, text: string) => void;
  /**
   * Worker threads for `runFixSets` (default 1: everything in this thread). The cells (one engine on
   * one property of one set) are independent; the analyses are the same for any number.
   */
  workers?: number;
}

/** Every subset of the fixes (or of those `among`), smallest first, each listed in FIXES order. */
export function fixSubsets(among: readonly Fix[] = FIXES): Fix[][] {
  const all: Fix[][] = [];
  const considered = FIXES.filter((f) => among.includes(f));
  for (let mask = 0; mask < 1 << considered.length; mask++) all.push(considered.filter((_, i) => mask & (1 << i)));
  return all.sort((a, b) => a.length - b.length || maskOf(a) - maskOf(b));
}

function maskOf(fixes: readonly Fix[]): number {
  return fixes.reduce((m, f) => m | (1 << FIXES.indexOf(f)), 0);
}

/** Whether `a` is a subset of `b` (masks). */
const within = (a: number, b: number) => (a & b) === a;

/** The variant name of a base with a set of fixes. */
export function variantOf(base: Base, fixes: readonly Fix[]): string {
  const parsed = parseVariant([base, ...fixes].join('+'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value.name;
}

/** Analyses one suite on one base, in this thread. */
export function analyseFixSets(suite: Suite, base: Base, options: FixSetOptions): FixSetAnalysis {
  const context = fixCellContext(suite, options);
  return runSteps(fixSetSteps(suite, base, options), (cell) => fixCell(suite, context, cell));
}

/** What the cells of one analysis share (see src/runner/cellTasks.ts). */
export function fixCellContext(suite: Suite, options: Pick<FixSetOptions, 'budget' | 'runs'>): FixCellContext {
  return {
    suite: { suite: suite.id, ...(suite.file === undefined ? {} : { suiteFile: suite.file }) },
    runs: options.runs ?? suite.budget[options.budget],
    budget: options.budget,
  };
}

/** A cell of an analysis of several suites at once: the suite's index among them, and the cell; `at`: computed at this budget and runs, not its computation's (a computation of two stages). */
export interface FixSuiteCellRequest extends FixCellRequest {
  suite: number;
  at?: Pick<FixSetOptions, 'budget' | 'runs'>;
}

/** A cell without its suite's index, as the pool task and `fixCell` take it. */
function cellOf({ engine, variant, property }: FixSuiteCellRequest): FixCellRequest {
  return { engine, variant, property };
}

/** The analysis of one suite on one base as batches of cells: `fixSetsOnBase` with this suite alone. */
export function* fixSetSteps(suite: Suite, base: Base, options: FixSetOptions): Steps<FixCellRequest, FixCellAnswer, FixSetAnalysis> {
  const steps = fixSetsOnBase([suite], base, options);
  let next = steps.next([]);
  while (!next.done) next = steps.next(yield next.value.map(cellOf));
  return next.value[0]!;
}

/** One check on its way: where it is, and what the engines have answered so far. */
interface Slot {
  suite: number;
  set: number;
  property: string;
  random?: NonNullable<FixCheck['random']>;
  randomFound?: FixCheck['counterexample'];
}

/**
 * The analyses of `suites` on one base (each suite's own, checked together) as batches of
 * independent cells (`Steps`, src/runner/cellTasks.ts). The sets go one level of set size at a
 * time, smallest first, so that what a check depends on (its set's proper subsets) is decided before
 * it. A level is four batches: the random engine on the checks every answer needs (the set is listed
 * in the suite, or no proper subset holds the property), then on those needed only while the set
 * might still be minimal for the suite or for all the suites (no proper subset holds them, and the
 * set fails nowhere yet); then the exhaustive engine on each, in the same order, asking again after
 * the first. The answers decide everything, so the result is the same wherever the cells are computed.
 */
export function* fixSetsOnBase(suites: readonly Suite[], base: Base, options: FixSetOptions): Steps<FixSuiteCellRequest, FixCellAnswer, FixSetAnalysis[]> {
  const { budget } = options;
  const subsets = fixSubsets(options.among);
  const masks = subsets.map(maskOf);
  const variants = subsets.map((fixes) => variantOf(base, fixes));
  const listed = suites.map(listedVariants);
  const checks: Map<string, FixCheck>[][] = suites.map(() => subsets.map(() => new Map()));
  const outcome = (k: number, i: number, p: string) => checks[k]![i]!.get(p)?.outcome;
  const failsIn = (k: number, i: number) => suites[k]!.properties.find((p) => outcome(k, i, p) === 'violated');
  const suiteHolds = (k: number, i: number) => suites[k]!.properties.every((p) => outcome(k, i, p) === 'holds');
  // The first proper subset of set i on which `holds` is true, or -1.
  const below = (i: number, holds: (j: number) => boolean) => subsets.findIndex((_, j) => masks[j] !== masks[i] && within(masks[j]!, masks[i]!) && holds(j));
  const needed = (x: Slot) =>
    options.everySet === true || listed[x.suite]!.has(variants[x.set]!) || below(x.set, (j) => outcome(x.suite, j, x.property) === 'holds') < 0;
  /** Why a check that not every answer needs can be skipped now, or null when it is still needed. */
  const skip = ({ suite: k, set: i, property }: Slot): Skipped | null => {
    const all = below(i, (j) => suites.every((_, m) => suiteHolds(m, j)));
    if (all >= 0) return { subset: subsets[all]!, fails: null };
    const own = failsIn(k, i);
    const elsewhere = suites.findIndex((_, m) => failsIn(m, i) !== undefined);
    if (elsewhere < 0 || (own === undefined && below(i, (j) => suiteHolds(k, j)) < 0)) return null;
    const subset = subsets[below(i, (j) => outcome(k, j, property) === 'holds')]!;
    return { subset, fails: own !== undefined ? { suite: suites[k]!.id, property: own } : { suite: suites[elsewhere]!.id, property: failsIn(elsewhere, i)! } };
  };
  const record = (x: Slot, check: FixCheck) => checks[x.suite]![x.set]!.set(x.property, check);

  function* randoms(slots: Slot[]): Generator<FixSuiteCellRequest[], void, FixCellAnswer[]> {
    const asked: Slot[] = [];
    for (const x of slots) {
      const s = suites[x.suite]!;
      const known = options.known?.random(s.id, x.property, variants[x.set]!, options.runs ?? s.budget[budget]);
      if (known) x.random = { verdict: known.verdict, runs: known.runs, ms: known.ms, reused: true };
      else asked.push(x);
    }
    const answers =
      asked.length === 0
        ? []
        : ((yield asked.map((x) => ({ suite: x.suite, engine: 'random' as const, variant: variants[x.set]!, property: x.property }))) as FixRandomCell[]);
    asked.forEach((x, n) => {
      const r = answers[n]!;
      x.random = { verdict: r.verdict, runs: r.runs, ms: r.ms, reused: false };
      x.randomFound = randomFound(suites[x.suite]!, x.property, variants[x.set]!, options.runs ?? suites[x.suite]!.budget[budget], r);
    });
    // A random counterexample is a violation whatever the exhaustive engine says: known from now on.
    for (const x of slots)
      if (x.randomFound)
        record(x, {
          property: x.property,
          random: x.random!,
          exhaustive: { verdict: 'not-searched' },
          outcome: 'violated',
          skipped: null,
          counterexample: x.randomFound,
        });
  }

  function* exhaustives(slots: Slot[]): Generator<FixSuiteCellRequest[], void, FixCellAnswer[]> {
    const asked: Slot[] = [];
    for (const x of slots) {
      if (x.randomFound && options.shortest === false) continue;
      const s = suites[x.suite]!;
      const known = options.known?.exhaustive(s.id, x.property, variants[x.set]!, fixSearchBound(s, budget, x.property, variants[x.set]!));
      if (known) record(x, judged(s, x.property, variants[x.set]!, budget, x.random!, x.randomFound ?? null, known, true));
      else asked.push(x);
    }
    const answers =
      asked.length === 0
        ? []
        : ((yield asked.map((x) => ({
            suite: x.suite,
            engine: 'exhaustive' as const,
            variant: variants[x.set]!,
            property: x.property,
          }))) as FixExhaustiveCell[]);
    asked.forEach((x, n) => record(x, judged(suites[x.suite]!, x.property, variants[x.set]!, budget, x.random!, x.randomFound ?? null, answers[n]!, false)));
  }

  const names = suites.map((s) => s.id).join(', ');
  for (let size = 0, done = 0; size <= FIXES.length; size++) {
    const level = subsets.flatMap((fixes, i) => (fixes.length === size ? [i] : []));
    if (level.length === 0) continue;
    options.onProgress?.(done, subsets.length, `${names} on ${base}: ${level.length} sets of ${size} fix${size === 1 ? '' : 'es'}`);
    const slots: Slot[] = level.flatMap((set) => suites.flatMap((s, suite) => s.properties.map((property) => ({ suite, set, property }))));
    const first = slots.filter(needed);
    yield* randoms(first);
    const second = slots.filter((x) => !first.includes(x) && skip(x) === null);
    yield* randoms(second);
    yield* exhaustives(first);
    yield* exhaustives(second.filter((x) => x.randomFound || skip(x) === null));
    for (const x of slots) {
      if (checks[x.suite]![x.set]!.has(x.property)) continue;
      const skipped = skip(x);
      // A check left out is one whose reason to skip was found before its turn; reasons only grow within a level.
      if (skipped === null) throw new Error(`fix-set analysis: ${x.property} on ${variants[x.set]} was needed but not checked`);
      record(x, { property: x.property, random: x.random ?? null, exhaustive: { verdict: 'not-searched' }, outcome: 'unknown', skipped, counterexample: null });
    }
    done += level.length;
  }
  options.onProgress?.(subsets.length, subsets.length, `${names} on ${base}: done`);
  return suites.map((suite, k) =>
    analysisOf(
      suite,
      base,
      options,
      subsets.map((fixes, i) => ({ fixes, variant: variants[i]!, checks: suite.properties.map((p) => checks[k]![i]!.get(p)!), outcome: 'unknown' })),
      suites.length > 1,
    ),
  );
}

/** One suite's analysis from its decided sets. */
function analysisOf(suite: Suite, base: Base, options: FixSetOptions, sets: FixSet[], across: boolean): FixSetAnalysis {
  const { budget } = options;
  const properties = suite.properties;
  const runs = options.runs ?? suite.budget[budget];
  withOutcomes(sets);
  const holding = (property?: string) =>
    sets.filter((s) => (property === undefined ? s.outcome === 'holds' : s.checks.find((c) => c.property === property)!.outcome === 'holds'));
  const perProperty: FixSetAnalysis['perProperty'] = {};
  for (const property of properties) {
    const minimal = minimalOf(holding(property).map((s) => s.fixes));
    perProperty[property] = { minimal, needs: minimal.length === 0 ? [] : FIXES.filter((f) => minimal.every((m) => m.includes(f))) };
  }
  const depth = depthOf(suite, budget, runs, sets);
  const every = sets.flatMap((s) => s.checks);
  return {
    suite: suite.id,
    base,
    properties: [...properties],
    budget,
    depth,
    scope: {
      among: options.among ? FIXES.filter((f) => options.among!.includes(f)) : null,
      seed: suite.seed,
      maxEvents: suite.maxEvents,
      reason: suite.exhaustive.scope || null,
      everySet: options.everySet === true,
      acrossSuites: across,
      shortest: options.shortest !== false,
    },
    sets,
    minimal: minimalOf(holding().map((s) => s.fixes)),
    perProperty,
    worsenings: withoutRepeats(worsenings(sets, properties)),
    skipped: every.filter((c) => c.skipped !== null).length,
    notSearched: every.filter((c) => c.skipped === null && c.exhaustive.verdict === 'not-searched').length,
    reused: every.reduce((n, c) => n + (c.random?.reused ? 1 : 0) + (c.exhaustive.verdict !== 'not-searched' && c.exhaustive.reused ? 1 : 0), 0),
    unmet: unmetExpectations(suite, sets),
    // The time of the searches it made, wherever they ran (reused ones are not counted).
    ms: every.reduce(
      (n, c) => n + (c.random && !c.random.reused ? c.random.ms : 0) + (c.exhaustive.verdict !== 'not-searched' && !c.exhaustive.reused ? c.exhaustive.ms : 0),
      0,
    ),
  };
}

/** The depth of an analysis: its runs, and the least and most horizon and state bound over its checks' exhaustive bounds. */
function depthOf(suite: Suite, budget: 'test' | 'start', runs: number, sets: readonly FixSet[]): FixSetDepth {
  const bounds = sets.flatMap((s) => suite.properties.map((p) => searchBound(suite.exhaustive, budget, p, s.variant)));
  const span = (values: number[]) => ({ least: Math.min(...values), most: Math.max(...values) });
  return { runs, horizon: span(bounds.map((b) => b.horizon)), maxStates: span(bounds.map((b) => b.maxStates)) };
}

/** The canonical names of the variants a suite states an expectation for. */
function listedVariants(suite: Suite): Set<string> {
  const names = new Set<string>();
  for (const name of Object.keys(suite.variants)) {
    const parsed = parseVariant(name);
    if (parsed.ok) names.add(parsed.value.name);
  }
  return names;
}

/** The random engine's counterexample on one cell as a check keeps it (shrunk, with the `check` command that replays it with the cell's `runs`), or null. */
export function randomFound(suite: Suite, property: string, variant: string, runs: number, r: FixRandomCell): FixCheck['counterexample'] {
  return (
    r.counterexample && {
      engine: 'random',
      shortest: false,
      events: r.counterexample.events,
      violation: r.counterexample.violation,
      replay: checkCommandLine({ suite, property, variant, expected: null }, {}, { seed: suite.seed, runs }),
    }
  );
}

/**
 * One property on one set, judged from the exhaustive search's answer (within the suite's `budget`
 * bound) and the random engine's result: violated when either found a counterexample (the
 * exhaustive one preferred), holds when the random engine held and the search reached a verdict.
 */
export function judged(
  suite: Suite,
  property: string,
  variant: string,
  budget: 'test' | 'start',
  random: NonNullable<FixCheck['random']>,
  foundByRandom: FixCheck['counterexample'],
  e: FixExhaustiveCell,
  reused: boolean,
): FixCheck {
  const exhaustive = { verdict: e.verdict, stoppedBy: e.stoppedBy, horizon: e.horizon, states: e.states, ms: e.ms, reused };
  const replay = exploreCommandLine({ suite: suite.id, suiteFile: suite.file, property, variant, bound: fixSearchBound(suite, budget, property, variant) });
  const c = e.counterexample;
  const found = c ? { engine: 'exhaustive' as const, shortest: c.shortest, events: c.events, violation: c.violation, replay } : foundByRandom;
  const settled = e.verdict === 'holds' || e.verdict === 'holds-within-horizon';
  return {
    property,
    random,
    exhaustive,
    outcome: found ? 'violated' : random.verdict === 'holds' && settled ? 'holds' : 'unknown',
    skipped: null,
    counterexample: found,
  };
}

/** Sets each set's outcome from its checks (and returns the sets). */
function withOutcomes(sets: FixSet[]): FixSet[] {
  for (const set of sets)
    set.outcome = set.checks.some((c) => c.outcome === 'violated') ? 'violated' : set.checks.every((c) => c.outcome === 'holds') ? 'holds' : 'unknown';
  return sets;
}

/** Worsenings without those a smaller set already shows (the same fix added, the same property failing). */
function withoutRepeats(all: readonly Worsening[]): Worsening[] {
  return all.filter(
    (w) =>
      !all.some((v) => v !== w && v.property === w.property && v.added === w.added && v.from.length < w.from.length && within(maskOf(v.from), maskOf(w.from))),
  );
}

/** The sets among `sets` none of whose proper subsets is among them. */
export function minimalOf<F extends string>(sets: readonly (readonly F[])[]): F[][] {
  const masks = sets.map((s) => maskOf(s as readonly string[] as readonly Fix[]));
  return sets.filter((_, i) => !masks.some((m) => m !== masks[i] && within(m, masks[i]!))).map((s) => [...s]);
}

/** Every (set, added fix, property) where the set holds the property and the set with the fix does not. */
function worsenings(sets: readonly FixSet[], properties: readonly string[]): Worsening[] {
  const byMask = new Map(sets.map((s) => [maskOf(s.fixes), s]));
  const out: Worsening[] = [];
  for (const property of properties) {
    for (const s of sets) {
      if (s.checks.find((c) => c.property === property)!.outcome !== 'holds') continue;
      for (const added of FIXES) {
        const next = byMask.get(maskOf(s.fixes) | (1 << FIXES.indexOf(added)));
        if (s.fixes.includes(added) || next === undefined) continue;
        if (next.checks.find((c) => c.property === property)!.outcome === 'violated') out.push({ property, from: s.fixes, added });
      }
    }
  }
  return out;
}

/** The suite's expectations, for the variants it lists that are among the sets, that the outcomes do not meet. */
function unmetExpectations(suite: Suite, sets: readonly FixSet[]): FixSetAnalysis['unmet'] {
  const listed = new Map<string, string>();
  for (const name of Object.keys(suite.variants)) {
    const parsed = parseVariant(name);
    if (parsed.ok) listed.set(parsed.value.name, name);
  }
  const out: FixSetAnalysis['unmet'] = [];
  for (const set of sets) {
    const name = listed.get(set.variant);
    if (name === undefined) continue;
    for (const c of set.checks) {
      const expected = expectation(suite, c.property, name);
      if (expected !== undefined && expected !== c.outcome) out.push({ variant: set.variant, property: c.property, expected, outcome: c.outcome });
    }
  }
  return out;
}

/**
 * Every selected suite on every selected base, in order (suite, then base); `code` is 1 when a
 * suite's expectation is unmet, else 0. With `acrossSuites` the suites of a base are analysed
 * together (`fixSetsOnBase`), else each alone. With `options.workers` above 1 the cells of all
 * analyses go to a pool of worker threads; the analyses are the same for any number of workers
 * (timings aside), and `onResult` hears them in order.
 */
export async function runFixSets(
  suites: readonly Suite[],
  bases: readonly Base[],
  options: FixSetOptions,
  onResult?: (a: FixSetAnalysis) => void,
): Promise<{ analyses: FixSetAnalysis[]; code: number }> {
  const groups = options.acrossSuites
    ? bases.map((base) => ({ base, suites: [...suites] }))
    : suites.flatMap((suite) => bases.map((base) => ({ base, suites: [suite] })));
  const order = suites.flatMap((suite) => bases.map((base) => ({ suite, base })));
  const found = new Map<string, FixSetAnalysis>();
  const key = (suite: Suite, base: Base) => `${suites.indexOf(suite)}|${base}`;
  let shown = 0;
  const store = (group: (typeof groups)[number], analyses: FixSetAnalysis[]) => {
    analyses.forEach((a, k) => found.set(key(group.suites[k]!, group.base), a));
    for (; shown < order.length && found.has(key(order[shown]!.suite, order[shown]!.base)); shown++)
      onResult?.(found.get(key(order[shown]!.suite, order[shown]!.base))!);
  };
  await runOnBases(
    options.workers ?? 1,
    groups.map((group) => ({ suites: group.suites, context: options, steps: fixSetsOnBase(group.suites, group.base, options) })),
    (k, analyses) => store(groups[k]!, analyses),
  );
  const analyses = order.map(({ suite, base }) => found.get(key(suite, base))!);
  return { analyses, code: analyses.some((a) => a.unmet.length > 0) ? 1 : 0 };
}

/** One computation over the cells of some suites (on one base): its suites, the budget and runs its cells are computed at, and its batches. */
export interface SuiteSteps<R> {
  suites: readonly Suite[];
  context: Pick<FixSetOptions, 'budget' | 'runs'>;
  steps: Steps<FixSuiteCellRequest, FixCellAnswer, R>;
}

/**
 * Runs computations over cells side by side: in this thread one after another (`workers` 1), or on a
 * pool of worker threads, every computation's batches at once. `onDone` hears each as it ends (by
 * its index); the results come back in order and are the same for any number of workers.
 */
export async function runOnBases<R>(workers: number, groups: readonly SuiteSteps<R>[], onDone?: (k: number, result: R) => void): Promise<R[]> {
  const results: R[] = [];
  const done = (k: number, r: R) => {
    results[k] = r;
    onDone?.(k, r);
  };
  const contextOf = (g: SuiteSteps<R>, cell: FixSuiteCellRequest) => fixCellContext(g.suites[cell.suite]!, cell.at ?? g.context);
  await withPool(workers, async (pool) => {
    if (!pool) {
      groups.forEach((g, k) =>
        done(
          k,
          runSteps(g.steps, (cell) => fixCell(g.suites[cell.suite]!, contextOf(g, cell), cellOf(cell))),
        ),
      );
      return;
    }
    await Promise.all(
      groups.map(async (g, k) =>
        done(
          k,
          await runStepsAsync(g.steps, (cell) =>
            pool.run<FixCellAnswer>(CELL_TASKS.fixCell, { context: contextOf(g, cell), cell: cellOf(cell) } satisfies FixCellTaskInput),
          ),
        ),
      ),
    );
  });
  return results;
}

/**
 * The searches a gathering run already made (its suite sections), as `known` cells: a random run
 * that held or was vacuous with the same seed, runs and config, and an exhaustive search that held
 * on the same scope within the same horizon and state bound. A violated pair is searched again:
 * the results keep its counterexample's length, not its events.
 */
export function knownFrom(suites: readonly Suite[], random: readonly PairResult[], exhaustive: readonly ExplorePairResult[]): KnownCells {
  const canonical = (variant: string) => {
    const parsed = parseVariant(variant);
    return parsed.ok ? parsed.value.name : variant;
  };
  const key = (suite: string, property: string, variant: string) => `${suite}|${property}|${canonical(variant)}`;
  const randoms = new Map(random.filter((r) => r.verdict !== 'violated').map((r) => [key(r.suite, r.property, r.variant), r]));
  const searches = new Map(
    exhaustive
      .filter((e) => (e.verdict === 'holds' || e.verdict === 'holds-within-horizon') && !e.swarm && !e.full && e.shards === undefined)
      .map((e) => [key(e.suite, e.property, e.variant), e]),
  );
  const suiteOf = (id: string, file: string | undefined) => suites.find((s) => s.id === id && s.file === file);
  return {
    random(suite, property, variant, runs) {
      const r = randoms.get(key(suite, property, variant));
      const s = r && suiteOf(r.suite, r.suiteFile);
      if (!r || !s || r.runs !== runs || r.seed !== s.seed || !sameConfig(r.config, suiteModel(s, variant).config)) return undefined;
      return { engine: 'random', verdict: r.verdict, runs: r.runs, ms: r.ms, counterexample: null };
    },
    exhaustive(suite, property, variant, bound) {
      const e = searches.get(key(suite, property, variant));
      const s = e && suiteOf(e.suite, e.suiteFile);
      if (
        !e ||
        !s ||
        (e.verdict !== 'holds' && e.verdict !== 'holds-within-horizon') ||
        e.bound.horizon !== bound.horizon ||
        e.bound.maxStates !== bound.maxStates ||
        !sameConfig(e.config, suiteModel(s, variant, true).config)
      )
        return undefined;
      return { engine: 'exhaustive', verdict: e.verdict, stoppedBy: e.stoppedBy, horizon: e.bound.horizon, states: e.states, ms: e.ms, counterexample: null };
    },
  };
}

/** Whether two configs are the same, whatever the order of their keys. */
function sameConfig(a: object, b: object): boolean {
  const sorted = (o: object) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1))));
  return sorted(a) === sorted(b);
}

/** The analysis as the results keep it: every outcome and how it was reached, counterexamples by length and replay command. */
export function fixSetRecord(a: FixSetAnalysis): FixSetRecord {
  return {
    ...a,
    sets: a.sets.map((s) => ({
      fixes: s.fixes,
      variant: s.variant,
      outcome: s.outcome,
      checks: s.checks.map((c) => ({
        property: c.property,
        outcome: c.outcome,
        random: c.random?.verdict ?? 'not-run',
        exhaustive: c.exhaustive.verdict,
        ...(c.skipped ? { skipped: c.skipped } : {}),
        counterexample: c.counterexample && {
          engine: c.counterexample.engine,
          shortest: c.counterexample.shortest,
          events: c.counterexample.events.length,
          replay: c.counterexample.replay,
        },
      })),
    })),
  };
}
