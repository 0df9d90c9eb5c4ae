/**
 * Canonical state fingerprints for exhaustive search. Times are made relative to the current tick
 * (a deadline already passed counts as "now"), counters no property reads are left out, and with
 * symmetry reduction interchangeable actors are relabelled into a canonical order first: ordinary
 * peers of the same release, eligible peers of the same release together with their supernode slots,
 * and mega-supernode slots. The canonical string is hashed to 53 bits (hash compaction, as TLC does).
 *
 * The model breaks ties by index (clients connect in index order; the PRNG picks slots by index), so
 * relabelling is a symmetry of the state but not exactly of every transition: symmetry reduction is
 * an approximation that can merge two states whose futures differ only in such tie-breaks. Every
 * counterexample is still a real path; a test checks verdicts and shortest lengths agree without it.
 */
import type { Counters, Model, Peer, Request, State, Supernode } from '../model/index.ts';

export interface FingerprintOptions {
  symmetry: boolean;
  /** Counters that matter to the property being checked (the others are history, not state). */
  counters: readonly (keyof Counters)[];
}

export function fingerprint(state: State, model: Model, options: FingerprintOptions): number {
  return hash53(canonical(state, model, options));
}

/** The canonical text of a state (what is hashed). */
export function canonical(state: State, model: Model, options: FingerprintOptions): string {
  const now = state.tick;
  const slots = state.supernodes.length;
  const peers = state.peers.length;
  let slotOrder = identities(slots);
  let peerOrder = identities(peers);
  if (options.symmetry) {
    const eligible = model.config.eligible;
    const hostClass = (s: number) => (s < eligible ? `e${state.peers[s]!.release}` : 'mega');
    slotOrder = sortWithin(slots, hostClass, (s) => slotKey(state, s, now));
    const slotRank = inverse(slotOrder);
    const ordinaryClass = (p: number) => (p < eligible ? `e${p}` : `o${state.peers[p]!.release}`);
    // Eligible peers move with their slots; ordinary peers sort within their release.
    const ordinary = sortWithin(peers, ordinaryClass, (p) => peerKey(state.peers[p]!, now, slotRank));
    peerOrder = ordinary.map((p) => (p < eligible ? slotOrder[p]! : p));
  }
  const slotRank = options.symmetry ? inverse(slotOrder) : slotOrder;
  const peerRank = options.symmetry ? inverse(peerOrder) : peerOrder;
  let text = (now % model.config.promotionInterval) + '|' + state.rng + '|' + state.faultsUsed + '|' + state.userActions + '|' + state.shortageTicks;
  for (let i = 0; i < peers; i++) text += '|' + peerKey(state.peers[peerOrder[i]!]!, now, slotRank);
  for (let i = 0; i < slots; i++) text += '|' + supernodeKey(state.supernodes[slotOrder[i]!]!, now);
  text += '|' + queueKey(state.loginQueue, now, peerRank) + '|' + state.offline.capacity + ',' + state.offline.level + '|' + queueKey(state.offline.queue, now, peerRank);
  for (const c of options.counters) text += '|' + state.counters[c];
  return text;
}

/** One letter per status; distinct, so no two statuses share a key. */
const PEER_STATUS: Record<Peer['status'], string> = { off: 'o', connecting: 'c', authenticating: 'a', online: 'n', crashed: 'x' };
const SUPERNODE_STATUS: Record<Supernode['status'], string> = { idle: 'i', up: 'u', restarting: 'r', down: 'd' };
const RELEASE: Record<Peer['release'], string> = { buggy: 'b', fixed: 'f' };
const ROLE: Record<Peer['role'], string> = { ordinary: 'o', supernode: 's' };

function peerKey(peer: Peer, now: number, slotRank: number[]): string {
  let cache = '';
  for (let i = 0; i < peer.cache.length; i++) cache += (i === 0 ? '' : ',') + slotRank[peer.cache[i]!];
  const upstream = peer.upstream < 0 ? -1 : slotRank[peer.upstream]!;
  return (
    PEER_STATUS[peer.status] + RELEASE[peer.release] + ROLE[peer.role] + (peer.wantsOnline ? '1' : '0') + (peer.authenticated ? '1' : '0') +
    ':' + upstream + ':' + cache + ':' + peer.retries + ':' + due(peer.nextAttempt, now) + ':' + since(peer.authSentAt, now) +
    ':' + since(peer.fetchSentAt, now) + ':' + due(peer.nextSync, now)
  );
}

function supernodeKey(sn: Supernode, now: number): string {
  return (
    SUPERNODE_STATUS[sn.status] + sn.clients + ':' + sn.overloadedTicks + ':' + (sn.restartAt < 0 ? -1 : due(sn.restartAt, now)) +
    ':' + sn.accepted + ':' + sn.rejected + ':' + sn.unanswered
  );
}

/** Sort key of a slot that does not depend on labels: the slot and its host's own fields. */
function slotKey(state: State, s: number, now: number): string {
  const sn = state.supernodes[s]!;
  const host = sn.host >= 0 ? state.peers[sn.host]! : null;
  const hostPart = host ? [host.status, host.role, host.wantsOnline, host.retries, due(host.nextAttempt, now), since(host.fetchSentAt, now)].join(':') : '';
  return `${supernodeKey(sn, now)}/${hostPart}`;
}

function queueKey(queue: Request[], now: number, peerRank: number[]): string {
  let text = '';
  for (let i = 0; i < queue.length; i++) text += (i === 0 ? '' : ',') + peerRank[queue[i]!.peer] + '@' + (now - queue[i]!.sentAt);
  return text;
}

/** A time in the future, relative to now; a time already reached is 0 ("due"). */
function due(t: number, now: number): number {
  return Math.max(0, t - now);
}

/** Ticks since a time, or -1 for none. */
function since(t: number, now: number): number {
  return t < 0 ? -1 : now - t;
}

const identityCache: number[][] = [];
/** 0..n-1, shared (never mutated). */
function identities(n: number): number[] {
  return (identityCache[n] ??= Array.from({ length: n }, (_, i) => i));
}

function inverse(order: number[]): number[] {
  const rank = new Array<number>(order.length);
  order.forEach((original, position) => (rank[original] = position));
  return rank;
}

/**
 * A permutation that sorts indices by key within each class and keeps every class on its own
 * positions: position i receives the next member (by key) of i's class.
 */
function sortWithin(n: number, classOf: (i: number) => string, keyOf: (i: number) => string): number[] {
  const classes = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const c = classOf(i);
    if (!classes.has(c)) classes.set(c, []);
    classes.get(c)!.push(i);
  }
  const order = new Array<number>(n);
  for (const members of classes.values()) {
    const keys = new Map(members.map((i) => [i, keyOf(i)]));
    const sorted = [...members].sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : a - b));
    members.forEach((position, k) => (order[position] = sorted[k]!));
  }
  return order;
}

/** cyrb53: a fast 53-bit string hash (collision chance about n^2 / 2^54 over n states). */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
