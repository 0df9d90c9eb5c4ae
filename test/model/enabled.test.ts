import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneState, defaultConfig, enabled, EVENT_KINDS, init, step, type Config, type Event, type Model, type State } from '../../src/model/index.ts';
import { modelOf, sequence } from '../support/arbitraries.ts';

const VARIANTS = ['skype-2007', 'skype-2010', 'fixed'];
/** Two parameters per set, and budgets that last a while, so the lists are long and change over a run. */
const config: Config = { ...defaultConfig('small'), faultBudget: 4, churnBudget: 4, massRebootPercents: [25, 50], degradeLevels: [1, 3], megaCounts: [1, 2] };

/**
 * A random walk: each choice picks a listed event (index modulo the list) or, for most choices, a
 * tick, so the protocol runs between faults. Calls `visit` on every state on the way.
 */
function walk(model: Model, choices: number[], visit: (state: State) => void): void {
  let state = init(model);
  visit(state);
  for (const choice of choices) {
    const events = enabled(state, model);
    state = step(state, model, choice % 3 === 0 ? events[choice % events.length]! : { kind: 'tick' });
    visit(state);
  }
}

const choices = sequence(fc.nat(10_000), 50, 1);
const seed = fc.integer({ min: 0, max: 0xffffffff });

/** Every event of the config's alphabet (operator included, whatever the variant), in no particular order. */
function alphabet({ config }: Model): Event[] {
  const events: Event[] = [{ kind: 'tick' }];
  for (let peer = 0; peer < config.peers; peer++) {
    events.push({ kind: 'goOffline', peer }, { kind: 'goOnline', peer }, { kind: 'reboot', peer }, { kind: 'crash', peer });
  }
  for (const percent of config.massRebootPercents) events.push({ kind: 'massReboot', percent });
  for (const level of config.degradeLevels) events.push({ kind: 'degradeOfflineMessages', level });
  for (const count of config.megaCounts) events.push({ kind: 'addMegaSupernodes', count });
  return events;
}

describe('enabled', () => {
  it.each(VARIANTS)('lists only events that apply (%s)', (name) => {
    let listed = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(seed, choices, (s, picks) => {
        const model = modelOf(name, { ...config, seed: s });
        walk(model, picks, (state) => {
          for (const event of enabled(state, model)) {
            listed++;
            kinds.add(event.kind);
            // step leaves its input alone, so each listed event is tried on the same state
            expect(step(state, model, event), JSON.stringify(event)).not.toBe(state);
          }
        });
      }),
      { seed: 42, numRuns: 20 },
    );
    expect(listed).toBeGreaterThan(1000);
    // every kind of the alphabet the variant allows was listed at some point
    const expected = EVENT_KINDS.filter((k) => k !== 'addMegaSupernodes' || name === 'fixed');
    expect([...kinds].sort()).toEqual([...expected].sort());
  });

  it.each(VARIANTS)('lists every event of the alphabet that applies (%s)', (name) => {
    fc.assert(
      fc.property(seed, choices, (s, picks) => {
        const model = modelOf(name, { ...config, seed: s });
        walk(model, picks, (state) => {
          const listed = new Set(enabled(state, model).map((e) => JSON.stringify(e)));
          for (const event of alphabet(model)) {
            const applies = step(state, model, event) !== state;
            expect(listed.has(JSON.stringify(event)), `${JSON.stringify(event)} applies: ${applies}`).toBe(applies);
          }
        });
      }),
      { seed: 42, numRuns: 10 },
    );
  });

  it.each(VARIANTS)('is stable: the same state gives the same list (%s)', (name) => {
    fc.assert(
      fc.property(seed, choices, (s, picks) => {
        const model = modelOf(name, { ...config, seed: s });
        walk(model, picks, (state) => {
          const first = enabled(state, model);
          expect(enabled(state, model)).toEqual(first);
          expect(enabled(cloneState(state), model)).toEqual(first);
          expect(enabled(JSON.parse(JSON.stringify(state)) as State, model)).toEqual(first);
        });
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  it('lists tick first, then faults, user actions and the operator, peers in index order', () => {
    const rank = (e: Event) => EVENT_KINDS.indexOf(e.kind);
    const param = (e: Event) => ('peer' in e ? e.peer : 'percent' in e ? e.percent : 'level' in e ? e.level : 'count' in e ? e.count : 0);
    fc.assert(
      fc.property(seed, choices, (s, picks) => {
        const model = modelOf('fixed', { ...config, seed: s });
        walk(model, picks, (state) => {
          const events = enabled(state, model);
          expect(events[0]).toEqual({ kind: 'tick' });
          for (let i = 1; i < events.length; i++) {
            const [a, b] = [events[i - 1]!, events[i]!];
            expect(rank(a) < rank(b) || (rank(a) === rank(b) && param(a) < param(b)), `${JSON.stringify(a)} before ${JSON.stringify(b)}`).toBe(true);
          }
        });
      }),
      { seed: 42, numRuns: 25 },
    );
  });

  it('lists only ticks once the budgets are spent (no mega-supernodes)', () => {
    const model = modelOf('skype-2010', { ...defaultConfig('small'), faultBudget: 1, churnBudget: 1 });
    let state = init(model);
    state = step(state, model, { kind: 'degradeOfflineMessages', level: 3 });
    state = step(state, model, { kind: 'goOffline', peer: 9 });
    expect(enabled(state, model)).toEqual([{ kind: 'tick' }]);
  });
});
