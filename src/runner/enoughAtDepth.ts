/**
 * The sets of fixes enough for every suite of a base at a deep bound, in two stages: the fix-set
 * analysis at the test bound proposes, the start bound decides. Stage 1 (`runFixSets` at the test
 * budget, the suites of a base together) costs about a minute; stage 2 searches, at the start bound,
 * only the sets stage 1 did not violate, smallest first, and never a proper superset of a set it has
 * already shown to hold. The answer is exactly that of the whole analysis at the start bound
 * (`cascade fixes --budget start --together`), in a fraction of its time.
 *
 * Why nothing is lost. At the same scope and seed, a set violated at the test bound is violated at
 * the start bound: an event sequence whose adversary acts within the test horizon acts within the
 * start horizon, so a search that reaches a verdict there meets it (a search a bound stops says
 * nothing, never "holds"); and the random engine's run i depends only on the seed and i, so the
 * start budget's runs include the test budget's, and its counterexample is a real one anyway. So
 * the sets that hold at the start bound (H_start) are among those stage 1 did not violate: the sets
 * that held there (H_test) and those with no verdict (a bound stopped the search, the trigger was
 * never met, or a check was skipped). A minimal set of H_start is therefore a candidate; it is never
 * skipped, since the sets skipped are proper supersets of a set of H_start; and so stage 2 verifies
 * it. Every set stage 2 finds holding is minimal for the same reason (its subsets in H_start came
 * first). This needs the test bound to be within the start bound for every suite (horizon, runs; the
 * exhaustive scope and the seed do not depend on the budget): where it is not, every set is a
 * candidate.
 */
import type { Suite } from '../../properties/index.ts';
import { searchBound } from '../../properties/index.ts';
import type { ExhaustiveVerdict } from '../search/exhaustive.ts';
import type { Verdict } from '../search/random.ts';
import type { Base, Fix } from '../model/index.ts';
import type { FixCellAnswer, FixExhaustiveCell, FixRandomCell, Steps } from './cellTasks.ts';
import type { EnoughRecord } from '../results/enoughRecord.ts';
import {
  fixSetsOnBase,
  fixSubsets,
  judged,
  minimalOf,
  randomFound,
  runOnBases,
  variantOf,
  type FixCheck,
  type FixSetAnalysis,
  type FixSetDepth,
  type FixSetOptions,
  type FixSuiteCellRequest,
  type KnownCells,
} from './fixSets.ts';

/** One property of one suite on one candidate, by both engines at the deep bound. */
export interface DeepCheck {
  suite: string;
  property: string;
  outcome: FixCheck['outcome'];
  random: Verdict;
  /** Not searched: the random engine already failed the check, or the candidate failed in an earlier batch. */
  exhaustive: ExhaustiveVerdict | 'not-searched';
  /** States the search visited (null: not searched). */
  states: number | null;
  /** Searches taken from the same search made already (0, 1 or 2). */
  reused: number;
  counterexample: FixCheck['counterexample'];
}

/** A candidate stage 2 searched: every check it made, in order; `failed`: the first violated check, else the first without a verdict (null when it holds). */
export interface VerifiedSet {
  fixes: Fix[];
  variant: string;
  outcome: FixCheck['outcome'];
  checks: DeepCheck[];
  failed: DeepCheck | null;
}

/** Stage 2 on one base: the sets enough for every suite at the deep bound, and how they were found. */
export interface EnoughAtDepth {
  base: Base;
  /** The bound the sets were verified at (each suite's own), and the one the candidates came from. */
  budget: 'test' | 'start';
  from: 'test' | 'start';
  /** Each suite with its properties and the depth of the verification (its runs, horizon and state bound). */
  suites: { suite: string; budget: 'test' | 'start'; properties: string[]; depth: FixSetDepth }[];
  /** Sets stage 1 did not violate (all of them, where the test bound is not within the start bound). */
  candidates: number;
  /** Whether the candidates could be narrowed (the test bound within the deep one for every suite). */
  narrowed: boolean;
  /** The candidates searched, in order. */
  verified: VerifiedSet[];
  /** Candidates not searched: each a proper superset of a set verified holding. */
  skipped: number;
  /** The minimal sets that hold every property of every suite at the deep bound. */
  minimal: Fix[][];
  /** Searches taken from those made already. */
  reused: number;
  /** The time of the searches it made (summed over the workers). */
  ms: number;
}

export interface EnoughAtDepthOptions {
  /** The deep bound (default start). */
  budget?: 'test' | 'start';
  /** Random runs per check (default: each suite's budget). */
  runs?: number;
  /** Searches made already at the deep bound (npm start's suite sections), reused where they match. */
  known?: KnownCells;
  onProgress?: (done: number, total: number, text: string) => void;
  workers?: number;
}

/** Whether a set stage 1 decided is out: violated by some suite on the base. */
const violatedIn = (stage1: readonly FixSetAnalysis[], variant: string) =>
  stage1.some((a) => a.sets.find((s) => s.variant === variant)?.outcome === 'violated');

/**
 * Whether stage 1's bound is within the deep one for a suite: its budget no deeper, its random runs
 * no more, and for every property and set its horizon no longer (a state bound only ever stops a
 * search without a verdict).
 */
export function withinDeepBound(suite: Suite, stage1: FixSetAnalysis, budget: 'test' | 'start', runs: number): boolean {
  if (stage1.depth.runs > runs) return false;
  return stage1.sets.every((s) =>
    suite.properties.every(
      (p) => searchBound(suite.exhaustive, stage1.budget, p, s.variant).horizon <= searchBound(suite.exhaustive, budget, p, s.variant).horizon,
    ),
  );
}

/** The known cells of stage 1 whose bound and runs are those of the deep bound (the same search): a suite file's test and start bounds are one. */
export function knownFromStage1(suites: readonly Suite[], stage1: readonly FixSetAnalysis[], budget: 'test' | 'start', runs: (s: Suite) => number): KnownCells {
  const check = (suite: string, property: string, variant: string) => {
    const a = stage1.find((x) => x.suite === suite);
    const s = suites.find((x) => x.id === suite);
    const c = a?.sets.find((x) => x.variant === variant)?.checks.find((x) => x.property === property);
    return a && s && c && c.skipped === null ? { a, s, c } : undefined;
  };
  return {
    random(suite, property, variant, n) {
      const k = check(suite, property, variant);
      if (!k || k.c.random === null || k.c.random.verdict === 'violated' || k.a.depth.runs !== n || runs(k.s) !== n) return undefined;
      return { engine: 'random', verdict: k.c.random.verdict, runs: k.c.random.runs, ms: k.c.random.ms, counterexample: null };
    },
    exhaustive(suite, property, variant, bound) {
      const k = check(suite, property, variant);
      const e = k?.c.exhaustive;
      if (!k || !e || e.verdict === 'not-searched' || (e.verdict !== 'holds' && e.verdict !== 'holds-within-horizon')) return undefined;
      const was = searchBound(k.s.exhaustive, k.a.budget, property, variant);
      const now = searchBound(k.s.exhaustive, budget, property, variant);
      if (was.horizon !== bound.horizon || was.maxStates !== bound.maxStates || now.horizon !== bound.horizon || now.maxStates !== bound.maxStates)
        return undefined;
      return { engine: 'exhaustive', verdict: e.verdict, stoppedBy: e.stoppedBy, horizon: e.horizon, states: e.states, ms: e.ms, counterexample: null };
    },
  };
}

/** Both KnownCells: the first that knows the cell answers. */
function eitherKnown(a: KnownCells | undefined, b: KnownCells): KnownCells {
  return {
    random: (...args) => a?.random(...args) ?? b.random(...args),
    exhaustive: (...args) => a?.exhaustive(...args) ?? b.exhaustive(...args),
  };
}

/** One check on its way. */
interface Open {
  set: number;
  suite: number;
  property: string;
  random?: NonNullable<FixCheck['random']>;
  found?: FixCheck['counterexample'];
  check?: DeepCheck;
}

/**
 * Stage 2 on one base as batches of cells (see `Steps`): the candidates one size at a time, smallest
 * first; for each, the random engine on every property of every suite (one batch), then the
 * exhaustive engine suite by suite, the suite with the smallest state bound first (one batch each), a
 * candidate dropping out at the first check that does not hold. Which check fails first is decided
 * by this order alone, so the result is the same wherever the cells are computed.
 */
export function* enoughAtDepthSteps(
  suites: readonly Suite[],
  base: Base,
  stage1: readonly FixSetAnalysis[],
  options: EnoughAtDepthOptions = {},
): Steps<FixSuiteCellRequest, FixCellAnswer, EnoughAtDepth> {
  const budget = options.budget ?? 'start';
  const runsOf = (s: Suite) => options.runs ?? s.budget[budget];
  const among = stage1[0]?.sets.flatMap((s) => s.fixes);
  const subsets = fixSubsets(among === undefined ? undefined : [...new Set(among)]);
  const variants = subsets.map((fixes) => variantOf(base, fixes));
  const stage1Of = suites.map((s) => stage1.find((a) => a.suite === s.id && a.base === base));
  const narrowed = suites.every((s, k) => stage1Of[k] !== undefined && withinDeepBound(s, stage1Of[k]!, budget, runsOf(s)));
  const candidates = subsets.map((_, i) => i).filter((i) => !narrowed || !violatedIn(stage1, variants[i]!));
  const known = eitherKnown(options.known, knownFromStage1(suites, stage1, budget, runsOf));
  const holding: Fix[][] = [];
  const verified: VerifiedSet[] = [];
  let skipped = 0;
  let reused = 0;
  let ms = 0;
  // The exhaustive batches, cheapest first: by the suite's largest state bound at the deep budget, then its order.
  const most = (s: Suite) => Math.max(...variants.flatMap((v) => s.properties.map((p) => searchBound(s.exhaustive, budget, p, v).maxStates)));
  const costOrder = suites
    .map((s, k) => ({ k, cost: most(s) }))
    .sort((a, b) => a.cost - b.cost || a.k - b.k)
    .map((x) => x.k);
  const names = suites.map((s) => s.id).join(', ');

  for (let size = 0, done = 0; size <= subsets[subsets.length - 1]!.length; size++) {
    const level = candidates.filter((i) => subsets[i]!.length === size);
    if (level.length === 0) continue;
    const searched = level.filter((i) => !holding.some((h) => h.every((f) => subsets[i]!.includes(f))));
    skipped += level.length - searched.length;
    options.onProgress?.(
      done,
      candidates.length,
      `${names} on ${base} at the ${budget} bound: ${searched.length} of ${level.length} candidate sets of ${size} fix${size === 1 ? '' : 'es'}`,
    );
    const opens = new Map(searched.map((i) => [i, suites.flatMap((s, k) => s.properties.map((property): Open => ({ set: i, suite: k, property })))]));
    const failed = (i: number) => opens.get(i)!.some((x) => x.check !== undefined && x.check.outcome !== 'holds');

    // The random engine on every check of every candidate of the level.
    const asked: Open[] = [];
    for (const x of [...opens.values()].flat()) {
      const s = suites[x.suite]!;
      const r = known.random(s.id, x.property, variants[x.set]!, runsOf(s));
      if (r) {
        x.random = { verdict: r.verdict, runs: r.runs, ms: r.ms, reused: true };
        reused++;
      } else asked.push(x);
    }
    const answers =
      asked.length === 0
        ? []
        : ((yield asked.map((x) => ({ suite: x.suite, engine: 'random' as const, variant: variants[x.set]!, property: x.property }))) as FixRandomCell[]);
    asked.forEach((x, n) => {
      const r = answers[n]!;
      const s = suites[x.suite]!;
      ms += r.ms;
      x.random = { verdict: r.verdict, runs: r.runs, ms: r.ms, reused: false };
      x.found = randomFound(s, x.property, variants[x.set]!, runsOf(s), r);
    });
    for (const x of [...opens.values()].flat()) {
      if (x.random!.verdict !== 'holds')
        x.check = {
          suite: suites[x.suite]!.id,
          property: x.property,
          outcome: x.found ? 'violated' : 'unknown',
          random: x.random!.verdict,
          exhaustive: 'not-searched',
          states: null,
          reused: x.random!.reused ? 1 : 0,
          counterexample: x.found ?? null,
        };
    }

    // The exhaustive engine, suite by suite, on the candidates that have not failed yet.
    for (const k of costOrder) {
      const s = suites[k]!;
      const batch = searched.filter((i) => !failed(i)).flatMap((i) => opens.get(i)!.filter((x) => x.suite === k));
      const ask: Open[] = [];
      for (const x of batch) {
        const e = known.exhaustive(s.id, x.property, variants[x.set]!, searchBound(s.exhaustive, budget, x.property, variants[x.set]!));
        if (e) {
          x.check = deepCheck(s, x, variants[x.set]!, budget, e, true);
          reused++;
        } else ask.push(x);
      }
      const found =
        ask.length === 0
          ? []
          : ((yield ask.map((x) => ({ suite: k, engine: 'exhaustive' as const, variant: variants[x.set]!, property: x.property }))) as FixExhaustiveCell[]);
      ask.forEach((x, n) => {
        ms += found[n]!.ms;
        x.check = deepCheck(s, x, variants[x.set]!, budget, found[n]!, false);
      });
    }

    for (const i of searched) {
      const all = opens.get(i)!;
      const order = [
        ...all.filter((x) => x.random!.verdict !== 'holds'),
        ...costOrder.flatMap((k) => all.filter((x) => x.suite === k && x.random!.verdict === 'holds')),
      ];
      const checks = order.flatMap((x) => (x.check ? [x.check] : []));
      const first = checks.find((c) => c.outcome !== 'holds') ?? null;
      const outcome = first === null ? 'holds' : checks.some((c) => c.outcome === 'violated') ? 'violated' : 'unknown';
      verified.push({ fixes: subsets[i]!, variant: variants[i]!, outcome, checks, failed: checks.find((c) => c.outcome === 'violated') ?? first });
      if (outcome === 'holds') holding.push(subsets[i]!);
    }
    done += level.length;
  }
  options.onProgress?.(candidates.length, candidates.length, `${names} on ${base} at the ${budget} bound: done`);
  return {
    base,
    budget,
    from: stage1Of[0]?.budget ?? 'test',
    suites: suites.map((s) => ({ suite: s.id, budget, properties: [...s.properties], depth: depthAt(s, budget, runsOf(s), variants) })),
    candidates: candidates.length,
    narrowed,
    verified,
    skipped,
    minimal: minimalOf(holding),
    reused,
    ms,
  };
}

/** One exhaustive answer, with the check's random result, as a deep check. */
function deepCheck(suite: Suite, x: Open, variant: string, budget: 'test' | 'start', e: FixExhaustiveCell, reused: boolean): DeepCheck {
  const c = judged(suite, x.property, variant, budget, x.random!, x.found ?? null, e, reused);
  return {
    suite: suite.id,
    property: x.property,
    outcome: c.outcome,
    random: x.random!.verdict,
    exhaustive: e.verdict,
    states: e.states,
    reused: (reused ? 1 : 0) + (x.random!.reused ? 1 : 0),
    counterexample: c.counterexample,
  };
}

/** The depth of a verification for one suite: its runs, and the least and most horizon and state bound over its properties and the sets. */
function depthAt(suite: Suite, budget: 'test' | 'start', runs: number, variants: readonly string[]): FixSetDepth {
  const bounds = variants.flatMap((v) => suite.properties.map((p) => searchBound(suite.exhaustive, budget, p, v)));
  const span = (values: number[]) => ({ least: Math.min(...values), most: Math.max(...values) });
  return { runs, horizon: span(bounds.map((b) => b.horizon)), maxStates: span(bounds.map((b) => b.maxStates)) };
}

/** What `runTwoStages` takes: the analysis's options (its budget is the test budget), and stage 2's. */
export type TwoStageOptions = Omit<FixSetOptions, 'budget' | 'acrossSuites'> & { deep?: EnoughAtDepthOptions };

/**
 * Both stages on every base: the fix-set analysis at the test budget (the suites of a base
 * together), then stage 2 on the base at `deep` (default: the start bound and budget). A base's
 * stage 2 starts as soon as its stage 1 ends, on the same workers, while the other bases' analyses
 * go on. `onResult` hears each analysis in order (suite, then base), as `runFixSets` does.
 */
export async function runTwoStages(
  suites: readonly Suite[],
  bases: readonly Base[],
  options: TwoStageOptions,
  onResult?: (a: FixSetAnalysis) => void,
): Promise<{ analyses: FixSetAnalysis[]; code: number; enough: EnoughAtDepth[] }> {
  const { deep = {}, ...first } = options;
  const stage1: FixSetOptions = { ...first, budget: 'test', acrossSuites: true };
  const stage2: EnoughAtDepthOptions = { onProgress: options.onProgress, ...(options.runs === undefined ? {} : { runs: options.runs }), ...deep };
  const at = { budget: stage2.budget ?? 'start', runs: stage2.runs };
  const found: FixSetAnalysis[][] = [];
  let shown = 0;
  const order = suites.flatMap((_, k) => bases.map((_, b) => ({ k, b })));
  function* chained(base: Base, b: number): Steps<FixSuiteCellRequest, FixCellAnswer, { analyses: FixSetAnalysis[]; enough: EnoughAtDepth }> {
    const analyses = yield* fixSetsOnBase(suites, base, stage1);
    found[b] = analyses;
    for (; shown < order.length && found[order[shown]!.b] !== undefined; shown++) onResult?.(found[order[shown]!.b]![order[shown]!.k]!);
    const steps = enoughAtDepthSteps(suites, base, analyses, stage2);
    let next = steps.next([]);
    while (!next.done) next = steps.next(yield next.value.map((cell) => ({ ...cell, at })));
    return { analyses, enough: next.value };
  }
  const done = await runOnBases(
    options.workers ?? 1,
    bases.map((base, b) => ({ suites, context: stage1, steps: chained(base, b) })),
  );
  const analyses = order.map(({ k, b }) => done[b]!.analyses[k]!);
  return { analyses, code: analyses.some((a) => a.unmet.length > 0) ? 1 : 0, enough: done.map((d) => d.enough) };
}

/** Stage 2 on every base, side by side (on a pool with `workers` above 1), from stage 1's analyses. */
export async function runEnoughAtDepth(
  suites: readonly Suite[],
  bases: readonly Base[],
  stage1: readonly FixSetAnalysis[],
  options: EnoughAtDepthOptions = {},
): Promise<EnoughAtDepth[]> {
  const budget = options.budget ?? 'start';
  const context = { budget, runs: options.runs };
  return runOnBases(
    options.workers ?? 1,
    bases.map((base) => ({ suites, context, steps: enoughAtDepthSteps(suites, base, stage1, options) })),
  );
}

/** Stage 2 as the results keep it: counterexamples by length and replay command. */
export function enoughRecord(e: EnoughAtDepth): EnoughRecord {
  const check = (c: DeepCheck) => ({
    ...c,
    counterexample: c.counterexample && {
      engine: c.counterexample.engine,
      shortest: c.counterexample.shortest,
      events: c.counterexample.events.length,
      replay: c.counterexample.replay,
    },
  });
  return { ...e, verified: e.verified.map((v) => ({ ...v, checks: v.checks.map(check), failed: v.failed && check(v.failed) })) };
}
