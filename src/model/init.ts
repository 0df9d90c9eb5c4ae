/**
 * The initial state: the network in steady state. Every user who wants to be online is online,
 * attached round-robin to the first supernodes, authenticated, with offline-message syncs staggered.
 */
import type { Model } from './model.ts';
import { nextRandom, randomInt, seedRandom } from './random.ts';
import type { Peer, State, Supernode } from './state.ts';

export function init(model: Model): State {
  const { config, protocol } = model;
  const random = config.randomPlacement === 1;
  const rng = { rng: seedRandom(config.seed) } as State; // the protocol PRNG, before the state exists
  const supernodes: Supernode[] = [];
  for (let i = 0; i < config.eligible; i++) {
    const factor = spreadFactor(rng, config.capacitySpreadPercent);
    const capacity = Math.max(1, Math.round(config.supernodeCapacity * factor));
    const budget = Math.max(1, Math.round(config.supernodeBudget * factor));
    supernodes.push(slot('peer', i, i < config.supernodes ? 'up' : 'idle', capacity, budget));
  }
  for (let i = 0; i < config.megaSlots; i++) {
    supernodes.push(slot('mega', -1, 'idle', config.megaCapacity, config.megaBudget));
  }
  const home = random ? placeByCapacity(supernodes, config.supernodes, config.peers - config.offlineAtStart - config.supernodes) : undefined;
  const peers: Peer[] = [];
  const ordinaryOnline = config.peers - config.offlineAtStart;
  let next = 0; // round-robin cursor over the initial supernodes
  for (let i = 0; i < config.peers; i++) {
    const hosts = i < config.supernodes;
    const online = i < ordinaryOnline;
    const upstream = hosts ? i : online ? (home ? home[i - config.supernodes]! : next++ % config.supernodes) : -1;
    const buggy = random ? randomInt(rng, 100) < config.buggyReleasePercent : spreads(i, config.buggyReleasePercent);
    const phase = random ? randomInt(rng, config.syncInterval) : i % config.syncInterval;
    peers.push({
      status: online ? 'online' : 'off',
      release: protocol.hasBuggyRelease && buggy ? 'buggy' : 'fixed',
      slot: i < config.eligible ? i : -1,
      role: hosts ? 'supernode' : 'ordinary',
      upstream,
      cache: [],
      retries: 0,
      nextAttempt: 0,
      wantsOnline: online,
      authenticated: online,
      authSentAt: -1,
      fetchSentAt: -1,
      nextSync: online ? 1 + phase : 0,
    });
  }
  for (const peer of peers) {
    if (peer.upstream >= 0 && peer.role === 'ordinary') supernodes[peer.upstream]!.clients++;
  }
  const state: State = {
    tick: 0,
    rng: rng.rng,
    peers,
    supernodes,
    loginQueue: [],
    offline: { capacity: config.offlineCapacity, level: 0, queue: [] },
    faultsUsed: 0,
    userActions: 0,
    lastFaultTick: -1,
    shortageTicks: 0,
    counters: {
      crashes: 0,
      injectedCrashes: 0,
      overloadShutdowns: 0,
      faultLosses: 0,
      crashLosses: 0,
      attempts: 0,
      tickAttempts: 0,
      authDropped: 0,
      lateReplies: 0,
      promotions: 0,
      megaAdded: 0,
    },
  };
  fillHostCaches(state, config.hostCacheSize, config.supernodes);
  return state;
}

/** A machine's size relative to the mean: uniform in [1 - spread, 1 + spread] (exactly 1 for no spread). */
function spreadFactor(rng: State, spreadPercent: number): number {
  if (spreadPercent === 0) return 1;
  return 1 + (spreadPercent / 100) * (2 * nextRandom(rng) - 1);
}

/**
 * Each of the first `serving` supernodes takes a share of the `clients` in proportion to its
 * capacity (the remainder one each, in slot order); returns each client's supernode. Clusters are
 * runs of consecutive peers, which is harmless here: releases and sync times are drawn at random.
 */
function placeByCapacity(supernodes: Supernode[], serving: number, clients: number): number[] {
  let total = 0;
  for (let s = 0; s < serving; s++) total += supernodes[s]!.capacity;
  const quota: number[] = [];
  let placed = 0;
  for (let s = 0; s < serving; s++) {
    quota.push(Math.floor((supernodes[s]!.capacity * clients) / total));
    placed += quota[s]!;
  }
  for (let s = 0; placed < clients; s = (s + 1) % serving, placed++) quota[s]!++;
  const home: number[] = [];
  for (let s = 0; s < serving; s++) for (let q = 0; q < quota[s]!; q++) home.push(s);
  return home;
}

/**
 * Host caches: a client's own supernode first, then distinct supernodes drawn with the protocol PRNG
 * (caches are scattered over the network, so the clients of one supernode do not all fall back on
 * the same next one).
 */
function fillHostCaches(state: State, size: number, supernodes: number): void {
  const n = Math.min(size, supernodes);
  state.peers.forEach((peer, p) => {
    const home = peer.upstream >= 0 ? peer.upstream : p % supernodes;
    const cache = [home];
    while (cache.length < n) {
      const s = randomInt(state, supernodes);
      if (!cache.includes(s)) cache.push(s);
    }
    peer.cache = cache;
  });
}

/** Peer i is in an evenly spread `percent` share of the population. */
function spreads(i: number, percent: number): boolean {
  return Math.floor(((i + 1) * percent) / 100) > Math.floor((i * percent) / 100);
}

function slot(kind: Supernode['kind'], host: number, status: Supernode['status'], capacity: number, budget: number): Supernode {
  return { kind, host, status, clients: 0, capacity, budget, overloadedTicks: 0, restartAt: -1, accepted: 0, rejected: 0, unanswered: 0 };
}
