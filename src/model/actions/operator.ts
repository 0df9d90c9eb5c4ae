/**
 * The operator (mega-supernodes fix): dedicated high-capacity supernodes, added by hand
 * (`addMegaSupernodes`) or by the runbook when serving capacity has fallen short of demand for
 * `operatorDetectionTicks` ticks in a row. Clients find them through the bootstrap service.
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
  }
  state.counters.megaAdded += added;
  return added;
}

/** The runbook's check for one tick. */
export function watchCapacity(state: State, model: Model): void {
  let capacity = 0;
  for (const sn of state.supernodes) if (sn.status === 'up') capacity += sn.capacity;
  let demand = 0;
  for (const peer of state.peers) if (peer.role === 'ordinary' && peer.wantsOnline) demand++;
  state.shortageTicks = capacity < demand ? state.shortageTicks + 1 : 0;
  if (state.shortageTicks >= model.config.operatorDetectionTicks) {
    addMegaSupernodes(state, model, model.config.megaBatch);
    state.shortageTicks = 0;
  }
}
