/**
 * User actions: `goOnline` makes a user who did not want to be online want it (a stopped client starts
 * next tick), `goOffline` stops a client and ends its session; a user who quits while hosting takes the
 * supernode away (idle slot, ordinary peer again, clients reconnect, a fault loss if it was serving).
 * Each applies only to a peer in the right state and costs exactly one unit of the churn budget.
 */
import { describe, expect, it } from 'vitest';
import { changedBy as run, handBuilt } from '../../support/handBuilt.ts';
import { goOffline, goOnline } from '../../../src/model/actions/users.ts';
import { reboot } from '../../../src/model/actions/faults.ts';
import { stepOwned, type Config, type Event, type Model, type PeerStatus, type State } from '../../../src/model/index.ts';

/**
 * smallConfig (2010 base: immediate reconnect after 1 tick) at tick 5: peers 0..2 host slots 0..2;
 * peers 3..9 are online clients (3, 6, 9 on slot 0; 4, 7 on 1; 5, 8 on 2); peer 10 is off.
 */
function setup(overrides: Partial<Config> = {}): { model: Model; state: State } {
  return handBuilt('skype-2010', overrides, 5);
}

/** Peer 4 (a client of slot 1) leaves its session in `status`, still wanting to be online unless told. */
function client4(state: State, status: PeerStatus, wantsOnline = true): number {
  state.supernodes[1]!.clients--;
  Object.assign(state.peers[4]!, { status, wantsOnline, upstream: -1, authenticated: false, nextAttempt: 7 });
  return 4;
}

describe('goOnline', () => {
  it('a user who is off starts the client: it wants to be online and starts next tick', () => {
    const { state } = setup();
    const { result, changed } = run(state, () => goOnline(state, 10));
    expect(result).toBe(true);
    expect(changed).toEqual({ 'peers.10.wantsOnline': [false, true], 'peers.10.nextAttempt': [0, 6] });
  });

  it('a user who comes back to a crashed client keeps its restart time', () => {
    const { state } = setup();
    client4(state, 'crashed', false);
    const { result, changed } = run(state, () => goOnline(state, 4));
    expect(result).toBe(true);
    expect(changed).toEqual({ 'peers.4.wantsOnline': [false, true] });
  });

  it.each<[string, (state: State) => number]>([
    ['an online client', () => 4],
    ['a host', () => 0],
    ['a client logging in', (state) => client4(state, 'connecting')],
    ['a rebooting machine (off, wants online)', (state) => client4(state, 'off')],
    ['a crashed client whose user still wants it', (state) => client4(state, 'crashed')],
    ['peer -1', () => -1],
    ['peer 11 (past the last)', () => 11],
  ])('is refused for %s (already wants to be online, or no such peer) and changes nothing', (_, target) => {
    const { state } = setup();
    const p = target(state);
    const { result, changed } = run(state, () => goOnline(state, p));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });
});

describe('goOffline: an ordinary client', () => {
  it('an online client quits: off, out of its supernode, no fault loss', () => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => goOffline(state, model, 4));
    expect(result).toBe(true);
    expect(changed).toEqual({
      'peers.4.wantsOnline': [true, false],
      'peers.4.status': ['online', 'off'],
      'peers.4.upstream': [1, -1],
      'peers.4.authenticated': [true, false],
      'supernodes.1.clients': [2, 1],
    });
  });

  it('a client quitting while authenticating forgets its pending authentication', () => {
    const { model, state } = setup();
    Object.assign(state.peers[4]!, { status: 'authenticating', authenticated: false, authSentAt: 4 });
    const { changed } = run(state, () => goOffline(state, model, 4));
    expect(changed).toEqual({
      'peers.4.wantsOnline': [true, false],
      'peers.4.status': ['authenticating', 'off'],
      'peers.4.upstream': [1, -1],
      'peers.4.authSentAt': [4, -1],
      'supernodes.1.clients': [2, 1],
    });
  });

  it('an online client quitting with an offline-message fetch pending forgets it', () => {
    const { model, state } = setup();
    state.peers[4]!.fetchSentAt = 4;
    const { changed } = run(state, () => goOffline(state, model, 4));
    expect(changed['peers.4.fetchSentAt']).toEqual([4, -1]);
    expect(changed['peers.4.status']).toEqual(['online', 'off']);
  });

  it.each<[PeerStatus, PeerStatus]>([
    ['connecting', 'off'],
    ['off', 'off'],
    ['crashed', 'crashed'],
  ])('a %s client quits: it no longer wants to be online and is %s', (status, after) => {
    const { model, state } = setup();
    client4(state, status);
    const { result, changed } = run(state, () => goOffline(state, model, 4));
    expect(result).toBe(true);
    expect(changed).toEqual({ 'peers.4.wantsOnline': [true, false], ...(after !== status ? { 'peers.4.status': [status, after] } : {}) });
  });

  it.each<[string, (state: State) => number]>([
    ['a user who is off', () => 10],
    ['a crashed client whose user quit', (state) => client4(state, 'crashed', false)],
    ['peer -1', () => -1],
    ['peer 11 (past the last)', () => 11],
  ])('is refused for %s and changes nothing', (_, target) => {
    const { model, state } = setup();
    const p = target(state);
    const { result, changed } = run(state, () => goOffline(state, model, p));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });
});

describe('goOffline: a supernode host', () => {
  it('a host quits: its serving supernode is lost (a fault loss), the slot is idle, the peer ordinary, its clients reconnect', () => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => goOffline(state, model, 1));
    expect(result).toBe(true);
    expect(changed).toEqual({
      'peers.1.wantsOnline': [true, false],
      'peers.1.status': ['online', 'off'],
      'peers.1.upstream': [1, -1],
      'peers.1.authenticated': [true, false],
      'peers.1.role': ['supernode', 'ordinary'],
      'supernodes.1.status': ['up', 'idle'],
      'supernodes.1.clients': [2, 0],
      ...Object.fromEntries(
        [4, 7].flatMap((p) => [
          [`peers.${p}.status`, ['online', 'connecting']],
          [`peers.${p}.upstream`, [1, -1]],
          [`peers.${p}.authenticated`, [true, false]],
          [`peers.${p}.nextAttempt`, [0, 6]],
        ]),
      ),
      'counters.faultLosses': [0, 1],
    });
  });

  it('a host quits while its machine reboots: the restarting supernode is given up, no fault loss', () => {
    const { model, state } = setup();
    reboot(state, model, 1);
    expect(state.supernodes[1]!.restartAt).toBe(15);
    const { result, changed } = run(state, () => goOffline(state, model, 1));
    expect(result).toBe(true);
    expect(changed).toEqual({
      'peers.1.wantsOnline': [true, false],
      'peers.1.role': ['supernode', 'ordinary'],
      'supernodes.1.status': ['restarting', 'idle'],
      'supernodes.1.restartAt': [15, -1],
    });
  });

  it('a host quits after its client crashed: the down supernode is given up, no fault loss, the client stays crashed', () => {
    const { model, state } = setup();
    Object.assign(state.peers[1]!, { status: 'crashed', upstream: -1, authenticated: false, nextAttempt: 7 });
    Object.assign(state.supernodes[1]!, { status: 'down', clients: 0 });
    for (const p of [4, 7]) Object.assign(state.peers[p]!, { status: 'connecting', upstream: -1, authenticated: false, nextAttempt: 6 });
    const { result, changed } = run(state, () => goOffline(state, model, 1));
    expect(result).toBe(true);
    expect(changed).toEqual({
      'peers.1.wantsOnline': [true, false],
      'peers.1.role': ['supernode', 'ordinary'],
      'supernodes.1.status': ['down', 'idle'],
    });
  });
});

describe('the churn budget (counted by the caller, apply)', () => {
  const ACTIONS: Event[] = [
    { kind: 'goOnline', peer: 10 },
    { kind: 'goOffline', peer: 4 },
    { kind: 'goOffline', peer: 0 },
  ];

  it.each(ACTIONS)('$kind(peer $peer) costs exactly one user action and no fault', (event) => {
    const { model, state } = setup({ churnBudget: 2 });
    state.userActions = 1;
    expect(stepOwned(state, model, event)).toBe(true);
    expect(state.userActions).toBe(2);
    expect(state.faultsUsed).toBe(0);
    expect(state.lastFaultTick).toBe(-1);
  });

  it.each(ACTIONS)('$kind(peer $peer) is refused, changing nothing, once the budget is spent', (event) => {
    const { model, state } = setup({ churnBudget: 2 });
    state.userActions = 2;
    const { result, changed } = run(state, () => stepOwned(state, model, event));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });

  it.each<Event>([
    { kind: 'goOnline', peer: 4 },
    { kind: 'goOffline', peer: 10 },
  ])('$kind(peer $peer) that does not apply costs nothing', (event) => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => stepOwned(state, model, event));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });
});
