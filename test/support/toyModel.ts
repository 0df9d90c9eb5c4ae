/**
 * A toy model for the engines, with counts known by hand (as Stateright tests its BFS on a toy
 * `LinearEquation`): three dials, each turned up by the adversary, `budget` turns in all, and only
 * while the clock is before `window`. A turn heats the system (heat 2); a tick cools it by one.
 *
 * Distinct states (the clock is not part of a state's identity): the start, and for u = 1..budget
 * turns, every way of sharing u turns among three dials (C(u + 2, 2)) at each heat 2, 1, 0:
 * 1 + 3 * sum over u of C(u + 2, 2). With budget 4: 1 + 3 * (3 + 6 + 10 + 15) = 103 states.
 *
 * Properties, each violated where a test needs it:
 * - `calm`: an invariant that always holds.
 * - `not-x2`, `not-y2`, `not-z2`: "dial x (y, z) is never at 2 with the others at 0": met only by
 *   sequences whose first turn is that dial's, so each swarm shard meets one alone, and on 2 or 3
 *   workers each is met by one worker alone (the level-1 states are dealt round-robin).
 * - `hot-for-long`: "heat is never above 0 for more than 2 states in a row", a window property with
 *   a memory (violated by three turns in a row, 3 events).
 * - `cools` (goal) and `cools-replayed` (replayed heal phase): within `heal` ticks after the
 *   adversary stops, the heat is 0 (holds when heal >= 2).
 */
import fc from 'fast-check';
import type { Judgement, RandomSubject, RunOutcome, SearchModel, SearchProperty, SearchSubject } from '../../src/engines/contract.ts';

export interface ToyState {
  tick: number;
  dials: [number, number, number];
  used: number;
  heat: number;
}

export type ToyEvent = { kind: 'tick' } | { kind: 'turn'; dial: 0 | 1 | 2 };

export interface ToyConfig {
  budget: number;
  window: number;
  heal: number;
}

export type ToyPropertyId = 'calm' | 'not-x2' | 'not-y2' | 'not-z2' | 'hot-for-long' | 'cools' | 'cools-replayed';

const TICK: ToyEvent = { kind: 'tick' };
const TURNS: readonly ToyEvent[] = [0, 1, 2].map((dial) => ({ kind: 'turn', dial }) as ToyEvent);

/** The hand count of distinct states for a budget (see the file's comment). */
export function toyStateCount(budget: number): number {
  let sum = 0;
  for (let u = 1; u <= budget; u++) sum += ((u + 2) * (u + 1)) / 2;
  return 1 + 3 * sum;
}

function init(): ToyState {
  return { tick: 0, dials: [0, 0, 0], used: 0, heat: 0 };
}

function canTurn(s: ToyState, c: ToyConfig): boolean {
  return s.used < c.budget && s.tick < c.window;
}

/** Applies an event in place; false when it does not apply. */
function apply(s: ToyState, c: ToyConfig, e: ToyEvent): boolean {
  if (e.kind === 'tick') {
    s.tick++;
    if (s.heat > 0) s.heat--;
    return true;
  }
  if (!canTurn(s, c)) return false;
  s.dials[e.dial]++;
  s.used++;
  s.heat = 2;
  return true;
}

export function toyModel(c: ToyConfig): SearchModel<ToyState, ToyEvent> {
  return {
    init,
    enabled: (s) => (canTurn(s, c) ? [TICK, ...TURNS] : [TICK]),
    isTick: (e) => e.kind === 'tick',
    tick: TICK,
    step: (s, e) => apply(s, c, e),
    tickOf: (s) => s.tick,
    adversaryMayAct: (s) => canTurn(s, c),
    code: (e) => (e.kind === 'tick' ? 0 : (e.dial + 1) * 0x100000),
    event: (code) => (code === 0 ? TICK : TURNS[code / 0x100000 - 1]!),
    encodedLength: 6,
    encode: (s, out) => {
      out[0] = s.tick;
      out[1] = s.dials[0];
      out[2] = s.dials[1];
      out[3] = s.dials[2];
      out[4] = s.used;
      out[5] = s.heat;
      return 6;
    },
    decode: (v, from, into) => {
      into.tick = v[from]!;
      into.dials = [v[from + 1]!, v[from + 2]!, v[from + 3]!];
      into.used = v[from + 4]!;
      into.heat = v[from + 5]!;
    },
  };
}

/** Whether a state violates an invariant, given the run's memory (heat above 0 this many states in a row). */
function broken(id: ToyPropertyId, s: ToyState, memory: number): boolean {
  const [x, y, z] = s.dials;
  switch (id) {
    case 'not-x2':
      return x === 2 && y === 0 && z === 0;
    case 'not-y2':
      return x === 0 && y === 2 && z === 0;
    case 'not-z2':
      return x === 0 && y === 0 && z === 2;
    case 'hot-for-long':
      return memory > 2;
    default:
      return false;
  }
}

const INVARIANTS: readonly ToyPropertyId[] = ['calm', 'not-x2', 'not-y2', 'not-z2', 'hot-for-long'];

/** A property's whole judgement of a run: the safety events, then `heal` ticks. */
export function toyRun(c: ToyConfig, id: ToyPropertyId, events: readonly ToyEvent[]): RunOutcome {
  const s = init();
  const applied: number[] = [];
  let memory = 0;
  const invariant = INVARIANTS.includes(id);
  const judge = (step: number): Judgement | null => {
    memory = s.heat > 0 ? Math.min(memory + 1, 3) : 0;
    return invariant && broken(id, s, memory) ? { step, message: `${id} broken at dials ${s.dials.join(',')}, heat ${s.heat}` } : null;
  };
  for (let i = 0; i < events.length; i++) {
    if (apply(s, c, events[i]!)) applied.push(i);
    const v = judge(i);
    if (v) return { violation: v, triggered: true, applied, healTicks: 0 };
  }
  for (let h = 0; h < c.heal; h++) {
    apply(s, c, TICK);
    if (invariant) {
      const v = judge(events.length + h);
      if (v) return { violation: v, triggered: true, applied, healTicks: h + 1 };
    } else if (s.heat === 0) return { violation: null, triggered: true, applied, healTicks: h + 1 };
  }
  const last = events.length + c.heal - 1;
  return {
    violation: invariant || s.heat === 0 ? null : { step: last, message: `still hot after ${c.heal} ticks` },
    triggered: true,
    applied,
    healTicks: c.heal,
  };
}

export function toyProperty(c: ToyConfig, id: ToyPropertyId): SearchProperty<ToyState, ToyEvent> {
  const invariant = INVARIANTS.includes(id);
  return {
    kind: invariant ? 'always' : id === 'cools' ? 'goal' : 'replay',
    healTicks: c.heal,
    violates: (s, memory) => broken(id, s, memory),
    history: id === 'hot-for-long' ? { initial: 0, next: (previous, s) => (s.heat > 0 ? Math.min(previous + 1, 3) : 0) } : null,
    goal: (s) => s.heat === 0,
    healFails: (s) => {
      const h = { ...s, dials: [...s.dials] as ToyState['dials'] };
      for (let t = 0; t <= c.heal; t++) {
        if (h.heat === 0) return false;
        if (t < c.heal) apply(h, c, TICK);
      }
      return true;
    },
    judge: (events) => toyRun(c, id, events).violation,
  };
}

/** The subject of a search (what the pool's workers build from `{ config, property }`, see `searchSubjectOf`). */
export function toySubject(c: ToyConfig, id: ToyPropertyId): SearchSubject<ToyState, ToyEvent> {
  return { model: toyModel(c), property: toyProperty(c, id) };
}

/** For the pool's workers: `{ module: import.meta.url of this file, subject: { config, property } }`. */
export function searchSubjectOf(spec: { config: ToyConfig; property: ToyPropertyId }): SearchSubject<ToyState, ToyEvent> {
  return toySubject(spec.config, spec.property);
}

/** The toy for the random engine: one adversary kind, `turn`, of three dials. */
export function toyRandomSubject(c: ToyConfig, id: ToyPropertyId): RandomSubject<ToyEvent> {
  return {
    kinds: ['turn'],
    eventOf: () => fc.constantFrom(...TURNS),
    tick: TICK,
    isTick: (e) => e.kind === 'tick',
    kindOf: (e) => e.kind,
    run: (events) => toyRun(c, id, events),
    invariant: INVARIANTS.includes(id),
  };
}
