/**
 * The property language for users: `defineProperty` refuses what it cannot run with one line, a
 * windowed property (`never ... forMoreThan N`) judges as its definition says along any run, and the
 * exhaustive engine, which keeps the window in a state's identity, agrees with the unreduced search
 * and never gives a counterexample longer than the random engine's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUITES, suiteModel } from '../../properties/index.ts';
import { searchExhaustive } from '../../src/search/exhaustive.ts';
import { searchRandom } from '../../src/search/random.ts';
import { init, metrics, smallConfig, stepOwned, type State } from '../../src/model/index.ts';
import { checkRun, DEFAULT_BOUNDS, defineProperty, DefinitionError, type PropertySpec } from '../../src/propertyLanguage/index.ts';
import { modelOf, validEvent } from '../support/arbitraries.ts';

const halfOffline = (n: number) =>
  defineProperty({
    id: 'half-offline',
    summary: 'at most half the wanting clients offline for more than n ticks',
    never: (state: State) => {
      const m = metrics(state);
      return 2 * m.onlineClients < m.wantOnline;
    },
    forMoreThan: n,
    reads: [],
  });

describe('defineProperty refuses what it cannot run, in one line', () => {
  const ok = { id: 'p', summary: 'a property' };
  it.each<[string, unknown, RegExp]>([
    ['no object', null, /expects an object/],
    ['a bad id', { ...ok, id: 'Bad Id', always: () => null }, /id must be lower-case letters/],
    ['no summary', { id: 'p', always: () => null }, /property 'p': summary must be a sentence/],
    ['no form', ok, /give exactly one of always, never \(with forMoreThan\) or eventually, got none/],
    ['two forms', { ...ok, always: () => null, never: () => false, forMoreThan: 1 }, /got always and never/],
    ['a window without a length', { ...ok, never: () => false }, /forMoreThan must be a whole number of ticks from 0 to 1000/],
    ['a window too long', { ...ok, never: () => false, forMoreThan: 1e6 }, /forMoreThan must be a whole number/],
    ['a function that is not one', { ...ok, always: 'x' }, /property 'p': always must be a function/],
    ['an unknown counter', { ...ok, always: () => null, reads: ['crashes', 'crashs'] }, /reads: unknown counter "crashs": counters are crashes, /],
  ])('%s', (_what, spec, message) => {
    expect(() => defineProperty(spec as PropertySpec)).toThrow(DefinitionError);
    expect(() => defineProperty(spec as PropertySpec)).toThrow(message);
  });

  it('a predicate that answers neither true nor false is one line naming it, not a silent false', () => {
    const model = modelOf('fixed', smallConfig);
    const p = defineProperty({ id: 'numeric', summary: 'numeric', never: (() => 1) as never, forMoreThan: 2 });
    expect(() => checkRun(model, p, DEFAULT_BOUNDS, [{ kind: 'tick' }])).toThrow(
      new DefinitionError("property 'numeric': never must return true or false, got number"),
    );
    const q = defineProperty({ id: 'goal', summary: 'goal', eventually: (() => undefined) as never });
    expect(() => checkRun(model, q, DEFAULT_BOUNDS, [])).toThrow(/property 'goal': eventually must return true or false, got undefined/);
  });

  it('a user function that throws during a run is one line naming the property and the function', () => {
    const p = defineProperty({
      id: 'throws',
      summary: 'throws',
      always: () => {
        throw new Error('inside\nmore');
      },
    });
    const model = modelOf('fixed', smallConfig);
    expect(() => checkRun(model, p, DEFAULT_BOUNDS, [])).toThrow(new DefinitionError("property 'throws': always threw: inside"));
  });
});

describe('a windowed property', () => {
  // A condition on the clock alone, so that the window's arithmetic is plain: true at ticks 1, 2, 3, 5, 6, 7, 9, ...
  const clock = (n: number) => defineProperty({ id: 'clock', summary: 'clock', never: (s: State) => s.tick % 4 !== 0, forMoreThan: n });
  const model = modelOf('fixed', smallConfig);
  const ticks = (k: number) => Array.from({ length: k }, () => ({ kind: 'tick' as const }));
  const bounds = { ...DEFAULT_BOUNDS, healTicks: 0 };

  it('allows the condition for N ticks in a row, and a calm tick resets the count', () => {
    expect(checkRun(model, clock(3), bounds, ticks(20)).violation).toBeNull();
  });

  it('is violated at the tick the condition holds for the (N + 1)th time in a row', () => {
    expect(checkRun(model, clock(2), bounds, ticks(20)).violation).toEqual({
      step: 2,
      message: "the condition 'clock' watches held for 3 ticks in a row (at most 2 allowed)",
    });
    expect(checkRun(model, clock(0), bounds, ticks(20)).violation?.step).toBe(0);
  });

  it('counts ticks, not adversary events', () => {
    const events = [
      { kind: 'tick' as const },
      { kind: 'goOffline' as const, peer: 8 },
      { kind: 'goOnline' as const, peer: 8 },
      { kind: 'tick' as const },
      { kind: 'tick' as const },
    ];
    expect(checkRun(model, clock(2), bounds, events).violation?.step).toBe(4);
  });

  it('judges any run as its definition says: violated exactly when the condition held after more than N ticks in a row', () => {
    const n = 3;
    const p = halfOffline(n);
    let violated = 0;
    fc.assert(
      fc.property(fc.constantFrom('skype-2010', 'fixed'), fc.array(validEvent(smallConfig, 4), { maxLength: 40 }), (name, events) => {
        const m = modelOf(name, smallConfig);
        const state = init(m);
        let run = 0;
        let expected: number | null = null;
        const all = [...events, ...ticks(DEFAULT_BOUNDS.healTicks)];
        for (const [i, event] of all.entries()) {
          stepOwned(state, m, event);
          if (event.kind !== 'tick') continue;
          const mm = metrics(state);
          run = 2 * mm.onlineClients < mm.wantOnline ? run + 1 : 0;
          if (run > n) {
            expected = i;
            break;
          }
        }
        const outcome = checkRun(m, p, DEFAULT_BOUNDS, events);
        if (outcome.violation) violated++;
        expect(outcome.violation?.step ?? null).toBe(expected);
      }),
      { numRuns: 300, seed: 5 },
    );
    expect(violated).toBeGreaterThan(10);
  });
});

describe('the exhaustive engine keeps the window in the state', () => {
  const s = SUITES.find((x) => x.id === 'feedback-loop')!;
  for (const [variant, horizon, n] of [
    ['skype-2010', 6, 3],
    ['fixed', 4, 5],
    ['fixed', 3, 30],
  ] as const) {
    it(`agrees with the unreduced search and is never longer than the random engine: ${variant}, horizon ${horizon}, window ${n}`, () => {
      const model = suiteModel(s, variant, true);
      const p = halfOffline(n);
      const run = (reductions: boolean) =>
        searchExhaustive(model, p, s.bounds, { horizon, maxStates: 3_000_000, maxMemoryBytes: 2 ** 30, kinds: s.kinds, reductions });
      const reduced = run(true);
      const full = run(false);
      const label = `${reduced.verdict} in ${reduced.states} states, unreduced ${full.verdict} in ${full.states}`;
      console.info(`${variant}, horizon ${horizon}, window ${n}: ${label}`);
      expect(full.stoppedBy, label).not.toBe('states');
      expect(reduced.verdict === 'violated', label).toBe(full.verdict === 'violated');
      expect(reduced.counterexample?.events.length, label).toBe(full.counterexample?.events.length);
      if (reduced.counterexample) {
        // The engine's counterexample replays (it checks so itself), and the window is what failed.
        expect(checkRun(model, p, s.bounds, reduced.counterexample.events).violation?.message).toMatch(/held for \d+ ticks in a row/);
        const random = searchRandom(model, p, s.bounds, { runs: 2000, seed: 1, maxEvents: s.maxEvents, kinds: s.kinds });
        if (random.counterexample) expect(random.counterexample.events.length).toBeGreaterThanOrEqual(reduced.counterexample.events.length);
      }
    });
  }
});
