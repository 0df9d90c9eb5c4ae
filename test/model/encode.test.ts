/**
 * The model's canonical encoding: a hand-built state encodes to the vector written out here from the
 * layout (and decodes back), a state rebuilt by `decode` steps exactly as the original does (same
 * canonical vectors all along), and states that differ in what a rule can read encode apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cloneState,
  decode,
  encode,
  encodedLength,
  init,
  smallConfig,
  stepOwned,
  type Config,
  type Counters,
  type Peer,
  type State,
} from '../../src/model/index.ts';
import { ALL_VARIANTS, modelOf, validEvent } from '../support/arbitraries.ts';

const COUNTERS: (keyof Counters)[] = ['crashes', 'overloadShutdowns', 'crashLosses', 'faultLosses', 'attempts'];

/** Six peers, three peer slots and a mega slot, one host-cache entry each (the cache holds at most as many slots as there are supernodes), queues of 2 and 1. */
const TINY: Config = {
  ...smallConfig,
  peers: 6,
  supernodes: 1,
  eligible: 3,
  megaSlots: 1,
  hostCacheSize: 2,
  offlineAtStart: 1,
  loginQueueLimit: 2,
  offlineQueueLimit: 1,
  promotionInterval: 4,
};
const KEPT: (keyof Counters)[] = ['megaAdded', 'crashes', 'lateReplies'];

/** A state at tick 10 with every peer status, every slot status, full queues, and times both due and passed. */
function handBuilt(): State {
  const model = modelOf('fixed', TINY);
  const s = init(model);
  const peer = (p: number, fields: Partial<Peer>): void => void Object.assign(s.peers[p]!, { cache: [0], ...fields });
  Object.assign(s, { tick: 10, rng: 0x80000003, faultsUsed: 2, userActions: 1, shortageTicks: 3, lastFaultTick: 7 });
  Object.assign(s.offline, { capacity: 2, level: 1, queue: [{ peer: 0, sentAt: 8 }] });
  s.loginQueue = [
    { peer: 3, sentAt: 10 },
    { peer: 4, sentAt: 7 },
  ];
  peer(0, {
    status: 'online',
    role: 'supernode',
    wantsOnline: true,
    authenticated: true,
    upstream: 0,
    retries: 1,
    nextAttempt: 25,
    authSentAt: -1,
    fetchSentAt: 7,
    nextSync: 12,
  });
  peer(1, {
    status: 'crashed',
    role: 'ordinary',
    wantsOnline: false,
    authenticated: false,
    upstream: -1,
    retries: 2,
    nextAttempt: 13,
    authSentAt: 9,
    fetchSentAt: -1,
    nextSync: 4,
  });
  peer(2, {
    status: 'off',
    role: 'ordinary',
    wantsOnline: true,
    authenticated: false,
    upstream: -1,
    retries: 0,
    nextAttempt: 14,
    authSentAt: -1,
    fetchSentAt: -1,
    nextSync: 30,
  });
  peer(3, {
    status: 'authenticating',
    role: 'ordinary',
    wantsOnline: true,
    authenticated: false,
    upstream: 0,
    retries: 0,
    nextAttempt: 11,
    authSentAt: 0,
    fetchSentAt: -1,
    nextSync: 20,
  });
  peer(4, {
    status: 'connecting',
    role: 'ordinary',
    wantsOnline: false,
    authenticated: false,
    upstream: -1,
    retries: 3,
    nextAttempt: 11,
    authSentAt: -1,
    fetchSentAt: 10,
    nextSync: 0,
  });
  peer(5, {
    status: 'off',
    role: 'ordinary',
    wantsOnline: false,
    authenticated: false,
    upstream: -1,
    retries: 0,
    nextAttempt: 15,
    authSentAt: -1,
    fetchSentAt: -1,
    nextSync: 0,
  });
  const slot = (i: number, fields: Partial<State['supernodes'][number]>): void =>
    void Object.assign(s.supernodes[i]!, { accepted: 1, rejected: 2, unanswered: 3, ...fields });
  slot(0, { status: 'up', clients: 2, overloadedTicks: 1, restartAt: -1 });
  slot(1, { status: 'restarting', clients: 0, overloadedTicks: 0, restartAt: 13 });
  slot(2, { status: 'down', clients: 0, overloadedTicks: 2, restartAt: 0 });
  slot(3, { status: 'idle', clients: 0, overloadedTicks: 0, restartAt: 9 });
  Object.assign(s.counters, {
    crashes: 5,
    injectedCrashes: 9,
    overloadShutdowns: 9,
    faultLosses: 9,
    crashLosses: 9,
    attempts: 9,
    tickAttempts: 9,
    authDropped: 9,
    lateReplies: 6,
    promotions: 9,
    megaAdded: 7,
  });
  return s;
}

/**
 * Its vector, written out from the layout: status codes off 0, connecting 1, authenticating 2,
 * online 3, crashed 4 (+8 supernode role, +16 wants online, +32 authenticated); slots idle 0, up 1,
 * restarting 2, down 3. Times ahead are relative ("due" 0 once passed), times behind are ages (-1 for
 * none), and dead times (an online peer's next attempt, an offline peer's sync) are 0.
 */
const VECTOR = [
  ...[10, 2, 0x40000001, 1, 2, 1, 3, 2, 1, 2, 1], // tick, phase 10 % 4, rng >>> 1, rng & 1, faults, user actions, shortage, offline capacity and level, queue lengths
  ...[3 | 8 | 16 | 32, 0, 0, 1, 0, -1, 3, 2], // online supernode host: next attempt dead, fetch sent 3 ago, sync in 2
  ...[4, -1, 0, 2, 3, 1, -1, 0], // crashed: restart in 3, auth sent 1 ago, sync dead
  ...[0 | 16, -1, 0, 0, 4, -1, -1, 0], // off and wanting to be online: starts in 4
  ...[2 | 16, 0, 0, 0, 0, 10, -1, 0], // authenticating: next attempt dead, auth sent at tick 0
  ...[1, -1, 0, 3, 1, -1, 0, 0], // connecting: attempt in 1, fetch sent this tick
  ...[0, -1, 0, 0, 0, -1, -1, 0], // off and not wanting: next attempt dead
  ...[1, 2, 1, -1, 2, 0, 0, 3, 3, 0, 2, 0, 0, 0, 0, 0], // slots: up; restarting, back in 3; down, restart at tick 0 passed; idle, restart passed
  ...[3, 0, 4, 3, 0, 2], // login queue (peer, age), offline queue
  ...[7, 5, 6], // kept counters in the order asked
];

describe('the canonical vector of a hand-built state', () => {
  const model = modelOf('fixed', TINY);

  it('encodes to the vector written out from the layout, whose length is the stated longest (full queues, full caches)', () => {
    const out = new Int32Array(encodedLength(model, KEPT));
    const n = encode(handBuilt(), model, KEPT, out);
    expect(Array.from(out.subarray(0, n))).toEqual(VECTOR);
    expect(encodedLength(model, KEPT)).toBe(84);
    expect(VECTOR.length).toBe(84);
  });

  it('decodes back: times from now, ages to ticks, dead times now, counters not kept and per-tick work 0, no last fault', () => {
    const vector = new Int32Array([99, 98, ...VECTOR, 77]); // read from index 2, with the next vector's entry after it
    const d = decode(vector, 2, model, KEPT);
    const s = handBuilt();
    expect({
      tick: d.tick,
      rng: d.rng,
      faultsUsed: d.faultsUsed,
      userActions: d.userActions,
      shortageTicks: d.shortageTicks,
      lastFaultTick: d.lastFaultTick,
    }).toEqual({ tick: 10, rng: 0x80000003, faultsUsed: 2, userActions: 1, shortageTicks: 3, lastFaultTick: -1 });
    expect(d.offline).toEqual({ capacity: 2, level: 1, queue: [{ peer: 0, sentAt: 8 }] });
    expect(d.loginQueue).toEqual(s.loginQueue);
    const times = (p: Peer) => [
      p.status,
      p.role,
      p.wantsOnline,
      p.authenticated,
      p.upstream,
      p.cache,
      p.retries,
      p.nextAttempt,
      p.authSentAt,
      p.fetchSentAt,
      p.nextSync,
    ];
    expect(d.peers.map(times)).toEqual([
      ['online', 'supernode', true, true, 0, [0], 1, 10, -1, 7, 12],
      ['crashed', 'ordinary', false, false, -1, [0], 2, 13, 9, -1, 10],
      ['off', 'ordinary', true, false, -1, [0], 0, 14, -1, -1, 10],
      ['authenticating', 'ordinary', true, false, 0, [0], 0, 10, 0, -1, 10],
      ['connecting', 'ordinary', false, false, -1, [0], 3, 11, -1, 10, 10],
      ['off', 'ordinary', false, false, -1, [0], 0, 10, -1, -1, 10],
    ]);
    expect(d.supernodes.map((sn) => [sn.status, sn.clients, sn.overloadedTicks, sn.restartAt, sn.accepted, sn.rejected, sn.unanswered])).toEqual([
      ['up', 2, 1, -1, 0, 0, 0],
      ['restarting', 0, 0, 13, 0, 0, 0],
      ['down', 0, 2, 10, 0, 0, 0],
      ['idle', 0, 0, 10, 0, 0, 0],
    ]);
    expect(d.counters).toStrictEqual({
      crashes: 5,
      injectedCrashes: 0,
      overloadShutdowns: 0,
      faultLosses: 0,
      crashLosses: 0,
      attempts: 0,
      tickAttempts: 0,
      authDropped: 0,
      lateReplies: 6,
      promotions: 0,
      megaAdded: 7,
    });
  });

  it("decodes into a state of the same model, reusing it: queues cut or grown to the vector's; another model is refused", () => {
    const fresh = decode(new Int32Array(VECTOR), 0, model, KEPT);
    const into = init(model);
    into.loginQueue = [
      { peer: 1, sentAt: 1 },
      { peer: 2, sentAt: 2 },
      { peer: 5, sentAt: 3 },
    ];
    expect(decode(new Int32Array(VECTOR), 0, model, KEPT, into)).toBe(into);
    expect(into).toEqual(fresh);
    expect(() => decode(new Int32Array(VECTOR), 0, model, KEPT, init(modelOf('fixed', smallConfig)))).toThrow('decode: the state is of another model');
  });

  it("a peer's status, role and two flags are independent in its first entry: all 40 combinations decode as themselves", () => {
    const statuses: Peer['status'][] = ['off', 'connecting', 'authenticating', 'online', 'crashed'];
    const out = new Int32Array(encodedLength(model, []));
    for (const status of statuses)
      for (const role of ['ordinary', 'supernode'] as const)
        for (const wantsOnline of [false, true])
          for (const authenticated of [false, true]) {
            const s = handBuilt();
            Object.assign(s.peers[2]!, { status, role, wantsOnline, authenticated });
            const p = decode(out.subarray(0, encode(s, model, [], out)), 0, model, []).peers[2]!;
            expect([p.status, p.role, p.wantsOnline, p.authenticated]).toEqual([status, role, wantsOnline, authenticated]);
          }
  });

  it('refuses a counter it does not know', () => {
    const out = new Int32Array(encodedLength(model, KEPT) + 1);
    expect(() => encode(handBuilt(), model, ['crashes', 'nope' as keyof Counters], out)).toThrow('encode: counter nope is not in COUNTER_KEYS');
  });
});

describe('encode and decode', () => {
  it('a decoded state steps exactly as the original, on random runs of every variant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_VARIANTS),
        fc.array(validEvent(smallConfig), { maxLength: 60 }),
        fc.array(validEvent(smallConfig), { maxLength: 30 }),
        (name, prefix, suffix) => {
          const model = modelOf(name, smallConfig);
          const original = init(model);
          for (const event of prefix) stepOwned(original, model, event);
          const width = encodedLength(model, COUNTERS);
          const a = new Int32Array(width);
          const b = new Int32Array(width);
          const rebuilt = decode(a.subarray(0, encode(original, model, COUNTERS, a)), 0, model, COUNTERS);
          const copy = cloneState(original);
          for (const event of suffix) {
            expect(stepOwned(rebuilt, model, event)).toBe(stepOwned(copy, model, event));
            const n = encode(copy, model, COUNTERS, a);
            expect(encode(rebuilt, model, COUNTERS, b)).toBe(n);
            expect(Array.from(b.subarray(0, n))).toEqual(Array.from(a.subarray(0, n)));
            for (const c of COUNTERS) expect(rebuilt.counters[c]).toBe(copy.counters[c]);
          }
        },
      ),
      { numRuns: 300, seed: 8 },
    );
  });

  it('the vector fits the stated length and holds integers of at least -1', () => {
    const model = modelOf('fixed', smallConfig);
    const state = init(model);
    const out = new Int32Array(encodedLength(model, COUNTERS));
    const n = encode(state, model, COUNTERS, out);
    expect(n).toBeLessThanOrEqual(out.length);
    expect(Math.min(...out.subarray(0, n))).toBeGreaterThanOrEqual(-1);
  });

  it('every counter a property may keep is written and read back as itself', () => {
    const model = modelOf('fixed', smallConfig);
    const state = init(model);
    const keys = Object.keys(state.counters) as (keyof Counters)[];
    keys.forEach((key, i) => (state.counters[key] = 100 + i));
    for (const kept of [keys, [...keys].reverse(), keys.slice(3, 5)]) {
      const out = new Int32Array(encodedLength(model, kept));
      const rebuilt = decode(out.subarray(0, encode(state, model, kept, out)), 0, model, kept);
      for (const key of kept) expect(rebuilt.counters[key]).toBe(state.counters[key]);
    }
  });

  it('states that differ in a readable field encode apart', () => {
    const model = modelOf('fixed', smallConfig);
    const a = init(model);
    const b = cloneState(a);
    stepOwned(b, model, { kind: 'crash', peer: 5 });
    const va = new Int32Array(encodedLength(model, []));
    const vb = new Int32Array(encodedLength(model, []));
    const na = encode(a, model, [], va);
    const nb = encode(b, model, [], vb);
    expect(Array.from(vb.subarray(1, nb))).not.toEqual(Array.from(va.subarray(1, na)));
  });
});
