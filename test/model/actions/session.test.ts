/**
 * Session rules (MODEL.md step 6: "its clients lose their upstream and reconnect"): a supernode counts
 * its ordinary clients but never its own host; a detached client forgets its upstream, its
 * authentication and its pending requests; every client of a supernode that stopped serving is
 * detached and reconnects after the variant's reconnect delay. Pinned so that the directory
 * (`consistent-directory`) stays right after every loss.
 */
import { describe, expect, it } from 'vitest';
import { attach, detach, detachOrphans, reconnect } from '../../../src/model/actions/session.ts';
import { init, smallConfig, variant, type Config, type Model, type State } from '../../../src/model/index.ts';

/**
 * smallConfig's initial state: peers 0..2 host slots 0..2 (up); peers 3..9 are online ordinary
 * clients attached round-robin (slot 0: 3, 6, 9; slot 1: 4, 7; slot 2: 5, 8); peer 10 is off;
 * peers 3 and 4 are eligible (idle slots 3 and 4); slot 5 is an idle mega slot.
 */
function setup(name = 'skype-2010', overrides: Partial<Config> = {}): { model: Model; state: State } {
  const model: Model = { config: { ...smallConfig, ...overrides }, protocol: variant(name) };
  const state = init(model);
  state.tick = 10;
  return { model, state };
}

describe('attach', () => {
  it("counts an ordinary client among the supernode's clients", () => {
    const { state } = setup();
    expect(state.supernodes[1]!.clients).toBe(2);
    attach(state, 10, 1);
    expect(state.peers[10]!.upstream).toBe(1);
    expect(state.supernodes[1]!.clients).toBe(3);
    expect(state.supernodes[0]!.clients).toBe(3);
    expect(state.supernodes[2]!.clients).toBe(2);
  });

  it('never counts a host logging in through its own supernode', () => {
    const { state } = setup();
    state.peers[1]!.upstream = -1;
    attach(state, 1, 1);
    expect(state.peers[1]!.upstream).toBe(1);
    expect(state.supernodes[1]!.clients).toBe(2);
  });

  it('counts an eligible peer that attaches to a supernode other than its own slot', () => {
    const { state } = setup();
    const peer = state.peers[3]!;
    expect(peer.slot).toBe(3);
    state.supernodes[peer.upstream]!.clients--;
    peer.upstream = -1;
    attach(state, 3, 2);
    expect(peer.upstream).toBe(2);
    expect(state.supernodes[2]!.clients).toBe(3);
    expect(state.supernodes[3]!.clients).toBe(0);
  });
});

describe('detach', () => {
  it("ends an ordinary client's session: its supernode forgets it and it is no longer authenticated", () => {
    const { state } = setup();
    const peer = state.peers[5]!;
    peer.authSentAt = 7;
    peer.fetchSentAt = 8;
    detach(state, 5);
    expect(peer.upstream).toBe(-1);
    expect(peer.authenticated).toBe(false);
    expect(peer.authSentAt).toBe(-1);
    expect(peer.fetchSentAt).toBe(-1);
    expect(peer.status).toBe('online'); // the caller decides where the client goes next
    expect(state.supernodes.map((sn) => sn.clients)).toEqual([3, 2, 1, 0, 0, 0]);
  });

  it('leaves the client count alone when a host leaves its own supernode', () => {
    const { state } = setup();
    detach(state, 0);
    expect(state.peers[0]!.upstream).toBe(-1);
    expect(state.peers[0]!.authenticated).toBe(false);
    expect(state.supernodes.map((sn) => sn.clients)).toEqual([3, 2, 2, 0, 0, 0]);
  });

  it('resets a client without an upstream without touching any supernode', () => {
    const { state } = setup();
    const peer = state.peers[10]!;
    peer.status = 'authenticating';
    peer.authSentAt = 9;
    detach(state, 10);
    expect(peer.upstream).toBe(-1);
    expect(peer.authSentAt).toBe(-1);
    expect(state.supernodes.map((sn) => sn.clients)).toEqual([3, 2, 2, 0, 0, 0]);
  });
});

describe('reconnect', () => {
  it('skype-2010 reconnects after reconnectInterval, with a fresh retry count', () => {
    const { model, state } = setup('skype-2010', { reconnectInterval: 3 });
    const peer = state.peers[5]!;
    peer.retries = 5;
    const rng = state.rng;
    reconnect(state, model, 5);
    expect(peer.status).toBe('connecting');
    expect(peer.retries).toBe(0);
    expect(peer.nextAttempt).toBe(13);
    expect(state.rng).toBe(rng);
  });

  it('skype-2007 reconnects on the next tick (first step of its fixed schedule)', () => {
    const { model, state } = setup('skype-2007', { retryInterval: 5, reconnectInterval: 3 });
    state.peers[5]!.retries = 2;
    reconnect(state, model, 5);
    expect(state.peers[5]!.status).toBe('connecting');
    expect(state.peers[5]!.retries).toBe(0);
    expect(state.peers[5]!.nextAttempt).toBe(11);
  });

  it('backoff-jitter reconnects after a jittered wait in [1, backoffBase], drawn from the protocol PRNG', () => {
    const waits = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const { model, state } = setup('skype-2010+backoff-jitter', { seed, backoffBase: 4, backoffCap: 8, reconnectInterval: 3 });
      const rng = state.rng;
      reconnect(state, model, 5);
      expect(state.rng).not.toBe(rng);
      waits.add(state.peers[5]!.nextAttempt - state.tick);
    }
    expect([...waits].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });
});

describe('detachOrphans', () => {
  it.each(['restarting', 'down', 'idle'] as const)('detaches every client of a supernode that is %s, its host too, and they reconnect', (status) => {
    const { model, state } = setup('skype-2010', { reconnectInterval: 2 });
    state.supernodes[0]!.status = status;
    state.peers[6]!.status = 'authenticating';
    state.peers[6]!.authSentAt = 9;
    state.peers[9]!.fetchSentAt = 8;
    detachOrphans(state, model);
    for (const p of [0, 3, 6, 9]) {
      const peer = state.peers[p]!;
      expect(peer.upstream, `peer ${p}`).toBe(-1);
      expect(peer.status, `peer ${p}`).toBe('connecting');
      expect(peer.authenticated, `peer ${p}`).toBe(false);
      expect(peer.nextAttempt, `peer ${p}`).toBe(12);
    }
    expect(state.peers[6]!.authSentAt).toBe(-1);
    expect(state.peers[9]!.fetchSentAt).toBe(-1);
    expect(state.supernodes[0]!.clients).toBe(0);
    expect(state.supernodes[0]!.status).toBe(status);
  });

  it('leaves the clients of serving supernodes and peers without an upstream alone', () => {
    const { model, state } = setup();
    state.supernodes[0]!.status = 'restarting';
    state.peers[10]!.wantsOnline = true;
    state.peers[10]!.nextAttempt = 30;
    const before = structuredClone(state);
    detachOrphans(state, model);
    for (const p of [1, 2, 4, 5, 7, 8, 10]) expect(state.peers[p], `peer ${p}`).toEqual(before.peers[p]);
    expect(state.supernodes.slice(1)).toEqual(before.supernodes.slice(1));
  });

  it('changes nothing when every supernode a client is attached to serves', () => {
    const { model, state } = setup();
    state.peers[5]!.status = 'crashed';
    detach(state, 5);
    const before = structuredClone(state);
    detachOrphans(state, model);
    expect(state).toEqual(before);
  });
});

describe('what detachOrphans records', () => {
  it("records each client it detaches from a supernode that stopped serving, never the supernode's own host", () => {
    const { model, state } = setup();
    const effects: unknown[] = [];
    const recording: Model = { ...model, record: (effect) => effects.push(effect) };
    state.supernodes[0]!.status = 'restarting';
    detachOrphans(state, recording);
    expect(effects.filter((e) => (e as { kind: string }).kind === 'clientDetached')).toEqual(
      [3, 6, 9].map((peer) => ({ kind: 'clientDetached', peer, supernode: 0 })),
    );
  });
});
