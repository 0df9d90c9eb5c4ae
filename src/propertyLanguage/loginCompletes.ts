/**
 * login-completes (bounded liveness): every client that starts logging in during the heal phase is
 * online within T ticks. A login starts when a client begins connecting (after losing its supernode,
 * a reboot, a crash restart, or its user starting it); a monitor follows it and reports the first
 * that is not online T ticks later. Crashing or going off again ends the login unjudged. The heal
 * phase runs 2T ticks so that logins begun in its first half are judged.
 */
import type { Peer } from '../model/index.ts';
import type { EventuallyProperty } from './property.ts';

/** A running client on its way in: connecting or authenticating (a rebooting or crashed one is not running). */
function loggingIn(peer: Peer): boolean {
  return peer.wantsOnline && (peer.status === 'connecting' || peer.status === 'authenticating') && peer.role === 'ordinary';
}

export const loginCompletes: EventuallyProperty = {
  kind: 'eventually',
  id: 'login-completes',
  summary: 'every client that starts logging in during the heal phase is online within T ticks',
  reads: [],
  healTicks: (bounds) => 2 * bounds.loginTicks,
  monitor(start, _model, bounds) {
    // Logins already under way when the heal phase starts are not judged here (recovers judges them).
    const was = start.peers.map(loggingIn);
    const since = start.peers.map(() => -1);
    let started = 0;
    return {
      observe(state) {
        for (let p = 0; p < state.peers.length; p++) {
          const peer = state.peers[p]!;
          const now = loggingIn(peer);
          if (!now) since[p] = -1;
          else if (!was[p]) {
            since[p] = state.tick;
            started++;
          }
          was[p] = now;
          if (since[p]! >= 0 && state.tick - since[p]! >= bounds.loginTicks) {
            return `peer ${p} began logging in at tick ${since[p]} and is still ${peer.status} ${bounds.loginTicks} ticks later`;
          }
        }
        return null;
      },
      finish: () => null,
      triggered: () => started > 0,
    };
  },
};
