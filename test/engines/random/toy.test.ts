/**
 * The random engine on the toy model (test/support/toyModel.ts): it finds each planted violation and
 * shrinks it to the shortest sequence, holds with the coverage the window allows (pinned: a fault
 * engine that put every turn at tick 0 would cover one cell), and gives the same result for a seed.
 */
import { describe, expect, it } from 'vitest';
import { searchRandom } from '../../../src/engines/random/search.ts';
import { toyRandomSubject, type ToyConfig, type ToyEvent } from '../../support/toyModel.ts';

const TOY: ToyConfig = { budget: 4, window: 6, heal: 3 };
const turns = (...dials: (0 | 1 | 2)[]): ToyEvent[] => dials.map((dial) => ({ kind: 'turn', dial }));

describe('the random engine on the toy model', () => {
  it.each([
    ['not-x2', turns(0, 0)],
    ['not-y2', turns(1, 1)],
    ['not-z2', turns(2, 2)],
  ] as const)('%s: violated, shrunk to %j', (id, events) => {
    const r = searchRandom(toyRandomSubject(TOY, id), { runs: 500, seed: 7, maxEvents: 12 });
    expect(r.verdict).toBe('violated');
    expect(r.counterexample!.events).toEqual(events);
    expect(r.counterexample!.eventsAfterShrink).toBe(2);
  });

  it('calm holds, and its runs turn dials at every tick of the window: 6 cells of the 12 possible (turns stop at tick 6)', () => {
    const r = searchRandom(toyRandomSubject(TOY, 'calm'), { runs: 500, seed: 7, maxEvents: 12 });
    expect(r.verdict).toBe('holds');
    expect(r.runs).toBe(500);
    expect(r.coverage).toMatchObject({ cells: 6, possible: 12 });
  });

  it('the same seed gives the same result, and another seed other runs', () => {
    const run = (seed: number) => searchRandom(toyRandomSubject(TOY, 'hot-for-long'), { runs: 300, seed, maxEvents: 12 });
    const a = run(3);
    expect({ ...run(3), ms: 0, timeToFailureMs: 0 }).toEqual({ ...a, ms: 0, timeToFailureMs: 0 });
    expect(a.verdict).toBe('violated');
    expect(a.counterexample!.events.length).toBe(3);
  });
});
