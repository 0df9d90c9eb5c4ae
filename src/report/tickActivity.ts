/**
 * What the protocol did in one step as messages between clients, supernodes, the login server and the
 * offline-message cluster, for the sequence diagrams: counted from the effects the model recorded,
 * with levels (queues, clients online) read off the state after the step. Nothing here re-derives a
 * protocol rule, so a change to the model shows in the diagrams as it is.
 */
import type { Effect, State } from '../model/index.ts';

export interface SlotConnects {
  accepted: number;
  rejected: number;
  unanswered: number;
  /** Connects sent to it while it was not serving (no answer). */
  down: number;
}

export interface Activity {
  /** Connect requests per supernode slot. */
  connects: Record<number, SlotConnects>;
  /** Authentication requests sent to the login server (dropped ones included). */
  authRequests: number;
  authDropped: number;
  /** Clients that gave up waiting for the login server. */
  authTimeouts: number;
  logins: number;
  /** Offline-message fetches sent (dropped ones included). */
  fetches: number;
  /** Offline-message replies that reached their client (late ones included). */
  replies: number;
  lateReplies: number;
  /** Clients that crashed on their own (late reply on the buggy release). */
  crashes: number;
  /** Slots whose host crashed while serving (supernode down), per event; a slot repeats if it happened twice. */
  hostCrashes: number[];
  /** Slots that shut down under overload (tick) or rebooted while serving (fault). */
  stopped: number[];
  restarts: number[];
  /** Slots whose host stopped serving (its user left, or a reboot demoted it). */
  demoted: number[];
  promotions: number[];
  megas: number[];
  /** Clients that lost their supernode, per slot that stopped serving. */
  dropped: Record<number, number>;
  /** After the step: fetches waiting at the cluster, the login queue, clients online and wanting to be. */
  fetchesWaiting: number;
  loginQueue: number;
  online: number;
  wantOnline: number;
  /** The cluster was degraded after the step. */
  degraded: boolean;
}

/** The messages of one step, from its recorded effects and the state after it. */
export function activity(effects: readonly Effect[], after: State): Activity {
  const a: Activity = {
    connects: {},
    authRequests: 0,
    authDropped: 0,
    authTimeouts: 0,
    logins: 0,
    fetches: 0,
    replies: 0,
    lateReplies: 0,
    crashes: 0,
    hostCrashes: [],
    stopped: [],
    restarts: [],
    demoted: [],
    promotions: [],
    megas: [],
    dropped: {},
    fetchesWaiting: after.offline.queue.length,
    loginQueue: after.loginQueue.length,
    online: 0,
    wantOnline: 0,
    degraded: after.offline.level > 0,
  };
  for (const e of effects) count(e, a);
  for (const peer of after.peers) {
    if (peer.role !== 'ordinary') continue;
    if (peer.wantsOnline) a.wantOnline++;
    if (peer.status === 'online') a.online++;
  }
  return a;
}

function count(e: Effect, a: Activity): void {
  const slot = (s: number) => (a.connects[s] ??= { accepted: 0, rejected: 0, unanswered: 0, down: 0 });
  switch (e.kind) {
    case 'connectAccepted':
      slot(e.supernode).accepted++;
      return;
    case 'connectRejected':
      slot(e.supernode).rejected++;
      return;
    case 'connectUnanswered':
      slot(e.supernode).unanswered++;
      return;
    case 'connectToStoppedSupernode':
      slot(e.supernode).down++;
      return;
    case 'authSent':
      a.authRequests++;
      return;
    case 'authDropped':
      a.authRequests++;
      a.authDropped++;
      return;
    case 'authTimedOut':
      a.authTimeouts++;
      return;
    case 'loggedIn':
      a.logins++;
      return;
    case 'fetchSent':
    case 'fetchDropped':
      a.fetches++;
      return;
    case 'replyOnTime':
      a.replies++;
      return;
    case 'replyLate':
      a.replies++;
      a.lateReplies++;
      return;
    case 'clientCrashed':
      if (e.cause === 'lateReply') a.crashes++;
      return;
    case 'hostCrashed':
      if (e.wasServing) a.hostCrashes.push(e.supernode);
      return;
    case 'supernodeShutDown':
      a.stopped.push(e.supernode);
      return;
    case 'supernodeRebooted':
      if (e.wasServing) a.stopped.push(e.supernode);
      return;
    case 'supernodeServingAgain':
      a.restarts.push(e.supernode);
      return;
    case 'demoted':
      if (e.wasServing) a.demoted.push(e.supernode);
      return;
    case 'promoted':
      a.promotions.push(e.supernode);
      return;
    case 'megaAdded':
      a.megas.push(e.supernode);
      return;
    case 'clientDetached':
      a.dropped[e.supernode] = (a.dropped[e.supernode] ?? 0) + 1;
      return;
    default:
      return;
  }
}

/** The sum of two activities in a row (a range of ticks); the after-state figures are the later one's. */
export function mergeActivity(x: Activity, y: Activity): Activity {
  const connects: Record<number, SlotConnects> = {};
  for (const source of [x.connects, y.connects]) {
    for (const [s, c] of Object.entries(source)) {
      const t = (connects[Number(s)] ??= { accepted: 0, rejected: 0, unanswered: 0, down: 0 });
      t.accepted += c.accepted;
      t.rejected += c.rejected;
      t.unanswered += c.unanswered;
      t.down += c.down;
    }
  }
  const dropped: Record<number, number> = { ...x.dropped };
  for (const [s, n] of Object.entries(y.dropped)) dropped[Number(s)] = (dropped[Number(s)] ?? 0) + n;
  return {
    connects,
    authRequests: x.authRequests + y.authRequests,
    authDropped: x.authDropped + y.authDropped,
    authTimeouts: x.authTimeouts + y.authTimeouts,
    logins: x.logins + y.logins,
    fetches: x.fetches + y.fetches,
    replies: x.replies + y.replies,
    lateReplies: x.lateReplies + y.lateReplies,
    crashes: x.crashes + y.crashes,
    hostCrashes: [...x.hostCrashes, ...y.hostCrashes],
    stopped: [...x.stopped, ...y.stopped],
    restarts: [...x.restarts, ...y.restarts],
    demoted: [...x.demoted, ...y.demoted],
    promotions: [...x.promotions, ...y.promotions],
    megas: [...x.megas, ...y.megas],
    dropped,
    fetchesWaiting: y.fetchesWaiting,
    loginQueue: y.loginQueue,
    online: y.online,
    wantOnline: y.wantOnline,
    degraded: x.degraded || y.degraded,
  };
}

/** Whether anything happened worth a line beyond routine, on-time offline-message syncs. */
export function isQuiet(a: Activity): boolean {
  return (
    Object.keys(a.connects).length === 0 &&
    a.authRequests === 0 &&
    a.authTimeouts === 0 &&
    a.logins === 0 &&
    a.lateReplies === 0 &&
    a.crashes === 0 &&
    a.fetchesWaiting === 0 &&
    !a.degraded &&
    a.hostCrashes.length + a.stopped.length + a.restarts.length + a.demoted.length + a.promotions.length + a.megas.length === 0 &&
    Object.keys(a.dropped).length === 0
  );
}

/** Whether a tick changed the supernodes or crashed clients: kept on its own line when others are grouped. */
export function isKey(a: Activity): boolean {
  return a.crashes > 0 || a.hostCrashes.length + a.stopped.length + a.demoted.length + a.promotions.length + a.megas.length > 0;
}
