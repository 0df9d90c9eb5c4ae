/**
 * The toy model (test/support/toyModel.ts) with an invariant broken at two lengths, met by two
 * workers in the same level: "y is never at 2 alone" (y, y: 2 events) and "x is never at 2 at tick 1"
 * (x, x, then a tick: 3 events). With a budget of 2, x, x spends it, so the 3-event violation is
 * met on x, x's tail, ahead of its level, by the worker that expands x; y, y by the one that expands
 * y. The coordinator must take the shorter of the two.
 */
import type { Judgement, SearchSubject } from '../../../src/engines/contract.ts';
import { toySubject, type ToyConfig, type ToyEvent, type ToyState } from '../../support/toyModel.ts';

export const TWO_LENGTHS: ToyConfig = { budget: 2, window: 2, heal: 3 };

function broken(s: ToyState): boolean {
  const [x, y, z] = s.dials;
  return (x === 0 && y === 2 && z === 0) || (x === 2 && s.tick === 1);
}

export function twoLengthsSubject(config: ToyConfig = TWO_LENGTHS): SearchSubject<ToyState, ToyEvent> {
  const { model, property } = toySubject(config, 'calm');
  const judge = (events: readonly ToyEvent[]): Judgement | null => {
    const s = model.init();
    for (let i = 0; i < events.length; i++) {
      model.step(s, events[i]!);
      if (broken(s)) return { step: i, message: `broken at dials ${s.dials.join(',')}, tick ${s.tick}` };
    }
    return null;
  };
  return { model, property: { ...property, violates: (s) => broken(s), judge } };
}

/** For the pool's workers: `{ module: import.meta.url of this file, subject: config }`. */
export function searchSubjectOf(config: ToyConfig): SearchSubject<ToyState, ToyEvent> {
  return twoLengthsSubject(config);
}
