/**
 * Retry schedules (MODEL.md step 8): the 2007 fixed schedule (a quick round of the host cache, then a
 * fixed pause), the 2010 immediate reconnect, capped exponential backoff with full jitter, and the
 * retry budget's long pause after every `retryBudget` failed attempts. Pinned at each schedule's exact
 * ticks and jitter bounds, since retry amplification is what turns a fault into a cascade.
 */
import { describe, expect, it } from 'vitest';
import { reconnectDelay, retryDelay } from '../../../src/model/actions/retry.ts';
import { init, smallConfig, variant, type Config, type Model, type State } from '../../../src/model/index.ts';
import { nextRandom, seedRandom } from '../../../src/model/random.ts';

function setup(name: string, overrides: Partial<Config> = {}): { model: Model; state: State } {
  const config: Config = {
    ...smallConfig,
    reconnectInterval: 3,
    retryInterval: 7,
    backoffBase: 2,
    backoffCap: 50,
    retryBudget: 3,
    retryBudgetPause: 20,
    ...overrides,
  };
  const model: Model = { config, protocol: variant(name) };
  return { model, state: init(model) };
}

/** The PRNG state after `k` draws from `rng`. */
function afterDraws(rng: number, k: number): number {
  const probe = { rng } as State;
  for (let i = 0; i < k; i++) nextRandom(probe);
  return probe.rng;
}

/** The delays for `retries` over 1000 PRNG seeds, checking that each call draws exactly once. */
function sample(model: Model, state: State, retries: number, cacheSize = 2): number[] {
  const out: number[] = [];
  for (let seed = 0; seed < 1000; seed++) {
    state.rng = seedRandom(seed);
    out.push(retryDelay(state, model, retries, cacheSize));
    expect(state.rng).toBe(afterDraws(seedRandom(seed), 1));
  }
  return out;
}

/** Delays for retries 0..n, checking that none draws from the PRNG (deterministic schedules). */
function schedule(model: Model, state: State, n: number, cacheSize: number): number[] {
  const rng = state.rng;
  const out = Array.from({ length: n + 1 }, (_, retries) => retryDelay(state, model, retries, cacheSize));
  expect(state.rng).toBe(rng);
  return out;
}

describe('retryDelay: the 2010 immediate reconnect', () => {
  it('waits reconnectInterval after every failed attempt: no growth, no pause after a round, no jitter', () => {
    const { model, state } = setup('skype-2010');
    expect(schedule(model, state, 7, 2)).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(retryDelay(state, model, 100, 3)).toBe(3);
  });
});

describe('retryDelay: the 2007 fixed schedule', () => {
  it('one quick round through the host cache, then the fixed pause, exactly after each full round', () => {
    const { model, state } = setup('skype-2007');
    expect(schedule(model, state, 9, 3)).toEqual([1, 1, 1, 7, 1, 1, 7, 1, 1, 7]);
    expect(schedule(model, state, 4, 2)).toEqual([1, 1, 7, 1, 7]);
  });

  it('with a host cache of one, every failed attempt is a full round and pauses', () => {
    const { model, state } = setup('skype-2007');
    expect(schedule(model, state, 3, 1)).toEqual([1, 7, 7, 7]);
  });
});

describe('retryDelay: capped exponential backoff with full jitter', () => {
  it.each([
    [0, 2],
    [1, 4],
    [2, 8],
    [3, 16],
    [4, 32],
    [5, 50],
    [40, 50],
  ])('after %i failed attempts the wait is uniform over [1, min(cap, base * 2^retries)] = [1, %i], both ends reached', (retries, bound) => {
    const { model, state } = setup('skype-2010+backoff-jitter');
    const delays = sample(model, state, retries);
    expect(Math.min(...delays)).toBe(1);
    expect(Math.max(...delays)).toBe(bound);
    expect(delays.every((d) => Number.isInteger(d))).toBe(true);
    expect(new Set(delays).size).toBe(bound);
  });

  it('replaces the 2007 fixed schedule too: no pause after a full round of the cache', () => {
    const { model, state } = setup('skype-2007+backoff-jitter', { backoffBase: 1, backoffCap: 2 });
    const delays = sample(model, state, 2, 2);
    expect(new Set(delays)).toEqual(new Set([1, 2]));
  });

  it('is drawn from the protocol PRNG: the same state gives the same wait, successive draws differ', () => {
    const { model, state } = setup('skype-2010+backoff-jitter');
    const copy = structuredClone(state);
    const first = retryDelay(state, model, 5, 2);
    expect(retryDelay(copy, model, 5, 2)).toBe(first);
    const later = new Set(Array.from({ length: 50 }, () => retryDelay(state, model, 5, 2)));
    expect(later.size).toBeGreaterThan(1);
  });
});

describe('retryDelay: the retry budget', () => {
  it('pauses retryBudgetPause exactly after every retryBudget failed attempts, not one earlier or later', () => {
    const { model, state } = setup('skype-2010+retry-budget');
    expect(schedule(model, state, 10, 2)).toEqual([3, 3, 3, 20, 3, 3, 20, 3, 3, 20, 3]);
  });

  it('with a budget of one, every failed attempt pauses (but not before the first)', () => {
    const { model, state } = setup('skype-2010+retry-budget', { retryBudget: 1 });
    expect(schedule(model, state, 3, 2)).toEqual([3, 20, 20, 20]);
  });

  it('without the fix there is no budget pause', () => {
    const { model, state } = setup('skype-2010', { retryBudget: 1 });
    expect(schedule(model, state, 3, 2)).toEqual([3, 3, 3, 3]);
  });

  it('on the 2007 schedule the budget pause takes precedence over the round pause', () => {
    const { model, state } = setup('skype-2007+retry-budget');
    expect(schedule(model, state, 6, 2)).toEqual([1, 1, 7, 20, 7, 1, 20]);
  });

  it.each([
    [20, 11],
    [9, 5],
    [2, 2],
    [1, 1],
  ])('with backoff-jitter the pause of %i is jittered down by less than half: uniform over [%i, pause]', (pause, low) => {
    const { model, state } = setup('skype-2010+backoff-jitter+retry-budget', { retryBudgetPause: pause });
    const delays = sample(model, state, 6);
    expect(Math.min(...delays)).toBe(low);
    expect(Math.max(...delays)).toBe(pause);
    expect(new Set(delays).size).toBe(pause - low + 1);
  });

  it('with backoff-jitter, attempts between pauses back off as usual', () => {
    const { model, state } = setup('fixed');
    const delays = sample(model, state, 4);
    expect(Math.min(...delays)).toBe(1);
    expect(Math.max(...delays)).toBe(32);
  });
});

describe('reconnectDelay: a client that lost its session starts its retry schedule from the beginning', () => {
  it('2010: reconnectInterval', () => {
    const { model, state } = setup('skype-2010');
    const rng = state.rng;
    expect(reconnectDelay(state, model)).toBe(3);
    expect(state.rng).toBe(rng);
  });

  it('2007: the next tick, not the fixed pause', () => {
    const { model, state } = setup('skype-2007');
    expect(reconnectDelay(state, model)).toBe(1);
  });

  it('the retry budget never pauses a reconnect', () => {
    const { model, state } = setup('skype-2010+retry-budget', { retryBudget: 1 });
    expect(reconnectDelay(state, model)).toBe(3);
  });

  it.each([
    [3, 50, 3],
    [4, 3, 3],
  ])('backoff-jitter (base %i, cap %i): uniform over [1, %i], one draw', (backoffBase, backoffCap, bound) => {
    const { model, state } = setup('skype-2010+backoff-jitter', { backoffBase, backoffCap });
    const delays: number[] = [];
    for (let seed = 0; seed < 1000; seed++) {
      state.rng = seedRandom(seed);
      delays.push(reconnectDelay(state, model));
      expect(state.rng).toBe(afterDraws(seedRandom(seed), 1));
    }
    expect(Math.min(...delays)).toBe(1);
    expect(Math.max(...delays)).toBe(bound);
  });
});
