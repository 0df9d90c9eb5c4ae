/**
 * The events that apply in a state, in a stable order: tick, then faults (while the fault budget
 * lasts), then user actions (while the churn budget lasts), then the operator. Exhaustive search
 * walks this list; random search picks from it.
 */
import type { Event } from './events.ts';
import type { Model } from './model.ts';
import type { State } from './state.ts';
import { isRunning } from './actions/faults.ts';

export function enabled(state: State, model: Model): Event[] {
  const { config, protocol } = model;
  const events: Event[] = [{ kind: 'tick' }];
  const { peers } = state;
  if (state.faultsUsed < config.faultBudget) {
    for (let p = 0; p < peers.length; p++) if (isRunning(peers[p])) events.push({ kind: 'crash', peer: p });
    for (let p = 0; p < peers.length; p++) if (isRunning(peers[p])) events.push({ kind: 'reboot', peer: p });
    if (peers.some(isRunning)) {
      for (const percent of config.massRebootPercents) events.push({ kind: 'massReboot', percent });
    }
    for (const level of config.degradeLevels) if (level > state.offline.level) events.push({ kind: 'degradeOfflineMessages', level });
  }
  if (state.userActions < config.churnBudget) {
    for (let p = 0; p < peers.length; p++) if (!peers[p]!.wantsOnline) events.push({ kind: 'goOnline', peer: p });
    for (let p = 0; p < peers.length; p++) if (peers[p]!.wantsOnline) events.push({ kind: 'goOffline', peer: p });
  }
  if (protocol.megaSupernodes && state.supernodes.some((sn) => sn.kind === 'mega' && sn.status === 'idle')) {
    for (const count of config.megaCounts) events.push({ kind: 'addMegaSupernodes', count });
  }
  return events;
}
