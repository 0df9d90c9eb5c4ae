import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/search/simulate.ts';
import { defaultConfig, init, metrics, SCENARIOS, scenarioEvents, step, stepOwned, type Event, type State } from '../../src/model/index.ts';
import { modelOf } from '../support/arbitraries.ts';

describe('simulate', () => {
  const model = modelOf('skype-2010', defaultConfig('small'));
  const events = scenarioEvents(SCENARIOS['outage-2010']!, model.config, 'small');

  it('yields one step per event with the state after it and its metrics, and returns the final state', () => {
    const run = simulate(model, events);
    let reference = init(model);
    let index = 0;
    for (let next = run.next(); ; next = run.next()) {
      if (next.done) {
        expect(next.value).toEqual(reference);
        break;
      }
      const after = step(reference, model, events[index]!);
      expect(next.value).toEqual({ index, event: events[index], applied: after !== reference, metrics: metrics(after), state: after });
      reference = after;
      index++;
    }
    expect(index).toBe(events.length);
  });

  it('reports events that do not apply', () => {
    const noop: Event = { kind: 'goOnline', peer: 0 }; // peer 0 already wants to be online
    const steps = [...simulate(model, [noop, { kind: 'tick' }])];
    expect(steps.map((s) => s.applied)).toEqual([false, true]);
  });

  it('starts from a given state without changing it', () => {
    const from: State = init(model);
    for (let i = 0; i < 7; i++) stepOwned(from, model, { kind: 'tick' });
    const before = JSON.stringify(from);
    const steps = [...simulate(model, [{ kind: 'tick' }, { kind: 'tick' }], from)];
    expect(steps.map((s) => s.metrics.tick)).toEqual([8, 9]);
    expect(JSON.stringify(from)).toBe(before);
  });
});
