/**
 * Restarts: supernodes whose restart delay has passed serve again (empty); rebooted machines and
 * crashed clients whose user restarts them begin to log in again, a crashed host restarting its
 * supernode as it does.
 */
import type { Model } from '../model.ts';
import type { State } from '../state.ts';

/** Step 1a: restarting supernodes whose time has come serve again. */
export function completeRestarts(state: State, model: Model): void {
  const { supernodes } = state;
  for (let s = 0; s < supernodes.length; s++) {
    const sn = supernodes[s]!;
    if (sn.status === 'restarting' && sn.restartAt <= state.tick) {
      sn.status = 'up';
      sn.restartAt = -1;
      sn.overloadedTicks = 0;
      model.record?.({ kind: 'supernodeServingAgain', supernode: s });
    }
  }
}

/** Step 1b, for one peer: a stopped client whose time has come starts logging in (or stays off). */
export function restartClient(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  if (!peer.wantsOnline) {
    peer.status = 'off';
    return;
  }
  if (peer.status === 'crashed' && peer.role === 'supernode') {
    const sn = state.supernodes[peer.slot]!;
    if (sn.status === 'down') {
      sn.status = 'restarting';
      sn.restartAt = state.tick + model.config.restartDelay;
      model.record?.({ kind: 'hostRestarted', peer: p, supernode: peer.slot });
    }
  }
  peer.status = 'connecting';
  peer.retries = 0;
  peer.nextAttempt = state.tick;
  model.record?.({ kind: 'clientRestarted', peer: p });
}
