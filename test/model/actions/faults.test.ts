/**
 * The adversary's faults: `crash` and `reboot` of one running client (a host's supernode goes down or
 * restarts, one fault loss, its clients reconnect), `massReboot` of the configured share of running
 * hosts and of running clients (chosen by selection sampling with the protocol PRNG), and
 * `degradeOfflineMessages` (capacity halves per level). Each is refused, changing nothing, when its
 * target does not qualify, and each applied fault costs exactly one unit of the fault budget.
 */
import { describe, expect, it } from 'vitest';
import { changedBy as run, handBuilt } from '../../support/handBuilt.ts';
import { crash, degradeOfflineMessages, isRunning, massReboot, reboot } from '../../../src/model/actions/faults.ts';
import { nextRandom } from '../../../src/model/random.ts';
import { stepOwned, type Config, type Event, type Model, type Peer, type PeerStatus, type State } from '../../../src/model/index.ts';

/**
 * smallConfig (2010 base: immediate reconnect after 1 tick) at tick 5: peers 0..2 host slots 0..2;
 * peers 3..9 are online clients (3, 6, 9 on slot 0; 4, 7 on 1; 5, 8 on 2); peer 10 is off.
 * rebootDelay 2, restartDelay 8, userRestartDelay 2.
 */
function setup(overrides: Partial<Config> = {}, name = 'skype-2010'): { model: Model; state: State } {
  return handBuilt(name, overrides, 5);
}

/** The changes of online clients `peers` (of a lost supernode) reconnecting at `at`. */
function orphaned(peers: number[], slot: number, at: number): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const p of peers) {
    out[`peers.${p}.status`] = ['online', 'connecting'];
    out[`peers.${p}.upstream`] = [slot, -1];
    out[`peers.${p}.authenticated`] = [true, false];
    out[`peers.${p}.nextAttempt`] = [0, at];
  }
  return out;
}

/** The changes of an online peer `p` on slot `upstream` leaving its session for `status`. */
function leaves(p: number, upstream: number, status: PeerStatus, nextAttempt: number): Record<string, [unknown, unknown]> {
  return {
    [`peers.${p}.status`]: ['online', status],
    [`peers.${p}.upstream`]: [upstream, -1],
    [`peers.${p}.authenticated`]: [true, false],
    [`peers.${p}.nextAttempt`]: [0, nextAttempt],
  };
}

/** States in which a peer is not running: what neither crash nor reboot may hit. */
const NOT_RUNNING: [string, (state: State) => number][] = [
  ['a user who is off', () => 10],
  [
    'a crashed client',
    (state) => (Object.assign(state.peers[4]!, { status: 'crashed', upstream: -1, authenticated: false, nextAttempt: 7 }), state.supernodes[1]!.clients--, 4),
  ],
  [
    'a machine already rebooting (off, wants online)',
    (state) => (Object.assign(state.peers[4]!, { status: 'off', upstream: -1, authenticated: false, nextAttempt: 7 }), state.supernodes[1]!.clients--, 4),
  ],
  [
    'a crashed client whose user quit',
    (state) => (
      Object.assign(state.peers[4]!, { status: 'crashed', wantsOnline: false, upstream: -1, authenticated: false }), state.supernodes[1]!.clients--, 4
    ),
  ],
  ['peer -1', () => -1],
  ['peer 11 (past the last)', () => 11],
  ['peer 2.5', () => 2.5],
  ['peer NaN', () => Number.NaN],
];

describe('isRunning: what a fault can hit', () => {
  it.each<[PeerStatus, boolean, boolean]>([
    ['online', true, true],
    ['connecting', true, true],
    ['authenticating', true, true],
    ['off', true, false],
    ['crashed', true, false],
    ['off', false, false],
    ['crashed', false, false],
  ])('a %s client that wants online = %s is running: %s', (status, wantsOnline, running) => {
    const { state } = setup();
    const peer: Peer = { ...state.peers[4]!, status, wantsOnline };
    expect(isRunning(peer)).toBe(running);
  });

  it('no peer is not running', () => {
    expect(isRunning(undefined)).toBe(false);
  });
});

describe('crash', () => {
  it('an ordinary client crashes: it leaves its supernode and its user restarts it after userRestartDelay', () => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => crash(state, model, 4));
    expect(result).toBe(true);
    expect(changed).toEqual({ ...leaves(4, 1, 'crashed', 7), 'supernodes.1.clients': [2, 1], 'counters.injectedCrashes': [0, 1] });
  });

  it('a host crashes: its supernode goes down (one fault loss) and its clients reconnect', () => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => crash(state, model, 0));
    expect(result).toBe(true);
    expect(changed).toEqual({
      ...leaves(0, 0, 'crashed', 7),
      'supernodes.0.status': ['up', 'down'],
      'supernodes.0.clients': [3, 0],
      ...orphaned([3, 6, 9], 0, 6),
      'counters.faultLosses': [0, 1],
      'counters.injectedCrashes': [0, 1],
    });
    expect(state.peers[0]!.role).toBe('supernode');
  });

  it('a host logging in again while its supernode restarts crashes: the supernode goes down, no new fault loss', () => {
    const { model, state } = setup();
    reboot(state, model, 0);
    state.tick = 7;
    Object.assign(state.peers[0]!, { status: 'connecting', nextAttempt: 7 });
    const { result, changed } = run(state, () => crash(state, model, 0));
    expect(result).toBe(true);
    expect(changed).toEqual({
      'peers.0.status': ['connecting', 'crashed'],
      'peers.0.nextAttempt': [7, 9],
      'supernodes.0.status': ['restarting', 'down'],
      'supernodes.0.restartAt': [15, -1],
      'counters.injectedCrashes': [0, 1],
    });
  });

  it.each(NOT_RUNNING)('is refused for %s and changes nothing', (_, target) => {
    const { model, state } = setup();
    const p = target(state);
    const { result, changed } = run(state, () => crash(state, model, p));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });
});

describe('reboot', () => {
  it("an ordinary client's machine reboots: it leaves its supernode and starts again after rebootDelay", () => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => reboot(state, model, 4));
    expect(result).toBe(true);
    expect(changed).toEqual({ ...leaves(4, 1, 'off', 7), 'supernodes.1.clients': [2, 1] });
    expect(state.peers[4]!.wantsOnline).toBe(true);
  });

  it('a host reboots: its supernode restarts after rebootDelay + restartDelay (one fault loss) and its clients reconnect', () => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => reboot(state, model, 1));
    expect(result).toBe(true);
    expect(changed).toEqual({
      ...leaves(1, 1, 'off', 7),
      'supernodes.1.status': ['up', 'restarting'],
      'supernodes.1.restartAt': [-1, 15],
      'supernodes.1.clients': [2, 0],
      ...orphaned([4, 7], 1, 6),
      'counters.faultLosses': [0, 1],
    });
  });

  it('a host logging in again while its supernode restarts reboots: the restart starts over, no new fault loss', () => {
    const { model, state } = setup();
    reboot(state, model, 0);
    state.tick = 7;
    Object.assign(state.peers[0]!, { status: 'connecting', nextAttempt: 7 });
    const { result, changed } = run(state, () => reboot(state, model, 0));
    expect(result).toBe(true);
    expect(changed).toEqual({
      'peers.0.status': ['connecting', 'off'],
      'peers.0.nextAttempt': [7, 9],
      'supernodes.0.restartAt': [15, 17],
    });
  });

  it.each(NOT_RUNNING)('is refused for %s and changes nothing', (_, target) => {
    const { model, state } = setup();
    const p = target(state);
    const { result, changed } = run(state, () => reboot(state, model, p));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });
});

/**
 * Which peers a mass reboot should hit: per role (hosts, then clients), selection sampling over the
 * running members in index order, one protocol random number per member looked at.
 */
function sample(state: State, percent: number): { chosen: number[]; rng: number } {
  const rng = { rng: state.rng } as State;
  const chosen: number[] = [];
  for (const role of ['supernode', 'ordinary']) {
    const members = state.peers.flatMap((peer, p) => (peer.role === role && isRunning(peer) ? [p] : []));
    let needed = Math.round((members.length * percent) / 100);
    let remaining = members.length;
    for (const p of members) {
      if (needed === 0) break;
      if (nextRandom(rng) * remaining < needed) {
        chosen.push(p);
        needed--;
      }
      remaining--;
    }
  }
  return { chosen, rng: rng.rng };
}

describe('massReboot', () => {
  it('50% reboots 2 of the 3 running hosts and 4 of the 7 running clients, as if each rebooted alone', () => {
    const { model, state } = setup();
    const { chosen, rng } = sample(state, 50);
    expect(chosen.filter((p) => p < 3)).toHaveLength(2);
    expect(chosen.filter((p) => p >= 3)).toHaveLength(4);
    const expected = structuredClone(state);
    for (const p of chosen) reboot(expected, model, p);
    expected.rng = rng;
    expect(massReboot(state, model, 50)).toBe(true);
    expect(state).toEqual(expected);
    expect(state.counters.faultLosses).toBe(2);
  });

  it('the share is the same whatever the seed; the seed decides who', () => {
    const hit = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const { model, state } = setup({ seed });
      const before = structuredClone(state);
      massReboot(state, model, 50);
      const rebooted = state.peers.flatMap((peer, p) => (peer.status === 'off' && before.peers[p]!.status === 'online' ? [p] : []));
      expect(rebooted.filter((p) => p < 3)).toHaveLength(2);
      expect(rebooted.filter((p) => p >= 3)).toHaveLength(4);
      expect(rebooted).toEqual(sample(before, 50).chosen);
      hit.add(rebooted.join(','));
    }
    expect(hit.size).toBeGreaterThan(1);
  });

  it('100% reboots every running machine and nothing else', () => {
    const { model, state } = setup();
    Object.assign(state.peers[9]!, { status: 'crashed', upstream: -1, authenticated: false, nextAttempt: 6 });
    state.supernodes[0]!.clients--;
    const before = structuredClone(state);
    expect(massReboot(state, model, 100)).toBe(true);
    expect(state.peers.map((peer) => peer.status)).toEqual([...Array<string>(9).fill('off'), 'crashed', 'off']);
    expect(state.peers[9]).toEqual(before.peers[9]);
    expect(state.peers[10]).toEqual(before.peers[10]);
    expect(state.peers.slice(0, 9).every((peer) => peer.nextAttempt === 7 && peer.upstream === -1)).toBe(true);
    expect(state.supernodes.map((sn) => [sn.status, sn.restartAt, sn.clients])).toEqual([
      ['restarting', 15, 0],
      ['restarting', 15, 0],
      ['restarting', 15, 0],
      ['idle', -1, 0],
      ['idle', -1, 0],
      ['idle', -1, 0],
    ]);
    expect(state.counters.faultLosses).toBe(3);
  });

  it('counts only running machines: with one client crashed and one rebooting, 50% of 5 clients is 3', () => {
    const { model, state } = setup();
    Object.assign(state.peers[9]!, { status: 'crashed', upstream: -1, authenticated: false, nextAttempt: 6 });
    Object.assign(state.peers[8]!, { status: 'off', upstream: -1, authenticated: false, nextAttempt: 6 });
    state.supernodes[0]!.clients--;
    state.supernodes[2]!.clients--;
    const { chosen } = sample(state, 50);
    massReboot(state, model, 50);
    expect(chosen.filter((p) => p < 3)).toHaveLength(2);
    expect(chosen.filter((p) => p >= 3)).toHaveLength(3);
    expect(chosen).not.toContain(8);
    expect(chosen).not.toContain(9);
    expect(state.peers.flatMap((peer, p) => (peer.nextAttempt === 7 ? [p] : []))).toEqual(chosen);
  });

  it('1% of 196 running clients is 2 (and of 3 hosts none)', () => {
    const { model, state } = setup({ peers: 200, supernodeCapacity: 70, offlineCapacity: 60 });
    const before = structuredClone(state);
    expect(massReboot(state, model, 1)).toBe(true);
    const rebooted = state.peers.flatMap((peer, p) => (peer.status !== before.peers[p]!.status ? [p] : []));
    expect(rebooted).toHaveLength(2);
    expect(rebooted.every((p) => p >= 3 && state.peers[p]!.status === 'off')).toBe(true);
    expect(state.counters.faultLosses).toBe(0);
  });

  it.each([0, -5, 101, 12.5, Number.NaN])('is refused for %s percent and changes nothing', (percent) => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => massReboot(state, model, percent));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });

  it('is refused when no machine is running', () => {
    const { model, state } = setup();
    for (const peer of state.peers) if (peer.wantsOnline) Object.assign(peer, { status: 'crashed', upstream: -1, authenticated: false });
    for (const sn of state.supernodes) if (sn.status === 'up') Object.assign(sn, { status: 'down', clients: 0 });
    const { result, changed } = run(state, () => massReboot(state, model, 50));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });
});

describe('degradeOfflineMessages', () => {
  it.each([
    [1, 20],
    [3, 5],
    [8, 1],
  ])('level %i leaves the cluster offlineCapacity >> level fetches per tick (40 -> %i)', (level, capacity) => {
    const { model, state } = setup({ offlineCapacity: 40 });
    const { result, changed } = run(state, () => degradeOfflineMessages(state, model, level));
    expect(result).toBe(true);
    expect(changed).toEqual({ 'offline.level': [0, level], 'offline.capacity': [40, capacity] });
  });

  it('the capacity never falls below one fetch per tick (4 at level 3)', () => {
    const { model, state } = setup();
    const { changed } = run(state, () => degradeOfflineMessages(state, model, 3));
    expect(changed).toEqual({ 'offline.level': [0, 3], 'offline.capacity': [4, 1] });
  });

  it('a deeper level is measured from the healthy capacity: level 1 then 2 leaves a quarter', () => {
    const { model, state } = setup({ offlineCapacity: 40 });
    degradeOfflineMessages(state, model, 1);
    const { result, changed } = run(state, () => degradeOfflineMessages(state, model, 2));
    expect(result).toBe(true);
    expect(changed).toEqual({ 'offline.level': [1, 2], 'offline.capacity': [20, 10] });
  });

  it.each([
    [0, 0],
    [-1, 0],
    [9, 0],
    [2.5, 0],
    [Number.NaN, 0],
    [3, 3],
    [2, 3],
  ])('is refused for level %s at level %i (not an integer up to 8, or no worse than now)', (level, current) => {
    const { model, state } = setup({ offlineCapacity: 40 });
    if (current > 0) degradeOfflineMessages(state, model, current);
    const { result, changed } = run(state, () => degradeOfflineMessages(state, model, level));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });
});

describe('the fault budget (counted by the caller, apply)', () => {
  const FAULTS: Event[] = [
    { kind: 'crash', peer: 4 },
    { kind: 'reboot', peer: 4 },
    { kind: 'massReboot', percent: 50 },
    { kind: 'degradeOfflineMessages', level: 3 },
  ];

  it.each(FAULTS)('$kind costs exactly one fault and records its tick', (event) => {
    const { model, state } = setup({ faultBudget: 2 });
    state.faultsUsed = 1;
    expect(stepOwned(state, model, event)).toBe(true);
    expect(state.faultsUsed).toBe(2);
    expect(state.lastFaultTick).toBe(5);
    expect(state.userActions).toBe(0);
  });

  it.each(FAULTS)('$kind is refused, changing nothing, once the budget is spent', (event) => {
    const { model, state } = setup({ faultBudget: 2 });
    state.faultsUsed = 2;
    const { result, changed } = run(state, () => stepOwned(state, model, event));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });

  it('a fault that does not apply costs nothing', () => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => stepOwned(state, model, { kind: 'crash', peer: 10 }));
    expect(result).toBe(false);
    expect(changed).toEqual({});
  });
});

describe('reboot with rebootDemotes: the supernode waits for self-healing', () => {
  it('a host reboots: its slot goes idle, it comes back as an ordinary client (one fault loss), its clients reconnect', () => {
    const { model, state } = setup({ rebootDemotes: 1 });
    const { result, changed } = run(state, () => reboot(state, model, 1));
    expect(result).toBe(true);
    expect(changed).toEqual({
      ...leaves(1, 1, 'off', 7),
      'peers.1.role': ['supernode', 'ordinary'],
      'supernodes.1.status': ['up', 'idle'],
      'supernodes.1.clients': [2, 0],
      ...orphaned([4, 7], 1, 6),
      'counters.faultLosses': [0, 1],
    });
  });

  it('the slot serves again only once promoted: ticks alone never restart it, the load-aware allocation does', () => {
    for (const [name, promoted] of [
      ['skype-2010', false],
      ['skype-2010+load-aware-promotion', true],
    ] as const) {
      const { model, state } = setup({ rebootDemotes: 1, restartDelay: 1, rebootDelay: 1 }, name);
      reboot(state, model, 1);
      let up = false;
      for (let t = 0; t < 30; t++) {
        stepOwned(state, model, { kind: 'tick' });
        up ||= state.supernodes[1]!.status === 'up';
      }
      expect(up).toBe(promoted);
      expect(state.counters.promotions > 0).toBe(promoted);
    }
  });

  it("an ordinary client's reboot is the same with or without the switch", () => {
    const a = setup({ rebootDemotes: 1 });
    const b = setup({ rebootDemotes: 0 });
    reboot(a.state, a.model, 4);
    reboot(b.state, b.model, 4);
    expect(a.state).toEqual(b.state);
  });
});

describe('what a reboot records', () => {
  it("a host's reboot records its supernode as serving when it was up, and as not serving when it was already restarting", () => {
    const { model, state } = setup();
    const effects: unknown[] = [];
    const recording: Model = { ...model, record: (effect) => effects.push(effect) };
    reboot(state, recording, 0);
    state.tick = 7;
    Object.assign(state.peers[0]!, { status: 'connecting', nextAttempt: 7 });
    reboot(state, recording, 0);
    expect(effects.filter((e) => (e as { kind: string }).kind === 'supernodeRebooted')).toEqual([
      { kind: 'supernodeRebooted', supernode: 0, wasServing: true },
      { kind: 'supernodeRebooted', supernode: 0, wasServing: false },
    ]);
  });
});
