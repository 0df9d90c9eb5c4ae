/**
 * Fix-set analysis: which combinations of fixes are enough. For one suite on one base, every subset
 * of the six fixes (64) is checked against every property of the suite by the random engine, and by
 * the exhaustive engine within the suite's bound. A set is sufficient when every property holds on
 * it; the answer is the minimal sufficient sets (no proper subset is sufficient), the sets each
 * property needs, every insufficient set's shortest counterexample, and the places where adding a fix
 * made a property fail (the fixes are not monotone there).
 *
 * Monotonicity is used, never assumed silently: once the exhaustive engine has shown a property on a
 * set, a superset that the random engine also finds holding is not searched again (`implied`, naming
 * the set), unless `everySet` asks for it. The random engine runs on all 64 sets, so a fix that makes
 * things worse shows up as a violated superset of a holding set.
 */
import { expectation, searchBound, type Suite } from '../../properties/index.ts';
import type { ExhaustiveVerdict } from '../explore/exhaustive.ts';
import type { Verdict } from '../explore/random.ts';
import { FIXES, parseVariant, type Base, type Event, type Fix } from '../model/index.ts';
import type { Violation } from '../properties/index.ts';
import { withPool } from '../parallel/pool.ts';
import type { FixSetRecord } from '../report/results.ts';
import { checkCommandLine, exploreCommandLine } from './commandLines.ts';
import { fixCell, fixSearchBound, runSteps, runStepsAsync, type FixCellAnswer, type FixCellContext, type FixCellRequest, type FixCellTaskInput, type FixExhaustiveCell, type FixRandomCell, type Steps } from '../parallel/cellTasks.ts';

/** The version of the shape `cascade fixes --json` prints; raised when a field changes meaning or goes. */
export const FIX_SETS_SCHEMA_VERSION = 1;

/** One property on one fix set, by both engines. */
export interface FixCheck {
  property: string;
  random: { verdict: Verdict; runs: number; ms: number };
  /** The exhaustive search, or `implied` by a smaller set on which it showed the property. */
  exhaustive:
    | { verdict: ExhaustiveVerdict; stoppedBy: string; horizon: number; states: number; ms: number }
    | { verdict: 'implied'; by: Fix[] }
    /** Not searched: the random engine already violated the set and `shortest` was off. */
    | { verdict: 'not-searched' };
  /** `holds`: neither engine found a violation and the exhaustive one reached a verdict; `unknown`: no violation, but a bound stopped the search or no run exercised the trigger. */
  outcome: 'holds' | 'violated' | 'unknown';
  /** The shortest counterexample found (exhaustive when it found one, else the random engine's shrunk one). */
  counterexample: { engine: 'random' | 'exhaustive'; shortest: boolean; events: Event[]; violation: Violation; replay: string } | null;
}

export interface FixSet {
  fixes: Fix[];
  variant: string;
  checks: FixCheck[];
  /** Every property holds (`holds`), one is violated (`violated`), or none is violated but one is unknown. */
  outcome: 'holds' | 'violated' | 'unknown';
}

/** Adding `added` to `from` made `property` fail: where the fixes are not monotone. */
export interface Worsening {
  property: string;
  from: Fix[];
  added: Fix;
}

export interface FixSetAnalysis {
  suite: string;
  base: Base;
  properties: string[];
  budget: 'test' | 'start';
  /** What each engine covered on every set, in words. */
  scope: { random: string; exhaustive: string };
  /** All 64 sets, smallest first, each in FIXES order. */
  sets: FixSet[];
  /** The minimal sufficient sets: every property holds, and on no proper subset do they all hold. */
  minimal: Fix[][];
  /** Per property: its minimal sets and the fixes every one of them contains. */
  perProperty: Record<string, { minimal: Fix[][]; needs: Fix[] }>;
  /** Supersets of a holding set on which a property fails, by the fix that was added. */
  worsenings: Worsening[];
  /** Checks whose exhaustive verdict was taken from a smaller holding set. */
  implied: number;
  /** Checks the random engine violated that were not searched (`shortest` off). */
  notSearched: number;
  /** Sets the suite states an expectation for, where the outcome differs from it. */
  unmet: { variant: string; property: string; expected: 'holds' | 'violated'; outcome: FixCheck['outcome'] }[];
  ms: number;
}

export interface FixSetOptions {
  budget: 'test' | 'start';
  /** Random runs per set and property (default: the suite's budget). */
  runs?: number;
  /** Search every set exhaustively, implied or not. */
  everySet?: boolean;
  /** Only the subsets of these fixes (default: all six): the candidates a team can build. */
  among?: readonly Fix[];
  /**
   * Search a set the random engine already violated, for a shortest counterexample (default true).
   * Off, its counterexample is the random engine's shrunk one: the verdicts are the same, in a
   * fraction of the time (what `npm start` does).
   */
  shortest?: boolean;
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

/** What the cells of one analysis share (see src/parallel/cellTasks.ts). */
export function fixCellContext(suite: Suite, options: Pick<FixSetOptions, 'budget' | 'runs'>): FixCellContext {
  return { suite: { suite: suite.id, ...(suite.file === undefined ? {} : { suiteFile: suite.file }) }, runs: options.runs ?? suite.budget[options.budget], budget: options.budget };
}

/**
 * The analysis of one suite on one base as batches of independent cells (`Steps`, src/parallel/cellTasks.ts): first the
 * random engine on every set and property; then, one level of set size at a time (a set's implied
 * verdicts rest only on smaller sets), the exhaustive searches that level needs; then the searches a
 * non-monotone property needs. The answers decide everything, so the result is the same wherever
 * the cells are computed.
 */
export function* fixSetSteps(suite: Suite, base: Base, options: FixSetOptions): Steps<FixCellRequest, FixCellAnswer, FixSetAnalysis> {
  const started = performance.now();
  const { budget } = options;
  const runs = options.runs ?? suite.budget[budget];
  const subsets = fixSubsets(options.among);
  const properties = suite.properties;
  const sets: FixSet[] = subsets.map((fixes) => ({ fixes, variant: variantOf(base, fixes), checks: [], outcome: 'unknown' }));
  const where = (set: FixSet) => `${suite.id} on ${base}: set ${sets.indexOf(set) + 1}/${sets.length} (${set.fixes.length === 0 ? 'no fix' : set.fixes.join(', ')})`;
  options.onProgress?.(0, subsets.length, `${suite.id} on ${base}: the random engine on ${subsets.length} sets`);
  const randoms = (yield sets.flatMap((s) => properties.map((property) => ({ engine: 'random' as const, variant: s.variant, property })))) as FixRandomCell[];
  // Per property: masks on which the exhaustive engine itself showed the property (holds or within horizon).
  const shown = new Map<string, number[]>(properties.map((p) => [p, []]));
  for (let size = 0, done = 0; size <= FIXES.length; size++) {
    const level = sets.filter((s) => s.fixes.length === size);
    const asked: { set: FixSet; at: number; random: FixCheck['random']; found: FixCheck['counterexample'] }[] = [];
    for (const set of level) {
      const mask = maskOf(set.fixes);
      options.onProgress?.(done++, subsets.length, where(set));
      for (const property of properties) {
        const r = randoms[sets.indexOf(set) * properties.length + properties.indexOf(property)]!;
        const random = { verdict: r.verdict, runs: r.runs, ms: r.ms };
        const found = r.counterexample && {
          engine: 'random' as const,
          shortest: false,
          events: r.counterexample.events,
          violation: r.counterexample.violation,
          replay: checkCommandLine({ suite, property, variant: set.variant, expected: null }, {}, { seed: suite.seed, runs }),
        };
        const by = r.verdict === 'holds' && !options.everySet ? shown.get(property)!.find((m) => within(m, mask)) : undefined;
        if (by !== undefined) set.checks.push({ property, random, exhaustive: { verdict: 'implied', by: FIXES.filter((_, k) => by & (1 << k)) }, outcome: 'holds', counterexample: null });
        else if (found && options.shortest === false) set.checks.push({ property, random, exhaustive: { verdict: 'not-searched' }, outcome: 'violated', counterexample: found });
        else asked.push({ set, at: set.checks.push(null as unknown as FixCheck) - 1, random, found });
      }
    }
    const answers = (yield asked.map((a) => ({ engine: 'exhaustive' as const, variant: a.set.variant, property: properties[a.at]! }))) as FixExhaustiveCell[];
    asked.forEach((a, i) => (a.set.checks[a.at] = judged(suite, properties[a.at]!, a.set.variant, budget, a.random, a.found, answers[i]!)));
    for (const set of level) for (const c of set.checks) if (c.exhaustive.verdict === 'holds' || c.exhaustive.verdict === 'holds-within-horizon') shown.get(c.property)!.push(maskOf(set.fixes));
  }
  // Where adding a fix made a property fail, the fixes are not monotone for it: nothing is implied.
  const again: { set: FixSet; at: number }[] = [];
  for (const property of new Set(worsenings(withOutcomes(sets), properties).map((w) => w.property))) {
    for (const set of sets) {
      const at = set.checks.findIndex((c) => c.property === property);
      if (set.checks[at]!.exhaustive.verdict === 'implied') again.push({ set, at });
    }
  }
  if (again.length > 0) {
    options.onProgress?.(subsets.length, subsets.length, `${suite.id} on ${base}: ${again.length} implied checks of properties that are not monotone, searched`);
    const answers = (yield again.map((a) => ({ engine: 'exhaustive' as const, variant: a.set.variant, property: properties[a.at]! }))) as FixExhaustiveCell[];
    again.forEach((a, i) => (a.set.checks[a.at] = judged(suite, properties[a.at]!, a.set.variant, budget, a.set.checks[a.at]!.random, null, answers[i]!)));
  }
  withOutcomes(sets);
  options.onProgress?.(subsets.length, subsets.length, `${suite.id} on ${base}: done`);
  const holding = (property?: string) => sets.filter((s) => (property === undefined ? s.outcome === 'holds' : s.checks.find((c) => c.property === property)!.outcome === 'holds'));
  const perProperty: FixSetAnalysis['perProperty'] = {};
  for (const property of properties) {
    const minimal = minimalOf(holding(property).map((s) => s.fixes));
    perProperty[property] = { minimal, needs: minimal.length === 0 ? [] : FIXES.filter((f) => minimal.every((m) => m.includes(f))) };
  }
  const b = searchBound(suite.exhaustive, budget, properties[0]!, variantOf(base, []));
  const implied = sets.reduce((n, s) => n + s.checks.filter((c) => c.exhaustive.verdict === 'implied').length, 0);
  const notSearched = sets.reduce((n, s) => n + s.checks.filter((c) => c.exhaustive.verdict === 'not-searched').length, 0);
  return {
    suite: suite.id,
    base,
    properties: [...properties],
    budget,
    scope: {
      random: `${options.among ? `subsets of {${FIXES.filter((f) => options.among!.includes(f)).join(', ')}} only; ` : ''}${runs} random runs per set and property (seed ${suite.seed}, at most ${suite.maxEvents} safety-phase events)`,
      exhaustive: `every event sequence whose adversary acts within ${b.horizon} ticks, at most ${b.maxStates.toLocaleString('en-US')} states${suite.exhaustive.scope ? `, ${suite.exhaustive.scope}` : ''}; ${options.everySet ? 'every set searched' : 'a superset of a set the search showed holding is not searched again when the random engine also finds it holding, unless adding a fix made that property fail somewhere'}${options.shortest === false ? '; a set the random engine violated is not searched (its counterexample is the shrunk one, not a shortest)' : ''}`,
    },
    sets,
    minimal: minimalOf(holding().map((s) => s.fixes)),
    perProperty,
    worsenings: withoutRepeats(worsenings(sets, properties)),
    implied,
    notSearched,
    unmet: unmetExpectations(suite, sets),
    ms: Math.round(performance.now() - started),
  };
}

/** One property on one set, judged from the exhaustive search's answer and the random engine's result. */
function judged(suite: Suite, property: string, variant: string, budget: 'test' | 'start', random: FixCheck['random'], randomFound: FixCheck['counterexample'], e: FixExhaustiveCell): FixCheck {
  const exhaustive = { verdict: e.verdict, stoppedBy: e.stoppedBy, horizon: e.horizon, states: e.states, ms: e.ms };
  const replay = exploreCommandLine({ suite: suite.id, suiteFile: suite.file, property, variant, bound: fixSearchBound(suite, budget, property, variant) });
  const c = e.counterexample;
  const found = c ? { engine: 'exhaustive' as const, shortest: c.shortest, events: c.events, violation: c.violation, replay } : randomFound;
  const settled = e.verdict === 'holds' || e.verdict === 'holds-within-horizon';
  return { property, random, exhaustive, outcome: found ? 'violated' : random.verdict === 'holds' && settled ? 'holds' : 'unknown', counterexample: found };
}

/** Sets each set's outcome from its checks (and returns the sets). */
function withOutcomes(sets: FixSet[]): FixSet[] {
  for (const set of sets) set.outcome = set.checks.some((c) => c.outcome === 'violated') ? 'violated' : set.checks.every((c) => c.outcome === 'holds') ? 'holds' : 'unknown';
  return sets;
}

/** Worsenings without those a smaller set already shows (the same fix added, the same property failing). */
function withoutRepeats(all: readonly Worsening[]): Worsening[] {
  return all.filter((w) => !all.some((v) => v !== w && v.property === w.property && v.added === w.added && v.from.length < w.from.length && within(maskOf(v.from), maskOf(w.from))));
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
 * Every selected suite on every selected base, in order; `code` is 1 when a suite's expectation is
 * unmet, else 0. With `options.workers` above 1 the cells of all analyses go to a pool of worker
 * threads (see `fixSetSteps`); the analyses are the same for any number of workers (timings aside),
 * and `onResult` hears them in order.
 */
export async function runFixSets(suites: readonly Suite[], bases: readonly Base[], options: FixSetOptions, onResult?: (a: FixSetAnalysis) => void): Promise<{ analyses: FixSetAnalysis[]; code: number }> {
  const work = suites.flatMap((suite) => bases.map((base) => ({ suite, base })));
  const analyses = await withPool(options.workers ?? 1, async (pool) => {
    if (!pool) {
      return work.map(({ suite, base }) => {
        const a = analyseFixSets(suite, base, options);
        onResult?.(a);
        return a;
      });
    }
    const done: (FixSetAnalysis | undefined)[] = [];
    let shown = 0;
    return Promise.all(
      work.map(async ({ suite, base }, i) => {
        const input = fixCellContext(suite, options);
        done[i] = await runStepsAsync(fixSetSteps(suite, base, options), (cell) => pool.run<FixCellAnswer>('fixCell', { context: input, cell } satisfies FixCellTaskInput));
        for (; shown < work.length && done[shown]; shown++) onResult?.(done[shown]!);
        return done[i]!;
      }),
    );
  });
  return { analyses, code: analyses.some((a) => a.unmet.length > 0) ? 1 : 0 };
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
        random: c.random.verdict,
        exhaustive: c.exhaustive.verdict,
        ...(c.exhaustive.verdict === 'implied' ? { impliedBy: c.exhaustive.by } : {}),
        counterexample: c.counterexample && { engine: c.counterexample.engine, shortest: c.counterexample.shortest, events: c.counterexample.events.length, replay: c.counterexample.replay },
      })),
    })),
  };
}
