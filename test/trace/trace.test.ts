/**
 * The trace generator: the events, then the heal ticks, each step's state exactly as stepping the
 * model gives it, and the effects the model recorded for that step and no other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneState, defaultConfig, init, stepOwned, type Config, type Effect, type Event } from '../../src/model/index.ts';
import { trace } from '../../src/trace/trace.ts';
import { modelOf, sequence, validEvent } from '../support/arbitraries.ts';

const config: Config = { ...defaultConfig('small'), faultBudget: 4, churnBudget: 4 };

describe('trace', () => {
  it.each(['skype-2007', 'skype-2010', 'fixed'])('steps as the model does, events then heal ticks, with each step its own effects (%s)', (name) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), sequence(validEvent(config), 40), fc.integer({ min: 0, max: 10 }), (s, events, heal) => {
        const model = modelOf(name, { ...config, seed: s });
        const reference = init(model);
        const recorded: Effect[][] = [];
        const watched = { ...model, record: (e: Effect) => recorded[recorded.length - 1]!.push(e) };
        const steps = [];
        // the generator's state is its own and moves on: copy it before the next step
        for (const step of trace(model, events, heal)) steps.push({ ...step, state: cloneState(step.state) });
        expect(steps.map((step) => step.index)).toEqual([...Array(events.length + heal).keys()]);
        steps.forEach((step, i) => {
          const event: Event = i < events.length ? events[i]! : { kind: 'tick' };
          recorded.push([]);
          const applied = stepOwned(reference, watched, event);
          expect(step.event).toEqual(event);
          expect(step.heal).toBe(i >= events.length);
          expect(step.applied).toBe(applied);
          expect(step.state).toEqual(reference);
          expect(step.effects).toEqual(recorded[recorded.length - 1]);
        });
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it('stops after the step it is told to stop at', () => {
    const model = modelOf('skype-2010', config);
    const events: Event[] = [{ kind: 'tick' }, { kind: 'degradeOfflineMessages', level: 3 }, { kind: 'tick' }];
    expect([...trace(model, events, 5, { stopAtStep: 4 })].map((s) => [s.index, s.heal])).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, true],
      [4, true],
    ]);
    expect([...trace(model, events, 0, { stopAtStep: 9 })]).toHaveLength(3);
  });

  it('passes the effects on to a recorder the model already has', () => {
    const seen: Effect[] = [];
    const model = { ...modelOf('skype-2010', config), record: (e: Effect) => seen.push(e) };
    const own = [...trace(model, [{ kind: 'crash', peer: 1 }], 3)].flatMap((s) => s.effects);
    expect(own.length).toBeGreaterThan(0);
    expect(seen).toEqual(own);
  });
});
