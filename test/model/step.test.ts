import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cloneState, defaultConfig, init, step, stepOwned, type Config, type Event, type State } from '../../src/model/index.ts';
import { junkEvent, modelOf, oddEvent, sequence, taggedEvent, validEvent } from '../support/arbitraries.ts';

/** The bases and `fixed` (which has every switch on: backoff jitter, admission control, mega-supernodes...). */
const VARIANTS = ['skype-2007', 'skype-2010', 'fixed'];
const config: Config = { ...defaultConfig('small'), faultBudget: 4, churnBudget: 4 };
const seed = fc.integer({ min: 0, max: 0xffffffff });

describe('step (immer reference)', () => {
  it.each(VARIANTS)('never mutates its input, and returns it as is when the event does not apply (%s)', (name) => {
    let junkSeen = 0;
    fc.assert(
      fc.property(seed, sequence(taggedEvent(config), 60), (s, events) => {
        const model = modelOf(name, { ...config, seed: s });
        let state = init(model);
        for (const { event, junk } of events) {
          // a mutable copy each time: immer freezes what it returns, so a mutation of a frozen input
          // would throw rather than go unnoticed
          const input = cloneState(state);
          const before = JSON.stringify(input);
          state = step(input, model, event);
          expect(JSON.stringify(input)).toBe(before);
          if (junk) {
            junkSeen++;
            expect(state).toBe(input);
          }
        }
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(junkSeen).toBeGreaterThan(100);
  });

  it('returns the same object for well-formed events that do not apply here', () => {
    const model = modelOf('skype-2010', { ...defaultConfig('small'), faultBudget: 1, churnBudget: 1 });
    const start = init(model);
    const offPeer = start.peers.findIndex((p) => !p.wantsOnline);
    const onPeer = start.peers.findIndex((p) => p.wantsOnline);
    expect(offPeer).toBeGreaterThanOrEqual(0);
    const noops: Event[] = [
      { kind: 'goOnline', peer: onPeer }, // already wants to be online
      { kind: 'goOffline', peer: offPeer }, // already offline
      { kind: 'crash', peer: offPeer }, // not running
      { kind: 'reboot', peer: offPeer },
      { kind: 'addMegaSupernodes', count: 1 }, // no mega-supernodes fix
    ];
    for (const event of noops) expect(step(start, model, event), JSON.stringify(event)).toBe(start);

    const degraded = step(start, model, { kind: 'degradeOfflineMessages', level: 3 });
    expect(degraded).not.toBe(start);
    expect(step(degraded, model, { kind: 'degradeOfflineMessages', level: 3 })).toBe(degraded); // not worse than now
    expect(step(degraded, model, { kind: 'crash', peer: onPeer })).toBe(degraded); // fault budget spent
    const left = step(start, model, { kind: 'goOffline', peer: onPeer });
    expect(left).not.toBe(start);
    expect(step(left, model, { kind: 'goOnline', peer: offPeer })).toBe(left); // churn budget spent
  });

  it('counts an applied fault against the budget and records its tick', () => {
    const model = modelOf('skype-2007', defaultConfig('small'));
    const ticked = step(init(model), model, { kind: 'tick' });
    const next = step(ticked, model, { kind: 'crash', peer: 4 });
    expect(next.faultsUsed).toBe(1);
    expect(next.lastFaultTick).toBe(1);
    expect(next.counters.injectedCrashes).toBe(1);
    expect(next.peers[4]!.status).toBe('crashed');
  });
});

describe('determinism', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(VARIANTS)('same seed and events give deep-equal states (%s)', (name) => {
    fc.assert(
      fc.property(seed, sequence(validEvent(config), 60), (s, events) => {
        const run = () => {
          const model = modelOf(name, { ...config, seed: s });
          let state = init(model);
          const trace: State[] = [state];
          for (const event of events) trace.push((state = step(state, model, event)));
          return trace;
        };
        expect(run()).toEqual(run());
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it('never reads Math.random or the clock', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    const perf = vi.spyOn(performance, 'now');
    fc.assert(
      fc.property(seed, sequence(validEvent(config), 60), (s, events) => {
        const model = modelOf('fixed', { ...config, seed: s });
        let state = init(model);
        for (const event of events) state = step(state, model, event);
        const owned = init(model);
        for (const event of events) stepOwned(owned, model, event);
      }),
      { seed: 42, numRuns: 50 },
    );
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
    expect(perf).not.toHaveBeenCalled();
  });

  it('the seed drives the protocol randomness (different seeds diverge)', () => {
    const events: Event[] = [{ kind: 'tick' }, { kind: 'massReboot', percent: 50 }, ...Array<Event>(20).fill({ kind: 'tick' })];
    const finals = new Set<string>();
    for (let s = 1; s <= 10; s++) {
      const model = modelOf('skype-2007+backoff-jitter', { ...defaultConfig('small'), seed: s });
      let state = init(model);
      for (const event of events) state = step(state, model, event);
      finals.add(JSON.stringify({ ...state, rng: 0 }));
    }
    expect(finals.size).toBeGreaterThan(1);
  });
});

describe('totality', () => {
  it.each(VARIANTS)('never throws, whatever fast-check sends, junk included (%s)', (name) => {
    const anyEvent = fc.oneof({ weight: 4, arbitrary: validEvent(config) }, { weight: 2, arbitrary: junkEvent(config) }, { weight: 1, arbitrary: oddEvent() });
    fc.assert(
      fc.property(seed, sequence(anyEvent, 80), (s, events) => {
        const model = modelOf(name, { ...config, seed: s });
        let state = init(model);
        for (const event of events) {
          const next = step(state, model, event);
          expect(next.tick).toBeGreaterThanOrEqual(state.tick);
          state = next;
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('ignores unknown kinds and missing or absurd parameters', () => {
    const model = modelOf('fixed', defaultConfig('small'));
    const start = init(model);
    const junk = [
      { kind: 'explode' },
      { kind: '' },
      { kind: '__proto__' },
      { kind: 'crash' },
      { kind: 'crash', peer: -1 },
      { kind: 'crash', peer: 11 },
      { kind: 'crash', peer: 2.5 },
      { kind: 'reboot', peer: Number.NaN },
      { kind: 'goOffline', peer: Number.POSITIVE_INFINITY },
      { kind: 'massReboot', percent: 1e9 },
      { kind: 'massReboot', percent: 0 },
      { kind: 'massReboot', percent: 12.5 },
      { kind: 'degradeOfflineMessages', level: 1e9 },
      { kind: 'degradeOfflineMessages', level: -3 },
      { kind: 'addMegaSupernodes', count: 0 },
      { kind: 'addMegaSupernodes', count: 0.5 },
    ] as unknown as Event[];
    for (const event of junk) expect(step(start, model, event), JSON.stringify(event)).toBe(start);
  });
});

describe('stepOwned (fast path)', () => {
  it.each(VARIANTS)('gives the same states as step and reports whether it applied (%s)', (name) => {
    fc.assert(
      fc.property(seed, sequence(taggedEvent(config), 60), (s, events) => {
        const model = modelOf(name, { ...config, seed: s });
        let reference = init(model);
        const owned = init(model);
        for (const { event } of events) {
          const next = step(reference, model, event);
          const applied = stepOwned(owned, model, event);
          expect(applied).toBe(next !== reference);
          expect(owned).toEqual(next);
          reference = next;
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('cloneState', () => {
  it('gives an equal copy that shares no object with the original', () => {
    fc.assert(
      fc.property(seed, sequence(validEvent(config), 60), (s, events) => {
        const model = modelOf('skype-2007', { ...config, seed: s });
        const original = init(model);
        for (const event of events) stepOwned(original, model, event);
        const copy = cloneState(original);
        expect(copy).toEqual(original);
        expect(sharedObjects(copy, original)).toEqual([]);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('is independent: changing or stepping the copy leaves the original alone', () => {
    const model = modelOf('skype-2010', defaultConfig('small'));
    const original = init(model);
    for (const event of [{ kind: 'massReboot', percent: 50 }, { kind: 'tick' }, { kind: 'tick' }, { kind: 'tick' }] as Event[])
      stepOwned(original, model, event);
    // requests in both queues, so that the copy has every kind of object to share, or not
    original.loginQueue.push({ peer: 5, sentAt: original.tick });
    original.offline.queue.push({ peer: 6, sentAt: original.tick });
    const before = JSON.stringify(original);
    const copy = cloneState(original);
    copy.peers[0]!.cache.push(99);
    copy.peers[1]!.status = 'crashed';
    copy.supernodes[0]!.clients += 5;
    copy.loginQueue[0]!.sentAt = -7;
    copy.loginQueue.push({ peer: 3, sentAt: 3 });
    copy.offline.queue[0]!.sentAt = -7;
    copy.offline.queue.push({ peer: 3, sentAt: 3 });
    copy.offline.level = 8;
    copy.counters.crashes = 1234;
    for (let i = 0; i < 10; i++) stepOwned(copy, model, { kind: 'tick' });
    expect(JSON.stringify(original)).toBe(before);
  });
});

/** Paths at which `a` and `b` hold the very same object. */
function sharedObjects(a: unknown, b: unknown, path = 'state'): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return [];
  if (a === b) return [path];
  return Object.keys(a).flatMap((k) => sharedObjects((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
}
