/**
 * The operator (mega-supernodes fix): `addMegaSupernodes` puts idle mega slots into service, never
 * more than asked nor past `megaSlots`; the runbook (`watchCapacity`) counts consecutive ticks in which
 * up capacity falls short of the demand of everyone who wants in, adds `megaBatch` mega-supernodes after
 * exactly `operatorDetectionTicks` of them and restarts its clock whenever capacity covers demand.
 * Pinned on hand-built states because the recovery verdicts of the mega-supernodes fix rest on them.
 */
import { describe, expect, it } from 'vitest';
import { changedBy as run, handBuilt } from '../../support/handBuilt.ts';
import { addMegaSupernodes, takeOutDegradedServers, watchCapacity } from '../../../src/model/actions/operator.ts';
import { tick } from '../../../src/model/tick.ts';
import { stepOwned, type Config, type Model, type State } from '../../../src/model/index.ts';

const MEGA = 'skype-2010+mega-supernodes';

/**
 * smallConfig with three mega slots (5, 6, 7) and a detection time of 3 ticks: peers 0..2 host
 * slots 0..2 (3 places each), peers 3..9 are online clients (3, 6, 9 on slot 0; 4, 7 on 1; 5, 8 on 2),
 * peer 10 is off; peer slots 3 and 4 are idle.
 */
function setup(name = MEGA, overrides: Partial<Config> = {}): { model: Model; state: State } {
  return handBuilt(name, { megaSlots: 3, operatorDetectionTicks: 3, ...overrides }, 6);
}

/** The changes of putting mega slots `slots` into service, `megaAdded` going from `from`. */
function megaUp(slots: number[], from = 0): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const s of slots) out[`supernodes.${s}.status`] = ['idle', 'up'];
  if (slots.length > 0) out['counters.megaAdded'] = [from, from + slots.length];
  return out;
}

/** Slot 2 stops serving (`status`); its host is off or crashed and its clients 5 and 8 log in again: up capacity 6 for a demand of 7. */
function loseSlot2(state: State, status: 'restarting' | 'down' = 'restarting'): void {
  Object.assign(state.supernodes[2]!, { status, restartAt: status === 'restarting' ? 20 : -1, clients: 0 });
  Object.assign(state.peers[2]!, { status: status === 'restarting' ? 'off' : 'crashed', authenticated: false, upstream: -1 });
  for (const p of [5, 8]) Object.assign(state.peers[p]!, { status: 'connecting', authenticated: false, upstream: -1 });
}

/** Peer 9 (a client of slot 0) quits. */
function quit9(state: State): void {
  state.supernodes[0]!.clients--;
  Object.assign(state.peers[9]!, { wantsOnline: false, status: 'off', authenticated: false, upstream: -1 });
}

describe('addMegaSupernodes', () => {
  it.each([
    [1, [5]],
    [2, [5, 6]],
    [3, [5, 6, 7]],
  ])('puts %i idle mega slots into service, in slot order, and counts them', (count, slots) => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => addMegaSupernodes(state, model, count));
    expect(result).toBe(slots.length);
    expect(changed).toEqual(megaUp(slots));
  });

  it('never goes past megaSlots: asked for 5 with 3 slots, it adds 3', () => {
    const { model, state } = setup();
    const { result, changed } = run(state, () => addMegaSupernodes(state, model, 5));
    expect(result).toBe(3);
    expect(changed).toEqual(megaUp([5, 6, 7]));
  });

  it('skips mega-supernodes already in service and leaves their clients alone', () => {
    const { model, state } = setup();
    Object.assign(state.supernodes[5]!, { status: 'up', clients: 4 });
    state.counters.megaAdded = 1;
    const { result, changed } = run(state, () => addMegaSupernodes(state, model, 1));
    expect(result).toBe(1);
    expect(changed).toEqual(megaUp([6], 1));
  });

  it('adds nothing and counts nothing when every mega slot serves', () => {
    const { model, state } = setup();
    for (const s of [5, 6, 7]) state.supernodes[s]!.status = 'up';
    const { result, changed } = run(state, () => addMegaSupernodes(state, model, 2));
    expect(result).toBe(0);
    expect(changed).toEqual({});
  });

  it('never touches idle peer slots, with no mega slots at all', () => {
    const { model, state } = setup(MEGA, { megaSlots: 0 });
    const { result, changed } = run(state, () => addMegaSupernodes(state, model, 1));
    expect(result).toBe(0);
    expect(changed).toEqual({});
  });

  it('as an event it needs the mega-supernodes fix and counts against no budget', () => {
    const without = setup('skype-2010');
    const before = structuredClone(without.state);
    expect(stepOwned(without.state, without.model, { kind: 'addMegaSupernodes', count: 1 })).toBe(false);
    expect(without.state).toEqual(before);

    const fixed = setup(MEGA);
    const { result, changed } = run(fixed.state, () => stepOwned(fixed.state, fixed.model, { kind: 'addMegaSupernodes', count: 1 }));
    expect(result).toBe(true);
    expect(changed).toEqual(megaUp([5]));
  });
});

describe('watchCapacity: the shortage clock', () => {
  it('a shortfall of one client is a tick of shortage (6 up places for 7 clients who want in)', () => {
    const { model, state } = setup();
    loseSlot2(state);
    const { changed } = run(state, () => watchCapacity(state, model));
    expect(changed).toEqual({ shortageTicks: [0, 1] });
  });

  it.each(['restarting', 'down'] as const)('a %s supernode is no capacity', (status) => {
    const { model, state } = setup();
    loseSlot2(state, status);
    state.shortageTicks = 1;
    const { changed } = run(state, () => watchCapacity(state, model));
    expect(changed).toEqual({ shortageTicks: [1, 2] });
  });

  it('capacity exactly covering demand is no shortage and restarts the clock', () => {
    const { model, state } = setup();
    loseSlot2(state);
    quit9(state);
    state.shortageTicks = 2;
    const { changed } = run(state, () => watchCapacity(state, model));
    expect(changed).toEqual({ shortageTicks: [2, 0] });
  });

  it('an overloaded supernode that still serves counts as capacity for the runbook', () => {
    const { model, state } = setup();
    loseSlot2(state);
    quit9(state);
    state.supernodes[0]!.overloadedTicks = 1;
    state.shortageTicks = 1;
    const { changed } = run(state, () => watchCapacity(state, model));
    expect(changed).toEqual({ shortageTicks: [1, 0] });
  });

  it('a mega-supernode in service counts as capacity', () => {
    const { model, state } = setup();
    loseSlot2(state);
    state.supernodes[5]!.status = 'up';
    state.shortageTicks = 1;
    const { changed } = run(state, () => watchCapacity(state, model));
    expect(changed).toEqual({ shortageTicks: [1, 0] });
  });

  it('a user who wants in but has not started yet is demand; supernode hosts are not', () => {
    const { model, state } = setup();
    loseSlot2(state);
    quit9(state);
    // peer 10 wants to start (off, waiting for its start): 7 want in, 6 up places
    state.peers[10]!.wantsOnline = true;
    const { changed } = run(state, () => watchCapacity(state, model));
    expect(changed).toEqual({ shortageTicks: [0, 1] });
  });
});

describe('watchCapacity: the runbook', () => {
  it('adds megaBatch mega-supernodes after exactly operatorDetectionTicks ticks of shortage, not one tick before', () => {
    const { model, state } = setup();
    loseSlot2(state);
    expect(run(state, () => watchCapacity(state, model)).changed).toEqual({ shortageTicks: [0, 1] });
    expect(run(state, () => watchCapacity(state, model)).changed).toEqual({ shortageTicks: [1, 2] });
    expect(run(state, () => watchCapacity(state, model)).changed).toEqual({ ...megaUp([5]), shortageTicks: [2, 0] });
    // the new mega-supernode covers demand: nothing more
    expect(run(state, () => watchCapacity(state, model)).changed).toEqual({});
  });

  it('with a detection time of one tick it acts on the first tick of shortage', () => {
    const { model, state } = setup(MEGA, { operatorDetectionTicks: 1 });
    loseSlot2(state);
    expect(run(state, () => watchCapacity(state, model)).changed).toEqual(megaUp([5]));
  });

  it('adds megaBatch at once (2 of 3 slots)', () => {
    const { model, state } = setup(MEGA, { megaBatch: 2 });
    loseSlot2(state);
    state.shortageTicks = 2;
    expect(run(state, () => watchCapacity(state, model)).changed).toEqual({ ...megaUp([5, 6]), shortageTicks: [2, 0] });
  });

  it('never goes past megaSlots (a batch of 5 with 3 slots)', () => {
    const { model, state } = setup(MEGA, { megaBatch: 5 });
    loseSlot2(state);
    state.shortageTicks = 2;
    expect(run(state, () => watchCapacity(state, model)).changed).toEqual({ ...megaUp([5, 6, 7]), shortageTicks: [2, 0] });
  });

  it('a tick runs the runbook with the mega-supernodes fix', () => {
    const { model, state } = setup(MEGA);
    state.tick = 0;
    loseSlot2(state);
    state.shortageTicks = 2;
    tick(state, model);
    expect(state.counters.megaAdded).toBe(1);
    expect(state.supernodes.slice(5).map((sn) => sn.status)).toEqual(['up', 'idle', 'idle']);
    expect(state.shortageTicks).toBe(0);
  });

  it('a tick never runs the runbook without the mega-supernodes fix', () => {
    const { model, state } = setup('skype-2010');
    state.tick = 0;
    loseSlot2(state);
    state.shortageTicks = 2;
    tick(state, model);
    expect(state.counters.megaAdded).toBe(0);
    expect(state.supernodes.slice(5).map((sn) => sn.status)).toEqual(['idle', 'idle', 'idle']);
    expect(state.shortageTicks).toBe(2);
  });
});

describe("the runbook's alarm on the share of users online (operatorAlarmPercent)", () => {
  /** Peer 3 (a client of slot 0) loses its session: 6 of 7 online, capacity still covers demand. */
  function oneOffline(state: State): void {
    Object.assign(state.peers[3]!, { status: 'connecting', authenticated: false, upstream: -1, nextAttempt: 100 });
    state.supernodes[0]!.clients--;
  }

  it('counts a tick in which fewer than the alarm share are online, even with capacity to spare', () => {
    const { model, state } = setup(MEGA, { operatorAlarmPercent: 90 });
    oneOffline(state); // 6 of 7 = 85.7% < 90%
    watchCapacity(state, model);
    expect(state.shortageTicks).toBe(1);
  });

  it('stays quiet at exactly the alarm share (3 of 6 at 50%), sounds just above it, never with the alarm off', () => {
    for (const [percent, sounds] of [
      [50, false],
      [51, true],
      [0, false],
    ] as const) {
      const { model, state } = setup(MEGA, { operatorAlarmPercent: percent });
      Object.assign(state.peers[3]!, { wantsOnline: false, status: 'off', authenticated: false, upstream: -1 });
      state.supernodes[0]!.clients--;
      for (const p of [4, 5, 6]) {
        Object.assign(state.peers[p]!, { status: 'connecting', authenticated: false, upstream: -1, nextAttempt: 100 });
        state.supernodes[state.peers[p]!.cache[0]!]!.clients--;
      }
      watchCapacity(state, model); // capacity 9 covers demand 6: only the alarm can sound
      expect(state.shortageTicks).toBe(sounds ? 1 : 0);
    }
  });
});

describe('the alarm counts the users online, not those trying', () => {
  /** Clients `peers` lose their session (connecting, not online); capacity still covers demand. */
  function offline(state: State, peers: number[]): void {
    for (const p of peers) {
      Object.assign(state.peers[p]!, { status: 'connecting', authenticated: false, upstream: -1, nextAttempt: 100 });
      state.supernodes[state.peers[p]!.cache[0]!]!.clients--;
    }
  }

  it('5 of 7 online (71%) is above an alarm at 60%: quiet', () => {
    const { model, state } = setup(MEGA, { operatorAlarmPercent: 60 });
    offline(state, [3, 4]);
    watchCapacity(state, model);
    expect(state.shortageTicks).toBe(0);
  });

  it('3 of 7 online (42.9%) is just under an alarm at 43%: sounds', () => {
    const { model, state } = setup(MEGA, { operatorAlarmPercent: 43 });
    offline(state, [3, 4, 5, 6]);
    watchCapacity(state, model);
    expect(state.shortageTicks).toBe(1);
  });
});

describe('taking out degraded offline-message servers (disableDegradedServers)', () => {
  it('when the runbook acts on a degraded cluster: pending fetches dropped without reply, the cluster healthy again', () => {
    const { model, state } = setup(MEGA, { disableDegradedServers: 1, operatorDetectionTicks: 1 });
    state.offline.level = 3;
    state.offline.capacity = 1;
    state.offline.queue.push({ peer: 4, sentAt: 5 }, { peer: 6, sentAt: 4 });
    state.peers[4]!.fetchSentAt = 5;
    state.peers[6]!.fetchSentAt = 3; // an older fetch of its own: not this request's
    loseSlot2(state);
    watchCapacity(state, model);
    expect(state.offline).toEqual({ capacity: model.config.offlineCapacity, level: 0, queue: [] });
    expect(state.peers[4]!.fetchSentAt).toBe(-1);
    expect(state.peers[6]!.fetchSentAt).toBe(3);
    expect(state.counters.megaAdded).toBe(1);
  });

  it('leaves the cluster alone when the switch is off, and a healthy cluster untouched', () => {
    const { model, state } = setup(MEGA, { disableDegradedServers: 0, operatorDetectionTicks: 1 });
    state.offline.level = 2;
    state.offline.capacity = 1;
    loseSlot2(state);
    watchCapacity(state, model);
    expect(state.offline.level).toBe(2);
    const healthy = setup(MEGA, { disableDegradedServers: 1 });
    healthy.state.offline.queue.push({ peer: 4, sentAt: 5 });
    takeOutDegradedServers(healthy.state, healthy.model);
    expect(healthy.state.offline.queue).toHaveLength(1);
  });
});
