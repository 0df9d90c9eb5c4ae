/**
 * Minimizing a counterexample after fast-check's shrinking: keep only the events that applied, cut
 * what follows the violation, then remove chunks and single events (delta debugging) while the
 * property stays violated and the counterexample does not grow. (Removing a fault can move the
 * violation into the heal phase, later than the old sequence ended; its heal ticks then count, and
 * such a candidate is longer.) The result is 1-minimal among sequences no longer than it: removing
 * any one event makes it pass, or makes its violation come later.
 */
import type { RandomSubject, RunOutcome } from '../contract.ts';

export interface Minimized<E> {
  events: E[];
  outcome: RunOutcome;
  /** Candidate sequences tried. */
  tries: number;
}

/** `events` must violate the subject's property; returns a 1-minimal violating subsequence. */
export function minimize<E>(subject: RandomSubject<E>, events: readonly E[]): Minimized<E> {
  let tries = 0;
  const attempt = (candidate: E[]): RunOutcome | null => {
    tries++;
    const outcome = subject.run(candidate);
    return outcome.violation ? outcome : null;
  };
  let outcome = attempt([...events]);
  if (!outcome) throw new Error('minimize: the sequence does not violate the property');
  let current = normalize(subject, events, outcome);
  outcome = attempt(current) ?? outcome;
  for (let chunk = Math.max(1, Math.floor(current.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let start = current.length - chunk; start >= 0; start -= 1) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      const found = attempt(candidate);
      if (!found) continue;
      const normalized = normalize(subject, candidate, found);
      if (normalized.length > current.length) continue;
      current = normalized;
      outcome = found;
      start = Math.min(start, current.length - chunk + 1);
    }
  }
  return { events: current, outcome, tries };
}

/**
 * The events that applied, and for an invariant the heal ticks up to the violation made explicit,
 * so the sequence is self-contained and ends at the violation.
 */
export function normalize<E>(subject: RandomSubject<E>, events: readonly E[], outcome: RunOutcome): E[] {
  const kept = outcome.applied.map((i) => events[i]!);
  const step = outcome.violation!.step;
  if (!subject.invariant) return kept;
  if (step < events.length) return outcome.applied.filter((i) => i <= step).map((i) => events[i]!);
  return [...kept, ...Array.from({ length: step - events.length + 1 }, (): E => subject.tick)];
}
