/**
 * Self-healing promotion (MODEL.md step 7): when demand exceeds `promotionThresholdPercent` of supernode
 * capacity, at most `promotionBatch` eligible idle online clients are promoted. These pin the 2007
 * defect against the fix on hand-built states: the load-blind allocation looks only every
 * `promotionInterval` ticks, counts only clients already online and counts every non-idle supernode
 * (restarting, down, overloaded) as capacity; the load-aware one looks every tick, counts everyone who
 * wants to be online and only serving, non-overloaded capacity.
 */
import { describe, expect, it } from 'vitest';
import { changes, handBuilt } from '../../support/handBuilt.ts';
import { demotePeer, promote, promotePeer } from '../../../src/model/actions/promote.ts';
import type { Config, Model, PeerStatus, State } from '../../../src/model/index.ts';

const BLIND = 'skype-2010';
const AWARE = 'skype-2010+load-aware-promotion';

/**
 * Two supernodes of 5 places (capacity 10) holding 8 clients: demand is exactly 80% of capacity.
 * Peers 0, 1 host slots 0, 1; peers 2..9 are online clients (even ones on slot 0, odd ones on slot 1);
 * peers 2 and 3 are eligible with idle slots 2 and 3; peers 10 and 11 are off; slot 4 is the idle mega slot.
 */
const AT_THRESHOLD: Partial<Config> = { peers: 12, supernodes: 2, eligible: 4, supernodeCapacity: 5, offlineAtStart: 2 };

function setup(name: string, overrides: Partial<Config> = {}, tick = 4): { model: Model; state: State } {
  return handBuilt(name, overrides, tick);
}

/** Runs `promote` and returns what it changed. */
function promoted(state: State, model: Model): Record<string, [unknown, unknown]> {
  const before = structuredClone(state);
  promote(state, model);
  return changes(before, state);
}

/** A user who was off comes online as a client of slot `s`. */
function bringOnline(state: State, p: number, s: number): void {
  const peer = state.peers[p]!;
  Object.assign(peer, { wantsOnline: true, status: 'online', authenticated: true, upstream: s });
  state.supernodes[s]!.clients++;
}

/** A client leaves its supernode and is (re)logging in or waiting to start: it wants in but is not online. */
function wantsIn(state: State, p: number, status: PeerStatus): void {
  const peer = state.peers[p]!;
  if (peer.upstream >= 0) state.supernodes[peer.upstream]!.clients--;
  Object.assign(peer, { wantsOnline: true, status, authenticated: false, upstream: -1 });
}

/** Runs `promote` and expects it to have promoted exactly peer `p`, an online client of slot `from`. */
function expectPromoted(state: State, model: Model, p: number, from: number): void {
  const expected = promotionOf(state, p, from);
  expect(promoted(state, model)).toEqual(expected);
}

/** The expected changes of promoting peer `p` (ordinary, online on slot `from`, its slot idle and empty). */
function promotionOf(state: State, p: number, from: number): Record<string, [unknown, unknown]> {
  const clients = state.supernodes[from]!.clients;
  return {
    [`peers.${p}.role`]: ['ordinary', 'supernode'],
    [`peers.${p}.upstream`]: [from, p],
    [`supernodes.${p}.status`]: ['idle', 'up'],
    [`supernodes.${from}.clients`]: [clients, clients - 1],
    'counters.promotions': [0, 1],
  };
}

describe('promote: the promotion threshold', () => {
  it.each([BLIND, AWARE])('promotes nobody while demand is exactly promotionThresholdPercent of capacity (8 of 10 at 80 percent, %s)', (name) => {
    const { model, state } = setup(name, AT_THRESHOLD);
    expect(promoted(state, model)).toEqual({});
  });

  it.each([BLIND, AWARE])('promotes one eligible client when demand is one client past the threshold (9 of 10, %s)', (name) => {
    const { model, state } = setup(name, AT_THRESHOLD);
    bringOnline(state, 10, 0);
    expectPromoted(state, model, 2, 0);
  });

  it.each([BLIND, AWARE])('rounds the capacity wanted up: 7 clients on 9 places (wanted 9) promote nobody, 8 (wanted 10) promote one (%s)', (name) => {
    const { model, state } = setup(name);
    expect(promoted(state, model)).toEqual({});
    bringOnline(state, 10, 1);
    expectPromoted(state, model, 3, 0);
  });

  it.each([BLIND, AWARE])('an up mega-supernode counts as capacity (%s)', (name) => {
    const { model, state } = setup(name, AT_THRESHOLD);
    bringOnline(state, 10, 0);
    state.supernodes[4]!.status = 'up';
    expect(promoted(state, model)).toEqual({});
  });
});

describe('promote: when it looks', () => {
  it.each([
    [4, 3, false],
    [4, 4, true],
    [4, 5, false],
    [4, 8, true],
    [5, 4, false],
    [5, 5, true],
  ])('load-blind allocation (the 2007 defect) looks only every promotionInterval ticks (interval %i, tick %i: %s)', (interval, tick, looks) => {
    const { model, state } = setup(BLIND, { ...AT_THRESHOLD, promotionInterval: interval }, tick);
    bringOnline(state, 10, 0);
    const expected = looks ? promotionOf(state, 2, 0) : {};
    expect(promoted(state, model)).toEqual(expected);
  });

  it.each([1, 3, 5])('load-aware allocation looks every tick (tick %i)', (tick) => {
    const { model, state } = setup(AWARE, AT_THRESHOLD, tick);
    bringOnline(state, 10, 0);
    expectPromoted(state, model, 2, 0);
  });
});

describe('promote: what counts as demand', () => {
  it.each<PeerStatus>(['connecting', 'authenticating', 'off', 'crashed'])(
    'a user who wants in but is %s is demand for load-aware allocation only',
    (status) => {
      const blind = setup(BLIND, AT_THRESHOLD);
      wantsIn(blind.state, 10, status);
      expect(promoted(blind.state, blind.model)).toEqual({});

      const aware = setup(AWARE, AT_THRESHOLD);
      wantsIn(aware.state, 10, status);
      expectPromoted(aware.state, aware.model, 2, 0);
    },
  );

  it.each([BLIND, AWARE])('a user who does not want to be online is no demand, even if eligible (%s)', (name) => {
    const { model, state } = setup(name, AT_THRESHOLD);
    bringOnline(state, 10, 0);
    // peer 9 quits: back at exactly 80%
    state.supernodes[1]!.clients--;
    Object.assign(state.peers[9]!, { wantsOnline: false, status: 'off', authenticated: false, upstream: -1 });
    expect(promoted(state, model)).toEqual({});
  });
});

describe('promote: what counts as capacity', () => {
  it('an overloaded supernode counts for load-blind allocation, not for load-aware allocation', () => {
    const blind = setup(BLIND, AT_THRESHOLD);
    blind.state.supernodes[0]!.overloadedTicks = 1;
    expect(promoted(blind.state, blind.model)).toEqual({});

    const aware = setup(AWARE, AT_THRESHOLD);
    aware.state.supernodes[0]!.overloadedTicks = 1;
    expectPromoted(aware.state, aware.model, 2, 0);
  });

  it.each([
    ['restarting', 'off'],
    ['down', 'crashed'],
  ] as const)('a %s supernode counts for load-blind allocation, not for load-aware allocation', (status, hostStatus) => {
    const build = (name: string) => {
      const { model, state } = setup(name, AT_THRESHOLD);
      // slot 1 stopped serving; its four clients reconnected to slot 0 (which accepts past its capacity)
      state.supernodes[1]!.status = status;
      state.supernodes[1]!.restartAt = status === 'restarting' ? 20 : -1;
      state.supernodes[1]!.clients = 0;
      Object.assign(state.peers[1]!, { status: hostStatus, authenticated: false, upstream: -1 });
      for (const p of [3, 5, 7, 9]) state.peers[p]!.upstream = 0;
      state.supernodes[0]!.clients = 8;
      return { model, state };
    };
    const blind = build(BLIND);
    expect(promoted(blind.state, blind.model)).toEqual({});
    const aware = build(AWARE);
    expectPromoted(aware.state, aware.model, 2, 0);
  });

  it('on one login-flood state load-blind allocation sees no shortage and load-aware allocation promotes', () => {
    // smallConfig at tick 4: slot 1 restarting (its clients 4 and 7 logging in again), slot 2 overloaded
    const build = (name: string) => {
      const { model, state } = setup(name);
      const sn1 = state.supernodes[1]!;
      Object.assign(sn1, { status: 'restarting', restartAt: 14, clients: 0 });
      Object.assign(state.peers[1]!, { status: 'off', authenticated: false, upstream: -1 });
      for (const p of [4, 7]) Object.assign(state.peers[p]!, { status: 'connecting', authenticated: false, upstream: -1 });
      state.supernodes[2]!.overloadedTicks = 1;
      return { model, state };
    };
    // load-blind: capacity 9 (restarting and overloaded counted), demand 5 online: wants 7 places
    const blind = build(BLIND);
    expect(promoted(blind.state, blind.model)).toEqual({});
    // load-aware: capacity 3 (slot 0 alone), demand 7: wants 9 places
    const aware = build(AWARE);
    expectPromoted(aware.state, aware.model, 3, 0);
  });
});

describe('promote: whom it promotes', () => {
  /** smallConfig with 7 eligible peers (idle slots 3..6) and every supernode overloaded: load-aware capacity 0. */
  function starved(promotionBatch: number) {
    const { model, state } = setup(AWARE, { eligible: 7, promotionBatch });
    for (const s of [0, 1, 2]) state.supernodes[s]!.overloadedTicks = 1;
    return { model, state };
  }

  it.each([
    [1, [3]],
    [2, [3, 4]],
    [5, [3, 4, 5]],
  ])('promotes at most promotionBatch peers and no more than the shortfall needs (batch %i)', (batch, expected) => {
    const { model, state } = starved(batch);
    // peer 9 quits: demand 6 wants ceil(6 / 80%) = 8 places, 3 supernodes of 3 (rounded up)
    state.supernodes[0]!.clients--;
    Object.assign(state.peers[9]!, { wantsOnline: false, status: 'off', authenticated: false, upstream: -1 });
    const before = structuredClone(state);
    promote(state, model);
    const promotedPeers = state.peers.flatMap((peer, p) => (peer.role === 'supernode' && before.peers[p]!.role === 'ordinary' ? [p] : []));
    expect(promotedPeers).toEqual(expected);
    expect(state.counters.promotions).toBe(expected.length);
    for (const p of expected) {
      expect(state.supernodes[p]!.status).toBe('up');
      expect(state.peers[p]!.upstream).toBe(p);
    }
    // each promoted peer left its supernode (peers 3, 4, 5 were clients of slots 0, 1, 2)
    expect(state.supernodes.slice(0, 3).map((sn) => sn.clients)).toEqual([2, 2, 2].map((c, s) => c - (expected.includes(3 + s) ? 1 : 0)));
    expect(state.supernodes.slice(3).map((sn) => sn.status)).toEqual([3, 4, 5, 6, 7].map((s) => (expected.includes(s) ? 'up' : 'idle')));
  });

  it('promotes only eligible idle slots whose host is an ordinary online client', () => {
    const { model, state } = starved(5);
    wantsIn(state, 3, 'connecting'); // slot 3: its host is logging in, not online
    state.supernodes[1]!.clients--;
    Object.assign(state.peers[4]!, { wantsOnline: false, status: 'off', authenticated: false, upstream: -1 }); // slot 4: host off
    state.supernodes[2]!.clients--;
    Object.assign(state.peers[5]!, { role: 'supernode', status: 'crashed', authenticated: false, upstream: -1 }); // slot 5: host crashed
    state.supernodes[5]!.status = 'down';
    // demand 5 (peers 3, 6..9) wants 7 places: 3 promotions needed, but only peer 6 qualifies and peers 7..9 are not eligible
    expectPromoted(state, model, 6, 0);
  });

  it('a former host that came back as an ordinary client is promoted again from its own slot 0', () => {
    const { model, state } = setup(BLIND);
    // peer 0 quit hosting slot 0 and logged in again through slot 2; slot 0's clients moved to slots 1 and 2
    Object.assign(state.supernodes[0]!, { status: 'idle', clients: 0 });
    Object.assign(state.peers[0]!, { role: 'ordinary', upstream: 2 });
    state.peers[3]!.upstream = 1;
    state.peers[9]!.upstream = 1;
    state.peers[6]!.upstream = 2;
    state.supernodes[1]!.clients = 4;
    state.supernodes[2]!.clients = 4;
    // capacity 6, demand 8: wants 10 places
    expectPromoted(state, model, 0, 2);
  });
});

describe('promotePeer', () => {
  it('turns an online client into a host: it leaves its supernode and serves from its own slot, empty and not overloaded', () => {
    const { model, state } = setup(BLIND);
    // slot 3 was hosted before and its user quit while it was overloaded
    state.supernodes[3]!.overloadedTicks = 1;
    const before = structuredClone(state);
    promotePeer(state, model, 3);
    expect(changes(before, state)).toEqual({ ...promotionOf(before, 3, 0), 'supernodes.3.overloadedTicks': [1, 0] });
  });

  it('counts each promotion', () => {
    const { model, state } = setup(BLIND);
    promotePeer(state, model, 3);
    promotePeer(state, model, 4);
    expect(state.counters.promotions).toBe(2);
    expect(state.supernodes.map((sn) => sn.clients)).toEqual([2, 1, 2, 0, 0, 0]);
  });
});

describe('demotePeer', () => {
  it('records whether the slot was serving, leaves it idle with no restart due, and the host an ordinary client', () => {
    const { model, state } = setup(BLIND);
    const effects: unknown[] = [];
    const recording: Model = { ...model, record: (effect) => effects.push(effect) };
    state.supernodes[1]!.status = 'restarting';
    state.supernodes[1]!.restartAt = 9;
    demotePeer(state, recording, 0);
    demotePeer(state, recording, 1);
    expect(effects).toEqual([
      { kind: 'demoted', peer: 0, supernode: 0, wasServing: true },
      { kind: 'demoted', peer: 1, supernode: 1, wasServing: false },
    ]);
    for (const s of [0, 1]) {
      expect(state.supernodes[s]!.status).toBe('idle');
      // No restart due: a state's vector reads any negative restartAt as none (src/model/encode.ts).
      expect(state.supernodes[s]!.restartAt).toBeLessThan(0);
      expect(state.peers[s]!.role).toBe('ordinary');
    }
  });
});
