/**
 * Metrics derived from a state: what the simulator prints per tick and the properties bound.
 * Pure functions of the state, one pass over peers and supernodes.
 */
import type { State } from './state.ts';

export interface Metrics {
  tick: number;
  /** Supernodes serving (peer-hosted and dedicated). */
  liveSupernodes: number;
  /** Supernode capacity serving, in clients. */
  liveCapacity: number;
  /** Ordinary clients online. */
  onlineClients: number;
  /** Ordinary clients whose user wants them online. */
  wantOnline: number;
  loginQueue: number;
  /** Peer crashes caused by the protocol (not injected). */
  crashes: number;
  overloadShutdowns: number;
  /** Connect attempts in the last tick per client that wants to be online. */
  attemptsPerClient: number;
  /** Retry amplification: connect attempts in the whole run per client that wants to be online. */
  amplification: number;
  /** Connect requests that reached supernodes in the last tick (accepted, rejected, unanswered). */
  supernodeRequests: number;
  /** Ordinary clients attached to serving supernodes. */
  attachedClients: number;
}

export function metrics(state: State): Metrics {
  let liveSupernodes = 0;
  let liveCapacity = 0;
  let supernodeRequests = 0;
  let attachedClients = 0;
  for (const sn of state.supernodes) {
    supernodeRequests += sn.accepted + sn.rejected + sn.unanswered;
    if (sn.status !== 'up') continue;
    liveSupernodes++;
    liveCapacity += sn.capacity;
    attachedClients += sn.clients;
  }
  let onlineClients = 0;
  let wantOnline = 0;
  for (const peer of state.peers) {
    if (peer.role !== 'ordinary') continue;
    if (peer.wantsOnline) wantOnline++;
    if (peer.status === 'online') onlineClients++;
  }
  return {
    tick: state.tick,
    liveSupernodes,
    liveCapacity,
    onlineClients,
    wantOnline,
    loginQueue: state.loginQueue.length,
    crashes: state.counters.crashes,
    overloadShutdowns: state.counters.overloadShutdowns,
    attemptsPerClient: wantOnline === 0 ? 0 : state.counters.tickAttempts / wantOnline,
    amplification: state.counters.attempts / Math.max(1, wantOnline),
    supernodeRequests,
    attachedClients,
  };
}
