/**
 * Population-scope cost (100,000 peers): `init` and `cloneState` times, `stepOwned` over the two outage
 * scenarios, and the immer reference `step` over a few ticks after each trigger, with the ratio.
 */
import { cloneState, describeEvent, init, SCENARIOS, scenarioEvents, step, stepOwned, type Event, type Model, type State } from '../../src/model/index.ts';
import { settle } from '../lib/memory.ts';
import type { Record } from '../lib/module.ts';
import { repeatTimed, timeOnce, type Sample } from '../lib/timing.ts';
import { modelOf, VARIANTS } from './models.ts';

const SCENARIO_NAMES = ['outage-2007', 'outage-2010'] as const;
const INIT_RUNS = 2;
const CLONE_RUNS = 3;
/** Ticks after the trigger the (slow) immer step runs; stepOwned repeats the same window for the ratio. */
const IMMER_TICKS = 10;
/** Ticks past the trigger the warm-up run goes before the measured run. */
const WARMUP_TICKS = 5;
const WINDOW_SECONDS = 0.3;

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

/** Applies `events` in place, timing each; the per-event seconds, in order. */
function runTimed(state: State, model: Model, events: readonly Event[]): number[] {
  return events.map((event) => {
    const start = performance.now();
    stepOwned(state, model, event);
    return (performance.now() - start) / 1000;
  });
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function measureScenario(record: Record, variant: string, model: Model, start: State, scenario: (typeof SCENARIO_NAMES)[number]): void {
  const events = scenarioEvents(SCENARIOS[scenario]!, model.config, 'population');
  const trigger = events.findIndex((e) => e.kind !== 'tick');
  const window = events.slice(trigger + 1, trigger + 1 + IMMER_TICKS);

  // Warm-up (and the state just after the trigger, where the immer window starts).
  const warm = cloneState(start);
  runTimed(warm, model, events.slice(0, trigger + 1));
  const afterTrigger = cloneState(warm);
  runTimed(warm, model, events.slice(trigger + 1, trigger + 1 + WARMUP_TICKS));

  settle();
  const times = runTimed(cloneState(start), model, events);
  const tickTimes = times.filter((_, i) => events[i]!.kind === 'tick');
  const slowest = Math.max(...tickTimes) * 1000;
  const note = `${events.length} events: ${tickTimes.length} ticks + ${describeEvent(events[trigger]!)} (${(times[trigger]! * 1000).toFixed(1)} ms); slowest tick ${slowest.toFixed(1)} ms`;
  record({ scope: 'population', variant, name: `${scenario} stepOwned`, value: tickTimes.length / sum(tickTimes), unit: 'ticks/s', count: tickTimes.length, seconds: sum(tickTimes), note });
  record({ scope: 'population', variant, name: `${scenario} stepOwned`, value: events.length / sum(times), unit: 'events/s', count: events.length, seconds: sum(times) });

  settle();
  let state = cloneState(afterTrigger);
  const immer = timeOnce(() => {
    for (const event of window) state = step(state, model, event);
  });
  state = afterTrigger; // drop the immer states
  const owned = repeatTimed(WINDOW_SECONDS, 2, (): Sample => {
    const copy = cloneState(afterTrigger);
    return { count: window.length, seconds: sum(runTimed(copy, model, window)) };
  });
  const immerRate = window.length / immer.seconds;
  const ownedRate = owned.count / owned.seconds;
  const where = `ticks ${trigger + 2}-${trigger + 1 + window.length} of the scenario (just after the trigger)`;
  record({ scope: 'population', variant, name: `${scenario} immer step, ${window.length} ticks`, value: immerRate, unit: 'ticks/s', count: window.length, seconds: immer.seconds, note: `${where}, run once` });
  record({ scope: 'population', variant, name: `${scenario} stepOwned, same ${window.length} ticks`, value: ownedRate, unit: 'ticks/s', count: owned.count, seconds: owned.seconds, note: where });
  record({ scope: 'population', variant, name: `${scenario} ratio owned / immer`, value: ownedRate / immerRate, unit: 'x' });
}

export function measurePopulation(record: Record): void {
  for (const variant of VARIANTS) {
    const model = modelOf(variant, 'population');
    const built = meanMs(INIT_RUNS, () => init(model));
    const start = built.value;
    record({ scope: 'population', variant, name: 'init', value: built.ms, unit: 'ms', count: INIT_RUNS, note: `mean of ${INIT_RUNS} after a warm-up call` });
    const cloned = meanMs(CLONE_RUNS, () => cloneState(start));
    record({ scope: 'population', variant, name: 'cloneState', value: cloned.ms, unit: 'ms', count: CLONE_RUNS, note: `mean of ${CLONE_RUNS} after a warm-up call, of the initial state` });
    for (const scenario of SCENARIO_NAMES) measureScenario(record, variant, model, start, scenario);
  }
}
