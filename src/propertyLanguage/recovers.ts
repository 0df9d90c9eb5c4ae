/**
 * recovers (bounded liveness): within H ticks after the last fault, every client that wants to be
 * online is online and serving supernode capacity covers that demand. Checked as a heal phase of H
 * ticks (no faults) after the safety phase: the goal must hold in some heal state.
 */
import { metrics } from '../model/metrics.ts';
import type { State } from '../model/index.ts';
import type { EventuallyProperty } from './property.ts';

/** The recovery goal in one state. */
export function recovered(state: State): boolean {
  const m = metrics(state);
  return m.onlineClients === m.wantOnline && m.liveCapacity >= m.wantOnline;
}

export const recovers: EventuallyProperty = {
  kind: 'eventually',
  id: 'recovers',
  summary: 'within H ticks after the last fault, every client that wants to be online is, and capacity covers demand',
  reads: [],
  healTicks: (bounds) => bounds.healTicks,
  goal: recovered,
  monitor(start, _model, bounds) {
    const disrupted = !recovered(start) || start.faultsUsed > 0;
    let reached = recovered(start);
    return {
      observe(state) {
        if (recovered(state)) reached = true;
        return null;
      },
      finish(state) {
        if (reached) return null;
        const m = metrics(state);
        return `not recovered ${bounds.healTicks} ticks after the last fault: ${m.onlineClients} of ${m.wantOnline} clients online, ${m.liveSupernodes} supernode${m.liveSupernodes === 1 ? '' : 's'} serving ${m.liveCapacity} places`;
      },
      triggered: () => disrupted,
    };
  },
};
