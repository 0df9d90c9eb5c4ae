/**
 * The arbitrary of safety-phase event sequences, with swarm testing: each run first draws which
 * adversary event kinds it may use (a random subset), then where the adversary may start, then
 * events in which ticks dominate, cut so that the run has at most `maxEvents` events. Half the runs
 * start at once; the other half after a quiet start of 0..maxEvents-1 ticks, drawn evenly. Without
 * quiet starts the first adversary events come within a few ticks, and where the model's budgets let
 * only the first few apply, no fault ever lands in the window's last third; with them half the runs
 * put their faults anywhere in the window, and the other half are drawn as before, so a violation
 * found by early faults takes at most about twice the runs. Lengths spread over the whole of
 * 0..maxEvents (fast-check's `size: 'max'`; its default size would keep the median near 5 events).
 * fast-check shrinks a quiet start towards 0, and the events by dropping them and shrinking their
 * parameters.
 */
import fc from 'fast-check';
import type { RandomSubject } from '../contract.ts';

export interface Run<E> {
  /** The swarm: event kinds this run may use besides tick. */
  kinds: string[];
  /** The whole safety phase: the quiet start's ticks, then the drawn events. */
  events: E[];
}

/** Runs of at most `maxEvents` safety-phase events over the subject's kinds. */
export function runArbitrary<E>(subject: RandomSubject<E>, maxEvents: number): fc.Arbitrary<Run<E>> {
  return fc.subarray([...subject.kinds], { minLength: 0 }).chain((swarm) => {
    const tick = fc.constant<E>(subject.tick);
    const others = swarm.map((k) => ({ arbitrary: subject.eventOf(k), weight: 1 }));
    const event = others.length === 0 ? tick : fc.oneof({ arbitrary: tick, weight: 3 * others.length }, ...others);
    const quiet = fc.oneof(fc.constant(0), fc.nat({ max: Math.max(0, maxEvents - 1) }));
    const drawn = fc.array(event, { maxLength: maxEvents, size: 'max' });
    return fc
      .tuple(quiet, drawn)
      .map(([q, events]) => ({ kinds: [...swarm], events: [...Array.from({ length: q }, () => subject.tick), ...events.slice(0, maxEvents - q)] }));
  });
}
