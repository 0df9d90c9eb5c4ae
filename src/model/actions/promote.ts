/**
 * Self-healing: when supernode capacity falls short of demand, eligible online clients are promoted.
 * The original allocation (the 2007 defect) looks only every `promotionInterval` ticks, measures
 * demand by the clients already online, and counts rebooting, crashed and overloaded supernodes as
 * if they served, so under a login flood it sees no shortage. The load-aware allocation looks every
 * tick, counts the demand of everyone who wants to be online, and counts only serving,
 * non-overloaded capacity.
 */
import type { Model } from '../model.ts';
import type { State } from '../state.ts';

export function promote(state: State, model: Model): void {
  const { config, protocol } = model;
  if (!protocol.loadAwarePromotion && state.tick % config.promotionInterval !== 0) return;
  let capacity = 0;
  for (const sn of state.supernodes) {
    if (protocol.loadAwarePromotion ? sn.status === 'up' && sn.overloadedTicks === 0 : sn.status !== 'idle') capacity += sn.capacity;
  }
  let demand = 0;
  for (const peer of state.peers) {
    if (peer.role === 'ordinary' && (protocol.loadAwarePromotion ? peer.wantsOnline : peer.status === 'online')) demand++;
  }
  const wanted = Math.ceil((demand * 100) / config.promotionThresholdPercent);
  if (wanted <= capacity) return;
  let n = Math.min(config.promotionBatch, Math.ceil((wanted - capacity) / config.supernodeCapacity));
  for (let s = 0; s < config.eligible && n > 0; s++) {
    const host = state.peers[s]!;
    if (state.supernodes[s]!.status === 'idle' && host.role === 'ordinary' && host.status === 'online') {
      promotePeer(state, model, s);
      n--;
    }
  }
}

/** Turns online peer `p` into a supernode host: it leaves its upstream and serves from its own slot. */
export function promotePeer(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  if (peer.upstream >= 0 && peer.upstream !== peer.slot) state.supernodes[peer.upstream]!.clients--;
  const sn = state.supernodes[peer.slot]!;
  sn.status = 'up';
  sn.clients = 0;
  sn.overloadedTicks = 0;
  peer.role = 'supernode';
  peer.upstream = peer.slot;
  state.counters.promotions++;
  model.record?.({ kind: 'promoted', peer: p, supernode: peer.slot });
}

/** The inverse: host peer `p` stops serving; its slot goes idle (promotable again), the peer is an ordinary client. */
export function demotePeer(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  const sn = state.supernodes[peer.slot]!;
  model.record?.({ kind: 'demoted', peer: p, supernode: peer.slot, wasServing: sn.status === 'up' });
  sn.status = 'idle';
  sn.restartAt = -1;
  peer.role = 'ordinary';
}
