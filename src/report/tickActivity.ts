/**
 * What the protocol did in one step as messages between clients, supernodes, the login server and the
 * offline-message cluster, read off the states before and after it, for the sequence diagrams.
 */
import type { Model, State } from '../model/index.ts';

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
  /** Connects to supernodes that were not serving, whose target could not be told apart. */
  connectsLost: number;
  /** Authentication requests sent to the login server (dropped ones included). */
  authRequests: number;
  authDropped: number;
  /** Clients that gave up waiting for the login server. */
  authTimeouts: number;
  logins: number;
  fetches: number;
  /** Offline-message replies that reached their client (late ones included). */
  replies: number;
  lateReplies: number;
  /** Clients that crashed on their own (late reply on the buggy release). */
  crashes: number;
  /** Slots whose host crashed (supernode down), per event; a slot repeats if it happened twice. */
  hostCrashes: number[];
  /** Slots that shut down under overload (tick) or rebooted (fault). */
  stopped: number[];
  restarts: number[];
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

/** The messages of one step; `tick` says whether the step was a tick (per-tick counters are valid). */
export function activity(before: State, after: State, model: Model, tick: boolean): Activity {
  const a: Activity = {
    connects: {},
    connectsLost: 0,
    authRequests: 0,
    authDropped: tick ? after.counters.authDropped - before.counters.authDropped : 0,
    authTimeouts: 0,
    logins: 0,
    fetches: 0,
    replies: 0,
    lateReplies: after.counters.lateReplies - before.counters.lateReplies,
    crashes: after.counters.crashes - before.counters.crashes,
    hostCrashes: [],
    stopped: [],
    restarts: [],
    promotions: [],
    megas: [],
    dropped: {},
    fetchesWaiting: after.offline.queue.length,
    loginQueue: after.loginQueue.length,
    online: 0,
    wantOnline: 0,
    degraded: after.offline.level > 0,
  };
  slotChanges(before, after, a);
  peerChanges(before, after, model, tick, a);
  if (tick) connects(before, after, a);
  return a;
}

function slotChanges(before: State, after: State, a: Activity): void {
  for (let s = 0; s < after.supernodes.length; s++) {
    const was = before.supernodes[s]!;
    const is = after.supernodes[s]!;
    if (was.status === 'up' && is.status === 'down') a.hostCrashes.push(s);
    if (was.status === 'up' && is.status === 'restarting') a.stopped.push(s);
    if (was.status === 'restarting' && is.status === 'up') a.restarts.push(s);
    if (was.status === 'idle' && is.status === 'up') (is.kind === 'mega' ? a.megas : a.promotions).push(s);
  }
}

function peerChanges(before: State, after: State, model: Model, tick: boolean, a: Activity): void {
  const lost = new Set([...a.hostCrashes, ...a.stopped]);
  for (let p = 0; p < after.peers.length; p++) {
    const was = before.peers[p]!;
    const is = after.peers[p]!;
    if (is.role === 'ordinary') {
      if (is.wantsOnline) a.wantOnline++;
      if (is.status === 'online') a.online++;
    }
    if (was.upstream >= 0 && lost.has(was.upstream) && was.slot !== was.upstream && is.upstream !== was.upstream) {
      a.dropped[was.upstream] = (a.dropped[was.upstream] ?? 0) + 1;
    }
    if (!tick) continue;
    const cameOnline = is.status === 'online' && was.status !== 'online';
    if (cameOnline) a.logins++;
    if (is.authSentAt === after.tick || (cameOnline && !(was.status === 'authenticating' && was.authSentAt >= 0))) a.authRequests++;
    if (was.status === 'authenticating' && is.status === 'connecting' && !lost.has(was.upstream)) a.authTimeouts++;
    const fetched = is.nextSync === after.tick + model.config.syncInterval && is.nextSync !== was.nextSync;
    if (fetched) a.fetches++;
    if ((was.fetchSentAt >= 0 || fetched) && is.fetchSentAt === -1 && is.status === 'online') a.replies++;
  }
  a.replies += a.crashes;
}

/**
 * Connects of a tick: each slot's own counts (accepted, rejected, unanswered), and the attempts on
 * slots that were not serving, attributed by each client's host-cache entry when the numbers agree.
 */
function connects(before: State, after: State, a: Activity): void {
  let counted = 0;
  after.supernodes.forEach((sn, s) => {
    if (sn.accepted + sn.rejected + sn.unanswered === 0) return;
    a.connects[s] = { accepted: sn.accepted, rejected: sn.rejected, unanswered: sn.unanswered, down: 0 };
    counted += sn.accepted + sn.rejected + sn.unanswered;
  });
  const remainder = after.counters.tickAttempts - counted;
  if (remainder <= 0) return;
  const guess: Record<number, number> = {};
  let guessed = 0;
  for (const peer of before.peers) {
    if (peer.role !== 'ordinary' || peer.nextAttempt > after.tick || peer.cache.length === 0) continue;
    const restarting = peer.status === 'crashed' || (peer.status === 'off' && peer.wantsOnline);
    if (peer.status !== 'connecting' && !restarting) continue;
    const target = peer.cache[restarting ? 0 : peer.retries % peer.cache.length]!;
    const sn = before.supernodes[target]!;
    const serving = sn.status === 'up' || (sn.status === 'restarting' && sn.restartAt <= after.tick);
    if (serving) continue;
    guess[target] = (guess[target] ?? 0) + 1;
    guessed++;
  }
  if (guessed !== remainder) {
    a.connectsLost = remainder;
    return;
  }
  for (const [s, n] of Object.entries(guess)) {
    const slot = (a.connects[Number(s)] ??= { accepted: 0, rejected: 0, unanswered: 0, down: 0 });
    slot.down += n;
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
    connectsLost: x.connectsLost + y.connectsLost,
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
    a.connectsLost === 0 &&
    a.authRequests === 0 &&
    a.authTimeouts === 0 &&
    a.logins === 0 &&
    a.lateReplies === 0 &&
    a.crashes === 0 &&
    a.fetchesWaiting === 0 &&
    !a.degraded &&
    a.hostCrashes.length + a.stopped.length + a.restarts.length + a.promotions.length + a.megas.length === 0 &&
    Object.keys(a.dropped).length === 0
  );
}

/** Whether a tick changed the supernodes or crashed clients: kept on its own line when others are grouped. */
export function isKey(a: Activity): boolean {
  return a.crashes > 0 || a.hostCrashes.length + a.stopped.length + a.promotions.length + a.megas.length > 0;
}
