/**
 * Population-scope cost (100,000 peers): `init` and `cloneState` times, `stepOwned` over the two outage
 * scenarios, and the immer reference `step` over a few ticks after each trigger, with the ratio.
 */
import { cloneState, describeEvent, init, SCENARIOS, scenarioEvents, step, stepOwned, type Event, type Model, type State } from '../../src/model/index.ts';
import { settle } from '../lib/memory.ts';
import type { Record } from '../lib/module.ts';
import { seconds, sum, timeOnce } from '../lib/timing.ts';
import { modelOf, VARIANTS } from './models.ts';

const SCENARIO_NAMES = ['outage-2007', 'outage-2010'] as const;
type ScenarioName = (typeof SCENARIO_NAMES)[number];
const INIT_RUNS = 2;
const CLONE_RUNS = 3;
/** The window: ticks just after the trigger, where immer runs (slowly) and stepOwned repeats for the ratio. */
const WINDOW_TICKS = 10;
/** Immer stops early in the window once it has run this long. */
const IMMER_SECONDS = 1.2;
/** stepOwned repeats the window until this much timed work (and at least twice). */
const WINDOW_SECONDS = 0.3;
/** Ticks past the trigger the warm-up run goes before the measured run. */
const WARMUP_TICKS = 5;

/** A scenario's events and where its trigger is. */
interface Script {
  events: Event[];
  trigger: number;
  window: Event[];
  where: string;
}

function script(model: Model, name: ScenarioName): Script {
  const events = scenarioEvents(SCENARIOS[name]!, model.config, 'population');
  const trigger = events.findIndex((e) => e.kind !== 'tick');
  const window = events.slice(trigger + 1, trigger + 1 + WINDOW_TICKS);
  return { events, trigger, window, where: `ticks right after the trigger (events ${trigger + 2}-${trigger + 1 + window.length})` };
}

/** Applies `events` in place, timing each; the per-event seconds, in order. */
function runTimed(state: State, model: Model, events: readonly Event[]): number[] {
  return events.map((event) => {
    const start = performance.now();
    stepOwned(state, model, event);
    return (performance.now() - start) / 1000;
  });
}

/** The state just after the scenario's trigger, built with stepOwned from `init`. */
function afterTrigger(model: Model, s: Script): State {
  const state = init(model);
  runTimed(state, model, s.events.slice(0, s.trigger + 1));
  return state;
}

/** Runs the scenario's first events and a few ticks past the trigger; returns the state just after the trigger. */
function warmUp(model: Model, s: Script, start: State): State {
  const warm = cloneState(start);
  runTimed(warm, model, s.events.slice(0, s.trigger + 1));
  const pivot = cloneState(warm);
  runTimed(warm, model, s.window.slice(0, WARMUP_TICKS));
  return pivot;
}

/** Mean seconds per window tick of stepOwned, each run on a fresh copy of `from`. */
function ownedWindow(model: Model, s: Script, from: State): number[] {
  const total = s.window.map(() => 0);
  let runs = 0;
  for (; runs < 2 || sum(total) < WINDOW_SECONDS; runs++) {
    runTimed(cloneState(from), model, s.window).forEach((t, i) => (total[i]! += t));
  }
  return total.map((t) => t / runs);
}

/** Mean milliseconds of `fn` over `runs` runs after one warm-up run; returns the last result. */
function meanMs<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let value = fn();
  let total = 0;
  for (let i = 0; i < runs; i++) {
    settle();
    const t = timeOnce(fn);
    total += t.seconds;
    value = t.value;
  }
  return { ms: (total * 1000) / runs, value };
}

/** Clean per-tick window times (seconds), by variant and scenario, for the ratios of phase 2. */
export type Windows = Map<string, number[]>;
const key = (variant: string, scenario: ScenarioName) => `${variant} ${scenario}`;

function measureScenario(record: Record, variant: string, model: Model, start: State, name: ScenarioName, windows: Windows): void {
  const s = script(model, name);
  const pivot = warmUp(model, s, start);
  settle();
  const times = runTimed(cloneState(start), model, s.events);
  const ticks = times.filter((_, i) => s.events[i]!.kind === 'tick');
  const slowest = Math.max(...ticks) * 1000;
  const trigger = `${describeEvent(s.events[s.trigger]!)} ${(times[s.trigger]! * 1000).toFixed(1)} ms`;
  const note = `${s.events.length} events = ${ticks.length} ticks + ${trigger}; slowest tick ${slowest.toFixed(1)} ms`;
  record({
    scope: 'population',
    variant,
    name: `${name} stepOwned`,
    value: ticks.length / sum(ticks),
    unit: 'ticks/s',
    count: ticks.length,
    seconds: sum(ticks),
    note,
  });
  record({
    scope: 'population',
    variant,
    name: `${name} stepOwned`,
    value: s.events.length / sum(times),
    unit: 'events/s',
    count: s.events.length,
    seconds: sum(times),
  });
  settle();
  windows.set(key(variant, name), ownedWindow(model, s, pivot));
}

/** Phase 1 (before immer has run in the process): init, cloneState and stepOwned over the scenarios. */
export function measurePopulationOwned(record: Record): Windows {
  const windows: Windows = new Map();
  for (const variant of VARIANTS) {
    const model = modelOf(variant, 'population');
    const built = meanMs(INIT_RUNS, () => init(model));
    record({ scope: 'population', variant, name: 'init', value: built.ms, unit: 'ms', count: INIT_RUNS, note: `mean of ${INIT_RUNS} after a warm-up call` });
    const cloned = meanMs(CLONE_RUNS, () => cloneState(built.value));
    record({
      scope: 'population',
      variant,
      name: 'cloneState',
      value: cloned.ms,
      unit: 'ms',
      count: CLONE_RUNS,
      note: `of the initial state, mean of ${CLONE_RUNS} after a warm-up call`,
    });
    for (const name of SCENARIO_NAMES) measureScenario(record, variant, model, built.value, name, windows);
  }
  return windows;
}

/** Phase 2: immer over (up to) the window, the ratio to the clean stepOwned, and stepOwned again after immer. */
export function measurePopulationImmer(record: Record, windows: Windows): void {
  for (const variant of VARIANTS) {
    const model = modelOf(variant, 'population');
    for (const name of SCENARIO_NAMES) {
      const s = script(model, name);
      const pivot = afterTrigger(model, s);
      settle();
      let state = cloneState(pivot);
      let n = 0;
      const started = performance.now();
      while (n < s.window.length && (n === 0 || seconds(started) < IMMER_SECONDS)) state = step(state, model, s.window[n++]!);
      const immerSeconds = seconds(started);
      state = pivot; // drops the immer states
      const clean = windows.get(key(variant, name))!;
      const ownedSeconds = sum(clean.slice(0, n));
      const where = `${n === s.window.length ? '' : `first ${n} of the `}${s.where}`;
      record({
        scope: 'population',
        variant,
        name: `${name} immer step, ${n} ticks`,
        value: n / immerSeconds,
        unit: 'ticks/s',
        count: n,
        seconds: immerSeconds,
        note: `${where}, run once`,
      });
      record({
        scope: 'population',
        variant,
        name: `${name} stepOwned, same ${n} ticks`,
        value: n / ownedSeconds,
        unit: 'ticks/s',
        count: n,
        seconds: ownedSeconds,
        note: 'measured before immer ran in this process',
      });
      record({ scope: 'population', variant, name: `${name} ratio owned / immer`, value: immerSeconds / ownedSeconds, unit: 'x' });
      settle();
      const again = sum(ownedWindow(model, s, pivot));
      const before = sum(clean);
      record({
        scope: 'population',
        variant,
        name: `${name} stepOwned, after immer`,
        value: s.window.length / again,
        unit: 'ticks/s',
        count: s.window.length,
        seconds: again,
        note: `${s.where}; x${(before / again).toFixed(2)} of the rate before immer ran in this process`,
      });
    }
  }
}
