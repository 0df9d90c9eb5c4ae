/**
 * The narrative tells each step from the effects the model recorded: counts per kind, what matters
 * most first, and the no-ops as such.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Effect } from '../../src/model/index.ts';
import { replayCounterexamples } from '../../src/runner/explainCounterexamples.ts';
import { describeEffects, narrate } from '../../src/trace/narrative.ts';
import { modelOf } from '../support/arbitraries.ts';

const committed = replayCounterexamples('counterexamples');

describe('narrate', () => {
  it('tells the 2010 crash from its effects, step by step', () => {
    const c = committed.replayed.find((x) => x.path.endsWith('crash-cascade-2010/no-client-crash--skype-2010.json'))!;
    const steps = narrate(c.replay.model, c.file.events, c.healTicks);
    expect(steps.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(steps.map((s) => s.text)).toEqual([
      'tick',
      'degradeOfflineMessages(level 3): offline-message servers degraded to level 3 (1 reply a tick)',
      'tick',
      'tick',
      'tick',
      'tick: 1 client crashed on a late offline-message reply; 1 supernode lost with its crashed host; 2 clients lost their supernode; 1 late offline-message reply',
    ]);
    expect(steps[5]!.effects.filter((e) => e.kind === 'clientCrashed')).toEqual([{ kind: 'clientCrashed', peer: 1, cause: 'lateReply' }]);
    expect(steps[5]!.metrics.crashes).toBe(1);
  });

  it('marks heal ticks and events that did not apply', () => {
    const model = modelOf('skype-2010', { ...defaultConfig('small'), faultBudget: 1 });
    const steps = narrate(
      model,
      [
        { kind: 'crash', peer: 5 },
        { kind: 'crash', peer: 6 },
      ],
      2,
    );
    expect(steps.map((s) => s.text)).toEqual([
      'crash(peer 5): 1 client crashed (injected)',
      'crash(peer 6): no effect',
      'tick (heal)',
      'tick (heal): 1 client started logging in; 1 client logged in; 1 connect attempt (accepted)',
    ]);
    expect(steps.map((s) => s.applied)).toEqual([true, false, true, true]);
  });

  it('has one step per event and heal tick for every committed counterexample', () => {
    expect(committed.problems).toEqual([]);
    for (const c of committed.replayed) expect(narrate(c.replay.model, c.file.events, c.healTicks)).toHaveLength(c.file.events.length + c.healTicks);
  });
});

describe('describeEffects', () => {
  const effects: Effect[] = [
    { kind: 'connectAccepted', peer: 5, supernode: 0 },
    { kind: 'connectRejected', peer: 6, supernode: 1 },
    { kind: 'connectRejected', peer: 7, supernode: 1 },
    { kind: 'authSent', peer: 5, supernode: 0 },
    { kind: 'replyLate', peer: 8 },
    { kind: 'clientCrashed', peer: 8, cause: 'lateReply' },
    { kind: 'replyLate', peer: 9 },
    { kind: 'clientCrashed', peer: 9, cause: 'lateReply' },
    { kind: 'hostCrashed', peer: 9, supernode: 2, cause: 'lateReply', wasServing: true },
    { kind: 'clientDetached', peer: 3, supernode: 2 },
    { kind: 'supernodeShutDown', supernode: 1 },
    { kind: 'fetchSent', peer: 4 },
  ];

  it('counts per kind, crashes and losses first, routine traffic left out', () => {
    expect(describeEffects(effects)).toEqual([
      '2 clients crashed on a late offline-message reply',
      '1 supernode lost with its crashed host',
      '1 supernode shut down under overload',
      '1 client lost its supernode',
      '2 late offline-message replies',
      '3 connect attempts (1 accepted, 2 rejected)',
    ]);
  });

  it('leaves out the kinds it is told to', () => {
    expect(describeEffects(effects, ['clientDetached', 'connectAccepted', 'connectRejected'])).toEqual([
      '2 clients crashed on a late offline-message reply',
      '1 supernode lost with its crashed host',
      '1 supernode shut down under overload',
      '2 late offline-message replies',
    ]);
    expect(describeEffects([])).toEqual([]);
  });

  it('says how the connects went, in one word when they all went the same way', () => {
    const stopped: Effect = { kind: 'connectToStoppedSupernode', peer: 5, supernode: 2 };
    expect(describeEffects([stopped])).toEqual(['1 connect attempt (to a stopped supernode)']);
    expect(describeEffects([stopped, { ...stopped, peer: 6 }])).toEqual(['2 connect attempts (all to stopped supernodes)']);
    expect(describeEffects([stopped, { kind: 'connectUnanswered', peer: 6, supernode: 1 }])).toEqual([
      '2 connect attempts (1 unanswered, 1 to a stopped supernode)',
    ]);
  });
});
