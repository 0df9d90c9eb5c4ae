/**
 * The state's own identity: a canonical vector of small integers that two states share exactly when
 * their futures are the same, and the inverse that rebuilds a steppable state from it. Engines hash
 * and store the vector; they never look inside a state.
 *
 * Canonical means: times are kept relative to the current tick (a deadline already passed is "due",
 * 0), absolute time survives only as the phase of the promotion clock, the per-tick work counters of
 * supernodes are left out (every tick starts by zeroing them, and nothing reads them between ticks),
 * constants (releases, slots, hosts, capacities) are left out, and of the running counters only
 * those a property reads are kept. `decode(encode(s))` steps exactly as `s` does: a test proves it.
 *
 * Layout: [tick, phase, rng (two entries), faultsUsed, userActions, shortageTicks, offline capacity, offline level,
 * login queue length, offline queue length], then per peer [status and the role,
 * wantsOnline and authenticated flags in one entry, upstream, cache..., retries, nextAttempt, authSentAt, fetchSentAt, nextSync], per
 * supernode slot [status, clients, overloadedTicks, restartAt], the two queues as (peer, age) pairs,
 * then the kept counters. The first entry (the absolute tick) is not part of the identity.
 */
import type { Model } from './model.ts';
import type { Counters, Peer, PeerStatus, Role, State, Supernode, SupernodeStatus } from './state.ts';
import { init } from './init.ts';

const PEER_STATUS: readonly PeerStatus[] = ['off', 'connecting', 'authenticating', 'online', 'crashed'];
const SUPERNODE_STATUS: readonly SupernodeStatus[] = ['idle', 'up', 'restarting', 'down'];
const ROLES: readonly Role[] = ['ordinary', 'supernode'];

/**
 * A status's index in its list above, as a switch with the commonest statuses first (a string switch
 * compares case by case): faster in `encode` than a table derived from the lists (measured). The
 * decode round-trip test fails if the two ever disagree.
 */
function peerCode(status: PeerStatus): number {
  switch (status) {
    case 'online':
      return ONLINE;
    case 'off':
      return OFF;
    case 'connecting':
      return CONNECTING;
    case 'authenticating':
      return AUTHENTICATING;
    case 'crashed':
      return CRASHED;
  }
}

const OFF = 0;
const CONNECTING = 1;
const AUTHENTICATING = 2;
const ONLINE = 3;
const CRASHED = 4;

function supernodeCode(status: SupernodeStatus): number {
  switch (status) {
    case 'up':
      return 1;
    case 'idle':
      return 0;
    case 'restarting':
      return 2;
    case 'down':
      return 3;
  }
}

/** The counters in a fixed order, so that the kept ones are read by index (a keyed read by name is slow). */
const COUNTER_KEYS: readonly (keyof Counters)[] = [
  'crashes',
  'injectedCrashes',
  'overloadShutdowns',
  'faultLosses',
  'crashLosses',
  'attempts',
  'tickAttempts',
  'authDropped',
  'lateReplies',
  'promotions',
  'megaAdded',
];

function counterAt(c: Counters, index: number): number {
  switch (index) {
    case 0:
      return c.crashes;
    case 1:
      return c.injectedCrashes;
    case 2:
      return c.overloadShutdowns;
    case 3:
      return c.faultLosses;
    case 4:
      return c.crashLosses;
    case 5:
      return c.attempts;
    case 6:
      return c.tickAttempts;
    case 7:
      return c.authDropped;
    case 8:
      return c.lateReplies;
    case 9:
      return c.promotions;
    default:
      return c.megaAdded;
  }
}

let lastKept: readonly (keyof Counters)[] | null = null;
let lastIndexes: Int32Array = new Int32Array(0);

/** The indexes (in COUNTER_KEYS) of `kept`, remembered for the list last asked about (engines pass one list for a whole search). */
function counterIndexes(kept: readonly (keyof Counters)[]): Int32Array {
  if (kept !== lastKept) {
    lastIndexes = Int32Array.from(kept, (key) => {
      const index = COUNTER_KEYS.indexOf(key);
      if (index < 0) throw new Error(`encode: counter ${key} is not in COUNTER_KEYS`);
      return index;
    });
    lastKept = kept;
  }
  return lastIndexes;
}

/** The longest vector a state of this model can encode to, with `counters` kept. */
export function encodedLength(model: Model, counters: readonly (keyof Counters)[]): number {
  const { config } = model;
  const cache = Math.min(config.hostCacheSize, config.supernodes);
  const slots = config.eligible + config.megaSlots;
  return 11 + config.peers * (7 + cache) + slots * 4 + 2 * (config.loginQueueLimit + config.offlineQueueLimit) + counters.length;
}

/**
 * Writes the canonical vector of `state` into `out` from index 0 and returns its length. Every
 * entry is an integer of at least -1.
 */
export function encode(state: State, model: Model, counters: readonly (keyof Counters)[], out: Int32Array): number {
  const now = state.tick;
  let i = 0;
  out[i++] = now;
  out[i++] = now % model.config.promotionInterval;
  out[i++] = state.rng >>> 1; // the PRNG word, split so that every entry stays a non-negative int32
  out[i++] = state.rng & 1;
  out[i++] = state.faultsUsed;
  out[i++] = state.userActions;
  out[i++] = state.shortageTicks;
  out[i++] = state.offline.capacity;
  out[i++] = state.offline.level;
  out[i++] = state.loginQueue.length;
  out[i++] = state.offline.queue.length;
  const { peers, supernodes } = state;
  for (let p = 0; p < peers.length; p++) {
    const peer = peers[p]!;
    // Status (5 values, 3 bits) and three flags in one entry: fewer entries to write and to hash.
    // The status is compared as a string once; the rest reads its code.
    const code = peerCode(peer.status);
    out[i++] = code | (peer.role === 'ordinary' ? 0 : 8) | (peer.wantsOnline ? 16 : 0) | (peer.authenticated ? 32 : 0);
    out[i++] = peer.upstream;
    const cache = peer.cache;
    for (let c = 0; c < cache.length; c++) out[i++] = cache[c]!;
    out[i++] = peer.retries;
    out[i++] = waitsToAttempt(code, peer.wantsOnline) ? due(peer.nextAttempt, now) : 0;
    out[i++] = since(peer.authSentAt, now);
    out[i++] = since(peer.fetchSentAt, now);
    out[i++] = code === ONLINE ? due(peer.nextSync, now) : 0;
  }
  for (let s = 0; s < supernodes.length; s++) {
    const sn = supernodes[s]!;
    out[i++] = supernodeCode(sn.status);
    out[i++] = sn.clients;
    out[i++] = sn.overloadedTicks;
    out[i++] = sn.restartAt < 0 ? -1 : due(sn.restartAt, now);
  }
  i = writeQueue(state.loginQueue, now, out, i);
  i = writeQueue(state.offline.queue, now, out, i);
  const indexes = counterIndexes(counters);
  for (let c = 0; c < indexes.length; c++) out[i++] = counterAt(state.counters, indexes[c]!);
  return i;
}

/**
 * Rebuilds a state from its canonical vector (`vector[from .. from + length)`), into `into` when
 * given (a state of the same model, whose objects are reused) or a fresh one. Counters not kept
 * read 0; supernodes' per-tick work counters read 0, as at the start of every tick.
 */
export function decode(vector: Int32Array, from: number, model: Model, counters: readonly (keyof Counters)[], into?: State): State {
  const state = into ?? init(model);
  if (state.peers.length !== model.config.peers) throw new Error('decode: the state is of another model');
  let i = from;
  const now = vector[i++]!;
  state.tick = now;
  i++; // phase: implied by the tick
  state.rng = ((vector[i++]! << 1) | vector[i++]!) >>> 0;
  state.faultsUsed = vector[i++]!;
  state.userActions = vector[i++]!;
  state.shortageTicks = vector[i++]!;
  state.offline.capacity = vector[i++]!;
  state.offline.level = vector[i++]!;
  const loginLength = vector[i++]!;
  const offlineLength = vector[i++]!;
  state.lastFaultTick = -1;
  const { peers, supernodes } = state;
  for (let p = 0; p < peers.length; p++) {
    const peer: Peer = peers[p]!;
    const flags = vector[i++]!;
    peer.status = PEER_STATUS[flags & 7]!;
    peer.role = ROLES[(flags >> 3) & 1]!;
    peer.wantsOnline = (flags & 16) !== 0;
    peer.authenticated = (flags & 32) !== 0;
    peer.upstream = vector[i++]!;
    const cache = peer.cache;
    for (let c = 0; c < cache.length; c++) cache[c] = vector[i++]!;
    peer.retries = vector[i++]!;
    peer.nextAttempt = now + vector[i++]!;
    peer.authSentAt = at(vector[i++]!, now);
    peer.fetchSentAt = at(vector[i++]!, now);
    peer.nextSync = now + vector[i++]!;
  }
  for (let s = 0; s < supernodes.length; s++) {
    const sn: Supernode = supernodes[s]!;
    sn.status = SUPERNODE_STATUS[vector[i++]!]!;
    sn.clients = vector[i++]!;
    sn.overloadedTicks = vector[i++]!;
    const restart = vector[i++]!;
    sn.restartAt = restart < 0 ? -1 : now + restart;
    sn.accepted = 0;
    sn.rejected = 0;
    sn.unanswered = 0;
  }
  i = readQueue(vector, i, loginLength, now, state.loginQueue);
  i = readQueue(vector, i, offlineLength, now, state.offline.queue);
  const kept = state.counters;
  kept.crashes = kept.injectedCrashes = kept.overloadShutdowns = kept.faultLosses = kept.crashLosses = 0;
  kept.attempts = kept.tickAttempts = kept.authDropped = kept.lateReplies = kept.promotions = kept.megaAdded = 0;
  for (let c = 0; c < counters.length; c++) kept[counters[c]!] = vector[i++]!;
  return state;
}

function writeQueue(queue: State['loginQueue'], now: number, out: Int32Array, i: number): number {
  for (let q = 0; q < queue.length; q++) {
    out[i++] = queue[q]!.peer;
    out[i++] = now - queue[q]!.sentAt;
  }
  return i;
}

function readQueue(vector: Int32Array, i: number, length: number, now: number, queue: State['loginQueue']): number {
  if (queue.length !== length) queue.length = length; // the length setter is a runtime call even when nothing changes
  for (let q = 0; q < length; q++) {
    const entry = queue[q];
    const peer = vector[i++]!;
    const sentAt = now - vector[i++]!;
    if (entry) {
      entry.peer = peer;
      entry.sentAt = sentAt;
    } else queue[q] = { peer, sentAt };
  }
  return i;
}

/**
 * Whether the peer's next-attempt time can still be read: not while it is online or authenticating,
 * nor while it is off and its user does not want it online (every way out of those sets it anew).
 * The sync time is likewise read only while online. Dead times encode as 0, so that states that
 * differ only in them are one state.
 */
function waitsToAttempt(code: number, wantsOnline: boolean): boolean {
  return code === CONNECTING || code === CRASHED || (code === OFF && wantsOnline);
}

/** A time in the future, relative to now; a time already reached is 0 ("due"). */
function due(t: number, now: number): number {
  return t > now ? t - now : 0;
}

/** Ticks since a time, or -1 for none. */
function since(t: number, now: number): number {
  return t < 0 ? -1 : now - t;
}

function at(age: number, now: number): number {
  return age < 0 ? -1 : now - age;
}
