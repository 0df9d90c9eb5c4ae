/**
 * A step's activity is counted from its recorded effects, with levels read off the state after it;
 * on every committed counterexample it matches the per-tick counters the model keeps.
 */
import { describe, expect, it } from 'vitest';
import { cloneState, defaultConfig, init, type Effect } from '../../src/model/index.ts';
import { replayCounterexamples } from '../../src/runner/explainCounterexamples.ts';
import { activity, isKey, isQuiet, mergeActivity } from '../../src/report/tickActivity.ts';
import { trace } from '../../src/trace/trace.ts';
import { modelOf } from '../support/arbitraries.ts';

describe('activity', () => {
  const model = modelOf('skype-2010', defaultConfig('small'));
  const after = init(model);

  it('counts the effects by message and slot', () => {
    const effects: Effect[] = [
      { kind: 'connectAccepted', peer: 5, supernode: 0 },
      { kind: 'connectRejected', peer: 6, supernode: 0 },
      { kind: 'connectUnanswered', peer: 7, supernode: 1 },
      { kind: 'connectToStoppedSupernode', peer: 8, supernode: 2 },
      { kind: 'authSent', peer: 5, supernode: 0 },
      { kind: 'authDropped', peer: 4 },
      { kind: 'authTimedOut', peer: 3 },
      { kind: 'loggedIn', peer: 9 },
      { kind: 'fetchSent', peer: 9 },
      { kind: 'fetchDropped', peer: 10 },
      { kind: 'replyOnTime', peer: 6 },
      { kind: 'replyLate', peer: 1 },
      { kind: 'clientCrashed', peer: 1, cause: 'lateReply' },
      { kind: 'hostCrashed', peer: 1, supernode: 1, cause: 'lateReply', wasServing: true },
      { kind: 'clientDetached', peer: 4, supernode: 1 },
      { kind: 'clientDetached', peer: 7, supernode: 1 },
      { kind: 'supernodeShutDown', supernode: 2 },
      { kind: 'supernodeServingAgain', supernode: 0 },
      { kind: 'promoted', peer: 3, supernode: 3 },
      { kind: 'megaAdded', supernode: 5 },
    ];
    const a = activity(effects, after);
    expect(a.connects).toEqual({
      0: { accepted: 1, rejected: 1, unanswered: 0, down: 0 },
      1: { accepted: 0, rejected: 0, unanswered: 1, down: 0 },
      2: { accepted: 0, rejected: 0, unanswered: 0, down: 1 },
    });
    expect([a.authRequests, a.authDropped, a.authTimeouts, a.logins]).toEqual([2, 1, 1, 1]);
    expect([a.fetches, a.replies, a.lateReplies, a.crashes]).toEqual([2, 2, 1, 1]);
    expect([a.hostCrashes, a.stopped, a.restarts, a.promotions, a.megas]).toEqual([[1], [2], [0], [3], [5]]);
    expect(a.dropped).toEqual({ 1: 2 });
    expect([a.online, a.wantOnline, a.loginQueue, a.fetchesWaiting, a.degraded]).toEqual([7, 7, 0, 0, false]); // ordinary clients only
    expect(isKey(a)).toBe(true);
    expect(isQuiet(a)).toBe(false);
  });

  it('leaves out what was not a loss: a restarting supernode whose host crashed, an injected crash', () => {
    const a = activity(
      [
        { kind: 'clientCrashed', peer: 2, cause: 'injected' },
        { kind: 'hostCrashed', peer: 2, supernode: 2, cause: 'injected', wasServing: false },
        { kind: 'supernodeRebooted', supernode: 0, wasServing: false },
      ],
      after,
    );
    expect([a.crashes, a.hostCrashes, a.stopped]).toEqual([0, [], []]);
  });

  it('a step of routine syncs alone is quiet; merging adds counts and keeps the later levels', () => {
    const quiet = activity(
      [
        { kind: 'fetchSent', peer: 5 },
        { kind: 'replyOnTime', peer: 5 },
      ],
      after,
    );
    expect(isQuiet(quiet)).toBe(true);
    const busy = activity(
      [
        { kind: 'connectAccepted', peer: 5, supernode: 0 },
        { kind: 'supernodeShutDown', supernode: 1 },
      ],
      { ...after, loginQueue: [{ peer: 5, sentAt: 0 }] },
    );
    const both = mergeActivity(quiet, busy);
    expect(both.connects).toEqual({ 0: { accepted: 1, rejected: 0, unanswered: 0, down: 0 } });
    expect([both.fetches, both.replies, both.stopped, both.loginQueue]).toEqual([1, 1, [1], 1]);
  });
});

describe('on the committed counterexamples', () => {
  const committed = replayCounterexamples('counterexamples');

  it("a tick's connects per slot are the counters the model keeps for it, and the crashes its counter", () => {
    expect(committed.replayed.length).toBeGreaterThan(0);
    for (const c of committed.replayed) {
      let counters = init(c.replay.model).counters;
      for (const step of trace(c.replay.model, c.file.events, c.healTicks)) {
        const a = activity(step.effects, step.state);
        const { state } = step;
        expect(a.crashes).toBe(state.counters.crashes - counters.crashes);
        expect(a.lateReplies).toBe(state.counters.lateReplies - counters.lateReplies);
        if (step.event.kind === 'tick') {
          state.supernodes.forEach((sn, s) => {
            const mine = a.connects[s] ?? { accepted: 0, rejected: 0, unanswered: 0, down: 0 };
            expect([mine.accepted, mine.rejected, mine.unanswered]).toEqual([sn.accepted, sn.rejected, sn.unanswered]);
          });
          const sent = Object.values(a.connects).reduce((n, x) => n + x.accepted + x.rejected + x.unanswered + x.down, 0);
          expect(sent).toBe(state.counters.tickAttempts);
        }
        counters = cloneState(state).counters;
      }
    }
  });
});
