/**
 * The exhaustive engine against the exact reference (test/support/reference.ts), which shares none of
 * its parts: on a small scope of every suite, and on a suite file's window property, the engine must
 * reach exactly the reference's set of (state, earliest tick) pairs — the same distinct states, each
 * first at the same tick — and the same latest tick, verdict and shortest length, in one thread, on
 * 2 and 3 workers, and as 3 swarm shards taken together.
 *
 * Not compared: transitions. The engine counts the events it applied, re-expansions of a state met
 * again earlier included, and how often that happens depends on the order states are met in (its
 * deterministic tails run ahead of their level); the reference meets every state in level order.
 * Where the engine's verdict is `violated` it stops at the violation's level with tails followed
 * past it, so its states are compared only when both hold; verdict and shortest length always are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyOf, SUITES, suiteModel, type Suite } from '../../../properties/index.ts';
import { searchExhaustive, type ExhaustiveResult } from '../../../src/search/exhaustive.ts';
import { searchExhaustiveOnPool } from '../../../src/search/parallel.ts';
import type { Model } from '../../../src/model/index.ts';
import { Pool } from '../../../src/parallel/pool.ts';
import { pairSpec } from '../../../src/runner/pairSpec.ts';
import { exhaustiveSearchRef } from '../../../src/runner/workerTasks.ts';
import type { Bounds, Property } from '../../../src/propertyLanguage/index.ts';
import { loadSuiteFile } from '../../../src/runner/suites.ts';
import type { Overrides } from '../../../src/runner/overrides.ts';
import { earliestOfKept, referenceSearch, type ReferenceResult } from '../../support/reference.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-reference-'));
const pools: Record<number, Pool> = {};
beforeAll(() => {
  pools[2] = new Pool(2);
  pools[3] = new Pool(3);
});
afterAll(async () => {
  await Promise.all(Object.values(pools).map((p) => p.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** A reviewer's suite file with a window property (a memory in the state): more than half offline for more than 2 ticks. */
const WINDOW_SUITE = `export default ({ defineSuite, defineProperty, metrics }) =>
  defineSuite({
    id: 'half-offline',
    title: 'more than half the clients are never offline for more than 2 ticks in a row',
    kinds: ['crash', 'reboot', 'goOffline', 'goOnline'],
    config: { faultBudget: 1, churnBudget: 1 },
    properties: [
      defineProperty({
        id: 'half-offline-briefly',
        summary: 'at most half the clients that want to be online are offline, or for at most 2 ticks in a row',
        never: (state) => {
          const m = metrics(state);
          return 2 * m.onlineClients < m.wantOnline;
        },
        forMoreThan: 2,
        reads: [],
      }),
    ],
    variants: { 'skype-2010': null, fixed: null },
    exhaustive: { variants: ['skype-2010', 'fixed'], horizon: 2, maxStates: 100000 },
  });
`;

interface Case {
  suite: string;
  property: string;
  variant: string;
  horizon: number;
  /** Config over the suite's exhaustive scope, to keep the reference (an immer step per transition) quick. */
  config?: Overrides;
  /** Heal ticks instead of the suite's (a shorter heal phase keeps the state count small). */
  healTicks?: number;
  /** Also run the reference with (state, tick) keys: no earliest-tick rule at all. */
  exact?: boolean;
  /** Only in `npm run test:reference`. */
  deep?: boolean;
}

/**
 * `npm test` runs the quick cases; `npm run test:reference` (CASCADE_REFERENCE=deep) runs the deep
 * ones too, on larger scopes (each takes the reference about a minute: it steps through immer).
 */
const DEEP = process.env.CASCADE_REFERENCE === 'deep';

const CASES: Case[] = [
  // The whole 40-tick horizon of the suite's own scope: the space closes at 78 states.
  { suite: 'crash-cascade-2010', property: 'no-cascade', variant: 'fixed', horizon: 40, exact: true },
  { suite: 'crash-cascade-2010', property: 'no-client-crash', variant: 'skype-2010+robust-client', horizon: 40 },
  { suite: 'crash-cascade-2010', property: 'no-cascade', variant: 'skype-2010', horizon: 40 },
  { suite: 'crash-cascade-2010', property: 'no-client-crash', variant: 'skype-2010', horizon: 40 },
  { suite: 'login-flood-2007', property: 'recovers', variant: 'fixed', horizon: 1, config: { peers: 8 } },
  { suite: 'login-flood-2007', property: 'login-completes', variant: 'fixed', horizon: 2, healTicks: 12 },
  { suite: 'login-flood-2007', property: 'bounded-login-load', variant: 'fixed', horizon: 1, config: { peers: 8 }, healTicks: 12, exact: true },
  { suite: 'login-flood-2007', property: 'recovers', variant: 'skype-2007', horizon: 2 },
  { suite: 'login-flood-2007', property: 'bounded-login-load', variant: 'skype-2007', horizon: 2, config: { peers: 8 } },
  { suite: 'feedback-loop', property: 'no-cascade', variant: 'fixed', horizon: 0, config: { peers: 7 }, healTicks: 6 },
  { suite: 'feedback-loop', property: 'recovers', variant: 'fixed', horizon: 0, config: { peers: 7 } },
  { suite: 'feedback-loop', property: 'no-cascade', variant: 'skype-2010+robust-client', horizon: 0, config: { peers: 7 }, healTicks: 6 },
  { suite: 'feedback-loop', property: 'recovers', variant: 'skype-2010', horizon: 1 },
  { suite: 'directory', property: 'consistent-directory', variant: 'fixed', horizon: 1, config: { peers: 6 }, healTicks: 6 },
  { suite: 'directory', property: 'consistent-directory', variant: 'skype-2007', horizon: 1, config: { peers: 7 }, healTicks: 6 },
  { suite: 'half-offline', property: 'half-offline-briefly', variant: 'fixed', horizon: 1, config: { peers: 7 }, healTicks: 6 },
  { suite: 'half-offline', property: 'half-offline-briefly', variant: 'skype-2010', horizon: 2, config: { peers: 7 }, healTicks: 6 },
  // Deep: the suites' own heal phases and larger horizons (10,000 to 15,000 states each).
  { suite: 'login-flood-2007', property: 'recovers', variant: 'fixed', horizon: 3, deep: true },
  { suite: 'login-flood-2007', property: 'bounded-login-load', variant: 'fixed', horizon: 3, deep: true },
  { suite: 'feedback-loop', property: 'no-cascade', variant: 'fixed', horizon: 1, config: { peers: 7 }, healTicks: 12, deep: true },
  { suite: 'feedback-loop', property: 'recovers', variant: 'fixed', horizon: 1, config: { peers: 7 }, deep: true },
  { suite: 'feedback-loop', property: 'no-cascade', variant: 'skype-2010+robust-client', horizon: 1, config: { peers: 7 }, healTicks: 10, deep: true },
  { suite: 'directory', property: 'consistent-directory', variant: 'fixed', horizon: 1, deep: true },
  { suite: 'directory', property: 'consistent-directory', variant: 'skype-2010', horizon: 1, config: { peers: 8 }, deep: true },
  { suite: 'half-offline', property: 'half-offline-briefly', variant: 'skype-2010', horizon: 3, config: { peers: 7 }, healTicks: 10, deep: true },
  { suite: 'feedback-loop', property: 'no-cascade', variant: 'fixed', horizon: 1, config: { peers: 7 }, healTicks: 6, exact: true, deep: true },
];

let windowSuite: Suite;
beforeAll(async () => {
  const file = join(dir, 'half-offline.mjs');
  writeFileSync(file, WINDOW_SUITE);
  windowSuite = await loadSuiteFile(file);
});

function setup(c: Case) {
  const suite = c.suite === 'half-offline' ? windowSuite : SUITES.find((s) => s.id === c.suite)!;
  const model: Model = suiteModel(suite, c.variant, true, c.config ?? {});
  const property: Property = propertyOf(suite, c.property)!;
  const bounds: Bounds = {
    ...suite.bounds,
    ...(c.healTicks === undefined ? {} : { healTicks: c.healTicks, loginTicks: Math.min(suite.bounds.loginTicks, c.healTicks) }),
  };
  const kinds = suite.exhaustive.kinds ?? suite.kinds;
  return { suite, model, property, bounds, kinds };
}

/** The figures both searches must agree on. */
function compare(label: string, engine: ExhaustiveResult & { keptStates?: string[] }, ref: ReferenceResult, model: Model, property: Property): void {
  const violated = ref.shortest !== null;
  expect(engine.verdict, label).toBe(violated ? 'violated' : ref.cut ? 'holds-within-horizon' : 'holds');
  expect(engine.counterexample?.events.length ?? null, `${label}: shortest length`).toBe(ref.shortest);
  if (violated) return;
  const keepMemory = property.kind === 'always' && property.history !== undefined;
  const mine = earliestOfKept(engine.keptStates!, model, property, keepMemory);
  const missing = [...ref.earliest.keys()].filter((k) => !mine.has(k));
  const extra = [...mine.keys()].filter((k) => !ref.earliest.has(k));
  const later = [...ref.earliest].filter(([k, t]) => mine.has(k) && mine.get(k) !== t);
  expect(
    { missing: missing.length, extra: extra.length, otherTick: later.length },
    `${label}: ${ref.earliest.size} reference states, ${mine.size} engine states`,
  ).toEqual({ missing: 0, extra: 0, otherTick: 0 });
  expect(mine.size, label).toBe(ref.earliest.size);
  expect(engine.ticks, `${label}: latest tick`).toBe(ref.latestTick);
  // A goal property's engine state carries its history (misses in a row), so it may count a state more than once; never fewer.
  if (property.kind === 'always') expect(engine.states, label).toBe(ref.earliest.size);
  else expect(engine.states, label).toBeGreaterThanOrEqual(ref.earliest.size);
}

describe("the exhaustive engine reaches exactly the reference search's states", () => {
  for (const c of CASES.filter((x) => DEEP || !x.deep)) {
    const label = `${c.suite} / ${c.property} on ${c.variant}, horizon ${c.horizon}${c.config ? `, ${JSON.stringify(c.config)}` : ''}${c.healTicks ? `, heal ${c.healTicks}` : ''}`;
    it(`${label}: one thread, 2 and 3 workers, 3 shards`, { timeout: DEEP ? 1_800_000 : 120_000 }, async () => {
      const { suite, model, property, bounds, kinds } = setup(c);
      const ref = referenceSearch(model, property, bounds, { horizon: c.horizon, kinds });
      const options = { horizon: c.horizon, maxStates: 2_000_000, maxMemoryBytes: 2 ** 30, kinds, keepStates: true };
      const one = searchExhaustive(model, property, bounds, options);
      compare(`${label}, one thread`, one, ref, model, property);
      console.info(`${label}: ${ref.earliest.size} states, latest tick ${ref.latestTick}, ${one.verdict}${ref.shortest === null ? '' : ` in ${ref.shortest}`}`);

      // On workers: the subject is built in each worker from the pair and the same config and bounds.
      const spec = exhaustiveSearchRef({
        pair: pairSpec({ suite, property: c.property, variant: c.variant, expected: null }),
        overrides: { ...(c.config ?? {}) },
        bounds,
      });
      for (const workers of [2, 3]) {
        const r = await searchExhaustiveOnPool(pools[workers]!, spec, property, bounds, options);
        compare(`${label}, ${workers} workers`, r, ref, model, property);
        if (one.counterexample) expect(r.counterexample, `${label}, ${workers} workers: the one thread's counterexample`).toEqual(one.counterexample);
      }
      compareSharded(label, model, property, bounds, kinds, ref, options);
    });
  }
});

/** Three swarm shards together: the union of their states, each at its earliest tick, the least shortest length. */
function compareSharded(
  label: string,
  model: Model,
  property: Property,
  bounds: Bounds,
  kinds: Suite['kinds'],
  ref: ReferenceResult,
  options: Parameters<typeof searchExhaustive>[3],
): void {
  const shards = [1, 2, 3].map((index) => searchExhaustive(model, property, bounds, { ...options, kinds, swarm: { index, count: 3 } }));
  const violated = shards.filter((s) => s.verdict === 'violated');
  const shortest = violated.length === 0 ? null : Math.min(...violated.map((s) => s.counterexample!.events.length));
  expect(shortest, `${label}, 3 shards: shortest length`).toBe(ref.shortest);
  if (ref.shortest !== null) return;
  const merged: ExhaustiveResult & { keptStates: string[] } = {
    ...shards[0]!,
    verdict: shards.some((s) => s.verdict === 'holds-within-horizon') ? 'holds-within-horizon' : 'holds',
    ticks: Math.max(...shards.map((s) => s.ticks)),
    states: -1,
    keptStates: shards.flatMap((s) => s.keptStates!),
  };
  const keepMemory = property.kind === 'always' && property.history !== undefined;
  const mine = earliestOfKept(merged.keptStates, model, property, keepMemory);
  merged.states = property.kind === 'always' ? mine.size : Number.MAX_SAFE_INTEGER;
  compare(`${label}, 3 shards`, merged, ref, model, property);
}

describe('the earliest-tick rule loses nothing: the reference with (state, tick) keys reaches the same states at the same earliest ticks', () => {
  for (const c of CASES.filter((x) => x.exact && (DEEP || !x.deep))) {
    it(`${c.suite} / ${c.property} on ${c.variant}, horizon ${c.horizon}`, { timeout: DEEP ? 1_800_000 : 120_000 }, () => {
      const { model, property, bounds, kinds } = setup(c);
      const subsumed = referenceSearch(model, property, bounds, { horizon: c.horizon, kinds });
      const exact = referenceSearch(model, property, bounds, { horizon: c.horizon, kinds, exact: true });
      expect(exact.earliest).toEqual(subsumed.earliest);
      expect(exact.shortest).toBe(subsumed.shortest);
      // (The latest tick is not compared: with the clock in the key, a state met again later is kept
      // too, so the exact search runs every chain to the end of the heal phase.)
      expect(subsumed.earliest.size).toBeGreaterThan(50);
    });
  }
});
