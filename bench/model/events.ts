/**
 * The cost of one single-peer event at both scopes: a fault or user action that touches one peer
 * should cost about the same at 11 peers as at 100,000, and this shows whether it does.
 */
import { cloneState, defaultConfig, init, stepOwned, variant, type Event, type Model, type Scale, type State } from '../../src/model/index.ts';
import type { Record } from '../lib/module.ts';

const VARIANT = 'skype-2010';
/** Events of each kind timed at population scope, each on another peer of one state. */
const POPULATION_EVENTS = 20;
/** At small scope, batches of fresh copies until this much timed work. */
const SMALL_SECONDS = 0.1;
const SMALL_BATCH = 1_000;

/** A model whose budgets never run out, so that every event of a batch applies. */
function unbudgeted(scale: Scale): Model {
  return { config: { ...defaultConfig(scale), faultBudget: 1e9, churnBudget: 1e9 }, protocol: variant(VARIANT) };
}

/** The event kinds, each on the i-th ordinary online client at `init` (the i-th offline peer for goOnline). */
function kinds(model: Model): { name: string; event: (i: number) => Event }[] {
  const { peers, supernodes, offlineAtStart } = model.config;
  const online = (i: number) => supernodes + ((peers - offlineAtStart - supernodes) >> 1) + i;
  const offline = (i: number) => peers - offlineAtStart + i;
  return [
    { name: 'crash (ordinary client)', event: (i) => ({ kind: 'crash', peer: online(i) }) },
    { name: 'reboot (ordinary client)', event: (i) => ({ kind: 'reboot', peer: online(i) }) },
    { name: 'goOffline (ordinary client)', event: (i) => ({ kind: 'goOffline', peer: online(i) }) },
    { name: 'goOnline (offline peer)', event: (i) => ({ kind: 'goOnline', peer: offline(i) }) },
  ];
}

/** Mean microseconds at population scope: event(0), event(1), ... on one copy (each on another peer). */
function populationMicros(model: Model, start: State, event: (i: number) => Event): number {
  const state = cloneState(start);
  const t = performance.now();
  for (let i = 0; i < POPULATION_EVENTS; i++) stepOwned(state, model, event(i));
  return ((performance.now() - t) * 1000) / POPULATION_EVENTS;
}

/** Mean microseconds at small scope: event(0) on fresh copies made beforehand (untimed), after a warm-up batch. */
function smallMicros(model: Model, start: State, event: (i: number) => Event): number {
  const e = event(0);
  let seconds = 0;
  let count = 0;
  for (let batch = 0; batch < 2 || seconds < SMALL_SECONDS; batch++) {
    const copies = Array.from({ length: SMALL_BATCH }, () => cloneState(start));
    const t = performance.now();
    for (const state of copies) stepOwned(state, model, e);
    if (batch === 0) continue;
    seconds += (performance.now() - t) / 1000;
    count += SMALL_BATCH;
  }
  return (seconds / count) * 1e6;
}

export function measureEvents(record: Record): void {
  for (const scale of ['small', 'population'] as const) {
    const model = unbudgeted(scale);
    const start = init(model);
    for (const kind of kinds(model)) {
      const us = scale === 'population' ? populationMicros(model, start, kind.event) : smallMicros(model, start, kind.event);
      const how = scale === 'population' ? `mean of ${POPULATION_EVENTS}, each on another peer of one copy` : 'mean over fresh copies made untimed';
      record({ scope: scale, variant: VARIANT, name: kind.name, value: us, unit: 'µs', note: `stepOwned on the initial state; ${how}` });
    }
  }
}
