/**
 * One unit of protocol time. Everything the protocol does by itself happens here, in this order:
 *  0. the supernodes' per-tick work counters start from zero;
 *  1. restarts complete; stopped clients whose time has come start logging in;
 *  2. per client, in index order: a client whose authentication timed out gives up (scheduling its
 *     retry, step 8 of MODEL.md, as it fails); a client whose retry time has come connects;
 *     supernodes serve or refuse each connect as it arrives (steps 2 and 3 of MODEL.md);
 *  3. the login server authenticates (step 4); new online clients fetch offline messages;
 *  4. online clients due to sync fetch offline messages; the cluster answers; late replies crash the
 *     buggy release (step 5); clients of lost supernodes reconnect;
 *  5. overloaded supernodes shut down (step 6); their clients reconnect;
 *  6. self-healing promotes (step 7); the operator's runbook adds dedicated capacity (fix only).
 */
import type { Model } from './model.ts';
import type { State } from './state.ts';
import { giveUpAuthentication, serveLogins } from './actions/authenticate.ts';
import { connect } from './actions/connect.ts';
import { answerOfflineMessages, fetchOfflineMessages } from './actions/fetchOfflineMessages.ts';
import { watchCapacity } from './actions/operator.ts';
import { promote } from './actions/promote.ts';
import { completeRestarts, restartClient } from './actions/restart.ts';
import { detachOrphans } from './actions/session.ts';
import { shutDownOverloaded } from './actions/shutDownOverloaded.ts';

export function tick(state: State, model: Model): void {
  state.tick++;
  startTick(state);
  completeRestarts(state, model);
  runClients(state, model);
  serveLogins(state, model);
  syncOfflineMessages(state, model);
  if (answerOfflineMessages(state, model)) detachOrphans(state, model);
  if (shutDownOverloaded(state, model)) detachOrphans(state, model);
  promote(state, model);
  if (model.protocol.megaSupernodes) watchCapacity(state, model);
}

function startTick(state: State): void {
  state.counters.tickAttempts = 0;
  for (const sn of state.supernodes) {
    sn.accepted = 0;
    sn.rejected = 0;
    sn.unanswered = 0;
  }
}

/** Each client's own timers, in index order. */
function runClients(state: State, model: Model): void {
  const { peers } = state;
  const now = state.tick;
  for (let p = 0; p < peers.length; p++) {
    const peer = peers[p]!;
    if ((peer.status === 'crashed' || (peer.status === 'off' && peer.wantsOnline)) && peer.nextAttempt <= now) {
      restartClient(state, model, p);
    }
    if (peer.status === 'authenticating' && now - peer.authSentAt >= model.config.authTimeout) {
      giveUpAuthentication(state, model, p);
    }
    if (peer.status === 'connecting' && peer.nextAttempt <= now) {
      connect(state, model, p);
      // With coarse ticks, "try again at once" (a delay of one tick) fits more tries in this tick.
      for (let n = 1; n < model.config.connectsPerTick && peer.status === 'connecting' && peer.nextAttempt === now + 1 && peer.role === 'ordinary'; n++) {
        connect(state, model, p);
      }
    }
  }
}

/** Online clients whose sync time has come (and that have no fetch pending) fetch offline messages. */
function syncOfflineMessages(state: State, model: Model): void {
  const { peers } = state;
  for (let p = 0; p < peers.length; p++) {
    const peer = peers[p]!;
    if (peer.status === 'online' && peer.fetchSentAt < 0 && peer.nextSync <= state.tick) fetchOfflineMessages(state, model, p);
  }
}
