/**
 * A client's session with its supernode: attaching, detaching, and noticing that the supernode is
 * gone. A supernode's own host is never counted among its clients.
 */
import type { Model } from '../model.ts';
import type { State } from '../state.ts';
import { reconnectDelay } from './retry.ts';

/** Attaches peer `p` to supernode slot `s` (counted as a client unless `p` hosts `s`). */
export function attach(state: State, p: number, s: number): void {
  const peer = state.peers[p]!;
  peer.upstream = s;
  if (peer.slot !== s) state.supernodes[s]!.clients++;
}

/** Ends peer `p`'s session: its supernode forgets it, and it is no longer authenticated. */
export function detach(state: State, p: number): void {
  const peer = state.peers[p]!;
  if (peer.upstream >= 0 && peer.upstream !== peer.slot) state.supernodes[peer.upstream]!.clients--;
  peer.upstream = -1;
  peer.authenticated = false;
  peer.authSentAt = -1;
  peer.fetchSentAt = -1;
}

/** Puts a peer that lost its session back to connecting, after the protocol's reconnect delay. */
export function reconnect(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  peer.status = 'connecting';
  peer.retries = 0;
  peer.nextAttempt = state.tick + reconnectDelay(state, model);
}

/**
 * Clients whose supernode stopped serving lose their upstream and reconnect. One pass over the
 * peers, run once after every phase that can take supernodes out, so the directory stays consistent.
 */
export function detachOrphans(state: State, model: Model): void {
  const { peers, supernodes } = state;
  for (let p = 0; p < peers.length; p++) {
    const peer = peers[p]!;
    if (peer.upstream >= 0 && supernodes[peer.upstream]!.status !== 'up') {
      if (peer.upstream !== peer.slot) model.record?.({ kind: 'clientDetached', peer: p, supernode: peer.upstream });
      detach(state, p);
      reconnect(state, model, p);
    }
  }
}
