/**
 * A search subject whose violation is there only in the first search made of it: the pool's search
 * meets it, and the settling one-thread search that follows (on worker 0, of the subject that worker
 * built for its share) does not. A search has begun again when the model's `init` is called after a
 * step. For the coordinator's answer when the settling search gives no counterexample
 * (test/engines/exhaustive/toyWorkers.test.ts).
 */
import type { SearchSubject } from '../../../src/engines/contract.ts';
import { wideSubject, type WideEvent, type WideState } from './wideModel.ts';

export function searchSubjectOf(_key: string): SearchSubject<WideState, WideEvent> {
  const broken = wideSubject([3, 3], [2, 2]);
  const whole = wideSubject([3, 3]);
  let stepped = false;
  let again = false;
  const now = () => (again ? whole : broken).property;
  return {
    model: {
      ...broken.model,
      init: () => {
        if (stepped) again = true;
        return broken.model.init();
      },
      step: (s, e) => {
        stepped = true;
        return broken.model.step(s, e);
      },
    },
    property: {
      ...broken.property,
      violates: (s, m) => now().violates(s, m),
      goal: (s) => now().goal(s),
      healFails: (s) => now().healFails(s),
      judge: (events) => now().judge(events),
    },
  };
}
