/**
 * Client crashes (MODEL.md step 5 and the `crash` fault): a crashed client loses its session and
 * waits `userRestartDelay` ticks for its user; a crashed host takes its supernode down with it until
 * then. The counters that `no-client-crash` and `no-cascade` read tell the protocol's own crashes and
 * losses from the adversary's, each moving by exactly one.
 */
import { describe, expect, it } from 'vitest';
import { crashClient } from '../../../src/model/actions/crashClient.ts';
import { init, smallConfig, variant, type Config, type Counters, type Model, type State } from '../../../src/model/index.ts';

/** smallConfig: peers 0..2 host slots 0..2; peer 5 is an online client of slot 2; peer 3 is eligible (idle slot 3). */
function setup(overrides: Partial<Config> = {}): { model: Model; state: State } {
  const model: Model = { config: { ...smallConfig, userRestartDelay: 4, ...overrides }, protocol: variant('skype-2010') };
  const state = init(model);
  state.tick = 10;
  return { model, state };
}

function plus(before: Counters, changes: Partial<Counters>): Counters {
  return { ...before, ...changes };
}

describe('crashClient: an ordinary client', () => {
  it('crashes by the late-reply defect: session lost, user restarts it after userRestartDelay, one protocol crash', () => {
    const { model, state } = setup();
    const peer = state.peers[5]!;
    peer.fetchSentAt = 8;
    const counters = { ...state.counters };
    const supernodes = structuredClone(state.supernodes);
    crashClient(state, model, 5, false);
    expect(peer.status).toBe('crashed');
    expect(peer.upstream).toBe(-1);
    expect(peer.authenticated).toBe(false);
    expect(peer.fetchSentAt).toBe(-1);
    expect(peer.authSentAt).toBe(-1);
    expect(peer.nextAttempt).toBe(14);
    expect(peer.wantsOnline).toBe(true);
    expect(state.counters).toEqual(plus(counters, { crashes: 1 }));
    supernodes[2]!.clients--;
    expect(state.supernodes).toEqual(supernodes);
  });

  it("crashes by an injected fault: counted as injected, not as the protocol's crash", () => {
    const { model, state } = setup();
    const counters = { ...state.counters };
    crashClient(state, model, 5, true);
    expect(state.peers[5]!.status).toBe('crashed');
    expect(state.counters).toEqual(plus(counters, { injectedCrashes: 1 }));
  });

  it('a client crashing while authenticating forgets its pending authentication', () => {
    const { model, state } = setup();
    const peer = state.peers[5]!;
    peer.status = 'authenticating';
    peer.authenticated = false;
    peer.authSentAt = 9;
    crashClient(state, model, 5, false);
    expect(peer.status).toBe('crashed');
    expect(peer.authSentAt).toBe(-1);
    expect(state.supernodes[2]!.clients).toBe(1);
  });

  it('an eligible but unpromoted client leaves its unused slot idle', () => {
    const { model, state } = setup();
    expect(state.peers[3]!.role).toBe('ordinary');
    crashClient(state, model, 3, false);
    expect(state.supernodes[3]!.status).toBe('idle');
    expect(state.counters.crashLosses).toBe(0);
    expect(state.supernodes[0]!.clients).toBe(2);
  });
});

describe('crashClient: a supernode host', () => {
  it('crashing by the defect takes its serving supernode down: one crash loss, one crash', () => {
    const { model, state } = setup();
    const counters = { ...state.counters };
    crashClient(state, model, 1, false);
    const sn = state.supernodes[1]!;
    expect(sn.status).toBe('down');
    expect(sn.restartAt).toBe(-1);
    expect(state.peers[1]!.status).toBe('crashed');
    expect(state.peers[1]!.role).toBe('supernode');
    expect(state.peers[1]!.upstream).toBe(-1);
    expect(state.peers[1]!.nextAttempt).toBe(14);
    expect(state.counters).toEqual(plus(counters, { crashes: 1, crashLosses: 1 }));
    expect(state.supernodes[0]!.status).toBe('up');
    expect(state.supernodes[2]!.status).toBe('up');
  });

  it('crashing by an injected fault counts a fault loss, not a crash loss', () => {
    const { model, state } = setup();
    const counters = { ...state.counters };
    crashClient(state, model, 1, true);
    expect(state.supernodes[1]!.status).toBe('down');
    expect(state.counters).toEqual(plus(counters, { injectedCrashes: 1, faultLosses: 1 }));
  });

  it('leaves its clients attached for the caller to detach, and its own count untouched', () => {
    const { model, state } = setup();
    crashClient(state, model, 1, false);
    expect(state.supernodes[1]!.clients).toBe(2);
    for (const p of [4, 7]) {
      expect(state.peers[p]!.upstream, `peer ${p}`).toBe(1);
      expect(state.peers[p]!.status, `peer ${p}`).toBe('online');
    }
  });

  it('crashing while its supernode restarts after an overload shutdown: no new loss, and it now waits for the user', () => {
    const { model, state } = setup();
    const sn = state.supernodes[1]!;
    sn.status = 'restarting';
    sn.restartAt = 18;
    const counters = { ...state.counters };
    crashClient(state, model, 1, false);
    expect(sn.status).toBe('down');
    expect(sn.restartAt).toBe(-1);
    expect(state.counters).toEqual(plus(counters, { crashes: 1 }));
  });

  it('crashing by a fault while its supernode restarts counts no fault loss either', () => {
    const { model, state } = setup();
    state.supernodes[1]!.status = 'restarting';
    state.supernodes[1]!.restartAt = 18;
    const counters = { ...state.counters };
    crashClient(state, model, 1, true);
    expect(state.supernodes[1]!.status).toBe('down');
    expect(state.counters).toEqual(plus(counters, { injectedCrashes: 1 }));
  });
});
