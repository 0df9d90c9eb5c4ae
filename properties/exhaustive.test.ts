/**
 * The suites' exhaustive sections with their test bounds, and the exhaustive engine's promises:
 * shortest counterexamples (never longer than the random engine's), symmetry reduction that agrees
 * with the exact search, and bounds that end the search cleanly with a verdict of their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPair } from '../src/cli/check.ts';
import { explorePair, exhaustivePairs } from '../src/cli/explore.ts';
import { searchExhaustive } from '../src/explore/exhaustive.ts';
import { PROPERTIES } from '../src/properties/index.ts';
import { suiteModel } from './index.ts';
import { replay } from '../src/explore/replay.ts';
import { loadCounterexample } from '../src/trace/load.ts';
import { expectation, searchBound, SUITES } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-exhaustive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const suite = (id: string) => SUITES.find((s) => s.id === id)!;

describe('exhaustive sections at their test bounds', () => {
  for (const { suite: s, property, variant } of exhaustivePairs()) {
    const expected = expectation(s, property, variant) === 'holds' ? 'holds-within-bound' : 'violated';
    it(`${s.id} / ${property} on ${variant} is ${expected}`, () => {
      const r = explorePair(s, property, variant, { budget: 'test', maxMemoryMB: 2048, dir, update: false });
      expect(r.verdict, `${r.states} states, depth ${r.depth}, stopped by ${r.stoppedBy}`).toBe(expected);
      if (r.verdict !== 'violated') return;
      // The counterexample the search wrote replays on its own variant ...
      const file = loadCounterexample(r.counterexample!);
      expect(file.ok && file.value.engine).toBe('exhaustive');
      const again = file.ok ? replay(file.value) : null;
      expect(again?.ok && again.value.reproduces).toBe(true);
      // ... and the random engine's shrunk counterexample is never shorter than this shortest one.
      const random = checkPair(s, property, variant, { budget: 'test', dir: join(dir, 'random'), update: false });
      expect(random.verdict).toBe('violated');
      const ratio = random.eventsAfterShrink! / r.eventsInCounterexample!;
      console.info(`${s.id} / ${property} on ${variant}: random ${random.eventsAfterShrink} events, shortest ${r.eventsInCounterexample}, ratio ${ratio.toFixed(2)}`);
      expect(random.eventsAfterShrink!).toBeGreaterThanOrEqual(r.eventsInCounterexample!);
    });
  }
});

describe('shortest counterexamples', () => {
  const buggy = exhaustivePairs().filter(({ suite: s, property, variant }) => expectation(s, property, variant) === 'violated');
  it('the committed counterexamples are no longer than the shortest the exhaustive search finds', () => {
    let compared = 0;
    for (const { suite: s, property, variant } of buggy) {
      const file = loadCounterexample(join('counterexamples', s.id, `${property}--${variant}.json`));
      if (!file.ok) continue;
      const r = searchExhaustive(suiteModel(s, variant), PROPERTIES[property]!, s.bounds, { ...searchBound(s.exhaustive, 'start', property, variant), maxMemoryBytes: 2 ** 31, symmetry: false, kinds: s.kinds });
      if (!r.counterexample) continue;
      expect(file.value.events.length, `${s.id} / ${property} on ${variant}`).toBe(r.counterexample.events.length);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(4);
  });
});

describe('symmetry reduction', () => {
  const cases: [string, string, string, number][] = [
    ['login-flood-2007', 'bounded-login-load', 'skype-2007', 16],
    ['login-flood-2007', 'recovers', 'fixed', 8],
    ['crash-cascade-2010', 'no-cascade', 'skype-2010', 10],
    ['feedback-loop', 'no-cascade', 'fixed', 3],
    ['directory', 'consistent-directory', 'skype-2010', 3],
  ];
  it('agrees with the exact search on verdicts and shortest lengths, and never visits more states', () => {
    let fewer = 0;
    for (const [id, property, variant, maxDepth] of cases) {
      const s = suite(id);
      const run = (symmetry: boolean) =>
        searchExhaustive(suiteModel(s, variant), PROPERTIES[property]!, s.bounds, { maxDepth, maxStates: 1_000_000, maxMemoryBytes: 2 ** 31, symmetry, kinds: s.kinds });
      const reduced = run(true);
      const exact = run(false);
      const label = `${id} / ${property} on ${variant}: ${reduced.states} states with symmetry, ${exact.states} without`;
      console.info(label);
      expect(reduced.verdict, label).toBe(exact.verdict);
      expect(reduced.counterexample?.events.length, label).toBe(exact.counterexample?.events.length);
      expect(reduced.states, label).toBeLessThanOrEqual(exact.states);
      if (reduced.states < exact.states) fewer++;
    }
    expect(fewer).toBeGreaterThan(0);
  });
});

describe('bounds', () => {
  const s = suite('feedback-loop');
  const model = suiteModel(s, 'fixed');
  it('a state bound ends the search as bound-reached, with its statistics, never as holds', () => {
    const r = searchExhaustive(model, PROPERTIES['no-cascade']!, s.bounds, { maxDepth: 50, maxStates: 500, maxMemoryBytes: 2 ** 31, symmetry: false, kinds: s.kinds });
    expect(r).toMatchObject({ verdict: 'bound-reached', stoppedBy: 'states', states: 500, counterexample: null });
    expect(r.transitions).toBeGreaterThan(0);
  });
  it('a memory bound ends the search cleanly, not with an out-of-memory crash', () => {
    const r = searchExhaustive(model, PROPERTIES['no-cascade']!, s.bounds, { maxDepth: 50, maxStates: 10_000_000, maxMemoryBytes: 1, symmetry: false, kinds: s.kinds });
    expect(r).toMatchObject({ verdict: 'bound-reached', stoppedBy: 'memory', counterexample: null });
  });
  it('a depth bound gives holds-within-bound, and a finished state space says so', () => {
    const shallow = searchExhaustive(model, PROPERTIES['no-cascade']!, s.bounds, { maxDepth: 2, maxStates: 1_000_000, maxMemoryBytes: 2 ** 31, symmetry: false, kinds: s.kinds });
    expect(shallow).toMatchObject({ verdict: 'holds-within-bound', stoppedBy: 'depth', depth: 2 });
    const c = suite('crash-cascade-2010');
    const whole = searchExhaustive(suiteModel(c, 'fixed'), PROPERTIES['no-cascade']!, c.bounds, { maxDepth: 1000, maxStates: 1_000_000, maxMemoryBytes: 2 ** 31, symmetry: false, kinds: c.kinds });
    expect(whole).toMatchObject({ verdict: 'holds-within-bound', stoppedBy: 'complete' });
  });
});
