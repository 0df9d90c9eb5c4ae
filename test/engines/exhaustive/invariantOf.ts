/**
 * The invariant "no state is broken" over a test model, as the engines' contract states a property:
 * violated in a state where `broken` holds, judged on a replay by the first such step, named by
 * `describe`. For the hand-counted models of the engine's tests (wideModel.ts, tickChainModel.ts).
 */
import type { SearchModel, SearchProperty } from '../../../src/engines/contract.ts';

export function invariantOf<S, E>(model: SearchModel<S, E>, broken: (s: S) => boolean, describe: (s: S) => string): SearchProperty<S, E> {
  return {
    kind: 'always',
    healTicks: 1,
    violates: broken,
    history: null,
    goal: () => false,
    healFails: () => false,
    judge: (events) => {
      const s = model.init();
      for (let i = 0; i < events.length; i++) {
        model.step(s, events[i]!);
        if (broken(s)) return { step: i, message: describe(s) };
      }
      return null;
    },
  };
}
