/**
 * The operator (mega-supernodes fix): dedicated high-capacity supernodes, added by hand
 * (`addMegaSupernodes`) or by the runbook when serving capacity has fallen short of demand for
 * `operatorDetectionTicks` ticks in a row (or the share of users online has fallen below the alarm
 * level that long). Clients find them through the bootstrap service.
 */
import type { Model } from '../model.ts';
import type { State } from '../state.ts';

/** Puts up to `count` idle mega-supernode slots into service; returns how many. */
export function addMegaSupernodes(state: State, model: Model, count: number): number {
  let added = 0;
  for (let s = model.config.eligible; s < state.supernodes.length && added < count; s++) {
    const sn = state.supernodes[s]!;
    if (sn.status !== 'idle') continue;
    sn.status = 'up';
    sn.clients = 0;
    added++;
    model.record?.({ kind: 'megaAdded', supernode: s });
  }
  state.counters.megaAdded += added;
  return added;
}

/**
 * The runbook's check for one tick: an alarm when serving capacity falls short of demand, or when
 * fewer than `operatorAlarmPercent` of the users who want to be online are (the operator's own graph).
 */
export function watchCapacity(state: State, model: Model): void {
  let capacity = 0;
  for (const sn of state.supernodes) if (sn.status === 'up') capacity += sn.capacity;
  let demand = 0;
  let online = 0;
  for (const peer of state.peers) {
    if (peer.role !== 'ordinary' || !peer.wantsOnline) continue;
    demand++;
    if (peer.status === 'online') online++;
  }
  const fewOnline = online * 100 < demand * model.config.operatorAlarmPercent;
  state.shortageTicks = capacity < demand || fewOnline ? state.shortageTicks + 1 : 0;
  if (state.shortageTicks >= model.config.operatorDetectionTicks) {
    addMegaSupernodes(state, model, model.config.megaBatch);
    if (model.config.disableDegradedServers === 1) takeOutDegradedServers(state, model);
    state.shortageTicks = 0;
  }
}

/**
 * The operator takes the degraded offline-message servers out (as in 2010): the pending fetches are
 * dropped without a reply, so no late reply can follow, and the cluster serves at its normal pace.
 */
export function takeOutDegradedServers(state: State, model: Model): void {
  const { offline } = state;
  if (offline.level === 0) return;
  model.record?.({ kind: 'serversTakenOut', fetchesDropped: offline.queue.length });
  for (const { peer: p, sentAt } of offline.queue) {
    const peer = state.peers[p]!;
    if (peer.fetchSentAt === sentAt) peer.fetchSentAt = -1;
  }
  offline.queue.length = 0;
  offline.level = 0;
  offline.capacity = model.config.offlineCapacity;
}
