/**
 * Authenticate: a client attached to a supernode asks the login server, which serves up to its
 * capacity per tick in FIFO order. Requests past the queue bound are dropped; a client that waited
 * `authTimeout` ticks gives up and retries. Stale requests (their client gave up) still cost service.
 */
import type { Model } from '../model.ts';
import type { State } from '../state.ts';
import { failAttempt } from './connect.ts';
import { fetchOfflineMessages } from './fetchOfflineMessages.ts';
import { dropFront } from './queue.ts';
import { detach } from './session.ts';

export function sendAuthentication(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  peer.authSentAt = state.tick;
  if (state.loginQueue.length >= model.config.loginQueueLimit) {
    state.counters.authDropped++;
    model.record?.({ kind: 'authDropped', peer: p });
  } else {
    state.loginQueue.push({ peer: p, sentAt: state.tick });
    model.record?.({ kind: 'authSent', peer: p, supernode: peer.upstream });
  }
}

/** The login server's work for one tick. */
export function serveLogins(state: State, model: Model): void {
  const queue = state.loginQueue;
  const served = Math.min(queue.length, model.config.loginCapacity);
  for (let r = 0; r < served; r++) {
    const { peer: p, sentAt } = queue[r]!;
    const peer = state.peers[p]!;
    if (peer.status !== 'authenticating' || peer.authSentAt !== sentAt) continue;
    peer.status = 'online';
    peer.authenticated = true;
    peer.authSentAt = -1;
    peer.retries = 0;
    model.record?.({ kind: 'loggedIn', peer: p });
    fetchOfflineMessages(state, model, p);
  }
  dropFront(queue, served);
}

/** A client that waited too long for the login server gives up this attempt. */
export function giveUpAuthentication(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  model.record?.({ kind: 'authTimedOut', peer: p });
  detach(state, p);
  peer.status = 'connecting';
  failAttempt(state, model, p);
}
