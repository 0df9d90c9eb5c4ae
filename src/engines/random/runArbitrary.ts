/**
 * The arbitrary of safety-phase event sequences, with swarm testing: each run first draws which
 * adversary event kinds it may use (a random subset), then a sequence of at most `maxEvents` events
 * in which ticks dominate. Lengths spread over the whole of 0..maxEvents (fast-check's
 * `size: 'max'`; its default size would keep the median near 5 events, so that late faults were
 * rarely tried). fast-check shrinks the sequence by dropping events and shrinking their parameters.
 */
import fc from 'fast-check';
import type { RandomSubject } from '../contract.ts';

export interface Run<E> {
  /** The swarm: event kinds this run may use besides tick. */
  kinds: string[];
  events: E[];
}

/** Runs of at most `maxEvents` safety-phase events over the subject's kinds. */
export function runArbitrary<E>(subject: RandomSubject<E>, maxEvents: number): fc.Arbitrary<Run<E>> {
  return fc.subarray([...subject.kinds], { minLength: 0 }).chain((swarm) => {
    const tick = fc.constant<E>(subject.tick);
    const others = swarm.map((k) => ({ arbitrary: subject.eventOf(k), weight: 1 }));
    const event = others.length === 0 ? tick : fc.oneof({ arbitrary: tick, weight: 3 * others.length }, ...others);
    return fc.array(event, { maxLength: maxEvents, size: 'max' }).map((events) => ({ kinds: [...swarm], events }));
  });
}
