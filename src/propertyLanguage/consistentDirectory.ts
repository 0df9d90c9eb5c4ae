/**
 * consistent-directory (always): every online client is attached to exactly one live supernode,
 * supernode client counts match, and nobody is online without having been authenticated.
 */
import type { Model, State } from '../model/index.ts';
import type { AlwaysProperty } from './property.ts';

export function checkDirectory(state: State): string | null {
  const counts = state.supernodes.map(() => 0);
  for (let p = 0; p < state.peers.length; p++) {
    const peer = state.peers[p]!;
    if (peer.status === 'online' || peer.status === 'authenticating') {
      const sn = state.supernodes[peer.upstream];
      if (!sn || sn.status !== 'up') return `peer ${p} is ${peer.status} but its supernode ${peer.upstream} is not serving`;
      if (peer.role === 'supernode' && peer.upstream !== peer.slot) return `supernode host ${p} is attached to supernode ${peer.upstream}, not its own`;
      if (peer.upstream !== peer.slot) counts[peer.upstream]!++;
    } else if (peer.upstream !== -1) {
      return `peer ${p} is ${peer.status} but still attached to supernode ${peer.upstream}`;
    }
    if (peer.status === 'online' && !peer.authenticated) return `peer ${p} is online without having been authenticated`;
    if (peer.role === 'supernode' && state.supernodes[peer.slot]?.status === 'idle') return `peer ${p} is a supernode host but its slot is idle`;
  }
  for (let s = 0; s < state.supernodes.length; s++) {
    const sn = state.supernodes[s]!;
    const expected = sn.status === 'up' ? counts[s]! : 0;
    if (sn.status === 'up' && sn.clients !== expected) return `supernode ${s} counts ${sn.clients} clients but ${expected} are attached`;
    if (sn.status !== 'up' && counts[s]! > 0) return `supernode ${s} is ${sn.status} but has ${counts[s]} clients attached`;
  }
  return null;
}

export const consistentDirectory: AlwaysProperty = {
  kind: 'always',
  id: 'consistent-directory',
  summary: 'every online client is attached to exactly one live supernode, counts match, nobody is online unauthenticated',
  reads: [],
  check: (state) => checkDirectory(state),
  triggered: (state: State, _model: Model) => state.counters.attempts > 0,
};
