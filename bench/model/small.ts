/**
 * Small-scope step throughput: the immer reference `step`, `stepOwned` in place, and `cloneState` then
 * `stepOwned` (the exhaustive explorer's copy-then-step), over one shared deterministic event stream.
 */
import { cloneState, init, step, stepOwned, type Event, type Model, type State } from '../../src/model/index.ts';
import type { Record } from '../lib/module.ts';
import { runFor, type Sample } from '../lib/timing.ts';
import { modelOf, VARIANTS } from './models.ts';
import { eventStream } from './stream.ts';

const STREAM = { seed: 20070816, segments: 64, length: 100, tickPercent: 70 };
const WARMUP_SECONDS = 0.2;
const MEASURE_SECONDS = 1;
/** Segments per chunk between clock reads. */
const CHUNK = 10;

/** Replays one segment from `start`; returns a value derived from the final state (kept, so no work is elided). */
type Replay = (start: State, model: Model, events: readonly Event[]) => number;

const immer: Replay = (start, model, events) => {
  let state = start;
  for (const event of events) state = step(state, model, event);
  return state.rng;
};

/** In place on a copy of the segment's start (one copy per segment: 1 per 100 events). */
const owned: Replay = (start, model, events) => {
  const state = cloneState(start);
  for (const event of events) stepOwned(state, model, event);
  return state.rng;
};

const cloneThenOwned: Replay = (start, model, events) => {
  let state = start;
  for (const event of events) {
    const next = cloneState(state);
    stepOwned(next, model, event);
    state = next;
  }
  return state.rng;
};

const MODES = [
  { name: 'step (immer produce)', replay: immer },
  { name: 'stepOwned', replay: owned, note: 'incl. one cloneState per 100-event segment' },
  { name: 'cloneState + stepOwned', replay: cloneThenOwned },
] as const;

let sink = 0;

function measure(model: Model, segments: Event[][], replay: Replay, budget: number): Sample {
  const start = init(model); // each mode its own start: immer may freeze what it shares
  let next = 0;
  return runFor(budget, () => {
    let count = 0;
    for (let k = 0; k < CHUNK; k++) {
      const events = segments[next++ % segments.length]!;
      sink ^= replay(start, model, events);
      count += events.length;
    }
    return count;
  });
}

export function measureSmall(record: Record): void {
  for (const name of VARIANTS) {
    const model = modelOf(name, 'small');
    const segments = eventStream(model, STREAM);
    const rates: number[] = [];
    for (const mode of MODES) {
      measure(model, segments, mode.replay, WARMUP_SECONDS);
      const s = measure(model, segments, mode.replay, MEASURE_SECONDS);
      rates.push(s.count / s.seconds);
      const note = ['note' in mode ? mode.note : '', `${STREAM.segments}x${STREAM.length} events, ${STREAM.tickPercent}% ticks`].filter(Boolean).join('; ');
      record({ scope: 'small', variant: name, name: mode.name, value: s.count / s.seconds, unit: 'events/s', count: s.count, seconds: s.seconds, note });
    }
    record({ scope: 'small', variant: name, name: 'ratio stepOwned / immer', value: rates[1]! / rates[0]!, unit: 'x' });
    record({ scope: 'small', variant: name, name: 'ratio clone+stepOwned / immer', value: rates[2]! / rates[0]!, unit: 'x' });
  }
  if (sink === 0.5) console.log(sink); // never true; keeps `sink` observable
}
