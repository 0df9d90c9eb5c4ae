/**
 * The tick's own rule for coarse ticks (`connectsPerTick`): a client whose schedule says "at once"
 * (a delay of one tick) tries again within the same tick, up to connectsPerTick connects; a longer
 * delay ends its tries for the tick. With connectsPerTick 1 (the small scope) one connect a tick.
 */
import { describe, expect, it } from 'vitest';
import { handBuilt } from '../support/handBuilt.ts';
import { stepOwned, type Config, type Model, type State } from '../../src/model/index.ts';

/** Slots 0..2 down for good, peer 10 a connecting client due at the next tick, host cache [0, 1]. */
function setup(name: string, overrides: Partial<Config>): { model: Model; state: State } {
  const { model, state } = handBuilt(name, { supernodeCapacity: 4, ...overrides }, 10);
  for (const s of [0, 1, 2]) Object.assign(state.supernodes[s]!, { status: 'down', restartAt: -1 });
  Object.assign(state.peers[10]!, { status: 'connecting', wantsOnline: true, cache: [0, 1], retries: 0, nextAttempt: 11 });
  return { model, state };
}

/** Connect attempts peer 10 makes in the next tick (every other client is left where it is). */
function attemptsInOneTick(model: Model, state: State): number {
  for (let p = 0; p < 10; p++) Object.assign(state.peers[p]!, { status: 'off', wantsOnline: false, upstream: -1 });
  const before = state.counters.attempts;
  stepOwned(state, model, { kind: 'tick' });
  return state.counters.attempts - before;
}

describe('connects within one tick', () => {
  it('the 2010 client (reconnect at once) tries exactly connectsPerTick times in a tick', () => {
    for (const n of [1, 2, 7]) {
      const { model, state } = setup('skype-2010', { connectsPerTick: n, reconnectInterval: 1 });
      expect(attemptsInOneTick(model, state)).toBe(n);
    }
  });

  it("a pause longer than one tick ends the tick's tries: the 2007 client stops after a round of its cache", () => {
    const { model, state } = setup('skype-2007', { connectsPerTick: 10, retryInterval: 5 });
    expect(attemptsInOneTick(model, state)).toBe(2); // the round of a 2-entry cache, then the 5-tick pause
    expect(state.peers[10]!.nextAttempt).toBe(11 + 5);
  });

  it('a reconnect interval of two ticks means one try a tick, whatever connectsPerTick', () => {
    const { model, state } = setup('skype-2010', { connectsPerTick: 10, reconnectInterval: 2 });
    expect(attemptsInOneTick(model, state)).toBe(1);
  });

  it('a connect that succeeds ends the tries', () => {
    const { model, state } = setup('skype-2010', { connectsPerTick: 10, reconnectInterval: 1 });
    Object.assign(state.supernodes[1]!, { status: 'up', clients: 0 });
    expect(attemptsInOneTick(model, state)).toBe(2); // slot 0 fails, slot 1 takes it, no third try
    expect(state.peers[10]!.upstream).toBe(1);
  });
});
