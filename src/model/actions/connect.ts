/**
 * Connect: a client whose retry time has come sends a connect request to the next supernode of its
 * host cache. A supernode serves up to its work budget per tick; past capacity it either accepts
 * anyway (the original protocol) or rejects cheaply with "try elsewhere, later" and a referral
 * (admission control); past its budget the original protocol leaves requests unanswered, while
 * admission control rejects early: it keeps part of its budget for the cheap rejections, so that
 * they do not tip it over (mega-supernodes too, though they never shut down). A
 * dedicated mega-supernode (the operator's server) rejects past capacity whatever the protocol.
 * A supernode host logs in through its own supernode once that serves.
 */
import type { Model } from '../model.ts';
import { randomInt } from '../random.ts';
import type { State, Supernode } from '../state.ts';
import { sendAuthentication } from './authenticate.ts';
import { retryDelay } from './retry.ts';
import { attach } from './session.ts';

export function connect(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  if (peer.role === 'supernode') {
    const own = state.supernodes[peer.slot]!;
    if (own.status !== 'up') {
      peer.nextAttempt = Math.max(state.tick + 1, own.restartAt);
      return;
    }
    attach(state, p, peer.slot);
    peer.status = 'authenticating';
    sendAuthentication(state, model, p);
    return;
  }
  state.counters.attempts++;
  state.counters.tickAttempts++;
  const target = peer.cache[peer.retries % peer.cache.length]!;
  const sn = state.supernodes[target]!;
  if (sn.status !== 'up') {
    model.record?.({ kind: 'connectToStoppedSupernode', peer: p, supernode: target });
    return failAttempt(state, model, p);
  }
  const full = sn.clients >= sn.capacity;
  if (model.protocol.admissionControl && (full || sn.accepted >= admissionLimit(sn, model.config.admissionReserve))) return reject(state, model, p, target);
  if (sn.kind === 'mega' && full) return reject(state, model, p, target); // the operator's servers never take more than they hold
  if (sn.accepted >= sn.budget) {
    sn.unanswered++;
    model.record?.({ kind: 'connectUnanswered', peer: p, supernode: target });
    return failAttempt(state, model, p);
  }
  sn.accepted++;
  model.record?.({ kind: 'connectAccepted', peer: p, supernode: target });
  attach(state, p, target);
  peer.status = 'authenticating';
  learnSupernodes(state, p);
  sendAuthentication(state, model, p);
}

/**
 * A failed attempt: count it and schedule the next one. After a whole round of the host cache has
 * failed, the client asks the operator's bootstrap service for fresh addresses.
 */
export function failAttempt(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  peer.retries++;
  if (model.config.giveUpAttempts > 0 && peer.retries >= model.config.giveUpAttempts) return giveUp(state, model, p);
  if (peer.retries % peer.cache.length === 0) askBootstrap(state, model, p);
  peer.nextAttempt = state.tick + retryDelay(state, model, peer.retries, peer.cache.length);
}

/**
 * A user who has watched `giveUpAttempts` attempts fail quits the client for a while and starts it
 * again after a time uniform in [1, comeBackTicks]: still wanting to be online, not trying.
 */
export function giveUp(state: State, model: Model, p: number): void {
  const peer = state.peers[p]!;
  peer.status = 'off';
  peer.nextAttempt = state.tick + 1 + randomInt(state, model.config.comeBackTicks);
  model.record?.({ kind: 'gaveUp', peer: p });
}

/**
 * Connects a supernode under admission control accepts in a tick: its work budget less the
 * `admissionReserve` connects' worth it keeps for cheap rejections, and at least one.
 */
export function admissionLimit(sn: Supernode, admissionReserve: number): number {
  return Math.max(1, sn.budget - admissionReserve);
}

/**
 * Admission control: "overloaded, try elsewhere, later". The rejection is cheap, and it refers the
 * client to a live supernode with room (if a few random looks find one), which it tries next.
 */
function reject(state: State, model: Model, p: number, target: number): void {
  state.supernodes[target]!.rejected++;
  model.record?.({ kind: 'connectRejected', peer: p, supernode: target });
  failAttempt(state, model, p);
  const peer = state.peers[p]!;
  const referral = pickSupernode(state, 0, state.supernodes.length, 4, hasRoom, target);
  if (referral >= 0) peer.cache[peer.retries % peer.cache.length] = referral;
}

/** A working supernode tells its new client about live supernodes: dead cache entries are replaced. */
function learnSupernodes(state: State, p: number): void {
  const cache = state.peers[p]!.cache;
  for (let i = 0; i < cache.length; i++) {
    if (state.supernodes[cache[i]!]!.status === 'up') continue;
    const found = pickSupernode(state, 0, state.supernodes.length, 4, isServing);
    if (found >= 0) cache[i] = found;
  }
}

/**
 * The bootstrap service hands out live supernodes, dedicated ones first when the operator has put
 * any in (that is how clients find them). It knows liveness; with the load-aware allocation it also
 * knows load and hands out supernodes with room, falling back to any live one when it finds none.
 */
function askBootstrap(state: State, model: Model, p: number): void {
  const cache = state.peers[p]!.cache;
  const megaStart = model.config.eligible;
  const loadAware = model.protocol.loadAwarePromotion;
  const slots = state.supernodes.length;
  for (let i = 0; i < cache.length; i++) {
    let found = -1;
    if (i === 0 && model.config.megaSlots > 0)
      found = loadAware ? pickSupernode(state, megaStart, slots, 32, hasRoomAndIsCalm) : pickSupernode(state, megaStart, slots, 4, isServing);
    if (found < 0 && loadAware) found = pickSupernode(state, 0, slots, 32, hasRoomAndIsCalm);
    if (found < 0) found = pickSupernode(state, 0, slots, 4, isServing);
    if (found >= 0) cache[i] = found;
  }
}

/**
 * A random slot in [from, to), other than `except`, whose supernode `fits`, or -1 if `looks` random
 * looks find none. A few looks model what a peer knows (referral, refresh); the load-aware
 * allocation's 32 looks sample its view of load.
 */
function pickSupernode(state: State, from: number, to: number, looks: number, fits: (sn: Supernode) => boolean, except = -1): number {
  for (let look = 0; look < looks; look++) {
    const s = from + randomInt(state, to - from);
    if (s !== except && fits(state.supernodes[s]!)) return s;
  }
  return -1;
}

const isServing = (sn: Supernode): boolean => sn.status === 'up';
const hasRoom = (sn: Supernode): boolean => sn.status === 'up' && sn.clients < sn.capacity;
const hasRoomAndIsCalm = (sn: Supernode): boolean => hasRoom(sn) && sn.overloadedTicks === 0;
