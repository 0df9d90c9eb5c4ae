/**
 * User actions: a user starts or quits the client. A user who quits while hosting a supernode takes
 * the supernode away (it becomes an ordinary, promotable peer again).
 */
import type { Model } from '../model.ts';
import type { State } from '../state.ts';
import { demotePeer } from './promote.ts';
import { detach, detachOrphans } from './session.ts';

export function goOnline(state: State, p: number): boolean {
  const peer = state.peers[p];
  if (!peer || peer.wantsOnline) return false;
  peer.wantsOnline = true;
  if (peer.status === 'off') peer.nextAttempt = state.tick + 1;
  return true;
}

export function goOffline(state: State, model: Model, p: number): boolean {
  const peer = state.peers[p];
  if (!peer || !peer.wantsOnline) return false;
  peer.wantsOnline = false;
  detach(state, p);
  if (peer.role === 'supernode') {
    const sn = state.supernodes[peer.slot]!;
    if (sn.status === 'up') state.counters.faultLosses++;
    demotePeer(state, model, p);
    detachOrphans(state, model);
  }
  if (peer.status !== 'crashed') peer.status = 'off';
  return true;
}
