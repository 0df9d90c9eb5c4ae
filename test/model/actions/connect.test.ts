/**
 * Connect rules (MODEL.md steps 2, 3 and 8): a client tries the next entry of its host cache; a
 * supernode serves up to its work budget and, past capacity, accepts anyway (the original protocol)
 * or rejects cheaply with a referral (admission control); a failed attempt schedules the next one and,
 * after a whole round of the host cache, asks the bootstrap service. Pinned at the exact capacity and
 * budget boundaries and at the exact number of random looks, so that the overload feedback loop the
 * checker finds comes from these rules as written.
 */
import { describe, expect, it } from 'vitest';
import { admissionLimit, connect, failAttempt } from '../../../src/model/actions/connect.ts';
import { init, smallConfig, stepOwned, variant, type Config, type Model, type State, type Supernode, type SupernodeStatus } from '../../../src/model/index.ts';
import { nextRandom, randomInt } from '../../../src/model/random.ts';

/** An ordinary client that hosts no slot (peer 10 is off at the start of smallConfig). */
const P = 10;
const NOW = 10;

/**
 * smallConfig's initial state with capacity 4 and budget 2: peers 0..2 host slots 0..2 (up, with 3, 2
 * and 2 clients); slots 3 and 4 are idle eligible slots, slot 5 an idle mega slot. Peer 10 is made a
 * connecting client due now, with host cache [0, 1] and no failed attempt.
 */
function setup(name: string, overrides: Partial<Config> = {}): { model: Model; state: State } {
  const config: Config = { ...smallConfig, supernodeCapacity: 4, supernodeBudget: 2, reconnectInterval: 3, retryInterval: 5, ...overrides };
  const model: Model = { config, protocol: variant(name) };
  const state = init(model);
  state.tick = NOW;
  const peer = state.peers[P]!;
  peer.status = 'connecting';
  peer.wantsOnline = true;
  peer.cache = [0, 1];
  peer.retries = 0;
  peer.nextAttempt = NOW;
  return { model, state };
}

/** Runs `action` and checks that the state changed exactly as `edit` says, and in nothing else. */
function expectChange(state: State, action: () => void, edit: (expected: State) => void): void {
  const expected = structuredClone(state);
  edit(expected);
  action();
  expect(state).toEqual(expected);
}

/** The PRNG state after `k` draws from `rng`. */
function afterDraws(rng: number, k: number): number {
  const probe = { rng } as State;
  for (let i = 0; i < k; i++) nextRandom(probe);
  return probe.rng;
}

/** The PRNG state `k` draws before `rng` (mulberry32 advances its state by a constant). */
function beforeDraws(rng: number, k: number): number {
  return (rng - Math.imul(k, 0x6d2b79f5)) >>> 0;
}

/** The first PRNG state whose next `count` draws of randomInt(5) satisfy `ok`. */
function rngWhose(count: number, ok: (draws: number[]) => boolean): number {
  for (let rng = 0; rng < 50_000_000; rng++) {
    const probe = { rng } as State;
    if (ok(Array.from({ length: count }, () => randomInt(probe, 5)))) return rng;
  }
  throw new Error('no PRNG state draws so');
}

/** The first PRNG state whose next draws `randomInt(n)` for each n of `ns` give exactly `want`. */
function rngWhere(ns: number[], want: number[]): number {
  for (let rng = 0; rng < 50_000_000; rng++) {
    const probe = { rng } as State;
    if (ns.every((n, i) => randomInt(probe, n) === want[i])) return rng;
  }
  throw new Error(`no PRNG state draws ${want.join(', ')}`);
}

/** The edits of one connect attempt, whatever its outcome. */
function counted(expected: State): void {
  expected.counters.attempts++;
  expected.counters.tickAttempts++;
}

/** The edits of a failed attempt of peer P (its first) under a schedule that draws nothing. */
function failedOnce(expected: State, delay: number): void {
  expected.peers[P]!.retries = 1;
  expected.peers[P]!.nextAttempt = NOW + delay;
}

/** The edits of an accepted connect of peer P at slot `s`. */
function accepted(expected: State, s: number): void {
  const peer = expected.peers[P]!;
  expected.supernodes[s]!.accepted++;
  expected.supernodes[s]!.clients++;
  peer.upstream = s;
  peer.status = 'authenticating';
  peer.authSentAt = NOW;
  expected.loginQueue.push({ peer: P, sentAt: NOW });
}

describe('connect: a client tries the next supernode of its host cache', () => {
  it('tries the host-cache entry at (failed attempts) modulo (cache size)', () => {
    const { model, state } = setup('skype-2010');
    state.peers[P]!.cache = [2, 1];
    state.peers[P]!.retries = 3;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 1);
      },
    );
  });

  it.each(['skype-2010', 'skype-2007', 'skype-2010+admission-control'])(
    'an accepted connect attaches the client, counts one accepted connect and one attempt, and sends authentication at once (%s)',
    (name) => {
      const { model, state } = setup(name);
      state.counters.attempts = 7;
      state.counters.tickAttempts = 2;
      expectChange(
        state,
        () => connect(state, model, P),
        (e) => {
          counted(e);
          accepted(e, 0);
        },
      );
      expect(state.counters.attempts).toBe(8);
      expect(state.counters.tickAttempts).toBe(3);
      expect(state.peers[P]!.retries).toBe(0); // the retry count is reset by the login server, not here
    },
  );

  it.each(['restarting', 'down', 'idle'] as SupernodeStatus[])(
    'a supernode that is %s fails the attempt: nothing attached, nothing counted at the supernode',
    (status) => {
      const { model, state } = setup('skype-2010+admission-control');
      state.supernodes[0]!.status = status;
      state.supernodes[0]!.clients = 0;
      expectChange(
        state,
        () => connect(state, model, P),
        (e) => {
          counted(e);
          failedOnce(e, 3);
        },
      );
    },
  );
});

describe('connect: the original protocol (no admission control)', () => {
  it.each(['skype-2010', 'skype-2007'])('a supernode at or past capacity still accepts the connect (%s)', (name) => {
    for (const clients of [4, 5]) {
      const { model, state } = setup(name);
      state.supernodes[0]!.clients = clients;
      expectChange(
        state,
        () => connect(state, model, P),
        (e) => {
          counted(e);
          accepted(e, 0);
        },
      );
      expect(state.supernodes[0]!.clients).toBe(clients + 1);
    }
  });

  it('serves the last connect of its work budget (budget minus one already accepted this tick)', () => {
    const { model, state } = setup('skype-2010');
    state.supernodes[0]!.accepted = 1;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 0);
      },
    );
    expect(state.supernodes[0]!.accepted).toBe(2);
  });

  it.each([
    ['skype-2010', 3],
    ['skype-2007', 1],
  ] as const)('past its work budget a supernode leaves the connect unanswered and the attempt fails (%s)', (name, delay) => {
    const { model, state } = setup(name);
    state.supernodes[0]!.accepted = 2;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[0]!.unanswered = 1;
        failedOnce(e, delay);
      },
    );
  });
});

describe('connect: admission control ("overloaded, try elsewhere, later")', () => {
  const AC = 'skype-2010+admission-control';

  /** Every live supernode is full, so the referral's four random looks all miss. */
  function allFull(state: State): void {
    for (const s of [0, 1, 2]) state.supernodes[s]!.clients = 4;
  }

  it('accepts with one place left (clients = capacity - 1)', () => {
    const { model, state } = setup(AC);
    state.supernodes[0]!.clients = 3;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 0);
      },
    );
  });

  it('accepts up to its work budget less the reserve it keeps for rejections (budget 3, reserve 1: accepted = 1)', () => {
    const { model, state } = setup(AC, { supernodeBudget: 3, admissionReserve: 1 });
    state.supernodes[0]!.accepted = 1;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 0);
      },
    );
  });

  it('rejects once it has accepted its budget less the reserve (budget 3, reserve 1: accepted = 2), with room left', () => {
    const { model, state } = setup(AC, { supernodeBudget: 3, admissionReserve: 1 });
    allFull(state);
    state.supernodes[0]!.clients = 0;
    state.supernodes[0]!.accepted = 2;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[0]!.rejected = 1;
        failedOnce(e, 3);
        e.rng = afterDraws(e.rng, 4);
      },
    );
  });

  it('with no reserve it accepts the last connect of its work budget (accepted = budget - 1)', () => {
    const { model, state } = setup(AC, { admissionReserve: 0 });
    state.supernodes[0]!.accepted = 1;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 0);
      },
    );
  });

  it('accepts one connect a tick however large the reserve, and no second one', () => {
    for (const admissionReserve of [2, 5]) {
      const { model, state } = setup(AC, { admissionReserve });
      expectChange(
        state,
        () => connect(state, model, P),
        (e) => {
          counted(e);
          accepted(e, 0);
        },
      );
    }
    const { model, state } = setup(AC, { admissionReserve: 5 });
    allFull(state);
    state.supernodes[0]!.clients = 0;
    state.supernodes[0]!.accepted = 1;
    connect(state, model, P);
    expect(state.supernodes[0]!).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('admissionLimit: the budget less the reserve, at least one', () => {
    const sn = (budget: number) => ({ budget }) as Supernode;
    expect([admissionLimit(sn(2), 1), admissionLimit(sn(60), 1), admissionLimit(sn(4), 0), admissionLimit(sn(1), 1), admissionLimit(sn(2), 9)]).toEqual([
      1, 59, 4, 1, 1,
    ]);
  });

  it('rejects at exactly capacity: one rejection, nothing accepted or left unanswered, the attempt fails', () => {
    const { model, state } = setup(AC);
    allFull(state);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[0]!.rejected = 1;
        failedOnce(e, 3);
        e.rng = afterDraws(e.rng, 4);
      },
    );
  });

  it('rejects past its work budget (accepted = budget) instead of leaving the connect unanswered', () => {
    const { model, state } = setup(AC);
    allFull(state);
    state.supernodes[0]!.clients = 0;
    state.supernodes[0]!.accepted = 2;
    // the rejecting supernode has room itself, but a referral never points back to it
    state.rng = rngWhere([6, 6, 6, 6, 6], [0, 0, 0, 0, 0]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[0]!.rejected = 1;
        failedOnce(e, 3);
        e.rng = afterDraws(e.rng, 4);
      },
    );
  });

  /**
   * Slot 0 rejects (budget spent, but room); slot 1 is up and exactly full; slot 2 is up with one
   * place left; slots 3 and 4 are idle (with room); slot 5 is an idle mega slot.
   */
  function referralScene(rolls: number[]): { model: Model; state: State } {
    const { model, state } = setup(AC);
    state.supernodes[0]!.clients = 0;
    state.supernodes[0]!.accepted = 2;
    state.supernodes[1]!.clients = 4;
    state.supernodes[2]!.clients = 3;
    state.rng = rngWhere(
      rolls.map(() => 6),
      rolls,
    );
    return { model, state };
  }

  it('refers the client to a live supernode with room, which it tries next (found on the first look)', () => {
    const { model, state } = referralScene([2]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[0]!.rejected = 1;
        failedOnce(e, 3);
        e.peers[P]!.cache = [0, 2];
        e.rng = afterDraws(e.rng, 1);
      },
    );
  });

  it('refers to slot 0 too (the referral is any slot but the rejecting one)', () => {
    const { model, state } = setup(AC);
    state.peers[P]!.cache = [1, 2];
    state.supernodes[1]!.accepted = 1; // slot 1 rejects: it has accepted its budget less the reserve
    state.rng = rngWhere([6], [0]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[1]!.rejected = 1;
        failedOnce(e, 3);
        e.peers[P]!.cache = [1, 0];
        e.rng = afterDraws(e.rng, 1);
      },
    );
  });

  it('a referral skips the rejecting supernode, a full one and one that is not up, and looks four times', () => {
    const { model, state } = referralScene([0, 1, 3, 2]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[0]!.rejected = 1;
        failedOnce(e, 3);
        e.peers[P]!.cache = [0, 2];
        e.rng = afterDraws(e.rng, 4);
      },
    );
  });

  it('after four looks that miss there is no referral (and the cache is left as it was)', () => {
    const { model, state } = referralScene([0, 1, 3, 4, 2]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[0]!.rejected = 1;
        failedOnce(e, 3);
        e.rng = afterDraws(e.rng, 4);
      },
    );
  });

  it('the referral overwrites the entry the client tries next, after a completed round has asked the bootstrap service', () => {
    const { model, state } = referralScene([]);
    state.peers[P]!.cache = [1, 0];
    state.peers[P]!.retries = 1;
    // failed attempt 2 completes a round: bootstrap (4 looks at the idle mega slot, then slot 1 for
    // entry 0 and slot 0 for entry 1), then the referral (slot 2) overwrites entry 2 % 2 = 0
    const rng = rngWhere([1, 1, 1, 1, 6, 6, 6], [0, 0, 0, 0, 1, 0, 2]);
    state.rng = rng;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        e.supernodes[0]!.rejected = 1;
        e.peers[P]!.retries = 2;
        e.peers[P]!.nextAttempt = NOW + 3;
        e.peers[P]!.cache = [2, 0];
        e.rng = afterDraws(rng, 7);
      },
    );
  });
});

describe('connect: a working supernode tells its new client about live supernodes', () => {
  it('replaces a dead host-cache entry with a live supernode (any live one: liveness, not load)', () => {
    const { model, state } = setup('skype-2010');
    state.peers[P]!.cache = [1, 3];
    state.supernodes[0]!.clients = 4;
    state.rng = rngWhere([6, 6], [4, 0]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 1);
        e.peers[P]!.cache = [1, 0];
        e.rng = afterDraws(e.rng, 2);
      },
    );
  });

  it('replaces a dead first entry too', () => {
    const { model, state } = setup('skype-2010');
    state.peers[P]!.cache = [3, 1];
    state.peers[P]!.retries = 1;
    state.rng = rngWhere([6], [2]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 1);
        e.peers[P]!.cache = [2, 1];
        e.rng = afterDraws(e.rng, 1);
      },
    );
  });

  it('finds a live one on the fourth look', () => {
    const { model, state } = setup('skype-2010');
    state.peers[P]!.cache = [0, 4];
    state.supernodes[2]!.status = 'restarting';
    state.rng = rngWhere([6, 6, 6, 6], [3, 5, 2, 1]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 0);
        e.peers[P]!.cache = [0, 1];
        e.rng = afterDraws(e.rng, 4);
      },
    );
  });

  it('keeps the dead entry when four looks find no live supernode', () => {
    const { model, state } = setup('skype-2010');
    state.peers[P]!.cache = [0, 4];
    state.rng = rngWhere([6, 6, 6, 6, 6], [3, 5, 4, 3, 1]);
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 0);
        e.rng = afterDraws(e.rng, 4);
      },
    );
  });

  it('keeps live entries, even a full one, and looks nowhere', () => {
    const { model, state } = setup('skype-2010');
    state.supernodes[1]!.clients = 4;
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        accepted(e, 0);
      },
    );
  });

  it('a client whose attempt failed learns nothing', () => {
    const { model, state } = setup('skype-2010');
    state.peers[P]!.cache = [3, 4];
    expectChange(
      state,
      () => connect(state, model, P),
      (e) => {
        counted(e);
        failedOnce(e, 3);
      },
    );
  });
});

describe('connect: a supernode host logs in through its own supernode', () => {
  const HOST = 1;

  function hostScene(name: string): { model: Model; state: State } {
    const { model, state } = setup(name);
    const host = state.peers[HOST]!;
    host.status = 'connecting';
    host.upstream = -1;
    host.authenticated = false;
    host.nextAttempt = NOW;
    return { model, state };
  }

  it('attaches to its own serving supernode without counting itself, without using its budget or capacity, and is not a connect attempt', () => {
    const { model, state } = hostScene('skype-2010+admission-control');
    state.supernodes[HOST]!.clients = 5; // past capacity
    state.supernodes[HOST]!.accepted = 2; // budget spent
    expectChange(
      state,
      () => connect(state, model, HOST),
      (e) => {
        e.peers[HOST]!.upstream = HOST;
        e.peers[HOST]!.status = 'authenticating';
        e.peers[HOST]!.authSentAt = NOW;
        e.loginQueue.push({ peer: HOST, sentAt: NOW });
      },
    );
  });

  it('waits for its restarting supernode: next attempt at the tick it serves again', () => {
    const { model, state } = hostScene('skype-2010');
    state.supernodes[HOST]!.status = 'restarting';
    state.supernodes[HOST]!.restartAt = NOW + 6;
    expectChange(
      state,
      () => connect(state, model, HOST),
      (e) => {
        e.peers[HOST]!.nextAttempt = NOW + 6;
      },
    );
  });

  it.each(['down', 'idle'] as SupernodeStatus[])('looks again on the next tick while its supernode is %s (no restart time)', (status) => {
    const { model, state } = hostScene('skype-2007');
    state.supernodes[HOST]!.status = status;
    expectChange(
      state,
      () => connect(state, model, HOST),
      (e) => {
        e.peers[HOST]!.nextAttempt = NOW + 1;
      },
    );
  });
});

describe('failAttempt: a failed attempt schedules the next one', () => {
  it('counts one more failed attempt and schedules the next by the variant (2010: reconnectInterval)', () => {
    const { model, state } = setup('skype-2010');
    state.peers[P]!.retries = 3;
    state.peers[P]!.cache = [0, 1, 2];
    expectChange(
      state,
      () => failAttempt(state, model, P),
      (e) => {
        e.peers[P]!.retries = 4;
        e.peers[P]!.nextAttempt = NOW + 3;
      },
    );
  });

  it('passes the new failed-attempt count and the cache size to the schedule (2007: pause after a full round)', () => {
    const { model, state } = setup('skype-2007', { megaSlots: 0 });
    state.peers[P]!.cache = [0, 1, 2];
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      failAttempt(state, model, P);
      delays.push(state.peers[P]!.nextAttempt - NOW);
    }
    expect(delays).toEqual([1, 1, 5, 1, 1, 5]);
    expect(state.peers[P]!.retries).toBe(6);
    expect(state.counters.attempts).toBe(0); // the attempt itself is counted by connect
  });

  it('asks the bootstrap service exactly after each whole round of the host cache, not before', () => {
    const { model, state } = setup('skype-2010', { megaSlots: 0 });
    const rngs: number[] = [];
    for (let i = 0; i < 4; i++) {
      const rng = state.rng;
      failAttempt(state, model, P);
      rngs.push(state.rng === rng ? 0 : 1);
    }
    expect(rngs).toEqual([0, 1, 0, 1]);
  });

  it('the bootstrap service hands out live supernodes for every entry (megaSlots 0: no dedicated look)', () => {
    const { model, state } = setup('skype-2010', { megaSlots: 0 });
    state.peers[P]!.cache = [3, 4];
    state.peers[P]!.retries = 1;
    state.rng = rngWhere([5, 5], [2, 0]);
    expectChange(
      state,
      () => failAttempt(state, model, P),
      (e) => {
        e.peers[P]!.retries = 2;
        e.peers[P]!.nextAttempt = NOW + 3;
        e.peers[P]!.cache = [2, 0];
        e.rng = afterDraws(e.rng, 2);
      },
    );
  });

  it('knows liveness, not load: a full live supernode is handed out', () => {
    const { model, state } = setup('skype-2010', { megaSlots: 0 });
    state.supernodes[1]!.clients = 9;
    state.peers[P]!.retries = 1;
    state.rng = rngWhere([5, 5], [1, 2]);
    failAttempt(state, model, P);
    expect(state.peers[P]!.cache).toEqual([1, 2]);
  });

  describe('with the load-aware allocation (load-aware-promotion), the bootstrap service knows load', () => {
    const LA = 'skype-2010+load-aware-promotion';

    it('hands out supernodes with room, passing over full, overloaded and stopped ones', () => {
      const { model, state } = setup(LA, { megaSlots: 0 });
      state.supernodes[0]!.clients = 4; // full
      state.supernodes[1]!.overloadedTicks = 1; // room, but overloaded last tick
      state.peers[P]!.retries = 1;
      // entry 0: slot 0 (full), slot 1 (overloaded), slot 3 (idle), then slot 2; entry 1: slot 2 at once
      const rng = rngWhere([5, 5, 5, 5, 5], [0, 1, 3, 2, 2]);
      state.rng = rng;
      expectChange(
        state,
        () => failAttempt(state, model, P),
        (e) => {
          e.peers[P]!.retries = 2;
          e.peers[P]!.nextAttempt = NOW + 3;
          e.peers[P]!.cache = [2, 2];
          e.rng = afterDraws(rng, 5);
        },
      );
    });

    it('looks 32 times for room, then falls back: a full live slot on the 33rd draw is taken, not passed over', () => {
      const { model, state } = setup(LA, { megaSlots: 0 });
      for (const s of [0, 1]) state.supernodes[s]!.clients = 4; // full; only slot 2 has room
      state.peers[P]!.cache = [3];
      state.peers[P]!.retries = 0;
      // 32 draws that miss slot 2, then slot 0 (the fallback's first look), then slot 2
      const rng = rngWhose(34, (d) => d.slice(0, 32).every((s) => s !== 2) && d[32] === 0 && d[33] === 2);
      state.rng = rng;
      failAttempt(state, model, P);
      expect(state.peers[P]!.cache).toEqual([0]);
    });

    it('falls back to any live supernode when 32 looks find none with room (every live one full)', () => {
      const { model, state } = setup(LA, { megaSlots: 0 });
      for (const s of [0, 1, 2]) state.supernodes[s]!.clients = 4;
      state.peers[P]!.cache = [3, 4]; // idle slots, so that an entry the fallback finds shows
      state.peers[P]!.retries = 1;
      // the draws as the protocol makes them: 32 looks for room, then up to 4 looks for a live one
      const probe = { rng: state.rng } as State;
      const want: number[] = [];
      for (let entry = 0; entry < 2; entry++) {
        for (let look = 0; look < 32; look++) randomInt(probe, 5);
        let found = -1;
        for (let look = 0; look < 4 && found < 0; look++) {
          const s = randomInt(probe, 5);
          if (s <= 2) found = s;
        }
        expect(found, `the fallback's looks for entry ${entry} find a live supernode from this PRNG state`).toBeGreaterThanOrEqual(0);
        want.push(found);
      }
      failAttempt(state, model, P);
      expect(state.peers[P]!.cache).toEqual(want);
      expect(state.rng).toBe(probe.rng);
    });

    it('hands out the dedicated mega-supernode first only while it has room', () => {
      for (const clients of [7, 8]) {
        const { model, state } = setup(`${LA}+mega-supernodes`);
        state.supernodes[5]!.status = 'up';
        state.supernodes[5]!.clients = clients; // megaCapacity 8
        state.peers[P]!.retries = 1;
        // room: the mega slot on the first look, then slot 2; full: 32 looks at the mega slot, then slot 0 and slot 2
        const rng = clients < 8 ? rngWhere([1, 6], [0, 2]) : beforeDraws(rngWhere([6, 6], [0, 2]), 32);
        state.rng = rng;
        failAttempt(state, model, P);
        expect(state.peers[P]!.cache).toEqual(clients < 8 ? [5, 2] : [0, 2]);
        expect(state.rng).toBe(afterDraws(rng, clients < 8 ? 2 : 34));
      }
    });
  });

  it('hands out a dedicated mega-supernode first, for the first entry only, when one serves', () => {
    const { model, state } = setup('skype-2010+mega-supernodes');
    state.supernodes[5]!.status = 'up';
    state.peers[P]!.retries = 1;
    const rng = rngWhere([1, 6], [0, 2]);
    state.rng = rng;
    expectChange(
      state,
      () => failAttempt(state, model, P),
      (e) => {
        e.peers[P]!.retries = 2;
        e.peers[P]!.nextAttempt = NOW + 3;
        e.peers[P]!.cache = [5, 2];
        e.rng = afterDraws(rng, 2);
      },
    );
  });

  it('falls back to any live supernode when four looks at the mega slots find none serving', () => {
    const { model, state } = setup('skype-2010');
    state.peers[P]!.retries = 1;
    const rng = rngWhere([1, 1, 1, 1, 6, 6], [0, 0, 0, 0, 1, 2]);
    state.rng = rng;
    expectChange(
      state,
      () => failAttempt(state, model, P),
      (e) => {
        e.peers[P]!.retries = 2;
        e.peers[P]!.nextAttempt = NOW + 3;
        e.peers[P]!.cache = [1, 2];
        e.rng = afterDraws(rng, 6);
      },
    );
  });

  it('keeps an entry when four looks find nothing live', () => {
    const { model, state } = setup('skype-2010', { megaSlots: 0 });
    state.peers[P]!.cache = [1, 2];
    state.peers[P]!.retries = 1;
    // entry 0: four misses (a fifth look would find slot 0); entry 1: slot 0 on its first look
    const rng = rngWhere([5, 5, 5, 5, 5], [3, 4, 3, 4, 0]);
    state.rng = rng;
    expectChange(
      state,
      () => failAttempt(state, model, P),
      (e) => {
        e.peers[P]!.retries = 2;
        e.peers[P]!.nextAttempt = NOW + 3;
        e.peers[P]!.cache = [1, 0];
        e.rng = afterDraws(rng, 5);
      },
    );
  });
});

describe('a user who gives up (giveUpAttempts)', () => {
  it('quits after exactly giveUpAttempts failed attempts and comes back within [1, comeBackTicks]', () => {
    const { model, state } = setup('skype-2010', { giveUpAttempts: 3, comeBackTicks: 50 });
    const peer = state.peers[P]!;
    peer.retries = 1;
    failAttempt(state, model, P);
    expect(peer.status).toBe('connecting'); // 2 failed: keeps trying
    const rng = state.rng;
    failAttempt(state, model, P);
    expect(peer.status).toBe('off'); // 3 failed: gives up
    expect(peer.wantsOnline).toBe(true);
    expect(peer.nextAttempt).toBe(NOW + 1 + randomInt({ rng } as State, 50));
    expect(peer.nextAttempt).toBeGreaterThanOrEqual(NOW + 1);
    expect(peer.nextAttempt).toBeLessThanOrEqual(NOW + 50);
  });

  it('never gives up with giveUpAttempts 0, however many attempts fail', () => {
    const { model, state } = setup('skype-2010', { giveUpAttempts: 0 });
    state.peers[P]!.retries = 10_000;
    failAttempt(state, model, P);
    expect(state.peers[P]!.status).toBe('connecting');
  });

  it('comes back to log in when its time comes (a stopped client that wants to be online)', () => {
    const { model, state } = setup('skype-2010', { giveUpAttempts: 1, comeBackTicks: 1 });
    failAttempt(state, model, P);
    expect(state.peers[P]!).toMatchObject({ status: 'off', nextAttempt: NOW + 1 });
    stepOwned(state, model, { kind: 'tick' });
    expect(state.peers[P]!.status).not.toBe('off');
    expect(state.peers[P]!.retries).toBeLessThanOrEqual(1);
  });
});

describe('a mega-supernode never takes clients past its capacity', () => {
  it('a full mega-supernode rejects even without admission control; one place left is taken', () => {
    for (const [clients, attached] of [
      [8, false],
      [7, true],
    ] as const) {
      const { model, state } = setup('skype-2010+mega-supernodes');
      const mega = state.supernodes[5]!;
      Object.assign(mega, { status: 'up', clients });
      state.peers[P]!.cache = [5, 5];
      connect(state, model, P);
      expect(state.peers[P]!.upstream === 5).toBe(attached);
      expect(mega.rejected).toBe(attached ? 0 : 1);
    }
  });

  it('a full peer-hosted supernode still accepts without admission control', () => {
    const { model, state } = setup('skype-2010');
    state.supernodes[0]!.clients = 4;
    connect(state, model, P);
    expect(state.peers[P]!.upstream).toBe(0);
    expect(state.supernodes[0]!.clients).toBe(5);
  });
});
