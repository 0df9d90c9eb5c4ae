/** recovers' goal agrees with its monitor: the exhaustive engine's shortcut judges as checkRun does. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneState, init, smallConfig, stepOwned } from '../../src/model/index.ts';
import { checkRun, DEFAULT_BOUNDS, PROPERTIES, type EventuallyProperty } from '../../src/propertyLanguage/index.ts';
import { ALL_VARIANTS, modelOf, validEvent } from '../support/arbitraries.ts';

describe('recovers', () => {
  it('violated after a run exactly when no state of its heal phase (start included) meets the goal', () => {
    const recovers = PROPERTIES.recovers as EventuallyProperty;
    const bounds = { ...DEFAULT_BOUNDS, healTicks: 12 };
    let violated = 0;
    fc.assert(
      fc.property(fc.constantFrom(...ALL_VARIANTS), fc.array(validEvent(smallConfig, 3), { maxLength: 30 }), (name, events) => {
        const model = modelOf(name, smallConfig);
        const state = init(model);
        for (const event of events) stepOwned(state, model, event);
        const heal = cloneState(state);
        let met = recovers.goal!(heal);
        for (let h = 0; h < bounds.healTicks; h++) {
          stepOwned(heal, model, { kind: 'tick' });
          met ||= recovers.goal!(heal);
        }
        const outcome = checkRun(model, recovers, bounds, events);
        if (outcome.violation) violated++;
        expect(outcome.violation === null).toBe(met);
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(violated).toBeGreaterThan(0);
  });
});
