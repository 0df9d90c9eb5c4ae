/**
 * Small-scope step throughput over one shared deterministic event stream: the immer reference `step`,
 * `stepOwned` in place, and `cloneState` then `stepOwned` (the exhaustive explorer's copy-then-step).
 */
import { cloneState, init, step, stepOwned, type Event, type Model, type State } from '../../src/model/index.ts';
import type { Record } from '../lib/module.ts';
import { rounds, runFor, spread, type Rounds } from '../lib/timing.ts';
import { modelOf, VARIANTS } from './models.ts';
import { eventStream } from './stream.ts';

const STREAM = { seed: 20070816, segments: 64, length: 100, tickPercent: 70 };
/** Warm-up of every variant before a phase (the JIT takes about a second to settle), then per measurement. */
const PHASE_WARMUP_SECONDS = 0.3;
const WARMUP_SECONDS = 0.15;
const ROUNDS = 5;
const ROUND_SECONDS = 0.2;
/** Segments per chunk between clock reads. */
const CHUNK = 10;

/** Replays one segment from `start`; returns a value of the final state (consumed, so no work is elided). */
type Replay = (start: State, model: Model, events: readonly Event[]) => number;

const immer: Replay = (start, model, events) => {
  let state = start;
  for (const event of events) state = step(state, model, event);
  return state.rng;
};

/** In place, on a copy of the segment's start (one copy per segment). */
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

/** Events/s per variant of the owned paths, measured before immer ever ran in the process. */
export interface OwnedRates {
  owned: number;
  cloneOwned: number;
}

let sink = 0;
const streams = new Map<string, Event[][]>();

/** A chunk of `replay` over the variant's stream: CHUNK segments, returning the events done. */
function replayer(variant: string, replay: Replay): () => number {
  const model = modelOf(variant, 'small');
  let segments = streams.get(variant);
  if (!segments) streams.set(variant, (segments = eventStream(model, STREAM)));
  const start = init(model); // a start of its own: immer may freeze what it shares with its result
  let next = 0;
  return () => {
    let count = 0;
    for (let k = 0; k < CHUNK; k++) {
      const events = segments[next++ % segments.length]!;
      sink ^= replay(start, model, events);
      count += events.length;
    }
    return count;
  };
}

function warmUp(replays: readonly Replay[]): void {
  for (const replay of replays) for (const variant of VARIANTS) runFor(PHASE_WARMUP_SECONDS, replayer(variant, replay));
}

/** Events/s of `replay` over the variant's stream: the median of a few rounds after a warm-up. */
function rate(variant: string, replay: Replay): Rounds {
  const chunk = replayer(variant, replay);
  runFor(WARMUP_SECONDS, chunk);
  return rounds(ROUNDS, ROUND_SECONDS, chunk);
}

function note(r: Rounds, extra = ''): string {
  return `${STREAM.segments}x${STREAM.length} events from init, ${STREAM.tickPercent}% ticks; median of ${ROUNDS} rounds, ${spread(r)}${extra}`;
}

/** Phase 1 (before immer has run in the process): the owned paths. */
export function measureSmallOwned(record: Record): Map<string, OwnedRates> {
  warmUp([owned, cloneThenOwned]);
  const rates = new Map<string, OwnedRates>();
  for (const variant of VARIANTS) {
    const o = rate(variant, owned);
    record({
      scope: 'small',
      variant,
      name: 'stepOwned',
      value: o.median,
      unit: 'events/s',
      count: o.count,
      seconds: o.seconds,
      note: note(o, '; one cloneState per segment'),
    });
    const c = rate(variant, cloneThenOwned);
    record({ scope: 'small', variant, name: 'cloneState + stepOwned', value: c.median, unit: 'events/s', count: c.count, seconds: c.seconds, note: note(c) });
    rates.set(variant, { owned: o.median, cloneOwned: c.median });
  }
  return rates;
}

/** Phase 2: the immer reference step and the ratios; then stepOwned again, to show what immer's run did to it. */
export function measureSmallImmer(record: Record, clean: Map<string, OwnedRates>): void {
  warmUp([immer]);
  for (const variant of VARIANTS) {
    const i = rate(variant, immer);
    const base = clean.get(variant)!;
    record({ scope: 'small', variant, name: 'step (immer produce)', value: i.median, unit: 'events/s', count: i.count, seconds: i.seconds, note: note(i) });
    record({ scope: 'small', variant, name: 'ratio stepOwned / immer', value: base.owned / i.median, unit: 'x' });
    record({ scope: 'small', variant, name: 'ratio clone+stepOwned / immer', value: base.cloneOwned / i.median, unit: 'x' });
  }
  for (const variant of VARIANTS) {
    const again = rate(variant, owned);
    const before = clean.get(variant)!.owned;
    const extra = `; x${(again.median / before).toFixed(2)} of the same figure before immer ran in this process`;
    record({
      scope: 'small',
      variant,
      name: 'stepOwned, after immer ran',
      value: again.median,
      unit: 'events/s',
      count: again.count,
      seconds: again.seconds,
      note: note(again, extra),
    });
  }
  if (sink === 0.5) console.error(sink); // never true; keeps `sink` observable
}
