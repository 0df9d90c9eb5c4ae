/**
 * The transition relation as mutation recipes: `apply` changes a (draft or owned) state in place and
 * returns whether the event applied. An event that does not apply changes nothing and returns false.
 */
import { isFault, type Event } from './events.ts';
import type { Model } from './model.ts';
import type { State } from './state.ts';
import { crash, degradeOfflineMessages, massReboot, reboot } from './actions/faults.ts';
import { addMegaSupernodes } from './actions/operator.ts';
import { goOffline, goOnline } from './actions/users.ts';
import { tick } from './tick.ts';

export function apply(state: State, model: Model, event: Event): boolean {
  if (event.kind === 'tick') {
    // The common event, ungated and counted against no budget: straight to the protocol's tick.
    tick(state, model);
    return true;
  }
  if (!allowed(state, model, event)) return false;
  const applied = dispatch(state, model, event);
  if (applied && isFault(event)) {
    state.faultsUsed++;
    state.lastFaultTick = state.tick;
  } else if (applied && (event.kind === 'goOnline' || event.kind === 'goOffline')) {
    state.userActions++;
  }
  return applied;
}

/** Budgets and switches that gate an event before it is tried. */
export function allowed(state: State, model: Model, event: Event): boolean {
  if (isFault(event)) return state.faultsUsed < model.config.faultBudget;
  if (event.kind === 'goOnline' || event.kind === 'goOffline') return state.userActions < model.config.churnBudget;
  if (event.kind === 'addMegaSupernodes') return model.protocol.megaSupernodes;
  return event.kind === 'tick';
}

function dispatch(state: State, model: Model, event: Event): boolean {
  switch (event.kind) {
    case 'tick':
      tick(state, model);
      return true;
    case 'crash':
      return crash(state, model, event.peer);
    case 'reboot':
      return reboot(state, model, event.peer);
    case 'massReboot':
      return massReboot(state, model, event.percent);
    case 'degradeOfflineMessages':
      return degradeOfflineMessages(state, model, event.level);
    case 'goOnline':
      return goOnline(state, event.peer);
    case 'goOffline':
      return goOffline(state, model, event.peer);
    case 'addMegaSupernodes':
      return Number.isInteger(event.count) && event.count >= 1 && addMegaSupernodes(state, model, event.count) > 0;
    default:
      return false;
  }
}
