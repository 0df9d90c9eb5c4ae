/**
 * Faults: what the adversary injects, each counted against the fault budget by the caller.
 * Each returns false, changing nothing, when it does not apply.
 */
import type { Model } from '../model.ts';
import { nextRandom } from '../random.ts';
import type { Peer, State } from '../state.ts';
import { crashClient } from './crashClient.ts';
import { demotePeer } from './promote.ts';
import { detach, detachOrphans } from './session.ts';

/** A client crashes (an injected crash, not the late-reply defect). */
export function crash(state: State, model: Model, p: number): boolean {
  const peer = state.peers[p];
  if (!isRunning(peer)) return false;
  crashClient(state, model, p, true);
  if (peer.role === 'supernode') detachOrphans(state, model);
  return true;
}

/**
 * A machine reboots: its client stops and starts again after `rebootDelay`; a hosted supernode
 * restarts after `restartDelay` more, or, with `rebootDemotes`, is gone until self-healing promotes
 * the peer again.
 */
export function reboot(state: State, model: Model, p: number): boolean {
  const hosts = state.peers[p]?.role === 'supernode';
  if (!rebootMachine(state, model, p)) return false;
  if (hosts) detachOrphans(state, model);
  return true;
}

/**
 * Patch day: `percent` of the running machines reboot at once, the same share of supernode hosts and
 * of ordinary clients (each chosen by selection sampling with the protocol PRNG).
 */
export function massReboot(state: State, model: Model, percent: number): boolean {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100 || !state.peers.some(isRunning)) return false;
  for (const role of ['supernode', 'ordinary'] as const) {
    const members = state.peers.filter((peer) => peer.role === role && isRunning(peer)).length;
    let needed = Math.round((members * percent) / 100);
    let remaining = members;
    for (let p = 0; p < state.peers.length && needed > 0; p++) {
      const peer = state.peers[p]!;
      if (peer.role !== role || !isRunning(peer)) continue;
      if (nextRandom(state) * remaining < needed) {
        rebootMachine(state, model, p);
        needed--;
      }
      remaining--;
    }
  }
  detachOrphans(state, model);
  return true;
}

/** The offline-message cluster degrades: capacity halves per level and replies take `level` ticks more. */
export function degradeOfflineMessages(state: State, model: Model, level: number): boolean {
  if (!Number.isInteger(level) || level > 8 || level <= state.offline.level) return false;
  state.offline.level = level;
  state.offline.capacity = Math.max(1, model.config.offlineCapacity >> level);
  model.record?.({ kind: 'offlineMessagesDegraded', level, capacity: state.offline.capacity });
  return true;
}

/** A client that is up: wants to be online and is neither stopped nor crashed (what a fault can hit). */
export function isRunning(peer: Peer | undefined): peer is Peer {
  return peer !== undefined && peer.wantsOnline && peer.status !== 'off' && peer.status !== 'crashed';
}

function rebootMachine(state: State, model: Model, p: number): boolean {
  const peer = state.peers[p];
  if (!isRunning(peer)) return false;
  model.record?.({ kind: 'machineRebooted', peer: p });
  if (peer.role === 'supernode') {
    const sn = state.supernodes[peer.slot]!;
    if (sn.status === 'up') state.counters.faultLosses++;
    if (model.config.rebootDemotes === 1) {
      demotePeer(state, model, p); // it comes back as an ordinary client; its slot waits for self-healing
    } else {
      model.record?.({ kind: 'supernodeRebooted', supernode: peer.slot, wasServing: sn.status === 'up' });
      sn.status = 'restarting';
      sn.restartAt = state.tick + model.config.rebootDelay + model.config.restartDelay;
    }
  }
  detach(state, p);
  peer.status = 'off';
  peer.nextAttempt = state.tick + model.config.rebootDelay;
  return true;
}
