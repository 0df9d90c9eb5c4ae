/**
 * The recorder observes and never steers: stepping with one gives the very states stepping without
 * one gives (immer `step` and `stepOwned` alike), and what it records agrees with the counters the
 * state keeps. A known scenario shows the effects a reviewer expects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cloneState,
  CONNECT_KINDS,
  defaultConfig,
  effectsOf,
  init,
  parseConfig,
  step,
  stepOwned,
  type Config,
  type Effect,
  type EffectKind,
  type Event,
  type Model,
  type State,
} from '../../src/model/index.ts';
import { handBuilt } from '../support/handBuilt.ts';
import { ALL_VARIANTS, modelOf, sequence, taggedEvent, validEvent } from '../support/arbitraries.ts';

const VARIANTS = ['skype-2007', 'skype-2010', 'fixed'];
const seed = fc.integer({ min: 0, max: 0xffffffff });

/** The small scope with room for faults and churn. */
const plain: Config = { ...defaultConfig('small'), faultBudget: 4, churnBudget: 4 };

/** The small scope with the population's switches on, so that every rule (and every effect) can happen. */
const busy: Config = (() => {
  const parsed = parseConfig({
    ...plain,
    giveUpAttempts: 3,
    comeBackTicks: 4,
    rebootDemotes: 1,
    disableDegradedServers: 1,
    operatorAlarmPercent: 80,
    connectsPerTick: 3,
    randomPlacement: 1,
    capacitySpreadPercent: 50,
    loginQueueLimit: 2,
    offlineQueueLimit: 2,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
})();

/** The same model with a recorder that collects into `effects`. */
function recording(model: Model): { model: Model; effects: Effect[] } {
  const effects: Effect[] = [];
  return { model: { ...model, record: (e) => effects.push(e) }, effects };
}

describe('the recorder changes no state', () => {
  for (const [name, config] of [...VARIANTS.map((v) => [v, plain] as const), ['fixed', busy] as const, ['skype-2010', busy] as const]) {
    it(`step and stepOwned give deep-equal states with and without it, and record the same effects (${name}${config === busy ? ', busy config' : ''})`, () => {
      fc.assert(
        fc.property(seed, sequence(taggedEvent(config), 60), (s, events) => {
          const model = modelOf(name, { ...config, seed: s });
          const rec = recording(model);
          let bare = init(model);
          let recorded = init(model);
          const owned = init(model);
          for (const { event } of events) {
            const fromImmer = rec.effects.length;
            const nextBare = step(bare, model, event);
            const nextRecorded = step(recorded, rec.model, event);
            expect(nextRecorded).toEqual(nextBare);
            expect(nextRecorded === recorded).toBe(nextBare === bare); // a no-op stays the same object
            const immerEffects = rec.effects.splice(fromImmer);
            const applied = stepOwned(owned, rec.model, event);
            expect(applied).toBe(nextBare !== bare);
            expect(owned).toEqual(nextBare);
            expect(rec.effects.splice(0)).toEqual(immerEffects); // both paths report the same effects
            if (!applied) expect(immerEffects).toEqual([]);
            bare = nextBare;
            recorded = nextRecorded;
          }
        }),
        { seed: 42, numRuns: 60 },
      );
    });
  }
});

/** Every effect kind, so that the coverage test below notices a kind no run produces. */
const KINDS: Record<EffectKind, true> = {
  connectAccepted: true,
  connectRejected: true,
  connectUnanswered: true,
  connectToStoppedSupernode: true,
  gaveUp: true,
  clientRestarted: true,
  authSent: true,
  authDropped: true,
  authTimedOut: true,
  loggedIn: true,
  fetchSent: true,
  fetchDropped: true,
  replyOnTime: true,
  replyLate: true,
  offlineMessagesDegraded: true,
  serversTakenOut: true,
  clientCrashed: true,
  hostCrashed: true,
  machineRebooted: true,
  supernodeRebooted: true,
  hostRestarted: true,
  supernodeShutDown: true,
  supernodeServingAgain: true,
  promoted: true,
  demoted: true,
  megaAdded: true,
  clientDetached: true,
};

describe('the effects agree with the counters', () => {
  const seen = new Set<EffectKind>();

  for (const name of ALL_VARIANTS) {
    it(`counter by counter, step by step (${name})`, () => {
      for (const config of [plain, busy]) {
        fc.assert(
          fc.property(seed, sequence(validEvent(config, 3), 80), (s, events) => {
            const { model, effects } = recording(modelOf(name, { ...config, seed: s }));
            const state = init(model);
            for (const event of events) {
              const before = cloneState(state);
              effects.length = 0;
              stepOwned(state, model, event);
              agree(before, state, event, effects);
              for (const e of effects) seen.add(e.kind);
            }
          }),
          { seed: 42, numRuns: 25 },
        );
      }
    });
  }

  it('every kind of effect happened in these runs', () => {
    expect(Object.keys(KINDS).filter((k) => !seen.has(k as EffectKind))).toEqual([]);
  });
});

/** The counters moved exactly as the recorded effects say. */
function agree(before: State, after: State, event: Event, effects: Effect[]): void {
  const delta = (name: keyof State['counters']) => after.counters[name] - before.counters[name];
  const n = (kind: EffectKind, when: (e: never) => boolean = () => true) => effects.filter((e) => e.kind === kind && when(e as never)).length;
  const connects = effects.filter((e) => (CONNECT_KINDS as readonly string[]).includes(e.kind)).length;
  expect(delta('attempts')).toBe(connects);
  if (event.kind === 'tick') expect(after.counters.tickAttempts).toBe(connects);
  expect(delta('lateReplies')).toBe(n('replyLate'));
  expect(delta('crashes')).toBe(n('clientCrashed', (e: { cause: string }) => e.cause === 'lateReply'));
  expect(delta('injectedCrashes')).toBe(n('clientCrashed', (e: { cause: string }) => e.cause === 'injected'));
  expect(delta('overloadShutdowns')).toBe(n('supernodeShutDown'));
  expect(delta('authDropped')).toBe(n('authDropped'));
  expect(delta('promotions')).toBe(n('promoted'));
  expect(delta('megaAdded')).toBe(n('megaAdded'));
  expect(delta('crashLosses')).toBe(n('hostCrashed', (e: { cause: string; wasServing: boolean }) => e.cause === 'lateReply' && e.wasServing));
  const faultLosses =
    n('hostCrashed', (e: { cause: string; wasServing: boolean }) => e.cause === 'injected' && e.wasServing) +
    n('supernodeRebooted', (e: { wasServing: boolean }) => e.wasServing) +
    n('demoted', (e: { wasServing: boolean }) => e.wasServing);
  expect(delta('faultLosses')).toBe(faultLosses);
  if (event.kind !== 'tick') return;
  // A tick's per-slot connect counters are its connect effects, slot by slot.
  after.supernodes.forEach((sn, s) => {
    const at = (kind: EffectKind) => effects.filter((e) => e.kind === kind && 'supernode' in e && e.supernode === s).length;
    expect([sn.accepted, sn.rejected, sn.unanswered]).toEqual([at('connectAccepted'), at('connectRejected'), at('connectUnanswered')]);
  });
}

describe('a known scenario', () => {
  it('the crash of a supernode host: the client crashes, its supernode is lost, and its clients are detached', () => {
    const { model: base } = handBuilt('skype-2010');
    const { model, effects } = recording(base);
    let state = step(init(model), model, { kind: 'tick' });
    const clients = state.peers.flatMap((p, i) => (p.upstream === 1 && i !== 1 ? [i] : []));
    expect(clients.length).toBeGreaterThan(0);
    effects.length = 0;
    state = step(state, model, { kind: 'crash', peer: 1 });
    expect(effects).toEqual([
      { kind: 'clientCrashed', peer: 1, cause: 'injected' },
      { kind: 'hostCrashed', peer: 1, supernode: 1, cause: 'injected', wasServing: true },
      ...clients.map((peer) => ({ kind: 'clientDetached', peer, supernode: 1 })),
    ]);
    expect(state.supernodes[1]!.status).toBe('down');
  });

  it('a degraded cluster answers late, and the buggy release crashes on it', () => {
    const { model, effects } = recording(modelOf('skype-2010', plain));
    const state = init(model);
    for (const event of [{ kind: 'degradeOfflineMessages', level: 3 }, ...Array<Event>(8).fill({ kind: 'tick' })] as Event[]) stepOwned(state, model, event);
    expect(effectsOf(effects, 'offlineMessagesDegraded')).toEqual([{ kind: 'offlineMessagesDegraded', level: 3, capacity: 1 }]);
    const late = effectsOf(effects, 'replyLate');
    const crashed = effectsOf(effects, 'clientCrashed');
    expect(late.length).toBeGreaterThan(0);
    expect(crashed.length).toBe(state.counters.crashes);
    // each crash follows the late reply it crashed on, to the same peer
    for (const c of crashed) expect(effects[effects.indexOf(c) - 1]).toEqual({ kind: 'replyLate', peer: c.peer });
    expect(crashed.every((c) => state.peers[c.peer]!.release === 'buggy')).toBe(true);
  });

  it('an event that does not apply records nothing', () => {
    const { model, effects } = recording(modelOf('skype-2010', { ...plain, faultBudget: 0 }));
    const state = init(model);
    expect(stepOwned(state, model, { kind: 'crash', peer: 1 })).toBe(false);
    expect(stepOwned(state, model, { kind: 'addMegaSupernodes', count: 1 })).toBe(false);
    expect(effects).toEqual([]);
  });
});
