/**
 * Restarts (MODEL.md step 1): a supernode that shut down or rebooted serves again at exactly its
 * `restartAt`, with a clean overload record; a stopped or crashed client whose time has come starts
 * logging in at once if its user still wants to be online, and a crashed host's user restarting the
 * client restarts its supernode, which serves `restartDelay` ticks later.
 */
import { describe, expect, it } from 'vitest';
import { crashClient } from '../../../src/model/actions/crashClient.ts';
import { completeRestarts, restartClient } from '../../../src/model/actions/restart.ts';
import { init, smallConfig, variant, type Config, type Model, type State } from '../../../src/model/index.ts';

/** smallConfig: peers 0..2 host slots 0..2 (up); peer 5 is an online client; peer 10 is off; slots 3, 4 idle. */
function setup(overrides: Partial<Config> = {}): { model: Model; state: State } {
  const model: Model = { config: { ...smallConfig, restartDelay: 8, userRestartDelay: 2, ...overrides }, protocol: variant('skype-2010') };
  const state = init(model);
  state.tick = 10;
  return { model, state };
}

describe('completeRestarts', () => {
  it('a restarting supernode serves again at exactly restartAt, not one tick earlier, with zero overloaded ticks', () => {
    const { model, state } = setup();
    const sn = state.supernodes[1]!;
    sn.status = 'restarting';
    sn.restartAt = 20;
    sn.overloadedTicks = 2;
    state.tick = 19;
    completeRestarts(state, model);
    expect(sn.status).toBe('restarting');
    expect(sn.restartAt).toBe(20);
    expect(sn.overloadedTicks).toBe(2);
    state.tick = 20;
    completeRestarts(state, model);
    expect(sn.status).toBe('up');
    expect(sn.restartAt).toBe(-1);
    expect(sn.overloadedTicks).toBe(0);
  });

  it('a supernode whose restart time has already passed serves again too', () => {
    const { model, state } = setup();
    state.supernodes[1]!.status = 'restarting';
    state.supernodes[1]!.restartAt = 7;
    completeRestarts(state, model);
    expect(state.supernodes[1]!.status).toBe('up');
  });

  it('completes each restarting supernode by its own time', () => {
    const { model, state } = setup();
    state.supernodes[0]!.status = 'restarting';
    state.supernodes[0]!.restartAt = 10;
    state.supernodes[2]!.status = 'restarting';
    state.supernodes[2]!.restartAt = 11;
    completeRestarts(state, model);
    expect(state.supernodes.map((sn) => sn.status)).toEqual(['up', 'up', 'restarting', 'idle', 'idle', 'idle']);
  });

  it('leaves supernodes that are not restarting alone: down waits for its user, idle stays idle, up keeps its overload record', () => {
    const { model, state } = setup();
    state.supernodes[0]!.status = 'down';
    state.supernodes[0]!.restartAt = -1;
    state.supernodes[1]!.overloadedTicks = 1;
    const before = structuredClone(state);
    completeRestarts(state, model);
    expect(state).toEqual(before);
  });
});

describe('restartClient', () => {
  it('a crashed client whose user restarts it starts logging in this tick, with a fresh retry count', () => {
    const { model, state } = setup();
    const peer = state.peers[5]!;
    crashClient(state, model, 5, false);
    peer.retries = 3;
    state.tick = 12;
    restartClient(state, model, 5);
    expect(peer.status).toBe('connecting');
    expect(peer.retries).toBe(0);
    expect(peer.nextAttempt).toBe(12);
  });

  it('a stopped client whose user wants to be online starts logging in this tick', () => {
    const { model, state } = setup();
    const peer = state.peers[10]!;
    peer.wantsOnline = true;
    peer.nextAttempt = 10;
    peer.retries = 1;
    restartClient(state, model, 10);
    expect(peer.status).toBe('connecting');
    expect(peer.retries).toBe(0);
    expect(peer.nextAttempt).toBe(10);
  });

  it('a client whose user no longer wants to be online stays off', () => {
    const { model, state } = setup();
    const peer = state.peers[5]!;
    crashClient(state, model, 5, false);
    peer.wantsOnline = false;
    peer.retries = 2;
    const before = structuredClone(state);
    restartClient(state, model, 5);
    expect(peer.status).toBe('off');
    before.peers[5]!.status = 'off';
    expect(state).toEqual(before);
  });

  it('a crashed host restarting its client restarts its supernode, serving restartDelay ticks later', () => {
    const { model, state } = setup({ restartDelay: 8 });
    crashClient(state, model, 1, false);
    expect(state.supernodes[1]!.status).toBe('down');
    state.tick = 12;
    restartClient(state, model, 1);
    const sn = state.supernodes[1]!;
    expect(sn.status).toBe('restarting');
    expect(sn.restartAt).toBe(20);
    expect(state.peers[1]!.status).toBe('connecting');
    expect(state.peers[1]!.nextAttempt).toBe(12);
    state.tick = 19;
    completeRestarts(state, model);
    expect(sn.status).toBe('restarting');
    state.tick = 20;
    completeRestarts(state, model);
    expect(sn.status).toBe('up');
  });

  it('a rebooted host starting again leaves its supernode on the reboot schedule', () => {
    const { model, state } = setup();
    const peer = state.peers[1]!;
    peer.status = 'off';
    peer.upstream = -1;
    state.supernodes[1]!.status = 'restarting';
    state.supernodes[1]!.restartAt = 25;
    restartClient(state, model, 1);
    expect(peer.status).toBe('connecting');
    expect(state.supernodes[1]!.status).toBe('restarting');
    expect(state.supernodes[1]!.restartAt).toBe(25);
  });

  it('a crashed host restarting does not reschedule a supernode that is not down', () => {
    const { model, state } = setup();
    crashClient(state, model, 1, false);
    state.supernodes[1]!.status = 'restarting'; // not reachable by the rules (a crash always leaves it down): the guard alone
    state.supernodes[1]!.restartAt = 25;
    restartClient(state, model, 1);
    expect(state.supernodes[1]!.status).toBe('restarting');
    expect(state.supernodes[1]!.restartAt).toBe(25);
  });

  it('an eligible ordinary client restarting leaves its unused slot idle', () => {
    const { model, state } = setup();
    crashClient(state, model, 3, false);
    state.supernodes[3]!.status = 'down'; // not reachable by the rules; shows the slot is only touched for hosts
    restartClient(state, model, 3);
    expect(state.supernodes[3]!.status).toBe('down');
    expect(state.supernodes[3]!.restartAt).toBe(-1);
    expect(state.peers[3]!.status).toBe('connecting');
  });
});
