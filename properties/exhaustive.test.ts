/**
 * The suites' exhaustive sections with their test bounds, and the exhaustive engine's promises:
 * shortest counterexamples (never longer than the random engine's), reductions that agree with the
 * unreduced search, and bounds that end the search cleanly with a verdict of their own. Each
 * section's search is also held against its test row of the state-count manifest (one search does
 * both: manifest.test.ts checks the file itself).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPair, explorePair, exhaustiveSections } from '../src/runner/index.ts';
import { searchExhaustive } from '../src/search/exhaustive.ts';
import { PROPERTIES } from '../src/propertyLanguage/index.ts';
import { suiteModel } from './index.ts';
import { parseConfig } from '../src/model/config.ts';
import { replay } from '../src/search/replay.ts';
import { loadCounterexample } from '../src/trace/load.ts';
import { expectation, searchBound, SUITES } from './index.ts';
import { MANIFEST_PATH, manifestRow, parseManifest, rowDrift, rowName } from '../src/runner/manifest.ts';
import { readFileSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'cascade-exhaustive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const suite = (id: string) => SUITES.find((s) => s.id === id)!;
const GB = 2 ** 30;
const manifest = parseManifest(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')));
const manifestRows = manifest.ok ? manifest.value.rows : [];

describe('exhaustive sections at their test bounds', () => {
  for (const pair of exhaustiveSections(SUITES)) {
    const { suite: s, property, variant } = pair;
    const expected = expectation(s, property, variant) === 'holds' ? 'holds' : 'violated';
    it(`${s.id} / ${property} on ${variant}: ${expected}`, () => {
      const r = explorePair(pair, { budget: 'test', maxMemoryMB: 2048, dir, update: false });
      // The manifest's test row, searched again in one thread (CASCADE_WORKERS=1 in the tests).
      const name = rowName({ suite: s.id, property, variant, budget: 'test' });
      const drift = rowDrift(
        manifestRows.find((row) => rowName(row) === name),
        manifestRow(r, 'test'),
        1,
      );
      expect(drift, drift ?? '').toBeNull();
      expect(r.met, `${r.verdict}: ${r.states} states, depth ${r.depth}, stopped by ${r.stoppedBy}`).toBe(true);
      if (r.verdict !== 'violated') return;
      // The counterexample the search wrote replays on its own variant ...
      const file = loadCounterexample(r.counterexample!);
      expect(file.ok && file.value.engine).toBe('exhaustive');
      const again = file.ok ? replay(file.value) : null;
      expect(again?.ok && again.value.reproduces).toBe(true);
      // ... and the random engine's shrunk counterexample is never shorter than this shortest one.
      const random = checkPair(pair, { budget: 'test', dir: join(dir, 'random'), update: false });
      expect(random.verdict).toBe('violated');
      console.info(`${s.id} / ${property} on ${variant}: random ${random.eventsAfterShrink} events, shortest ${r.eventsInCounterexample}`);
      expect(random.eventsAfterShrink!).toBeGreaterThanOrEqual(r.eventsInCounterexample!);
    });
  }
});

describe('shortest counterexamples', () => {
  const buggy = exhaustiveSections(SUITES).filter(({ suite: s, property, variant }) => expectation(s, property, variant) === 'violated');
  it('the committed counterexamples of the buggy pairs are exactly as long as the shortest the search finds', () => {
    let compared = 0;
    for (const { suite: s, property, variant } of buggy) {
      const file = loadCounterexample(join('counterexamples', s.id, `${property}--${variant}.json`));
      if (!file.ok) continue;
      const r = searchExhaustive(suiteModel(s, variant, true), PROPERTIES[property]!, s.bounds, {
        ...searchBound(s.exhaustive, 'start', property, variant),
        maxMemoryBytes: GB,
        kinds: s.exhaustive.kinds ?? s.kinds,
      });
      expect(r.shortest, `${s.id} / ${property} on ${variant}`).toBe(true);
      expect(file.value.events.length, `${s.id} / ${property} on ${variant}`).toBe(r.counterexample!.events.length);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });
});

describe('reductions', () => {
  // Every suite, its buggy base and fixed, at horizons the unreduced search finishes quickly.
  const cases: [string, string, string, number][] = [
    ['crash-cascade-2010', 'no-client-crash', 'skype-2010', 12],
    ['crash-cascade-2010', 'no-cascade', 'fixed', 12],
    ['login-flood-2007', 'recovers', 'skype-2007', 3],
    ['login-flood-2007', 'recovers', 'fixed', 3],
    ['login-flood-2007', 'login-completes', 'fixed', 2],
    ['login-flood-2007', 'bounded-login-load', 'skype-2007', 12],
    ['feedback-loop', 'no-cascade', 'skype-2010', 3],
    ['feedback-loop', 'no-cascade', 'fixed', 2],
    ['feedback-loop', 'recovers', 'skype-2010', 2],
    ['feedback-loop', 'recovers', 'fixed', 2],
    ['directory', 'consistent-directory', 'fixed', 1],
  ];
  for (const [id, property, variant, horizon] of cases) {
    it(`tails and goal history agree with the unreduced search: ${id} / ${property} on ${variant}, horizon ${horizon}`, () => {
      const s = suite(id);
      const run = (reductions: boolean) =>
        searchExhaustive(suiteModel(s, variant, true), PROPERTIES[property]!, s.bounds, {
          horizon,
          maxStates: 3_000_000,
          maxMemoryBytes: GB,
          kinds: s.exhaustive.kinds ?? s.kinds,
          reductions,
        });
      const reduced = run(true);
      const full = run(false);
      const label = `${reduced.states} states reduced (${reduced.verdict}), ${full.states} unreduced (${full.verdict})`;
      console.info(`${id} / ${property} on ${variant}: ${label}`);
      expect(full.stoppedBy, label).not.toBe('states');
      expect(reduced.verdict === 'violated', label).toBe(full.verdict === 'violated');
      expect(reduced.counterexample?.events.length, label).toBe(full.counterexample?.events.length);
    });
  }
});

describe('bounds and verdicts', () => {
  const s = suite('feedback-loop');
  const model = suiteModel(s, 'fixed', true);
  const search = (options: Partial<Parameters<typeof searchExhaustive>[3]>) =>
    searchExhaustive(model, PROPERTIES['no-cascade']!, s.bounds, { horizon: 40, maxStates: 10_000_000, maxMemoryBytes: GB, kinds: s.kinds, ...options });
  it('a state bound ends the search as bound-reached, with its statistics, never as holds', () => {
    const r = search({ maxStates: 500 });
    expect(r).toMatchObject({ verdict: 'bound-reached', stoppedBy: 'states', states: 500, counterexample: null });
    expect(r.transitions).toBeGreaterThan(0);
  });
  it('a memory bound ends the search cleanly, not with an out-of-memory crash', () => {
    const r = search({ maxMemoryBytes: 1 });
    expect(r).toMatchObject({ verdict: 'bound-reached', stoppedBy: 'memory', counterexample: null });
  });
  it('a horizon gives holds-within-horizon, and a closed state space says holds', () => {
    const shallow = search({ horizon: 1 });
    expect(shallow).toMatchObject({ verdict: 'holds-within-horizon', stoppedBy: 'horizon', horizon: 1, healTicks: 40 });
    const c = suite('crash-cascade-2010');
    const whole = searchExhaustive(suiteModel(c, 'fixed', true), PROPERTIES['no-cascade']!, c.bounds, {
      horizon: 40,
      maxStates: 1_000_000,
      maxMemoryBytes: GB,
      kinds: c.kinds,
    });
    expect(whole).toMatchObject({ verdict: 'holds', stoppedBy: 'complete' });
    expect(whole.collisionProbability).toBeLessThan(1e-12);
  });
});

describe('full tiers', () => {
  const tiered = SUITES.filter((s) => s.exhaustive.full);
  it('the feedback loop has one (its section searches one user action instead of two)', () => {
    expect(tiered.map((s) => s.id)).toContain('feedback-loop');
  });
  for (const s of tiered) {
    it(`${s.id}: the suite's own budgets (not the section's smaller ones) on at least 3 supernodes and 6 clients, a config the model accepts`, () => {
      const own = suiteModel(s, 'fixed').config;
      const section = suiteModel(s, 'fixed', true).config;
      const full = suiteModel(s, 'fixed', 'full').config;
      expect(parseConfig(full, s.scale).ok).toBe(true);
      expect([full.faultBudget, full.churnBudget]).toEqual([own.faultBudget, own.churnBudget]);
      expect([section.faultBudget, section.churnBudget]).not.toEqual([own.faultBudget, own.churnBudget]);
      expect(full.supernodes).toBeGreaterThanOrEqual(3);
      expect(full.peers - full.supernodes).toBeGreaterThanOrEqual(6);
      expect(s.exhaustive.full!.horizon).toBeGreaterThanOrEqual(30);
    });
  }
});
