/**
 * The fix-set analysis driven by a made-up oracle: `fixSetSteps`/`fixSetsOnBase` ask for cells (one
 * engine on one property of one set) and are answered from a truth table, not by the engines, so an
 * analysis of 64 sets takes milliseconds. What it answers is compared with a brute-force reference
 * written here: every check's outcome from the table, the checks a skipping analysis makes (level by
 * level, as its doc comment states), minimal sets, per-property needs, worsenings, skipped and reused
 * counts, unmet expectations and time, on random tables (fast-check) and hand-picked edge cases.
 *
 * Then the helpers, each on inputs written here: variant names, minimal sets, the checks judged from
 * the engines' answers, the searches reused from a gathering run (`knownFrom`), the record the
 * results keep, and `runFixSets` over known cells (no engine runs): its order, exit code and words.
 * One file, so that the mutation test (test/mutations/fix-sets.json) starts one process a change.
 */
import { describeFixSetScope } from '../../src/report/fixSetScope.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUITES, suiteModel, type Suite } from '../../properties/index.ts';
import { fixSearchBound, type FixCellAnswer, type FixCellRequest, type FixExhaustiveCell, type FixRandomCell } from '../../src/runner/cellTasks.ts';
import { FIXES, type Base, type Event, type Fix } from '../../src/model/index.ts';
import type { ExplorePairResult, PairResult } from '../../src/results/results.ts';
import {
  FIX_SETS_SCHEMA_VERSION,
  fixCellContext,
  fixSetRecord,
  fixSetsOnBase,
  fixSetSteps,
  fixSubsets,
  judged,
  knownFrom,
  minimalOf,
  randomFound,
  runFixSets,
  variantOf,
  type FixCheck,
  type FixSetAnalysis,
  type FixSetOptions,
  type FixSuiteCellRequest,
  type KnownCells,
  type Worsening,
} from '../../src/runner/fixSets.ts';

type RandomVerdict = 'violated' | 'holds' | 'vacuous';
type ExhaustiveVerdict = 'violated' | 'holds' | 'holds-within-horizon' | 'bound-reached';
interface Truth {
  random: RandomVerdict;
  exhaustive: ExhaustiveVerdict;
}
type Bound = { horizon: number; maxStates: number };
type Expected = 'holds' | 'violated';

/** A made-up world: suites (only their names, bounds and expectations matter), a base, and what each engine says on each cell. */
interface World {
  base: Base;
  suites: Suite[];
  truth: (k: number, property: string, fixes: readonly Fix[]) => Truth;
  /** Cells `known` answers (by `cellKey`); only cells whose answer is not a violation are known, as `knownFrom` gives them. */
  known?: Set<string>;
  options: Omit<FixSetOptions, 'known' | 'onProgress'>;
}

const TEMPLATE = SUITES.find((s) => s.id === 'crash-cascade-2010')!;

/** A suite of its own properties and bounds: the exhaustive bounds keyed by property (and `property@variant`). */
function suiteOf(
  id: string,
  properties: string[],
  variants: Suite['variants'] = {},
  test: Record<string, Bound> | Bound = { horizon: 5, maxStates: 1000 },
  extra: Partial<Suite> = {},
): Suite {
  return {
    ...TEMPLATE,
    id,
    properties,
    variants,
    seed: 7,
    maxEvents: 12,
    budget: { test: 50, start: 500 },
    exhaustive: { variants: [], test, start: { horizon: 20, maxStates: 2_000_000 } },
    ...extra,
  };
}

/** The bound the test gives a suite's property on a variant (written again here, not asked of the suite module). */
function boundOf(suite: Suite, property: string, variant: string): Bound {
  const b = suite.exhaustive.test as Record<string, Bound> | Bound;
  if ('horizon' in b) return b as Bound;
  const keyed = b as Record<string, Bound>;
  return keyed[`${property}@${variant}`] ?? keyed[property]!;
}

/** The canonical variant name, written again here: the base, then the fixes in FIXES order. */
const nameOf = (base: Base, fixes: readonly Fix[]) => [base, ...FIXES.filter((f) => fixes.includes(f))].join('+');
const cellKey = (k: number, property: string, variant: string, engine: 'random' | 'exhaustive') => `${k}|${property}|${variant}|${engine}`;
const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7) % 1000;
const ticks = (n: number): Event[] => Array.from({ length: n }, () => ({ kind: 'tick' }) as Event);
const runsOf = (w: World, k: number) => w.options.runs ?? w.suites[k]!.budget[w.options.budget];
const fixesOf = (variant: string) => variant.split('+').slice(1) as Fix[];
const STOPPED: Record<ExhaustiveVerdict, string> = { violated: 'violation', holds: 'complete', 'holds-within-horizon': 'horizon', 'bound-reached': 'states' };

/** The oracle's answer on one cell: a pure function of the cell, with its own time, state count and counterexample length. */
function answerOf(w: World, k: number, engine: 'random' | 'exhaustive', property: string, variant: string): FixCellAnswer {
  const t = w.truth(k, property, fixesOf(variant));
  const key = cellKey(k, property, variant, engine);
  const h = hash(key);
  if (engine === 'random') {
    const violated = t.random === 'violated';
    return {
      engine,
      verdict: t.random,
      runs: violated ? 1 + (h % 5) : runsOf(w, k),
      ms: 1 + h,
      counterexample: violated ? { events: ticks(4 + (h % 3)), violation: { step: 3, message: `random ${key}` } } : null,
    };
  }
  const violated = t.exhaustive === 'violated';
  const b = boundOf(w.suites[k]!, property, variant);
  return {
    engine,
    verdict: t.exhaustive,
    stoppedBy: STOPPED[t.exhaustive],
    horizon: b.horizon,
    states: 10 + h,
    ms: 1 + (h % 97),
    counterexample: violated ? { shortest: h % 2 === 0, events: ticks(1 + (h % 2)), violation: { step: 0, message: `exhaustive ${key}` } } : null,
  };
}

/** The known cells of a world, answering only for the suite's id, the runs and the bound the analysis must ask with. */
function knownOf(w: World): KnownCells {
  const index = (id: string) => w.suites.findIndex((s) => s.id === id);
  return {
    random(suite, property, variant, runs) {
      const k = index(suite);
      if (k < 0 || runs !== runsOf(w, k) || !w.known!.has(cellKey(k, property, variant, 'random'))) return undefined;
      const a = answerOf(w, k, 'random', property, variant) as FixRandomCell;
      return a.verdict === 'violated' ? undefined : { ...a, ms: 5000 + a.ms };
    },
    exhaustive(suite, property, variant, bound) {
      const k = index(suite);
      const b = k < 0 ? undefined : boundOf(w.suites[k]!, property, variant);
      if (!b || bound.horizon !== b.horizon || bound.maxStates !== b.maxStates || !w.known!.has(cellKey(k, property, variant, 'exhaustive'))) return undefined;
      const a = answerOf(w, k, 'exhaustive', property, variant) as FixExhaustiveCell;
      return a.verdict === 'holds' || a.verdict === 'holds-within-horizon' ? { ...a, ms: 5000 + a.ms } : undefined;
    },
  };
}

interface Run {
  analyses: FixSetAnalysis[];
  /** Each batch the analysis asked for, its cells as `k|property|variant|engine`. */
  batches: string[][];
  progress: [number, number, string][];
}

/** Drives `fixSetsOnBase` (or, for one suite, `fixSetSteps`) with the oracle, checking that no cell is asked twice. */
function drive(w: World, single = w.suites.length === 1): Run {
  const progress: Run['progress'] = [];
  const options: FixSetOptions = {
    ...w.options,
    ...(w.known ? { known: knownOf(w) } : {}),
    onProgress: (done, total, text) => progress.push([done, total, text]),
  };
  const batches: string[][] = [];
  const asked = new Set<string>();
  const answer = (k: number, cell: FixCellRequest) => {
    const key = cellKey(k, cell.property, cell.variant, cell.engine);
    if (asked.has(key)) throw new Error(`${key} asked twice`);
    asked.add(key);
    return answerOf(w, k, cell.engine, cell.property, cell.variant);
  };
  if (single) {
    const steps = fixSetSteps(w.suites[0]!, w.base, options);
    let next = steps.next([]);
    while (!next.done) {
      const cells: FixCellRequest[] = next.value;
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) expect(Object.keys(c).sort()).toEqual(['engine', 'property', 'variant']);
      batches.push(cells.map((c) => cellKey(0, c.property, c.variant, c.engine)));
      next = steps.next(cells.map((c) => answer(0, c)));
    }
    return { analyses: [next.value], batches, progress };
  }
  const steps = fixSetsOnBase(w.suites, w.base, options);
  let next = steps.next([]);
  while (!next.done) {
    const cells: FixSuiteCellRequest[] = next.value;
    expect(cells.length).toBeGreaterThan(0);
    batches.push(cells.map((c) => cellKey(c.suite, c.property, c.variant, c.engine)));
    next = steps.next(cells.map((c) => answer(c.suite, c)));
  }
  return { analyses: next.value, batches, progress };
}

/** Every subset of `among` (default all six), by size, then by the number whose bit i is FIXES[i]. */
function subsetsOf(among: readonly Fix[] = FIXES): Fix[][] {
  const considered = FIXES.filter((f) => among.includes(f));
  const rank = (s: readonly Fix[]) => s.reduce((n, f) => n + 2 ** FIXES.indexOf(f), 0);
  const out: Fix[][] = [[]];
  for (const f of considered) out.push(...out.map((s) => [...s, f]));
  return out.map((s) => FIXES.filter((f) => s.includes(f))).sort((a, b) => a.length - b.length || rank(a) - rank(b));
}

const isProperSubset = (a: readonly Fix[], b: readonly Fix[]) => a.length < b.length && a.every((f) => b.includes(f));
const same = (a: readonly Fix[], b: readonly Fix[]) => a.length === b.length && a.every((f) => b.includes(f));

/** The check on one cell as the reference judges it from the engines' answers. */
function judgedRef(
  w: World,
  k: number,
  property: string,
  variant: string,
  random: { answer: FixRandomCell; reused: boolean },
  exhaustive: { answer: FixExhaustiveCell; reused: boolean } | null,
): FixCheck {
  const s = w.suites[k]!;
  const b = boundOf(s, property, variant);
  const memory = fixSearchBound(s, w.options.budget, property, variant).maxMemoryMB;
  const r = random.answer;
  const e = exhaustive?.answer;
  const counterexample: FixCheck['counterexample'] = e?.counterexample
    ? {
        engine: 'exhaustive',
        shortest: e.counterexample.shortest,
        events: e.counterexample.events,
        violation: e.counterexample.violation,
        replay: `npx cascade explore --suite ${s.id} --property ${property} --variant ${variant} --horizon ${b.horizon} --max-states ${b.maxStates} --max-memory ${memory}`,
      }
    : r.counterexample
      ? {
          engine: 'random',
          shortest: false,
          events: r.counterexample.events,
          violation: r.counterexample.violation,
          replay: `npx cascade check --suite ${s.id} --property ${property} --variant ${variant} --seed ${s.seed} --runs ${runsOf(w, k)}`,
        }
      : null;
  const settled = e !== undefined && (e.verdict === 'holds' || e.verdict === 'holds-within-horizon');
  return {
    property,
    random: { verdict: r.verdict, runs: r.runs, ms: r.ms, reused: random.reused },
    exhaustive: e
      ? { verdict: e.verdict, stoppedBy: e.stoppedBy, horizon: e.horizon, states: e.states, ms: e.ms, reused: exhaustive!.reused }
      : { verdict: 'not-searched' },
    outcome: counterexample ? 'violated' : r.verdict === 'holds' && settled ? 'holds' : 'unknown',
    skipped: null,
    counterexample,
  };
}

/** The minimal sets among `sets` (no proper subset among them), in their order. */
const minimalRef = (sets: readonly Fix[][]) => sets.filter((s) => !sets.some((t) => isProperSubset(t, s)));

/** Worsenings of some sets' outcomes, without those a smaller set already shows, as the analysis states them. */
function worseningsRef(sets: { fixes: Fix[]; checks: FixCheck[] }[], properties: readonly string[]): Worsening[] {
  const outcome = (fixes: readonly Fix[], p: string) => sets.find((s) => same(s.fixes, fixes))?.checks.find((c) => c.property === p)?.outcome;
  const all: Worsening[] = [];
  for (const property of properties) {
    for (const s of sets) {
      if (outcome(s.fixes, property) !== 'holds') continue;
      for (const added of FIXES)
        if (!s.fixes.includes(added) && outcome([...s.fixes, added], property) === 'violated') all.push({ property, from: s.fixes, added });
    }
  }
  return all.filter((w) => !all.some((v) => v.property === w.property && v.added === w.added && isProperSubset(v.from, w.from)));
}

interface Reference {
  analyses: FixSetAnalysis[];
  batches: string[][];
  progress: [number, number, string][];
  /** Every check's outcome as if every check were made, by suite, set (in order) and property. */
  truth: FixCheck['outcome'][][][];
}

/**
 * The reference: sets level by level, smallest first. A check is needed (its random cell asked
 * first, its exhaustive cell third) when its set is listed by its suite, or no proper subset holds
 * its property; else it is made (random second, exhaustive fourth) unless, when its turn comes, a
 * proper subset holds every property of every suite, or the set already fails somewhere and either
 * fails its own suite or a proper subset holds its own suite. What is not made is skipped.
 */
/** The scope the reference gives every analysis: the comparison sets the run's aside (its words are pinned by their own tests). */
const PLACEHOLDER_SCOPE = { among: null, seed: 1, maxEvents: 10, reason: null, everySet: false, acrossSuites: false, shortest: true };

function reference(w: World): Reference {
  const { base, suites, options } = w;
  const sets = subsetsOf(options.among);
  const variants = sets.map((s) => nameOf(base, s));
  const decided = new Map<string, FixCheck>();
  const at = (k: number, i: number, p: string) => `${k}|${i}|${p}`;
  const outcome = (k: number, i: number, p: string) => decided.get(at(k, i, p))?.outcome;
  const holdsSuite = (k: number, i: number) => suites[k]!.properties.every((p) => outcome(k, i, p) === 'holds');
  const firstBelow = (i: number, ok: (j: number) => boolean) => sets.findIndex((t, j) => isProperSubset(t, sets[i]!) && ok(j));
  const failing = (k: number, i: number) => suites[k]!.properties.find((p) => outcome(k, i, p) === 'violated');
  const listed = suites.map(
    (s) => new Set(Object.keys(s.variants).map((v) => (v === 'fixed' ? nameOf('skype-2010', FIXES) : nameOf(v.split('+')[0] as Base, fixesOf(v))))),
  );
  interface X {
    k: number;
    i: number;
    p: string;
    random?: { answer: FixRandomCell; reused: boolean };
  }
  const reason = (x: X): FixCheck['skipped'] => {
    const all = firstBelow(x.i, (j) => suites.every((_, m) => holdsSuite(m, j)));
    if (all >= 0) return { subset: sets[all]!, fails: null };
    const own = failing(x.k, x.i);
    const elsewhere = suites.findIndex((_, m) => failing(m, x.i) !== undefined);
    if (elsewhere < 0) return null;
    if (own === undefined && firstBelow(x.i, (j) => holdsSuite(x.k, j)) < 0) return null;
    const subset = sets[firstBelow(x.i, (j) => outcome(x.k, j, x.p) === 'holds')]!;
    return {
      subset,
      fails: own !== undefined ? { suite: suites[x.k]!.id, property: own } : { suite: suites[elsewhere]!.id, property: failing(elsewhere, x.i)! },
    };
  };
  const known = w.known ? knownOf(w) : undefined;
  const batches: string[][] = [];
  const progress: Reference['progress'] = [];
  const randomFound = (x: X) => x.random?.answer.verdict === 'violated';
  const askRandom = (xs: X[]) => {
    const batch: string[] = [];
    for (const x of xs) {
      const v = variants[x.i]!;
      const k = known?.random(suites[x.k]!.id, x.p, v, runsOf(w, x.k));
      if (k) x.random = { answer: k, reused: true };
      else {
        batch.push(cellKey(x.k, x.p, v, 'random'));
        x.random = { answer: answerOf(w, x.k, 'random', x.p, v) as FixRandomCell, reused: false };
      }
    }
    if (batch.length > 0) batches.push(batch);
    for (const x of xs) if (randomFound(x)) decided.set(at(x.k, x.i, x.p), judgedRef(w, x.k, x.p, variants[x.i]!, x.random!, null));
  };
  const askExhaustive = (xs: X[]) => {
    const batch: string[] = [];
    for (const x of xs) {
      if (randomFound(x) && options.shortest === false) continue;
      const v = variants[x.i]!;
      const k = known?.exhaustive(suites[x.k]!.id, x.p, v, boundOf(suites[x.k]!, x.p, v));
      if (!k) batch.push(cellKey(x.k, x.p, v, 'exhaustive'));
      decided.set(
        at(x.k, x.i, x.p),
        judgedRef(
          w,
          x.k,
          x.p,
          v,
          x.random!,
          k ? { answer: k, reused: true } : { answer: answerOf(w, x.k, 'exhaustive', x.p, v) as FixExhaustiveCell, reused: false },
        ),
      );
    }
    if (batch.length > 0) batches.push(batch);
  };
  const names = suites.map((s) => s.id).join(', ');
  let done = 0;
  for (let size = 0; size <= 6; size++) {
    const level = sets.flatMap((s, i) => (s.length === size ? [i] : []));
    if (level.length === 0) continue;
    progress.push([done, sets.length, `${names} on ${base}: ${level.length} sets of ${size} ${size === 1 ? 'fix' : 'fixes'}`]);
    const slots: X[] = level.flatMap((i) => suites.flatMap((s, k) => s.properties.map((p) => ({ k, i, p }))));
    const first = slots.filter(
      (x) => options.everySet === true || listed[x.k]!.has(variants[x.i]!) || firstBelow(x.i, (j) => outcome(x.k, j, x.p) === 'holds') < 0,
    );
    askRandom(first);
    const second = slots.filter((x) => !first.includes(x) && reason(x) === null);
    askRandom(second);
    askExhaustive(first);
    askExhaustive(second.filter((x) => randomFound(x) || reason(x) === null));
    for (const x of slots) {
      if (decided.has(at(x.k, x.i, x.p))) continue;
      const r = x.random;
      decided.set(at(x.k, x.i, x.p), {
        property: x.p,
        random: r ? { verdict: r.answer.verdict, runs: r.answer.runs, ms: r.answer.ms, reused: r.reused } : null,
        exhaustive: { verdict: 'not-searched' },
        outcome: 'unknown',
        skipped: reason(x),
        counterexample: null,
      });
    }
    done += level.length;
  }
  progress.push([sets.length, sets.length, `${names} on ${base}: done`]);

  // Every check as if made: the outcome the table gives it.
  const truth = suites.map((s, k) =>
    sets.map((_, i) =>
      s.properties.map((p) => {
        const t = w.truth(k, p, sets[i]!);
        if (t.random === 'violated' || t.exhaustive === 'violated') return 'violated' as const;
        return t.random === 'holds' && (t.exhaustive === 'holds' || t.exhaustive === 'holds-within-horizon') ? ('holds' as const) : ('unknown' as const);
      }),
    ),
  );

  const analyses = suites.map((suite, k): FixSetAnalysis => {
    const fixSets = sets.map((fixes, i) => {
      const checks = suite.properties.map((p) => decided.get(at(k, i, p))!);
      const outcome: FixCheck['outcome'] = checks.some((c) => c.outcome === 'violated')
        ? 'violated'
        : checks.every((c) => c.outcome === 'holds')
          ? 'holds'
          : 'unknown';
      return { fixes, variant: variants[i]!, checks, outcome };
    });
    const holding = (p?: string) =>
      fixSets.filter((s) => (p === undefined ? s.outcome === 'holds' : s.checks.find((c) => c.property === p)!.outcome === 'holds')).map((s) => s.fixes);
    const perProperty: FixSetAnalysis['perProperty'] = {};
    for (const p of suite.properties) {
      const minimal = minimalRef(holding(p));
      perProperty[p] = { minimal, needs: FIXES.filter((f) => minimal.length > 0 && minimal.every((m) => m.includes(f))) };
    }
    const every = fixSets.flatMap((s) => s.checks);
    const horizons = fixSets.flatMap((s) => suite.properties.map((p) => boundOf(suite, p, s.variant).horizon));
    const states = fixSets.flatMap((s) => suite.properties.map((p) => boundOf(suite, p, s.variant).maxStates));
    const unmet: FixSetAnalysis['unmet'] = [];
    for (const s of fixSets) {
      const name = Object.keys(suite.variants).find(
        (v) => (v === 'fixed' ? nameOf('skype-2010', FIXES) : nameOf(v.split('+')[0] as Base, fixesOf(v))) === s.variant,
      );
      if (name === undefined) continue;
      const entry = suite.variants[name]!;
      for (const c of s.checks) {
        const expected = typeof entry === 'string' ? entry : (entry as Record<string, Expected>)[c.property];
        if (expected !== undefined && expected !== c.outcome) unmet.push({ variant: s.variant, property: c.property, expected, outcome: c.outcome });
      }
    }
    return {
      suite: suite.id,
      base,
      properties: [...suite.properties],
      budget: options.budget,
      depth: {
        runs: runsOf(w, k),
        horizon: { least: Math.min(...horizons), most: Math.max(...horizons) },
        maxStates: { least: Math.min(...states), most: Math.max(...states) },
      },
      scope: PLACEHOLDER_SCOPE,
      sets: fixSets,
      minimal: minimalRef(holding()),
      perProperty,
      worsenings: worseningsRef(fixSets, suite.properties),
      skipped: every.filter((c) => c.skipped !== null).length,
      notSearched: every.filter((c) => c.skipped === null && c.exhaustive.verdict === 'not-searched').length,
      reused:
        every.filter((c) => c.random?.reused === true).length + every.filter((c) => c.exhaustive.verdict !== 'not-searched' && c.exhaustive.reused).length,
      unmet,
      ms: every.reduce(
        (n, c) =>
          n +
          (c.random !== null && !c.random.reused ? c.random.ms : 0) +
          (c.exhaustive.verdict !== 'not-searched' && !c.exhaustive.reused ? c.exhaustive.ms : 0),
        0,
      ),
    };
  });
  return { analyses, batches, progress, truth };
}

/** Runs the analysis and the reference on a world and compares everything but the scope (pinned apart). */
function compare(w: World): { run: Run; ref: Reference } {
  const run = drive(w);
  const ref = reference(w);
  expect(run.batches).toEqual(ref.batches);
  expect(run.progress).toEqual(ref.progress);
  expect(run.analyses.map((a) => ({ ...a, scope: PLACEHOLDER_SCOPE }))).toEqual(ref.analyses);
  return { run, ref };
}

/** The claims that hold whatever the table: skipping changes no answer, and nothing is called holding without both engines. */
function expectSound(w: World, run: Run, ref: Reference) {
  run.analyses.forEach((a, k) => {
    const truth = ref.truth[k]!;
    const truthHolding = (p?: string) =>
      a.sets.filter((_, i) => (p === undefined ? truth[i]!.every((o) => o === 'holds') : truth[i]![a.properties.indexOf(p)] === 'holds')).map((s) => s.fixes);
    expect(a.minimal).toEqual(minimalRef(truthHolding()));
    for (const p of a.properties) expect(a.perProperty[p]!.minimal).toEqual(minimalRef(truthHolding(p)));
    a.sets.forEach((s, i) =>
      s.checks.forEach((c, j) => {
        if (c.skipped === null) expect(c.outcome, `${c.property} on ${s.variant}`).toBe(truth[i]![j]);
        else {
          expect(c.outcome).toBe('unknown');
          expect(isProperSubset(c.skipped.subset, s.fixes)).toBe(true);
          expect(truth[a.sets.findIndex((t) => same(t.fixes, c.skipped!.subset))]![j]).toBe('holds');
        }
      }),
    );
    if (w.options.everySet) {
      expect(a.skipped).toBe(0);
      a.sets.forEach((s, i) => expect(s.checks.map((c) => c.outcome)).toEqual(truth[i]));
    }
  });
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random world: per suite and property, one or two sets whose supersets hold (the fixes help), with
 * noise on a share of the cells: a set that holds becomes violated (a worsening) by one engine or
 * unknown, and a violated one may be violated by the random engine alone (the exhaustive one does not
 * reach it) or by the exhaustive one alone, or be unknown.
 */
function randomWorld(
  seed: number,
  shape: {
    suites: number;
    among: Fix[] | undefined;
    base: Base;
    everySet: boolean;
    shortest: boolean | undefined;
    runs: number | undefined;
    known: boolean;
    noise: number;
  },
): World {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const pool = shape.among ?? [...FIXES];
  const randomSet = () => pool.filter(() => next() < 0.35);
  const suites: Suite[] = [];
  const enough: Fix[][][][] = [];
  for (let k = 0; k < shape.suites; k++) {
    const properties = ['p', 'q', 'r'].filter((_, i) => i === 0 || next() < 0.5);
    const variants: Suite['variants'] = {};
    for (let n = Math.floor(next() * 4); n > 0; n--) {
      const fixes = randomSet();
      // Listed in another order than FIXES, as a user may write it.
      const name = [shape.base, ...[...fixes].reverse()].join('+');
      variants[name] = next() < 0.5 ? pick(['holds', 'violated'] as const) : { [pick(properties)]: pick(['holds', 'violated'] as const) };
    }
    const test: Record<string, Bound> = {};
    for (const p of properties) test[p] = { horizon: 3 + Math.floor(next() * 6), maxStates: 1000 * (1 + Math.floor(next() * 300)) };
    if (next() < 0.5) test[`${properties[0]}@${nameOf(shape.base, randomSet())}`] = { horizon: 40, maxStates: 7 };
    suites.push(suiteOf(`suite-${k}`, properties, variants, test));
    enough.push(properties.map(() => (next() < 0.15 ? [] : Array.from({ length: 1 + Math.floor(next() * 2) }, randomSet))));
  }
  const table = new Map<string, Truth>();
  const truth = (k: number, p: string, fixes: readonly Fix[]): Truth => {
    const key = `${k}|${p}|${nameOf(shape.base, fixes)}`;
    let t = table.get(key);
    if (t === undefined) {
      const holds = enough[k]![suites[k]!.properties.indexOf(p)]!.some((e) => e.every((f) => fixes.includes(f)));
      const n = next() < shape.noise ? Math.floor(next() * 5) : 9;
      const holding: Truth[] = [
        { random: 'violated', exhaustive: 'holds-within-horizon' },
        { random: 'holds', exhaustive: 'violated' },
        { random: 'vacuous', exhaustive: 'holds' },
        { random: 'holds', exhaustive: 'bound-reached' },
        { random: 'holds', exhaustive: 'holds-within-horizon' },
      ];
      const failing: Truth[] = [
        { random: 'holds', exhaustive: 'violated' },
        { random: 'violated', exhaustive: 'holds-within-horizon' },
        { random: 'vacuous', exhaustive: 'violated' },
        { random: 'holds', exhaustive: 'bound-reached' },
        { random: 'violated', exhaustive: 'bound-reached' },
      ];
      t = n < 5 ? (holds ? holding : failing)[n]! : holds ? { random: 'holds', exhaustive: 'holds' } : { random: 'violated', exhaustive: 'violated' };
      table.set(key, t);
    }
    return t;
  };
  const known = shape.known
    ? new Set(
        suites.flatMap((s, k) =>
          subsetsOf(shape.among).flatMap((fixes) =>
            s.properties.flatMap((p) => (['random', 'exhaustive'] as const).filter(() => next() < 0.3).map((e) => cellKey(k, p, nameOf(shape.base, fixes), e))),
          ),
        ),
      )
    : undefined;
  // Fill the table now, in a fixed order: the answers do not depend on the order cells are asked in.
  suites.forEach((s, k) => subsetsOf(shape.among).forEach((fixes) => s.properties.forEach((p) => truth(k, p, fixes))));
  return {
    base: shape.base,
    suites,
    truth,
    ...(known ? { known } : {}),
    options: {
      budget: 'test',
      ...(shape.among ? { among: shape.among } : {}),
      everySet: shape.everySet,
      ...(shape.shortest === undefined ? {} : { shortest: shape.shortest }),
      ...(shape.runs === undefined ? {} : { runs: shape.runs }),
    },
  };
}

describe('fixSetsOnBase on random truth tables, against the reference', () => {
  const shape = fc.record({
    seed: fc.integer(),
    suites: fc.integer({ min: 1, max: 3 }),
    among: fc.option(fc.subarray([...FIXES], { minLength: 0, maxLength: 4 }), { nil: undefined }),
    base: fc.constantFrom<Base>('skype-2007', 'skype-2010'),
    everySet: fc.boolean(),
    shortest: fc.constantFrom(true, false, undefined),
    runs: fc.constantFrom(undefined, 30),
    known: fc.boolean(),
    noise: fc.constantFrom(0, 0.15, 0.4),
  });

  it("asks the same cells in the same batches, and gives the reference's analysis, which skipping does not change", () => {
    fc.assert(
      fc.property(shape, (s) => {
        const w = randomWorld(s.seed, s);
        const { run, ref } = compare(w);
        expectSound(w, run, ref);
        // Skipping gives the answers every check made gives.
        if (!s.everySet) {
          const every = drive({ ...w, options: { ...w.options, everySet: true } });
          run.analyses.forEach((a, k) => {
            expect(a.minimal).toEqual(every.analyses[k]!.minimal);
            expect(a.perProperty).toEqual(every.analyses[k]!.perProperty);
          });
        }
      }),
      { numRuns: 30, seed: 25, endOnFailure: true },
    );
  });

  it('one suite through fixSetSteps is the same analysis as through fixSetsOnBase', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const w = randomWorld(s.seed, { ...s, suites: 1 });
        expect(drive(w, true)).toEqual(drive(w, false));
      }),
      { numRuns: 10, seed: 26, endOnFailure: true },
    );
  });
});

/** A world from a table written out: the sets (as their fixes) where each property holds by both engines, and exceptions by variant. */
function tableWorld(
  suites: Suite[],
  base: Base,
  options: World['options'],
  holds: Record<string, Fix[][]>[],
  exceptions: Record<string, Truth> = {},
  known?: Set<string>,
): World {
  return {
    base,
    suites,
    options,
    ...(known ? { known } : {}),
    truth: (k, p, fixes) =>
      exceptions[`${k}|${p}|${nameOf(base, fixes)}`] ??
      ((holds[k]![p] ?? []).some((e) => e.every((f) => fixes.includes(f)))
        ? { random: 'holds', exhaustive: 'holds' }
        : { random: 'violated', exhaustive: 'violated' }),
  };
}

const RC = 'robust-client';
const BJ = 'backoff-jitter';
const AC = 'admission-control';

describe('fixSetsOnBase on hand-picked tables', () => {
  it('no set is enough: no minimal set, nothing needed, nothing skipped, and every set fails with a shortest counterexample', () => {
    const w = tableWorld([suiteOf('alpha', ['p', 'q'])], 'skype-2010', { budget: 'test', among: [RC, BJ] }, [{ p: [[RC]] }]);
    const { run } = compare(w);
    const a = run.analyses[0]!;
    expect(a.minimal).toEqual([]);
    expect(a.perProperty).toEqual({ p: { minimal: [[RC]], needs: [RC] }, q: { minimal: [], needs: [] } });
    expect(a.sets.map((s) => s.outcome)).toEqual(['violated', 'violated', 'violated', 'violated']);
    // p on {RC, BJ}: {RC} holds p, and the set already fails q: skipped. Every other check is made by both engines.
    expect(a.sets[3]!.checks[0]!.skipped).toEqual({ subset: [RC], fails: { suite: 'alpha', property: 'q' } });
    expect(a.skipped).toBe(1);
    expect(a.notSearched).toBe(0);
    expect(run.batches.flat().length).toBe(14);
    expect(a.worsenings).toEqual([]);
    expect(a.sets[0]!.checks[0]!.counterexample!.engine).toBe('exhaustive');
  });

  it('every set is enough: the empty set is the one minimal set, and every larger set is skipped after four cells', () => {
    const w = tableWorld([suiteOf('alpha', ['p', 'q'])], 'skype-2010', { budget: 'test' }, [{ p: [[]], q: [[]] }]);
    const { run } = compare(w);
    const a = run.analyses[0]!;
    expect(a.sets).toHaveLength(64);
    expect(a.minimal).toEqual([[]]);
    expect(a.perProperty).toEqual({ p: { minimal: [[]], needs: [] }, q: { minimal: [[]], needs: [] } });
    expect(run.batches).toEqual([
      ['0|p|skype-2010|random', '0|q|skype-2010|random'],
      ['0|p|skype-2010|exhaustive', '0|q|skype-2010|exhaustive'],
    ]);
    expect(a.skipped).toBe(63 * 2);
    expect(
      a.sets
        .slice(1)
        .every((s) => s.outcome === 'unknown' && s.checks.every((c) => c.random === null && c.skipped?.subset.length === 0 && c.skipped.fails === null)),
    ).toBe(true);
    // The last level (all six fixes) is reached: 7 levels, then done.
    expect(run.progress.map(([done]) => done)).toEqual([0, 1, 7, 22, 42, 57, 63, 64]);
    expect(run.progress[1]![2]).toBe('alpha on skype-2010: 6 sets of 1 fix');
    expect(run.progress[6]![2]).toBe('alpha on skype-2010: 1 sets of 6 fixes');
    expect(run.progress[7]).toEqual([64, 64, 'alpha on skype-2010: done']);
  });

  it('a worsening: every check made finds it, once per fix added and smallest set; the skipping analysis never calls its set holding', () => {
    // p holds everywhere but where robust-client and backoff-jitter are together; q needs robust-client.
    const exceptions: Record<string, Truth> = {};
    for (const fixes of subsetsOf([RC, BJ, AC]))
      if (fixes.includes(RC) && fixes.includes(BJ)) exceptions[`0|p|${nameOf('skype-2010', fixes)}`] = { random: 'violated', exhaustive: 'violated' };
    const w = tableWorld(
      [suiteOf('alpha', ['p', 'q'])],
      'skype-2010',
      { budget: 'test', among: [RC, BJ, AC], everySet: true },
      [{ p: [[]], q: [[RC]] }],
      exceptions,
    );
    const every = compare(w).run.analyses[0]!;
    expect(every.worsenings).toEqual([
      { property: 'p', from: [RC], added: BJ },
      { property: 'p', from: [BJ], added: RC },
    ]);
    expect(every.minimal).toEqual([[RC]]);
    const skipping = compare({ ...w, options: { ...w.options, everySet: false } }).run.analyses[0]!;
    expect(skipping.minimal).toEqual([[RC]]);
    for (const s of skipping.sets) if (s.fixes.includes(RC) && s.fixes.includes(BJ)) expect(s.outcome).not.toBe('holds');
  });

  it('a property the random engine violates and the exhaustive search does not reach is violated, with the random counterexample; without shortest it is not searched', () => {
    const exceptions = {
      '0|p|skype-2007': { random: 'violated', exhaustive: 'holds-within-horizon' } as Truth,
      [`0|p|skype-2007+${RC}`]: { random: 'holds', exhaustive: 'violated' } as Truth,
    };
    const w = tableWorld([suiteOf('alpha', ['p'])], 'skype-2007', { budget: 'test', among: [RC], runs: 40 }, [{ p: [[BJ]] }], exceptions);
    const a = compare(w).run.analyses[0]!;
    expect(a.sets.map((s) => s.outcome)).toEqual(['violated', 'violated']);
    const [empty, rc] = a.sets.map((s) => s.checks[0]!);
    expect(empty!.exhaustive.verdict).toBe('holds-within-horizon');
    expect(empty!.counterexample).toMatchObject({
      engine: 'random',
      shortest: false,
      replay: 'npx cascade check --suite alpha --property p --variant skype-2007 --seed 7 --runs 40',
    });
    expect(rc!.random!.verdict).toBe('holds');
    expect(rc!.counterexample!.engine).toBe('exhaustive');
    expect(rc!.counterexample!.replay).toMatch(
      /^npx cascade explore --suite alpha --property p --variant skype-2007\+robust-client --horizon 5 --max-states 1000 --max-memory \d+$/,
    );
    const quick = compare({ ...w, options: { ...w.options, shortest: false } });
    expect(quick.run.batches).toEqual([['0|p|skype-2007|random'], ['0|p|skype-2007+robust-client|random'], ['0|p|skype-2007+robust-client|exhaustive']]);
    expect(quick.run.analyses[0]!.notSearched).toBe(1);
    expect(quick.run.analyses[0]!.sets.map((s) => s.outcome)).toEqual(['violated', 'violated']);
  });

  it('a random "vacuous" or a search stopped by its bound is unknown, never holds, and such a set is never enough', () => {
    const exceptions = {
      [`0|p|skype-2010+${RC}`]: { random: 'vacuous', exhaustive: 'holds' } as Truth,
      [`0|q|skype-2010+${RC}+${BJ}`]: { random: 'holds', exhaustive: 'bound-reached' } as Truth,
    };
    const w = tableWorld([suiteOf('alpha', ['p', 'q'])], 'skype-2010', { budget: 'test', among: [RC, BJ] }, [{ p: [[RC]], q: [[RC]] }], exceptions);
    const a = compare(w).run.analyses[0]!;
    expect(a.sets.map((s) => s.outcome)).toEqual(['violated', 'unknown', 'violated', 'unknown']);
    expect(a.minimal).toEqual([]);
    expect(a.perProperty.p!.minimal).toEqual([[RC, BJ]]);
    expect(a.perProperty.q!.minimal).toEqual([[RC]]);
  });

  it('suites together check a set that each alone skips, when it may be enough for both', () => {
    const suites = [suiteOf('alpha', ['p']), suiteOf('beta', ['q'])];
    const w = tableWorld(suites, 'skype-2010', { budget: 'test', among: [RC, BJ, AC] }, [{ p: [[RC]] }, { q: [[BJ]] }]);
    const together = compare(w).run.analyses;
    const both: Fix[] = [RC, BJ];
    expect(together.map((a) => a.sets.find((s) => same(s.fixes, both))!.outcome)).toEqual(['holds', 'holds']);
    expect(together.map((a) => a.minimal)).toEqual([[[RC]], [[BJ]]]);
    // {RC, BJ, AC}: a proper subset ({RC, BJ}) holds every suite: skipped, naming it.
    expect(together[0]!.sets.at(-1)!.checks[0]!.skipped).toEqual({ subset: [RC, BJ], fails: null });
    const alone = compare({ ...w, suites: [suites[0]!], truth: (k, p, f) => w.truth(k, p, f) }).run.analyses[0]!;
    expect(alone.sets.find((s) => same(s.fixes, both))!.checks[0]!.skipped).toEqual({ subset: [RC], fails: null });
    // A set that fails elsewhere: {RC} fails beta's q, so alpha's p on {RC, AC} is skipped, naming beta's failure.
    expect(together[0]!.sets.find((s) => same(s.fixes, [RC, AC]))!.checks[0]!.skipped).toEqual({ subset: [RC], fails: { suite: 'beta', property: 'q' } });
  });

  it('a set the suite lists is always checked, and an expectation it does not meet is unmet', () => {
    const variants: Suite['variants'] = { [`skype-2010+${BJ}+${RC}`]: 'violated', fixed: { p: 'holds' }, 'skype-2007': 'violated' };
    const w = tableWorld([suiteOf('alpha', ['p', 'q'], variants)], 'skype-2010', { budget: 'test' }, [{ p: [[RC]], q: [[]] }]);
    const a = compare(w).run.analyses[0]!;
    const listed = a.sets.find((s) => s.variant === `skype-2010+${RC}+${BJ}`)!;
    expect(listed.checks.map((c) => c.skipped)).toEqual([null, null]);
    expect(a.sets.at(-1)!.checks.map((c) => c.skipped)).toEqual([null, null]);
    const unlisted = a.sets.find((s) => s.variant === `skype-2010+${RC}+${AC}`)!;
    expect(unlisted.checks.map((c) => c.skipped)).toEqual([
      { subset: [RC], fails: null },
      { subset: [RC], fails: null },
    ]);
    expect(a.unmet).toEqual([
      { variant: `skype-2010+${RC}+${BJ}`, property: 'p', expected: 'violated', outcome: 'holds' },
      { variant: `skype-2010+${RC}+${BJ}`, property: 'q', expected: 'violated', outcome: 'holds' },
    ]);
  });

  it('reuses known searches: not asked, counted as reused, their time left out', () => {
    const known = new Set([
      cellKey(0, 'p', 'skype-2010', 'random'),
      cellKey(0, 'p', 'skype-2010', 'exhaustive'),
      cellKey(0, 'q', `skype-2010+${RC}`, 'exhaustive'),
    ]);
    const w = tableWorld([suiteOf('alpha', ['p', 'q'])], 'skype-2010', { budget: 'test', among: [RC] }, [{ p: [[]], q: [[RC]] }], {}, known);
    const { run } = compare(w);
    const a = run.analyses[0]!;
    expect(a.reused).toBe(3);
    expect(run.batches.flat()).not.toContain('0|p|skype-2010|random');
    expect(a.sets[0]!.checks[0]!.random).toMatchObject({ reused: true });
    expect(a.ms).toBeLessThan(5000);
  });
});

describe('the analysis states its depth and scope in words', () => {
  const suite = suiteOf(
    'alpha',
    ['p', 'q'],
    {},
    { p: { horizon: 4, maxStates: 1000 }, q: { horizon: 9, maxStates: 250_000 } },
    {
      exhaustive: {
        variants: [],
        test: { p: { horizon: 4, maxStates: 1000 }, q: { horizon: 9, maxStates: 250_000 } },
        start: { horizon: 20, maxStates: 2_000_000 },
        scope: 'two supernodes',
      },
    },
  );
  const table = (options: World['options'], suites = [suite]) =>
    drive(
      tableWorld(
        suites,
        'skype-2010',
        options,
        suites.map(() => ({ p: [[RC]], q: [[RC]] })),
      ),
    ).analyses[0]!;

  it('names the fixes it chose among, the runs and seed, the least and most horizon and states, and why a check is skipped', () => {
    const a = table({ budget: 'test', among: [AC, RC] });
    expect(a.depth).toEqual({ runs: 50, horizon: { least: 4, most: 9 }, maxStates: { least: 1000, most: 250_000 } });
    expect(describeFixSetScope(a).random).toBe(
      'subsets of {robust-client, admission-control} only; 50 random runs per set and property (seed 7, at most 12 safety-phase events)',
    );
    expect(describeFixSetScope(a).exhaustive).toBe(
      'every event sequence whose adversary acts within 4 to 9 ticks, at most 1,000 to 250,000 states, two supernodes; a check is skipped only where no answer depends on it: a proper subset of its set already holds the property, and either holds every property of the suite too or the set already fails',
    );
  });

  it('says every check was made, or that violated sets were not searched, and that suites were taken together', () => {
    const plain = suiteOf('alpha', ['p', 'q']);
    const a = table({ budget: 'test', runs: 20, everySet: true, shortest: false }, [plain]);
    expect(a.depth).toEqual({ runs: 20, horizon: { least: 5, most: 5 }, maxStates: { least: 1000, most: 1000 } });
    expect(describeFixSetScope(a).random).toBe('20 random runs per set and property (seed 7, at most 12 safety-phase events)');
    expect(describeFixSetScope(a).exhaustive).toBe(
      'every event sequence whose adversary acts within 5 ticks, at most 1,000 states; every check made; a set the random engine violated is not searched (its counterexample is the shrunk one, not a shortest)',
    );
    const both = table({ budget: 'test', among: [RC] }, [plain, suiteOf('beta', ['p'])]);
    expect(describeFixSetScope(both).exhaustive).toContain('holds every property of every suite on the base too or the set already fails');
    expect(describeFixSetScope(both).random).toBe(
      'subsets of {robust-client} only; 50 random runs per set and property (seed 7, at most 12 safety-phase events)',
    );
  });
});

describe('fixSubsets', () => {
  it("is the reference's list for every choice of fixes", () => {
    for (let mask = 0; mask < 64; mask++) {
      const among = FIXES.filter((_, i) => mask & (1 << i));
      expect(fixSubsets(among)).toEqual(subsetsOf(among));
    }
    expect(fixSubsets()).toEqual(subsetsOf());
    expect(fixSubsets().slice(0, 8)).toEqual([[], [RC], [BJ], [AC], ['retry-budget'], ['load-aware-promotion'], ['mega-supernodes'], [RC, BJ]]);
    expect(fixSubsets().at(-1)).toEqual([...FIXES]);
  });
});

const MS = 'mega-supernodes';
const CRASH = TEMPLATE;
const violation = { step: 2, message: 'a supernode was lost' };

describe('FIX_SETS_SCHEMA_VERSION', () => {
  it('is 3 (the scope as numbers and switches), the version of the shape `cascade fixes --json` prints (test/cli/fixes.test.ts reads it from the output)', () => {
    expect(FIX_SETS_SCHEMA_VERSION).toBe(3);
  });
});

describe('variantOf', () => {
  it('names a base and fixes canonically, whatever order the fixes come in', () => {
    expect(variantOf('skype-2010', [MS, RC])).toBe('skype-2010+robust-client+mega-supernodes');
    expect(variantOf('skype-2007', [])).toBe('skype-2007');
    expect(variantOf('skype-2007', [...FIXES].reverse())).toBe(['skype-2007', ...FIXES].join('+'));
  });

  it('refuses a fix that does not exist, naming it', () => {
    expect(() => variantOf('skype-2010', ['no-such-fix' as Fix])).toThrow(/unknown fix 'no-such-fix'/);
  });
});

describe('minimalOf', () => {
  it('keeps the sets none of whose proper subsets is among them, in their order', () => {
    expect(minimalOf<Fix>([[RC, BJ], [AC, MS], [RC], [BJ, AC], [AC]])).toEqual([[RC], [AC]]);
    expect(
      minimalOf<Fix>([
        [RC, BJ],
        [BJ, AC],
      ]),
    ).toEqual([
      [RC, BJ],
      [BJ, AC],
    ]);
    expect(minimalOf<Fix>([[RC, BJ, AC], [], [MS]])).toEqual([[]]);
    expect(minimalOf<Fix>([])).toEqual([]);
  });
});

describe('fixCellContext', () => {
  it("names the suite by id, or by its file too, and takes the runs given or the budget's", () => {
    expect(fixCellContext(CRASH, { budget: 'test' })).toEqual({ suite: { suite: 'crash-cascade-2010' }, runs: CRASH.budget.test, budget: 'test' });
    expect(fixCellContext(CRASH, { budget: 'start' })).toEqual({ suite: { suite: 'crash-cascade-2010' }, runs: CRASH.budget.start, budget: 'start' });
    expect(fixCellContext({ ...CRASH, file: 'mine.ts' }, { budget: 'start', runs: 9 })).toEqual({
      suite: { suite: 'crash-cascade-2010', suiteFile: 'mine.ts' },
      runs: 9,
      budget: 'start',
    });
  });
});

describe('randomFound', () => {
  const cell = (counterexample: FixRandomCell['counterexample']): FixRandomCell => ({
    engine: 'random',
    verdict: counterexample ? 'violated' : 'holds',
    runs: 3,
    ms: 4,
    counterexample,
  });

  it("keeps the random engine's counterexample with the check command that replays it at the cell's runs", () => {
    const events = ticks(3);
    expect(randomFound(CRASH, 'no-cascade', 'skype-2010+backoff-jitter', 77, cell({ events, violation }))).toEqual({
      engine: 'random',
      shortest: false,
      events,
      violation,
      replay: 'npx cascade check --suite crash-cascade-2010 --property no-cascade --variant skype-2010+backoff-jitter --seed 2010 --runs 77',
    });
    expect(randomFound({ ...CRASH, file: 'my suite.ts', seed: 5 }, 'p', 'skype-2007', 8, cell({ events, violation }))!.replay).toBe(
      "npx cascade check --suite 'my suite.ts' --property p --variant skype-2007 --seed 5 --runs 8",
    );
  });

  it('is null when the random engine found nothing', () => {
    expect(randomFound(CRASH, 'no-cascade', 'skype-2010', 77, cell(null))).toBeNull();
  });
});

describe('judged', () => {
  const random = (verdict: 'holds' | 'violated' | 'vacuous') => ({ verdict, runs: 10, ms: 3, reused: false });
  const search = (verdict: FixExhaustiveCell['verdict'], counterexample: FixExhaustiveCell['counterexample'] = null): FixExhaustiveCell => ({
    engine: 'exhaustive',
    verdict,
    stoppedBy: 'complete',
    horizon: 40,
    states: 1234,
    ms: 56,
    counterexample,
  });
  const byRandom: FixCheck['counterexample'] = { engine: 'random', shortest: false, events: ticks(5), violation, replay: 'npx cascade check ...' };
  const variant = 'skype-2010+robust-client';
  const memory = fixSearchBound(CRASH, 'test', 'no-cascade', variant).maxMemoryMB;

  it('holds only when the random engine held and the search reached a verdict', () => {
    const outcome = (r: 'holds' | 'violated' | 'vacuous', e: FixExhaustiveCell['verdict']) =>
      judged(CRASH, 'no-cascade', variant, 'test', random(r), null, search(e), false).outcome;
    expect(outcome('holds', 'holds')).toBe('holds');
    expect(outcome('holds', 'holds-within-horizon')).toBe('holds');
    expect(outcome('holds', 'bound-reached')).toBe('unknown');
    expect(outcome('vacuous', 'holds')).toBe('unknown');
    // A random "violated" without its counterexample (a reused run) is no evidence either way.
    expect(outcome('violated', 'holds')).toBe('unknown');
  });

  it("is violated by the random engine's counterexample when the search found none, and by the search's, preferred, when it did", () => {
    const noneFound = judged(CRASH, 'no-cascade', variant, 'test', random('violated'), byRandom, search('holds-within-horizon'), false);
    expect(noneFound.outcome).toBe('violated');
    expect(noneFound.counterexample).toBe(byRandom);
    const events = ticks(2);
    const found = judged(CRASH, 'no-cascade', variant, 'test', random('holds'), null, search('violated', { shortest: true, events, violation }), true);
    const both = judged(CRASH, 'no-cascade', variant, 'test', random('violated'), byRandom, search('violated', { shortest: false, events, violation }), true);
    const replay = `npx cascade explore --suite crash-cascade-2010 --property no-cascade --variant ${variant} --horizon 40 --max-states 100000 --max-memory ${memory}`;
    expect(found).toEqual({
      property: 'no-cascade',
      random: random('holds'),
      exhaustive: { verdict: 'violated', stoppedBy: 'complete', horizon: 40, states: 1234, ms: 56, reused: true },
      outcome: 'violated',
      skipped: null,
      counterexample: { engine: 'exhaustive', shortest: true, events, violation, replay },
    });
    expect(both.counterexample).toEqual({ engine: 'exhaustive', shortest: false, events, violation, replay });
  });

  it("replays a user suite's search from its file, at the start bound", () => {
    const mine = { ...CRASH, file: 'suites/mine.ts' };
    const c = judged(mine, 'no-cascade', variant, 'start', random('holds'), null, search('violated', { shortest: true, events: ticks(1), violation }), false);
    expect(c.counterexample!.replay).toBe(
      `npx cascade explore --suite suites/mine.ts --property no-cascade --variant ${variant} --horizon 40 --max-states 1000000 --max-memory ${memory}`,
    );
    expect(c.exhaustive).toMatchObject({ reused: false });
  });
});

describe('fixSetRecord', () => {
  it('keeps every outcome and how it was reached, counterexamples by length and replay', () => {
    const events = ticks(4);
    const made: FixCheck = {
      property: 'p',
      random: { verdict: 'violated', runs: 2, ms: 1, reused: false },
      exhaustive: { verdict: 'not-searched' },
      outcome: 'violated',
      skipped: null,
      counterexample: { engine: 'random', shortest: false, events, violation, replay: 'npx cascade check x' },
    };
    const skipped: FixCheck = {
      property: 'p',
      random: null,
      exhaustive: { verdict: 'not-searched' },
      outcome: 'unknown',
      skipped: { subset: [], fails: { suite: 'alpha', property: 'q' } },
      counterexample: null,
    };
    const held: FixCheck = {
      property: 'p',
      random: { verdict: 'holds', runs: 9, ms: 1, reused: true },
      exhaustive: { verdict: 'holds', stoppedBy: 'complete', horizon: 4, states: 8, ms: 2, reused: false },
      outcome: 'holds',
      skipped: null,
      counterexample: null,
    };
    const a: FixSetAnalysis = {
      suite: 'alpha',
      base: 'skype-2010',
      properties: ['p'],
      budget: 'test',
      depth: { runs: 9, horizon: { least: 4, most: 4 }, maxStates: { least: 8, most: 8 } },
      scope: { among: null, seed: 1, maxEvents: 10, reason: null, everySet: false, acrossSuites: false, shortest: true },
      sets: [
        { fixes: [], variant: 'skype-2010', checks: [made], outcome: 'violated' },
        { fixes: [RC], variant: 'skype-2010+robust-client', checks: [held], outcome: 'holds' },
        { fixes: [RC, BJ], variant: 'skype-2010+robust-client+backoff-jitter', checks: [skipped], outcome: 'unknown' },
      ],
      minimal: [[RC]],
      perProperty: { p: { minimal: [[RC]], needs: [RC] } },
      worsenings: [{ property: 'p', from: [RC], added: BJ }],
      skipped: 1,
      notSearched: 1,
      reused: 1,
      unmet: [{ variant: 'skype-2010', property: 'p', expected: 'holds', outcome: 'violated' }],
      ms: 4,
    };
    const { sets, ...rest } = fixSetRecord(a);
    const { sets: _, ...restOf } = a;
    expect(rest).toEqual(restOf);
    expect(sets).toEqual([
      {
        fixes: [],
        variant: 'skype-2010',
        outcome: 'violated',
        checks: [
          {
            property: 'p',
            outcome: 'violated',
            random: 'violated',
            exhaustive: 'not-searched',
            counterexample: { engine: 'random', shortest: false, events: 4, replay: 'npx cascade check x' },
          },
        ],
      },
      {
        fixes: [RC],
        variant: 'skype-2010+robust-client',
        outcome: 'holds',
        checks: [{ property: 'p', outcome: 'holds', random: 'holds', exhaustive: 'holds', counterexample: null }],
      },
      {
        fixes: [RC, BJ],
        variant: 'skype-2010+robust-client+backoff-jitter',
        outcome: 'unknown',
        checks: [
          {
            property: 'p',
            outcome: 'unknown',
            random: 'not-run',
            exhaustive: 'not-searched',
            skipped: { subset: [], fails: { suite: 'alpha', property: 'q' } },
            counterexample: null,
          },
        ],
      },
    ]);
    expect('skipped' in sets[0]!.checks[0]!).toBe(false);
  });
});

describe('knownFrom', () => {
  // A suite whose exhaustive scope differs from its own: the random engine's config and the search's are not the same.
  const suite: Suite = { ...CRASH, exhaustive: { ...CRASH.exhaustive, config: { faultBudget: 1 } } };
  const variant = 'skype-2010+robust-client+mega-supernodes';
  const pair = (over: Partial<PairResult> = {}): PairResult =>
    ({
      suite: suite.id,
      property: 'no-cascade',
      variant,
      config: suiteModel(suite, variant).config,
      verdict: 'holds',
      runs: 300,
      seed: suite.seed,
      ms: 17,
      ...over,
    }) as PairResult;
  const bound = { horizon: 40, maxStates: 100_000 };
  const searched = (over: Partial<ExplorePairResult> = {}): ExplorePairResult =>
    ({
      suite: suite.id,
      property: 'no-cascade',
      variant,
      config: suiteModel(suite, variant, true).config,
      verdict: 'holds',
      stoppedBy: 'complete',
      bound: { ...bound, maxMemoryMB: 512 },
      states: 78,
      ms: 9,
      ...over,
    }) as ExplorePairResult;
  const random = (k: KnownCells, runs = 300, name = variant) => k.random(suite.id, 'no-cascade', name, runs);
  const exhaustive = (k: KnownCells, b = bound, name = variant) => k.exhaustive(suite.id, 'no-cascade', name, b);

  it('gives a random run that held or was vacuous with the same seed, runs and config, under any name of its variant', () => {
    expect(random(knownFrom([suite], [pair()], []))).toEqual({ engine: 'random', verdict: 'holds', runs: 300, ms: 17, counterexample: null });
    expect(random(knownFrom([suite], [pair({ verdict: 'vacuous' })], []))?.verdict).toBe('vacuous');
    expect(random(knownFrom([suite], [pair({ variant: 'skype-2010+mega-supernodes+robust-client' })], []))?.verdict).toBe('holds');
    expect(random(knownFrom([suite], [pair()], []), 300, 'skype-2010+mega-supernodes+robust-client')?.verdict).toBe('holds');
    // The config's keys in another order are the same config.
    const config = Object.fromEntries(Object.entries(pair().config).reverse()) as PairResult['config'];
    expect(random(knownFrom([suite], [pair({ config })], []))?.verdict).toBe('holds');
  });

  it('refuses a violated run, other runs, another seed, another config, another suite or suite file, another pair', () => {
    expect(random(knownFrom([suite], [pair({ verdict: 'violated' })], []))).toBeUndefined();
    expect(random(knownFrom([suite], [pair()], []), 301)).toBeUndefined();
    expect(random(knownFrom([suite], [pair()], []), 299)).toBeUndefined();
    expect(random(knownFrom([suite], [pair({ seed: suite.seed + 1 })], []))).toBeUndefined();
    expect(random(knownFrom([suite], [pair({ config: suiteModel(suite, variant, true).config })], []))).toBeUndefined();
    expect(random(knownFrom([suite], [pair({ suiteFile: 'mine.ts' })], []))).toBeUndefined();
    expect(random(knownFrom([suite], [pair()], []), 300, 'skype-2010+robust-client')).toBeUndefined();
    expect(knownFrom([suite], [pair()], []).random(suite.id, 'no-client-crash', variant, 300)).toBeUndefined();
    expect(knownFrom([suite], [pair()], []).random('login-flood-2007', 'no-cascade', variant, 300)).toBeUndefined();
    expect(knownFrom([], [pair()], []).random(suite.id, 'no-cascade', variant, 300)).toBeUndefined();
    // A user suite of the same id is told apart by its file.
    const mine = { ...suite, file: 'mine.ts' };
    expect(knownFrom([mine], [pair({ suiteFile: 'mine.ts' })], []).random(suite.id, 'no-cascade', variant, 300)?.verdict).toBe('holds');
  });

  it('gives a search that held on the exhaustive scope within the same horizon and state bound', () => {
    expect(exhaustive(knownFrom([suite], [], [searched()]))).toEqual({
      engine: 'exhaustive',
      verdict: 'holds',
      stoppedBy: 'complete',
      horizon: 40,
      states: 78,
      ms: 9,
      counterexample: null,
    });
    expect(exhaustive(knownFrom([suite], [], [searched({ verdict: 'holds-within-horizon', stoppedBy: 'horizon' })]))).toMatchObject({
      verdict: 'holds-within-horizon',
      stoppedBy: 'horizon',
    });
    expect(exhaustive(knownFrom([suite], [], [searched()])), 'the memory bound is not compared').toBeDefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ variant: 'skype-2010+mega-supernodes+robust-client' })]))?.verdict).toBe('holds');
  });

  it('refuses a search that did not hold, a swarm shard, a merge of shards, the full tier, another bound, config or suite', () => {
    for (const verdict of ['violated', 'bound-reached', 'vacuous'] as const)
      expect(exhaustive(knownFrom([suite], [], [searched({ verdict })])), verdict).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ swarm: { index: 0, count: 2 } })]))).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ shards: 2 })]))).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ full: true })]))).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched()]), { ...bound, horizon: 39 })).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched()]), { ...bound, maxStates: 100_001 })).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ config: suiteModel(suite, variant).config })]))).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ suiteFile: 'mine.ts' })]))).toBeUndefined();
    expect(exhaustive(knownFrom([], [], [searched()]))).toBeUndefined();
    expect(knownFrom([suite], [pair()], []).exhaustive(suite.id, 'no-cascade', variant, bound)).toBeUndefined();
  });
});

describe('runFixSets over known cells only', () => {
  // Every cell known: the analysis asks no engine, so two suites on two bases take milliseconds.
  const alpha: Suite = { ...CRASH, id: 'alpha', properties: ['p'], variants: {} };
  const beta: Suite = { ...CRASH, id: 'beta', properties: ['q'], variants: { 'skype-2007': 'violated' } };
  /** Everything holds but `p` without robust-client (the random engine says vacuous there: unknown). */
  const known: KnownCells = {
    random: (_suite, property, variant, runs) => ({
      engine: 'random',
      verdict: property === 'p' && !variant.includes(RC) ? 'vacuous' : 'holds',
      runs,
      ms: 1,
      counterexample: null,
    }),
    exhaustive: (_suite, _property, _variant, bound) => ({
      engine: 'exhaustive',
      verdict: 'holds',
      stoppedBy: 'complete',
      horizon: bound.horizon,
      states: 1,
      ms: 1,
      counterexample: null,
    }),
  };
  const bases: Base[] = ['skype-2007', 'skype-2010'];

  it('hears and returns the analyses suite by suite, then base by base, alone or together, and exits 1 on an unmet expectation', async () => {
    for (const acrossSuites of [false, true]) {
      const heard: string[] = [];
      const { analyses, code } = await runFixSets([alpha, beta], bases, { budget: 'test', among: [RC], known, acrossSuites }, (a) =>
        heard.push(`${a.suite}@${a.base}`),
      );
      expect(heard).toEqual(['alpha@skype-2007', 'alpha@skype-2010', 'beta@skype-2007', 'beta@skype-2010']);
      expect(analyses.map((a) => `${a.suite}@${a.base}`)).toEqual(heard);
      expect(analyses.map((a) => a.minimal)).toEqual([[[RC]], [[RC]], [[]], [[]]]);
      expect(analyses.every((a) => a.reused === 2 * (a.sets.length - a.skipped))).toBe(true);
      // beta expects skype-2007 violated; it holds.
      expect(code).toBe(1);
      expect(analyses[2]!.unmet).toEqual([{ variant: 'skype-2007', property: 'q', expected: 'violated', outcome: 'holds' }]);
      expect(
        analyses.every((a) => describeFixSetScope(a).exhaustive.includes('every suite on the base') === acrossSuites && a.scope.acrossSuites === acrossSuites),
      ).toBe(true);
    }
    const met = await runFixSets([alpha], bases, { budget: 'test', among: [RC], known, acrossSuites: true });
    expect(met.code).toBe(0);
    expect(met.analyses.map((a) => describeFixSetScope(a).exhaustive.includes('holds every property of the suite too'))).toEqual([true, true]);
  });

  it('computes a cell in this thread by default: a suite only this thread holds is searched', async () => {
    // A pool worker finds a suite by its id or file; 'alpha' is neither, so only this thread can run its cell.
    const searchKnown: KnownCells = { random: () => undefined, exhaustive: known.exhaustive };
    const { analyses } = await runFixSets([{ ...alpha, properties: ['no-cascade'] }], ['skype-2010'], {
      budget: 'test',
      among: [],
      runs: 2,
      known: searchKnown,
    });
    const check = analyses[0]!.sets[0]!.checks[0]!;
    expect(check.random).toMatchObject({ reused: false });
    expect(check.random!.runs).toBeGreaterThan(0);
    expect(analyses[0]!.reused).toBe(1);
  });

  it('asks nothing of a pool it does not need, and gives the same analyses on two workers', async () => {
    const one = await runFixSets([alpha, beta], ['skype-2010'], { budget: 'test', among: [RC, BJ], known, workers: 1 });
    const two = await runFixSets([alpha, beta], ['skype-2010'], { budget: 'test', among: [RC, BJ], known, workers: 2 });
    expect(two).toEqual(one);
  });
});
