/**
 * Offline messages (MODEL.md step 5, the 2010 trigger): an online client's fetch joins the cluster's
 * bounded FIFO (dropped past `offlineQueueLimit`); the cluster answers at most its current capacity
 * per tick, in order, each reply `level` ticks later once degraded; a reply more than `fetchDeadline`
 * ticks after the fetch is late, and a late reply crashes the `buggy` release unless the client is
 * robust. Stale replies cost capacity but reach nobody.
 */
import { describe, expect, it } from 'vitest';
import { answerOfflineMessages, fetchOfflineMessages } from '../../../src/model/actions/fetchOfflineMessages.ts';
import { init, smallConfig, variant, type Config, type Model, type State } from '../../../src/model/index.ts';

/** smallConfig: peers 3..9 are online ordinary clients (peer 5 of slot 2); peer 1 hosts slot 1. */
function setup(name = 'skype-2010', overrides: Partial<Config> = {}): { model: Model; state: State } {
  const model: Model = {
    config: { ...smallConfig, fetchDeadline: 2, syncInterval: 4, offlineQueueLimit: 3, ...overrides },
    protocol: variant(name),
  };
  const state = init(model);
  state.tick = 10;
  return { model, state };
}

/** Peer `p` has a fetch pending, sent at `sentAt`, at the back of the cluster's queue. */
function pending(state: State, p: number, sentAt: number): void {
  state.peers[p]!.fetchSentAt = sentAt;
  state.offline.queue.push({ peer: p, sentAt });
}

describe('fetchOfflineMessages', () => {
  it('queues the fetch at the back, marks it pending and schedules the next sync syncInterval ticks on', () => {
    const { model, state } = setup();
    pending(state, 4, 9);
    fetchOfflineMessages(state, model, 5);
    expect(state.offline.queue).toEqual([
      { peer: 4, sentAt: 9 },
      { peer: 5, sentAt: 10 },
    ]);
    expect(state.peers[5]!.fetchSentAt).toBe(10);
    expect(state.peers[5]!.nextSync).toBe(14);
  });

  it('still queues the fetch that fills the queue to offlineQueueLimit', () => {
    const { model, state } = setup();
    pending(state, 3, 9);
    pending(state, 4, 9);
    fetchOfflineMessages(state, model, 5);
    expect(state.offline.queue).toHaveLength(3);
    expect(state.peers[5]!.fetchSentAt).toBe(10);
  });

  it('drops a fetch past the queue limit: nothing pending, but the next sync is still scheduled', () => {
    const { model, state } = setup();
    pending(state, 3, 9);
    pending(state, 4, 9);
    pending(state, 6, 9);
    const queue = structuredClone(state.offline.queue);
    fetchOfflineMessages(state, model, 5);
    expect(state.offline.queue).toEqual(queue);
    expect(state.peers[5]!.fetchSentAt).toBe(-1);
    expect(state.peers[5]!.nextSync).toBe(14);
  });
});

describe('answerOfflineMessages: capacity and order', () => {
  it('answers at most its current capacity per tick, first come first served', () => {
    const { model, state } = setup('skype-2010', { offlineQueueLimit: 8 });
    state.offline.capacity = 2;
    for (const p of [6, 3, 5]) pending(state, p, 10);
    expect(answerOfflineMessages(state, model)).toBe(false);
    expect(state.peers[6]!.fetchSentAt).toBe(-1);
    expect(state.peers[3]!.fetchSentAt).toBe(-1);
    expect(state.peers[5]!.fetchSentAt).toBe(10);
    expect(state.offline.queue).toEqual([{ peer: 5, sentAt: 10 }]);
  });

  it('empties a queue of exactly its capacity', () => {
    const { model, state } = setup('skype-2010', { offlineQueueLimit: 8 });
    state.offline.capacity = 3;
    for (const p of [6, 3, 5]) pending(state, p, 10);
    answerOfflineMessages(state, model);
    expect(state.offline.queue).toEqual([]);
    for (const p of [6, 3, 5]) expect(state.peers[p]!.fetchSentAt, `peer ${p}`).toBe(-1);
  });

  it('uses its degraded capacity, not the configured one', () => {
    const { model, state } = setup('skype-2010', { offlineCapacity: 4, offlineQueueLimit: 8 });
    state.offline.capacity = 1;
    for (const p of [6, 3]) pending(state, p, 10);
    answerOfflineMessages(state, model);
    expect(state.offline.queue).toEqual([{ peer: 3, sentAt: 10 }]);
  });

  it('does nothing with an empty queue', () => {
    const { model, state } = setup();
    const before = structuredClone(state);
    expect(answerOfflineMessages(state, model)).toBe(false);
    expect(state).toEqual(before);
  });

  it('degraded to level L, answers a fetch L ticks after it was sent and not a tick earlier', () => {
    const { model, state } = setup('skype-2010', { fetchDeadline: 4 });
    state.offline.level = 2;
    pending(state, 5, 10);
    state.tick = 11;
    answerOfflineMessages(state, model);
    expect(state.offline.queue).toHaveLength(1);
    expect(state.peers[5]!.fetchSentAt).toBe(10);
    state.tick = 12;
    answerOfflineMessages(state, model);
    expect(state.offline.queue).toHaveLength(0);
    expect(state.peers[5]!.fetchSentAt).toBe(-1);
    expect(state.counters.lateReplies).toBe(0);
  });

  it('answers in order: a fetch not yet ready holds back the ones behind it', () => {
    const { model, state } = setup('skype-2010', { fetchDeadline: 4 });
    state.offline.level = 1;
    pending(state, 3, 10);
    pending(state, 4, 11);
    pending(state, 5, 9);
    state.tick = 11;
    answerOfflineMessages(state, model);
    expect(state.offline.queue).toEqual([
      { peer: 4, sentAt: 11 },
      { peer: 5, sentAt: 9 },
    ]);
    expect(state.peers[5]!.fetchSentAt).toBe(9);
  });

  it('spends capacity on a stale fetch (client no longer online) without a late reply or a crash', () => {
    const { model, state } = setup();
    state.offline.capacity = 1;
    pending(state, 5, 3); // long overdue
    pending(state, 7, 10);
    const peer = state.peers[5]!;
    peer.status = 'connecting';
    const counters = { ...state.counters };
    expect(answerOfflineMessages(state, model)).toBe(false);
    expect(peer.status).toBe('connecting');
    expect(peer.fetchSentAt).toBe(3);
    expect(state.counters).toEqual(counters);
    expect(state.offline.queue).toEqual([{ peer: 7, sentAt: 10 }]);
  });

  it('ignores a reply to an older fetch than the one the client waits for', () => {
    const { model, state } = setup();
    state.peers[5]!.release = 'buggy';
    state.offline.queue.push({ peer: 5, sentAt: 3 }); // from a previous session
    pending(state, 5, 10);
    state.offline.capacity = 1;
    expect(answerOfflineMessages(state, model)).toBe(false);
    expect(state.peers[5]!.status).toBe('online');
    expect(state.peers[5]!.fetchSentAt).toBe(10);
    expect(state.counters.lateReplies).toBe(0);
    expect(state.offline.queue).toEqual([{ peer: 5, sentAt: 10 }]);
  });
});

describe('answerOfflineMessages: late replies', () => {
  it('a reply exactly fetchDeadline ticks after the fetch is on time: the buggy release survives', () => {
    const { model, state } = setup('skype-2010', { fetchDeadline: 2 });
    state.peers[5]!.release = 'buggy';
    pending(state, 5, 8);
    const counters = { ...state.counters };
    expect(answerOfflineMessages(state, model)).toBe(false);
    expect(state.peers[5]!.status).toBe('online');
    expect(state.peers[5]!.fetchSentAt).toBe(-1);
    expect(state.counters).toEqual(counters);
  });

  it('a reply one tick past the deadline is late and crashes the buggy release: one late reply, one crash', () => {
    const { model, state } = setup('skype-2010', { fetchDeadline: 2, userRestartDelay: 2 });
    state.peers[5]!.release = 'buggy';
    pending(state, 5, 7);
    const counters = { ...state.counters };
    expect(answerOfflineMessages(state, model)).toBe(true);
    const peer = state.peers[5]!;
    expect(peer.status).toBe('crashed');
    expect(peer.upstream).toBe(-1);
    expect(peer.nextAttempt).toBe(12);
    expect(state.supernodes[2]!.clients).toBe(1);
    expect(state.counters).toEqual({ ...counters, lateReplies: 1, crashes: 1 });
    expect(state.offline.queue).toEqual([]);
  });

  it.each([
    ['skype-2010', 'fixed'],
    ['skype-2010+robust-client', 'buggy'],
    ['fixed', 'buggy'],
  ] as const)('on %s, a late reply to the %s release is discarded: the client survives', (name, release) => {
    const { model, state } = setup(name);
    state.peers[5]!.release = release;
    pending(state, 5, 7);
    const counters = { ...state.counters };
    expect(answerOfflineMessages(state, model)).toBe(false);
    expect(state.peers[5]!.status).toBe('online');
    expect(state.peers[5]!.fetchSentAt).toBe(-1);
    expect(state.counters).toEqual({ ...counters, lateReplies: 1 });
  });

  it('degraded past the deadline, every reply is late: each buggy client crashes once', () => {
    const { model, state } = setup('skype-2010', { fetchDeadline: 2, offlineQueueLimit: 8 });
    state.offline.level = 3;
    state.peers[3]!.release = 'buggy';
    state.peers[4]!.release = 'fixed';
    state.peers[5]!.release = 'buggy';
    for (const p of [3, 4, 5]) pending(state, p, 7);
    expect(answerOfflineMessages(state, model)).toBe(true);
    expect(state.peers.map((peer) => peer.status).slice(3, 6)).toEqual(['crashed', 'online', 'crashed']);
    expect(state.counters.lateReplies).toBe(3);
    expect(state.counters.crashes).toBe(2);
  });

  it('a buggy supernode host crashing on a late reply takes its supernode down: one crash loss', () => {
    const { model, state } = setup('skype-2010');
    state.peers[1]!.release = 'buggy';
    pending(state, 1, 7);
    const counters = { ...state.counters };
    expect(answerOfflineMessages(state, model)).toBe(true);
    expect(state.peers[1]!.status).toBe('crashed');
    expect(state.supernodes[1]!.status).toBe('down');
    expect(state.counters).toEqual({ ...counters, lateReplies: 1, crashes: 1, crashLosses: 1 });
  });
});
