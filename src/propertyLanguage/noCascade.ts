/**
 * no-cascade (always): supernodes lost to the protocol itself (overload shutdowns, and hosts that
 * crashed without an injected fault) stay within `cascadeFactor` per supernode lost to an injected
 * fault. With no fault loss at all, any protocol loss is a cascade.
 */
import type { State } from '../model/index.ts';
import type { AlwaysProperty } from './property.ts';

/** Supernodes lost to the protocol itself so far. */
export function protocolLosses(state: State): number {
  return state.counters.overloadShutdowns + state.counters.crashLosses;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const noCascade: AlwaysProperty = {
  kind: 'always',
  id: 'no-cascade',
  summary: 'supernodes lost to overload and to uninjected crashes stay within the cascade factor per supernode lost to a fault',
  reads: ['overloadShutdowns', 'crashLosses', 'faultLosses'],
  check: (state, _model, bounds) => {
    const lost = protocolLosses(state);
    const allowed = bounds.cascadeFactor * state.counters.faultLosses;
    if (lost <= allowed) return null;
    const { overloadShutdowns, crashLosses, faultLosses } = state.counters;
    return `${count(lost, 'supernode')} lost to the protocol (${count(overloadShutdowns, 'overload shutdown')}, ${count(crashLosses, 'host crash', 'host crashes')}) after ${faultLosses} lost to faults; the bound is ${bounds.cascadeFactor} per fault loss`;
  },
  /**
   * Exercised when something could start a cascade: a supernode lost to anything, an overloaded
   * supernode, or a late offline-message reply reaching a client (the 2010 trigger).
   */
  triggered: (state) =>
    state.counters.faultLosses + protocolLosses(state) > 0 || state.counters.lateReplies > 0 || state.supernodes.some((sn) => sn.overloadedTicks > 0),
};
