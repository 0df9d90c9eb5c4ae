/**
 * A client crashes, by the late-reply defect or by an injected fault. If it hosts a supernode, the
 * supernode is lost with it until the user restarts the client. Callers detach the orphans after.
 */
import type { Model } from '../model.ts';
import type { State } from '../state.ts';
import { detach } from './session.ts';

export function crashClient(state: State, model: Model, p: number, injected: boolean): void {
  const peer = state.peers[p]!;
  const cause = injected ? 'injected' : 'lateReply';
  model.record?.({ kind: 'clientCrashed', peer: p, cause });
  if (peer.role === 'supernode') {
    const sn = state.supernodes[peer.slot]!;
    const wasServing = sn.status === 'up';
    if (wasServing) {
      if (injected) state.counters.faultLosses++;
      else state.counters.crashLosses++;
    }
    model.record?.({ kind: 'hostCrashed', peer: p, supernode: peer.slot, cause, wasServing });
    sn.status = 'down';
    sn.restartAt = -1;
  }
  detach(state, p);
  peer.status = 'crashed';
  peer.nextAttempt = state.tick + model.config.userRestartDelay;
  if (injected) state.counters.injectedCrashes++;
  else state.counters.crashes++;
}
