/**
 * The protocol as the engines' subject (src/search/protocolSubject.ts), checked against the
 * protocol's own functions: the heal phase each property needs, the adversary's budgets (what
 * `adversaryMayAct` says when a budget is one short, spent, or the operator may still add mega
 * supernodes), the events of the allowed kinds only, and each kind of property as the engine reads it.
 * Quick: no search, one model step at most; the first test the mutation run tries on the file.
 */
import { describe, expect, it } from 'vitest';
import { SUITES, suiteModel } from '../../../properties/index.ts';
import { healTicksOf, protocolRandomSubject, protocolSearchModel, protocolSearchProperty } from '../../../src/search/protocolSubject.ts';
import { ADVERSARY_KINDS, enabled, init, type AdversaryKind, type Event, type State } from '../../../src/model/index.ts';
import { checkRun, DEFAULT_BOUNDS, PROPERTIES, type AlwaysProperty, type Bounds } from '../../../src/propertyLanguage/index.ts';

const suite = (id: string) => SUITES.find((s) => s.id === id)!;
/** feedback-loop's exhaustive scope: fault budget 2, churn budget 1. */
const feedback = suiteModel(suite('feedback-loop'), 'skype-2010', true);
const bounds: Bounds = { ...DEFAULT_BOUNDS, healTicks: 7, loginTicks: 5 };
const TICK: Event = { kind: 'tick' };
const spent = (faultsUsed: number, userActions: number): State => ({ ...init(feedback), faultsUsed, userActions });

describe('healTicksOf', () => {
  it("an invariant takes the bounds' heal phase; a liveness property its own (login-completes: twice the login ticks)", () => {
    expect(healTicksOf(PROPERTIES['no-cascade']!, bounds)).toBe(7);
    expect(healTicksOf(PROPERTIES['login-completes']!, bounds)).toBe(10);
  });
});

describe('protocolSearchModel', () => {
  it('the scope under test has a fault budget of 2 and a churn budget of 1', () => {
    expect([feedback.config.faultBudget, feedback.config.churnBudget, feedback.protocol.megaSupernodes]).toEqual([2, 1, false]);
  });

  it.each([
    [0, 0, true],
    [1, 1, true], // one fault left
    [2, 0, true], // one user action left
    [0, 1, true],
    [2, 1, false], // both budgets spent
    [3, 2, false],
  ])('faults used %i, user actions %i: the adversary may act: %s', (faults, users, may) => {
    const m = protocolSearchModel(feedback, PROPERTIES['no-cascade']!);
    expect(m.adversaryMayAct(spent(faults, users))).toBe(may);
    // Whatever kinds the search allows: an unspent budget of a kind left out still counts (conservative).
    expect(protocolSearchModel(feedback, PROPERTIES['no-cascade']!, ['crash']).adversaryMayAct(spent(faults, users))).toBe(may);
  });

  it('with mega supernodes in the protocol and allowed, the operator may always act; not when left out of the kinds', () => {
    const mega = suiteModel(suite('feedback-loop'), 'skype-2010+mega-supernodes', true);
    const state = { ...init(mega), faultsUsed: 2, userActions: 1 };
    expect(protocolSearchModel(mega, PROPERTIES['no-cascade']!).adversaryMayAct(state)).toBe(true);
    expect(protocolSearchModel(mega, PROPERTIES['no-cascade']!, ['crash', 'addMegaSupernodes']).adversaryMayAct(state)).toBe(true);
    expect(protocolSearchModel(mega, PROPERTIES['no-cascade']!, ['crash', 'reboot']).adversaryMayAct(state)).toBe(false);
  });

  it("enabled: the protocol's events, in its order, cut down to the tick and the allowed kinds", () => {
    const state = init(feedback);
    const all = enabled(state, feedback);
    expect([...new Set(all.map((e) => e.kind))]).toEqual(expect.arrayContaining(['tick', 'crash', 'reboot', 'goOffline', 'massReboot']));
    expect(protocolSearchModel(feedback, PROPERTIES['no-cascade']!).enabled(state)).toEqual(all);
    expect(protocolSearchModel(feedback, PROPERTIES['no-cascade']!, [...ADVERSARY_KINDS]).enabled(state)).toEqual(all);
    for (const kinds of [['crash'], ['goOffline', 'reboot'], ['massReboot']] as AdversaryKind[][]) {
      const expected = all.filter((e) => e.kind === 'tick' || (kinds as string[]).includes(e.kind));
      expect(protocolSearchModel(feedback, PROPERTIES['no-cascade']!, kinds).enabled(state), kinds.join()).toEqual(expected);
    }
  });

  it("tells the tick from the adversary's events, and steps and codes as the protocol does", () => {
    const m = protocolSearchModel(feedback, PROPERTIES['no-cascade']!);
    expect(m.isTick(TICK)).toBe(true);
    expect(m.isTick({ kind: 'crash', peer: 0 })).toBe(false);
    expect(m.tick).toEqual(TICK);
    const s = m.init();
    expect(m.step(s, TICK)).toBe(true);
    expect(m.tickOf(s)).toBe(1);
    expect(m.event(m.code({ kind: 'crash', peer: 3 }))).toEqual({ kind: 'crash', peer: 3 });
  });
});

describe('protocolSearchProperty', () => {
  it('an invariant: violated where its check says so, with its memory; no goal and no heal phase of its own to fail', () => {
    // A property of our own, to know where it breaks: past tick 0 with a memory of 2 or more.
    const late: AlwaysProperty = {
      kind: 'always',
      id: 'late',
      summary: 'never past tick 0 with a memory of 2',
      check: (state, _model, _bounds, memory) => (state.tick > 0 && memory >= 2 ? 'late' : null),
      history: { initial: 5, limit: 3, next: (previous) => previous + 10 },
      reads: [],
      triggered: () => true,
    };
    const p = protocolSearchProperty(feedback, late, bounds);
    const later = { ...init(feedback), tick: 1 };
    expect({ kind: p.kind, healTicks: p.healTicks }).toEqual({ kind: 'always', healTicks: 7 });
    expect([p.violates(later, 2), p.violates(later, 1), p.violates(init(feedback), 3)]).toEqual([true, false, false]);
    expect([p.goal(later), p.healFails(later)]).toEqual([false, false]);
    // The memory is clamped to 0..limit, as checkRun clamps it.
    expect(p.history!.initial).toBe(3);
    expect(p.history!.next(0, later, TICK)).toBe(3);
    expect(protocolSearchProperty(feedback, PROPERTIES['no-cascade']!, bounds).history).toBeNull();
  });

  it("recovers: a goal property, never violated in a state, its goal and heal phase the protocol's own", () => {
    const recovers = PROPERTIES.recovers!;
    const p = protocolSearchProperty(feedback, recovers, bounds);
    expect({ kind: p.kind, healTicks: p.healTicks, history: p.history }).toEqual({ kind: 'goal', healTicks: 7, history: null });
    const crashed = init(feedback);
    protocolSearchModel(feedback, recovers).step(crashed, { kind: 'crash', peer: 0 });
    for (const state of [init(feedback), crashed]) {
      expect(p.violates(state, 0)).toBe(false);
      expect(p.goal(state)).toBe((recovers as { goal(s: State): boolean }).goal(state));
      expect(p.healFails(state)).toBe(checkRun(feedback, recovers, bounds, [], state).violation !== null);
    }
    expect(p.goal(init(feedback))).toBe(true);
  });

  it('login-completes: a heal phase replayed, with no goal and never violated in a state', () => {
    const p = protocolSearchProperty(feedback, PROPERTIES['login-completes']!, bounds);
    expect({ kind: p.kind, healTicks: p.healTicks }).toEqual({ kind: 'replay', healTicks: 10 });
    const state = init(feedback);
    expect([p.violates(state, 0), p.goal(state)]).toEqual([false, false]);
    expect(p.healFails(state)).toBe(checkRun(feedback, PROPERTIES['login-completes']!, bounds, [], state).violation !== null);
  });
});

describe('protocolRandomSubject', () => {
  it('the allowed kinds, the tick, and whether the property is an invariant', () => {
    const inv = protocolRandomSubject(feedback, PROPERTIES['no-cascade']!, bounds, ['reboot', 'crash']);
    expect(inv.invariant).toBe(true);
    expect(inv.isTick(TICK)).toBe(true);
    expect(inv.isTick({ kind: 'crash', peer: 0 })).toBe(false);
    expect([...inv.kinds].sort()).toEqual(['crash', 'reboot']);
    expect(protocolRandomSubject(feedback, PROPERTIES.recovers!, bounds).invariant).toBe(false);
  });
});
