/**
 * Overload: a supernode is overloaded in a tick when the connect requests it had to handle exceed its
 * work budget (a cheap rejection costs `rejectCostPercent` of an accepted connect) or when it holds
 * more clients than its capacity. After `overloadTicks` such ticks in a row a peer-hosted supernode
 * shuts itself down to protect its host machine and serves again after `restartDelay`. Dedicated
 * mega-supernodes do not shut down. Returns whether any supernode shut down.
 */
import type { Model } from '../model.ts';
import type { State, Supernode } from '../state.ts';

export function shutDownOverloaded(state: State, model: Model): boolean {
  let any = false;
  const { supernodes } = state;
  for (let s = 0; s < supernodes.length; s++) {
    const sn = supernodes[s]!;
    if (sn.status !== 'up') continue;
    sn.overloadedTicks = isOverloaded(sn, model.config.rejectCostPercent) ? sn.overloadedTicks + 1 : 0;
    if (sn.kind === 'peer' && sn.overloadedTicks >= model.config.overloadTicks) {
      sn.status = 'restarting';
      sn.restartAt = state.tick + model.config.restartDelay;
      state.counters.overloadShutdowns++;
      model.record?.({ kind: 'supernodeShutDown', supernode: s });
      any = true;
    }
  }
  return any;
}

/** Whether this tick's work exceeded the supernode's budget or its clients its capacity. */
export function isOverloaded(sn: Supernode, rejectCostPercent: number): boolean {
  const work = (sn.accepted + sn.unanswered) * 100 + sn.rejected * rejectCostPercent;
  return work > sn.budget * 100 || sn.clients > sn.capacity;
}
