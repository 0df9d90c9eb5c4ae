/**
 * Fetch offline messages: an online client asks the offline-message cluster after login and every
 * `syncInterval` ticks. The cluster answers up to its capacity per tick, FIFO, each reply taking
 * `level` ticks more once degraded; a reply past the client's deadline is late, and the `buggy`
 * release crashes on it unless the client is robust.
 */
import type { Model } from '../model.ts';
import type { State } from '../state.ts';
import { crashClient } from './crashClient.ts';
import { dropFront } from './queue.ts';

export function fetchOfflineMessages(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  peer.nextSync = state.tick + model.config.syncInterval;
  if (state.offline.queue.length >= model.config.offlineQueueLimit) {
    model.record?.({ kind: 'fetchDropped', peer: p }); // no reply, no harm
    return;
  }
  peer.fetchSentAt = state.tick;
  state.offline.queue.push({ peer: p, sentAt: state.tick });
  model.record?.({ kind: 'fetchSent', peer: p });
}

/** The offline-message cluster's work for one tick; returns whether any client crashed. */
export function answerOfflineMessages(state: State, model: Model): boolean {
  const { queue, capacity, level } = state.offline;
  let ready = 0;
  while (ready < queue.length && ready < capacity && queue[ready]!.sentAt + level <= state.tick) ready++;
  let crashed = false;
  for (let r = 0; r < ready; r++) {
    const { peer: p, sentAt } = queue[r]!;
    const peer = state.peers[p]!;
    if (peer.status !== 'online' || peer.fetchSentAt !== sentAt) continue;
    peer.fetchSentAt = -1;
    if (state.tick - sentAt <= model.config.fetchDeadline) {
      model.record?.({ kind: 'replyOnTime', peer: p });
      continue;
    }
    state.counters.lateReplies++;
    model.record?.({ kind: 'replyLate', peer: p });
    if (peer.release === 'buggy' && model.protocol.crashOnLateReply) {
      crashClient(state, model, p, false);
      crashed = true;
    }
  }
  dropFront(queue, ready);
  return crashed;
}
