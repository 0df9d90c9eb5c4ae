/**
 * Authentication rules (MODEL.md step 4): a client attached to a supernode sends authentication to
 * the login server, whose queue drops requests at its bound; the server serves up to its capacity per
 * tick, FIFO, and a stale request (its client gave up or sent again) still costs a service; a client
 * that waited `authTimeout` ticks gives up and retries. Pinned at the queue bound, the capacity and the
 * timeout tick, because the login flood of the 2007 outage is made of exactly these rules.
 */
import { describe, expect, it } from 'vitest';
import { giveUpAuthentication, sendAuthentication, serveLogins } from '../../../src/model/actions/authenticate.ts';
import { init, smallConfig, variant, type Config, type Model, type State } from '../../../src/model/index.ts';
import { tick } from '../../../src/model/tick.ts';

const NOW = 10;

/**
 * smallConfig's initial state at tick 10 (peers 0..2 host slots 0..2; peers 3..9 online ordinary
 * clients: slot 0 has 3, 6, 9; slot 1 has 4, 7; slot 2 has 5, 8; peer 10 is off).
 */
function setup(name = 'skype-2007', overrides: Partial<Config> = {}): { model: Model; state: State } {
  const model: Model = { config: { ...smallConfig, retryInterval: 5, ...overrides }, protocol: variant(name) };
  const state = init(model);
  state.tick = NOW;
  return { model, state };
}

/** Turns online peer `p` back into one waiting for the login server since tick `sentAt` (same upstream). */
function waiting(state: State, p: number, sentAt: number): void {
  const peer = state.peers[p]!;
  peer.status = 'authenticating';
  peer.authenticated = false;
  peer.authSentAt = sentAt;
  peer.retries = 2;
}

/** Runs `action` and checks that the state changed exactly as `edit` says, and in nothing else. */
function expectChange(state: State, action: () => void, edit: (expected: State) => void): void {
  const expected = structuredClone(state);
  edit(expected);
  action();
  expect(state).toEqual(expected);
}

/** The edits of peer `p` being authenticated at tick NOW: online, and fetching its offline messages. */
function served(expected: State, model: Model, p: number): void {
  const peer = expected.peers[p]!;
  peer.status = 'online';
  peer.authenticated = true;
  peer.authSentAt = -1;
  peer.retries = 0;
  peer.nextSync = NOW + model.config.syncInterval;
  peer.fetchSentAt = NOW;
  expected.offline.queue.push({ peer: p, sentAt: NOW });
}

describe('sendAuthentication: the login queue is bounded', () => {
  it.each([1, 4])('queues the request with its send tick while the queue holds fewer than its bound (bound %i)', (limit) => {
    const { model, state } = setup('skype-2007', { loginQueueLimit: limit });
    for (let i = 0; i < limit - 1; i++) state.loginQueue.push({ peer: 3 + i, sentAt: 9 });
    waiting(state, 8, -1);
    expectChange(
      state,
      () => sendAuthentication(state, model, 8),
      (e) => {
        e.peers[8]!.authSentAt = NOW;
        e.loginQueue.push({ peer: 8, sentAt: NOW });
      },
    );
    expect(state.loginQueue).toHaveLength(limit);
  });

  it.each([1, 4])('drops the request at exactly its bound, counting one drop; the client still waits as if sent (bound %i)', (limit) => {
    const { model, state } = setup('skype-2007', { loginQueueLimit: limit });
    for (let i = 0; i < limit; i++) state.loginQueue.push({ peer: 3 + i, sentAt: 9 });
    state.counters.authDropped = 5;
    waiting(state, 8, -1);
    expectChange(
      state,
      () => sendAuthentication(state, model, 8),
      (e) => {
        e.peers[8]!.authSentAt = NOW;
        e.counters.authDropped = 6;
      },
    );
  });
});

describe('serveLogins: the login server serves up to its capacity per tick, FIFO', () => {
  it('a served client is online and authenticated, its retry count starts again, and it fetches its offline messages', () => {
    const { model, state } = setup();
    waiting(state, 5, 8);
    state.loginQueue.push({ peer: 5, sentAt: 8 });
    expectChange(
      state,
      () => serveLogins(state, model),
      (e) => {
        served(e, model, 5);
        e.loginQueue = [];
      },
    );
    expect(state.peers[5]!.upstream).toBe(2);
  });

  it('serves exactly loginCapacity requests in arrival order; the rest wait at the head of the queue', () => {
    const { model, state } = setup('skype-2007', { loginCapacity: 2 });
    for (const p of [7, 3, 5]) {
      waiting(state, p, 9);
      state.loginQueue.push({ peer: p, sentAt: 9 });
    }
    expectChange(
      state,
      () => serveLogins(state, model),
      (e) => {
        served(e, model, 7);
        served(e, model, 3);
        e.loginQueue = [{ peer: 5, sentAt: 9 }];
      },
    );
  });

  it('serves everything when the queue is shorter than its capacity', () => {
    const { model, state } = setup('skype-2007', { loginCapacity: 3 });
    for (const p of [4, 6]) {
      waiting(state, p, 9);
      state.loginQueue.push({ peer: p, sentAt: 9 });
    }
    expectChange(
      state,
      () => serveLogins(state, model),
      (e) => {
        served(e, model, 4);
        served(e, model, 6);
        e.loginQueue = [];
      },
    );
  });

  it('does nothing with an empty queue', () => {
    const { model, state } = setup();
    expectChange(
      state,
      () => serveLogins(state, model),
      () => {},
    );
  });

  it('a request whose client gave up still costs a service, and changes nothing for that client', () => {
    const { model, state } = setup('skype-2007', { loginCapacity: 2 });
    const gaveUp = state.peers[10]!;
    gaveUp.status = 'connecting';
    gaveUp.wantsOnline = true;
    gaveUp.authSentAt = -1;
    state.loginQueue.push({ peer: 10, sentAt: 6 });
    for (const p of [3, 4]) {
      waiting(state, p, 9);
      state.loginQueue.push({ peer: p, sentAt: 9 });
    }
    expectChange(
      state,
      () => serveLogins(state, model),
      (e) => {
        served(e, model, 3);
        e.loginQueue = [{ peer: 4, sentAt: 9 }];
      },
    );
  });

  it('a superseded request (its client sent again since) still costs a service; the newer one is served in its turn', () => {
    const { model, state } = setup('skype-2007', { loginCapacity: 2 });
    waiting(state, 6, 9);
    waiting(state, 7, 8);
    state.loginQueue.push({ peer: 6, sentAt: 5 }, { peer: 7, sentAt: 8 }, { peer: 6, sentAt: 9 });
    expectChange(
      state,
      () => serveLogins(state, model),
      (e) => {
        served(e, model, 7);
        e.loginQueue = [{ peer: 6, sentAt: 9 }];
      },
    );
    serveLogins(state, model);
    expect(state.peers[6]!.status).toBe('online');
    expect(state.loginQueue).toEqual([]);
  });

  it('a request of a client that is no longer authenticating is not served even if its send tick matches', () => {
    const { model, state } = setup('skype-2007', { loginCapacity: 2 });
    state.peers[9]!.status = 'crashed';
    state.peers[9]!.authSentAt = 9;
    state.loginQueue.push({ peer: 9, sentAt: 9 });
    expectChange(
      state,
      () => serveLogins(state, model),
      (e) => {
        e.loginQueue = [];
      },
    );
  });
});

describe('giveUpAuthentication: a client that waited too long gives up this attempt', () => {
  it('leaves its supernode, loses its session, goes back to connecting and schedules its retry as a failed attempt', () => {
    const { model, state } = setup('skype-2007');
    waiting(state, 4, 7);
    state.peers[4]!.retries = 0;
    state.peers[4]!.fetchSentAt = 6;
    state.loginQueue.push({ peer: 4, sentAt: 7 });
    expectChange(
      state,
      () => giveUpAuthentication(state, model, 4),
      (e) => {
        const peer = e.peers[4]!;
        e.supernodes[1]!.clients = 1;
        peer.upstream = -1;
        peer.authSentAt = -1;
        peer.fetchSentAt = -1;
        peer.status = 'connecting';
        peer.retries = 1;
        peer.nextAttempt = NOW + 1; // 2007: the next host-cache entry at once
        // the request stays queued: stale now, it will still cost the server a service
      },
    );
  });

  it('giving up the last attempt of a round of the host cache brings the 2007 fixed pause', () => {
    const { model, state } = setup('skype-2007');
    waiting(state, 4, 7);
    state.peers[4]!.retries = 1;
    giveUpAuthentication(state, model, 4);
    expect(state.peers[4]!.retries).toBe(2);
    expect(state.peers[4]!.nextAttempt).toBe(NOW + 5);
  });

  it('a supernode host giving up leaves its own supernode without changing its client count', () => {
    const { model, state } = setup('skype-2010', { reconnectInterval: 3 });
    waiting(state, 1, 7);
    state.peers[1]!.retries = 0;
    giveUpAuthentication(state, model, 1);
    expect(state.peers[1]!.upstream).toBe(-1);
    expect(state.peers[1]!.status).toBe('connecting');
    expect(state.peers[1]!.nextAttempt).toBe(NOW + 3);
    expect(state.supernodes.map((sn) => sn.clients)).toEqual([3, 2, 2, 0, 0, 0]);
  });

  it.each([1, 3, 5])('in a tick, a client gives up exactly authTimeout ticks after sending, not one tick earlier (authTimeout %i)', (authTimeout) => {
    const { model, state } = setup('skype-2007', { authTimeout });
    const sentAt = 20;
    waiting(state, 4, sentAt); // its request was dropped: the login server never answers
    state.peers[4]!.retries = 0;
    state.tick = sentAt + authTimeout - 2;
    tick(state, model);
    expect(state.tick).toBe(sentAt + authTimeout - 1);
    expect(state.peers[4]!.status).toBe('authenticating');
    expect(state.peers[4]!.upstream).toBe(1);
    expect(state.supernodes[1]!.clients).toBe(2);
    tick(state, model);
    expect(state.tick).toBe(sentAt + authTimeout);
    expect(state.peers[4]!.status).toBe('connecting');
    expect(state.peers[4]!.upstream).toBe(-1);
    expect(state.peers[4]!.retries).toBe(1);
    expect(state.peers[4]!.nextAttempt).toBe(sentAt + authTimeout + 1);
    expect(state.supernodes[1]!.clients).toBe(1);
  });
});
