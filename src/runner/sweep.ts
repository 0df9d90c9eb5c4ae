/**
 * Sweeps: one parameter from A to B, the outcome at each value over seeds, and with bisection the
 * tipping point (the first value at which the outcome flips) to the parameter's precision. The
 * outcome of a scripted scenario is a collapse (fewer than half the clients that want to be online
 * are online, on average, over the second half of its heal phase); of a suite's property, a
 * violation found by the random engine. Bisection assumes one flip between A and B per seed and
 * says so when the ends agree.
 */
import { propertyOf, type Suite } from '../../properties/index.ts';
import { searchRandom } from '../search/random.ts';
import { summarizeScenario } from '../search/scenarioSummary.ts';
import { defaultConfig, parseVariant, smallConfig, type Config, type Scale } from '../model/index.ts';
import { Refusal } from '../io/refusal.ts';
import { CELL_TASKS, runSteps, runStepsAsync, type Steps, type SweepPointTaskInput } from './cellTasks.ts';
import { suiteOf } from './pairSpec.ts';
import { withPool } from '../parallel/pool.ts';
import { pairModel } from './checkPair.ts';
import { applyOverrides, describeOverrides, type Overrides } from './overrides.ts';
import type { SweepPoint, SweepResult } from '../results/sweep.ts';

export type SweepTarget = { kind: 'scenario'; scenario: string; scale: Scale } | { kind: 'property'; suite: Suite; property: string; runs?: number };

export interface SweepSpec {
  param: keyof Config;
  from: number;
  to: number;
  /** Evenly spaced values (`steps` of them, ends included), or bisection to the tipping point. */
  mode: { kind: 'steps'; steps: number } | { kind: 'bisect' };
  target: SweepTarget;
  variant: string;
  /** Seeds 1..seeds: the protocol PRNG seed of a scenario, the fast-check seed of a property. */
  seeds: number;
  overrides: Overrides;
}

export type { SweepPoint, SweepResult } from '../results/sweep.ts';

const NUMERIC = (Object.keys(smallConfig) as (keyof Config)[]).filter((k) => typeof smallConfig[k] === 'number');

/** Checks a sweep before it runs: a numeric parameter, ends that give valid configs, a known variant. */
export function checkSweep(spec: SweepSpec): void {
  if (spec.param === 'seed') throw new Refusal('--param seed: the seed is what --seeds varies; sweep another parameter');
  if (!(NUMERIC as string[]).includes(spec.param))
    throw new Refusal(`--param: '${String(spec.param).slice(0, 80)}' is not a numeric parameter: choose ${NUMERIC.filter((k) => k !== 'seed').join(', ')}`);
  if (spec.from >= spec.to) throw new Refusal(`--from ${spec.from} must be below --to ${spec.to}`);
  const variant = parseVariant(spec.variant);
  if (!variant.ok) throw new Refusal(variant.error);
  // The other parameters first, so that a problem with them is named as theirs.
  if (spec.target.kind === 'scenario') applyOverrides(defaultConfig(spec.target.scale), spec.overrides, spec.target.scale, `the ${spec.target.scale} scale`);
  else pairModel({ suite: spec.target.suite, variant: spec.variant }, spec.overrides, false);
  for (const [flag, value] of [
    ['--from', spec.from],
    ['--to', spec.to],
  ] as const) {
    try {
      configAt(spec, value, 1);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      throw new Refusal(`${flag} ${value}: ${spec.param} = ${value} is not a valid parameter here: ${error.message.replace(/^.*?config[.:]/, 'config.')}`);
    }
  }
}

function configAt(spec: SweepSpec, value: number, seed: number): Config {
  const at = { ...spec.overrides, [spec.param]: value };
  if (spec.target.kind === 'scenario')
    return applyOverrides(defaultConfig(spec.target.scale), { ...at, seed }, spec.target.scale, `the ${spec.target.scale} scale`);
  return pairModel({ suite: spec.target.suite, variant: spec.variant }, at, false).config;
}

/** The outcome at one value and seed. */
export function evaluate(spec: SweepSpec, value: number, seed: number): SweepPoint {
  const config = configAt(spec, value, seed);
  const protocol = parseVariant(spec.variant);
  if (!protocol.ok) throw new Refusal(protocol.error);
  const t = spec.target;
  if (t.kind === 'scenario') {
    const s = summarizeScenario({ config, protocol: protocol.value }, t.scenario, t.scale);
    return { value, seed, outcome: s.lateOnlineShare < 0.5, measure: Math.round(s.lateOnlineShare * 1000) / 1000 };
  }
  const r = searchRandom({ config, protocol: protocol.value }, propertyOf(t.suite, t.property)!, t.suite.bounds, {
    runs: t.runs ?? t.suite.budget.test,
    seed,
    maxEvents: t.suite.maxEvents,
    kinds: t.suite.kinds,
  });
  return { value, seed, outcome: r.verdict === 'violated', measure: r.verdict === 'violated' ? 1 : 0 };
}

/** Runs a sweep in this thread; `onPoint` is told of every evaluation (for progress). */
export function sweep(spec: SweepSpec, onPoint: (point: SweepPoint, done: number) => void = () => {}): SweepResult {
  checkSweep(spec);
  let done = 0;
  return runSteps(sweepSteps(spec), ({ value, seed }) => {
    const p = evaluate(spec, value, seed);
    onPoint(p, ++done);
    return p;
  });
}

/**
 * Runs a sweep on `workers` threads (1: in this thread, no pool): the points of a step sweep all at
 * once, a bisection's seeds in lock step (each seed's next value depends on its last outcome). The
 * result is the one `sweep` gives, for any number of workers.
 */
export async function runSweep(spec: SweepSpec, workers: number, onPoint: (point: SweepPoint, done: number) => void = () => {}): Promise<SweepResult> {
  checkSweep(spec);
  return withPool(workers, async (pool) => {
    if (!pool) return sweep(spec, onPoint);
    const data = sweepSpecData(spec);
    let done = 0;
    return runStepsAsync(sweepSteps(spec), async ({ value, seed }) => {
      const p = await pool.run<SweepPoint>(CELL_TASKS.sweepPoint, { spec: data, value, seed } satisfies SweepPointTaskInput);
      onPoint(p, ++done);
      return p;
    });
  });
}

/** One point of a sweep to evaluate. */
export interface SweepCell {
  value: number;
  seed: number;
}

/**
 * A sweep as batches of points (see `Steps`): a step sweep asks for every (value, seed) at once; a
 * bisection asks, round by round, for the next value of every seed still bisecting (both ends
 * first). A point asked twice is answered from the first answer. `seeds` (default 1..spec.seeds)
 * limits it to some seeds, as a shard does.
 */
export function* sweepSteps(
  spec: SweepSpec,
  seeds: readonly number[] = Array.from({ length: spec.seeds }, (_, i) => i + 1),
): Steps<SweepCell, SweepPoint, SweepResult> {
  const known = new Map<string, SweepPoint>();
  const points: SweepPoint[] = [];
  function* ask(cells: SweepCell[]): Generator<SweepCell[], SweepPoint[], SweepPoint[]> {
    const fresh = cells.filter((c, i) => !known.has(`${c.value}/${c.seed}`) && cells.findIndex((d) => d.value === c.value && d.seed === c.seed) === i);
    const answers = fresh.length === 0 ? [] : yield fresh;
    fresh.forEach((c, i) => {
      known.set(`${c.value}/${c.seed}`, answers[i]!);
      points.push(answers[i]!);
    });
    return cells.map((c) => known.get(`${c.value}/${c.seed}`)!);
  }
  let tipping: SweepResult['tipping'] = null;
  if (spec.mode.kind === 'steps') {
    yield* ask(stepValues(spec.from, spec.to, spec.mode.steps).flatMap((value) => seeds.map((seed) => ({ value, seed }))));
  } else {
    const ends = yield* ask(
      seeds.flatMap((seed) => [
        { value: spec.from, seed },
        { value: spec.to, seed },
      ]),
    );
    const state = seeds.map((seed, i) => ({
      seed,
      low: ends[2 * i]!.outcome,
      lo: spec.from,
      hi: spec.to,
      flips: ends[2 * i + 1]!.outcome !== ends[2 * i]!.outcome,
    }));
    for (;;) {
      const open = state.filter((s) => s.flips && s.hi - s.lo > 1);
      if (open.length === 0) break;
      const mids = open.map((s) => ({ value: Math.floor((s.lo + s.hi) / 2), seed: s.seed }));
      const answers = yield* ask(mids);
      open.forEach((s, i) => (answers[i]!.outcome === s.low ? (s.lo = mids[i]!.value) : (s.hi = mids[i]!.value)));
    }
    const perSeed = state.map((s) => (s.flips ? s.hi : null));
    const found = perSeed.filter((v): v is number => v !== null).sort((a, b) => a - b);
    tipping = {
      perSeed,
      median: found.length === 0 ? null : found[Math.floor((found.length - 1) / 2)]!,
      min: found[0] ?? null,
      max: found.at(-1) ?? null,
      precision: 1,
    };
  }
  points.sort((a, b) => a.value - b.value || a.seed - b.seed);
  const t = spec.target;
  return {
    param: spec.param,
    from: spec.from,
    to: spec.to,
    mode: spec.mode.kind,
    target: t.kind === 'scenario' ? `${t.scenario} (${t.scale} scale)` : `${t.suite.id} / ${t.property}`,
    variant: spec.variant,
    seeds: spec.seeds,
    overrides: describeOverrides(spec.overrides),
    config: configAt(spec, spec.from, 1),
    outcomeName: t.kind === 'scenario' ? 'collapsed (under half the wanting clients online, on average, over the late heal phase)' : 'violated (random engine)',
    measureName: t.kind === 'scenario' ? 'late online share' : 'violated (1) or not (0)',
    points,
    tipping,
  };
}

/** A sweep spec as plain data (its suite by id or file), to cross into a worker or a shard file. */
export type SweepSpecData = Omit<SweepSpec, 'target'> & {
  target:
    | { kind: 'scenario'; scenario: string; scale: Scale }
    | { kind: 'property'; suite: { suite: string; suiteFile?: string }; property: string; runs?: number };
};

export function sweepSpecData(spec: SweepSpec): SweepSpecData {
  const t = spec.target;
  if (t.kind === 'scenario') return { ...spec, target: { ...t } };
  const suite = { suite: t.suite.id, ...(t.suite.file === undefined ? {} : { suiteFile: t.suite.file }) };
  return { ...spec, target: { kind: 'property', suite, property: t.property, ...(t.runs === undefined ? {} : { runs: t.runs }) } };
}

/** The spec plain data describes, its suite loaded (once per thread). */
export async function sweepSpecOf(data: SweepSpecData): Promise<SweepSpec> {
  const t = data.target;
  if (t.kind === 'scenario') return { ...data, target: t };
  return { ...data, target: { kind: 'property', suite: await suiteOf(t.suite), property: t.property, ...(t.runs === undefined ? {} : { runs: t.runs }) } };
}

/** `steps` integer values from `from` to `to`, ends included, without repeats. */
export function stepValues(from: number, to: number, steps: number): number[] {
  if (steps <= 1) return [from];
  return [...new Set(Array.from({ length: steps }, (_, i) => Math.round(from + ((to - from) * i) / (steps - 1))))];
}
