/**
 * Overload (MODEL.md step 6): a supernode is overloaded in a tick when its work (100 per accepted or
 * unanswered connect, `rejectCostPercent` per cheap rejection) exceeds 100 x its budget, or when it
 * holds more clients than its capacity. After exactly `overloadTicks` (K) overloaded ticks in a row a
 * peer-hosted supernode shuts down until `restartDelay` ticks later; a calm tick resets the count, and
 * dedicated mega-supernodes never shut down. This is the feedback loop of the 2010 cascade.
 */
import { describe, expect, it } from 'vitest';
import { completeRestarts } from '../../../src/model/actions/restart.ts';
import { isOverloaded, shutDownOverloaded } from '../../../src/model/actions/shutDownOverloaded.ts';
import { init, smallConfig, variant, type Config, type Model, type State, type Supernode } from '../../../src/model/index.ts';

/** smallConfig: slots 0..2 up (capacity 3; clients 3, 2, 2), slots 3, 4 idle, slot 5 an idle mega slot. */
function setup(overrides: Partial<Config> = {}, name = 'skype-2010'): { model: Model; state: State } {
  const model: Model = {
    config: { ...smallConfig, overloadTicks: 3, restartDelay: 8, rejectCostPercent: 25, ...overrides },
    protocol: variant(name),
  };
  const state = init(model);
  state.tick = 10;
  return { model, state };
}

function supernode(work: Partial<Supernode>): Supernode {
  return {
    kind: 'peer',
    host: 0,
    status: 'up',
    clients: 0,
    capacity: 3,
    budget: 2,
    overloadedTicks: 0,
    restartAt: -1,
    accepted: 0,
    rejected: 0,
    unanswered: 0,
    ...work,
  };
}

/** One tick of shutDownOverloaded with slot `s` over its capacity (or not). */
function tickWith(state: State, model: Model, overloaded: Record<number, boolean>): boolean {
  state.tick++;
  for (const [s, over] of Object.entries(overloaded)) {
    const sn = state.supernodes[Number(s)]!;
    sn.clients = over ? sn.capacity + 1 : sn.capacity;
  }
  return shutDownOverloaded(state, model);
}

describe('isOverloaded', () => {
  it('accepted connects up to the budget are not overload; one more is', () => {
    expect(isOverloaded(supernode({ accepted: 2 }), 25)).toBe(false);
    expect(isOverloaded(supernode({ accepted: 3 }), 25)).toBe(true);
  });

  it('an unanswered connect costs as much as an accepted one', () => {
    expect(isOverloaded(supernode({ unanswered: 2 }), 25)).toBe(false);
    expect(isOverloaded(supernode({ unanswered: 3 }), 25)).toBe(true);
    expect(isOverloaded(supernode({ accepted: 1, unanswered: 1 }), 25)).toBe(false);
    expect(isOverloaded(supernode({ accepted: 1, unanswered: 2 }), 25)).toBe(true);
  });

  it('a cheap rejection costs rejectCostPercent of a connect: exactly the budget is not overload, past it is', () => {
    expect(isOverloaded(supernode({ budget: 1, rejected: 4 }), 25)).toBe(false);
    expect(isOverloaded(supernode({ budget: 1, rejected: 5 }), 25)).toBe(true);
    expect(isOverloaded(supernode({ budget: 2, accepted: 1, rejected: 4 }), 25)).toBe(false);
    expect(isOverloaded(supernode({ budget: 2, accepted: 1, rejected: 5 }), 25)).toBe(true);
    expect(isOverloaded(supernode({ budget: 1, rejected: 1 }), 100)).toBe(false);
    expect(isOverloaded(supernode({ budget: 1, rejected: 2 }), 100)).toBe(true);
  });

  it('the budget is counted in whole connects: one cheap rejection past a large budget of accepted connects is overload', () => {
    // 100 accepted connects fill a budget of 100 exactly; a rejection at 1% more is past it.
    expect(isOverloaded(supernode({ budget: 100, accepted: 100 }), 25)).toBe(false);
    expect(isOverloaded(supernode({ budget: 100, accepted: 100, rejected: 1 }), 1)).toBe(true);
  });

  it('free rejections (rejectCostPercent 0) never overload', () => {
    expect(isOverloaded(supernode({ budget: 1, rejected: 1000 }), 0)).toBe(false);
  });

  it('clients up to capacity are not overload; one past capacity is, whatever the work', () => {
    expect(isOverloaded(supernode({ clients: 3 }), 25)).toBe(false);
    expect(isOverloaded(supernode({ clients: 4 }), 25)).toBe(true);
    expect(isOverloaded(supernode({ clients: 3, accepted: 2, rejected: 0 }), 25)).toBe(false);
  });

  it('an idle tick within capacity is calm', () => {
    expect(isOverloaded(supernode({}), 25)).toBe(false);
  });
});

describe('shutDownOverloaded', () => {
  it('shuts a supernode down after exactly K consecutive overloaded ticks, not after K - 1', () => {
    const { model, state } = setup({ overloadTicks: 3, restartDelay: 8 });
    const sn = state.supernodes[1]!;
    expect(tickWith(state, model, { 1: true })).toBe(false);
    expect(sn.overloadedTicks).toBe(1);
    expect(tickWith(state, model, { 1: true })).toBe(false);
    expect(sn.overloadedTicks).toBe(2);
    expect(sn.status).toBe('up');
    expect(state.counters.overloadShutdowns).toBe(0);
    expect(tickWith(state, model, { 1: true })).toBe(true); // tick 13
    expect(sn.status).toBe('restarting');
    expect(sn.restartAt).toBe(21);
    expect(state.counters.overloadShutdowns).toBe(1);
    expect(state.supernodes.filter((other) => other.status === 'up')).toHaveLength(2);
  });

  it('with K = 1, shuts down on the first overloaded tick', () => {
    const { model, state } = setup({ overloadTicks: 1 });
    expect(tickWith(state, model, { 2: true })).toBe(true);
    expect(state.supernodes[2]!.status).toBe('restarting');
    expect(state.counters.overloadShutdowns).toBe(1);
  });

  it('a calm tick in between resets the count', () => {
    const { model, state } = setup({ overloadTicks: 3 });
    const sn = state.supernodes[1]!;
    tickWith(state, model, { 1: true });
    tickWith(state, model, { 1: true });
    expect(tickWith(state, model, { 1: false })).toBe(false);
    expect(sn.overloadedTicks).toBe(0);
    tickWith(state, model, { 1: true });
    expect(tickWith(state, model, { 1: true })).toBe(false);
    expect(sn.overloadedTicks).toBe(2);
    expect(sn.status).toBe('up');
    expect(tickWith(state, model, { 1: true })).toBe(true);
    expect(sn.status).toBe('restarting');
  });

  it('counts work overload as well as client overload', () => {
    const { model, state } = setup({ overloadTicks: 1, rejectCostPercent: 25 });
    const sn = state.supernodes[1]!;
    sn.budget = 1;
    sn.rejected = 4;
    expect(shutDownOverloaded(state, model)).toBe(false);
    expect(sn.overloadedTicks).toBe(0);
    sn.rejected = 5;
    expect(shutDownOverloaded(state, model)).toBe(true);
    expect(sn.status).toBe('restarting');
  });

  it('each supernode shutting down counts once, and the tick reports it', () => {
    const { model, state } = setup({ overloadTicks: 2 });
    state.supernodes[0]!.overloadedTicks = 1;
    state.supernodes[2]!.overloadedTicks = 1;
    expect(tickWith(state, model, { 0: true, 1: true, 2: true })).toBe(true);
    expect(state.supernodes.map((sn) => sn.status).slice(0, 3)).toEqual(['restarting', 'up', 'restarting']);
    expect(state.supernodes[1]!.overloadedTicks).toBe(1);
    expect(state.counters.overloadShutdowns).toBe(2);
  });

  it('changes nothing but the counts when every supernode is calm', () => {
    const { model, state } = setup();
    state.supernodes[0]!.overloadedTicks = 2;
    const before = structuredClone(state);
    expect(shutDownOverloaded(state, model)).toBe(false);
    before.supernodes[0]!.overloadedTicks = 0;
    expect(state).toEqual(before);
  });

  it('leaves its clients attached for the caller to detach', () => {
    const { model, state } = setup({ overloadTicks: 1 });
    expect(tickWith(state, model, { 1: true })).toBe(true);
    expect(state.peers[4]!.upstream).toBe(1);
    expect(state.peers[4]!.status).toBe('online');
  });

  it.each(['restarting', 'down', 'idle'] as const)('ignores a supernode that is %s, however loaded', (status) => {
    const { model, state } = setup({ overloadTicks: 1 });
    const sn = state.supernodes[1]!;
    sn.status = status;
    sn.restartAt = status === 'restarting' ? 15 : -1;
    sn.overloadedTicks = 2;
    sn.clients = 9;
    sn.accepted = 9;
    const counters = { ...state.counters };
    expect(shutDownOverloaded(state, model)).toBe(false);
    expect(sn.status).toBe(status);
    expect(sn.overloadedTicks).toBe(2);
    expect(sn.restartAt).toBe(status === 'restarting' ? 15 : -1);
    expect(state.counters).toEqual(counters);
  });

  it('a mega-supernode never shuts down, however long it is overloaded', () => {
    const { model, state } = setup({ overloadTicks: 2 }, 'fixed');
    const mega = state.supernodes[5]!;
    expect(mega.kind).toBe('mega');
    mega.status = 'up';
    for (let t = 1; t <= 5; t++) expect(tickWith(state, model, { 5: true })).toBe(false);
    expect(mega.status).toBe('up');
    expect(mega.overloadedTicks).toBe(5);
    expect(state.counters.overloadShutdowns).toBe(0);
  });

  it('shuts down under admission control too (the rule does not depend on the variant)', () => {
    const { model, state } = setup({ overloadTicks: 1 }, 'fixed');
    expect(tickWith(state, model, { 0: true })).toBe(true);
    expect(state.supernodes[0]!.status).toBe('restarting');
  });
});

describe('shutdown and restart', () => {
  it('a shut-down supernode serves again restartDelay ticks later with zero overloaded ticks, and needs K more to shut down again', () => {
    const { model, state } = setup({ overloadTicks: 2, restartDelay: 8 });
    const sn = state.supernodes[1]!;
    tickWith(state, model, { 1: true });
    tickWith(state, model, { 1: true }); // tick 12
    expect(sn.status).toBe('restarting');
    expect(sn.restartAt).toBe(20);
    expect(sn.overloadedTicks).toBe(2);
    state.tick = 19;
    completeRestarts(state, model);
    expect(sn.status).toBe('restarting');
    state.tick = 20;
    completeRestarts(state, model);
    expect(sn.status).toBe('up');
    expect(sn.overloadedTicks).toBe(0);
    sn.clients = sn.capacity + 1;
    expect(shutDownOverloaded(state, model)).toBe(false);
    expect(sn.status).toBe('up');
    expect(shutDownOverloaded(state, model)).toBe(true);
    expect(state.counters.overloadShutdowns).toBe(2);
  });
});
