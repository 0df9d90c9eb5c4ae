/**
 * The random engine's minimizer on a toy run whose judgement is written here: events are letters
 * ('t' a tick, 'a' and 'b' faults, 'c' a fault that never applies), and each property names the
 * state it breaks on. Every expected sequence and try count below was traced by hand from the
 * minimizer's rules (normalize, then chunks of n/2, n/4, ..., 1 removed from the end towards the
 * start; a removal is kept when the property stays violated and the sequence does not grow).
 */
import { describe, expect, it } from 'vitest';
import type { RandomSubject, RunOutcome } from '../../../src/engines/contract.ts';
import { minimize, normalize } from '../../../src/engines/random/minimize.ts';

interface Toy {
  ticks: number;
  a: number;
  b: number;
}

/** Ticks after the safety events: enough for every property below to break in them. */
const HEAL = 5;

/** A subject whose run applies every event but 'c', then HEAL ticks, and stops at the first state `breaks` holds of. */
function subject(breaks: (s: Toy) => boolean, invariant = true): RandomSubject<string> {
  const run = (events: readonly string[]): RunOutcome => {
    const s: Toy = { ticks: 0, a: 0, b: 0 };
    const applied: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e === 'c') continue;
      if (e === 't') s.ticks++;
      else s[e as 'a' | 'b']++;
      applied.push(i);
      if (breaks(s)) return { violation: { step: i, message: `broken at ${i}` }, triggered: true, applied, healTicks: 0 };
    }
    for (let h = 0; h < HEAL; h++) {
      s.ticks++;
      if (breaks(s)) return { violation: { step: events.length + h, message: `broken in heal tick ${h}` }, triggered: true, applied, healTicks: h + 1 };
    }
    return { violation: null, triggered: true, applied, healTicks: HEAL };
  };
  return {
    kinds: ['a', 'b', 'c'],
    eventOf: () => {
      throw new Error('not drawn here');
    },
    tick: 't',
    isTick: (e) => e === 't',
    kindOf: (e) => e,
    run,
    invariant,
  };
}

/** Broken once both faults applied. */
const both = (s: Toy): boolean => s.a > 0 && s.b > 0;
/** Broken at tick 3 or later once 'a' applied (a violation that can fall in the heal ticks). */
const lateA = (s: Toy): boolean => s.a > 0 && s.ticks >= 3;

describe('normalize', () => {
  it('an invariant keeps the applied events up to and including the violating one', () => {
    const sub = subject(both);
    const events = ['c', 'a', 't', 'c', 'b', 't', 'a'];
    const outcome = sub.run(events);
    expect(outcome.violation!.step).toBe(4);
    expect(normalize(sub, events, outcome)).toEqual(['a', 't', 'b']);
  });

  it('another property keeps every applied event (its verdict may read what follows)', () => {
    // A goal judged at the end of its heal phase: the outcome as such a run reports it.
    const events = ['c', 'a', 't', 'c', 'b', 't', 'a'];
    const outcome: RunOutcome = { violation: { step: 8, message: 'not recovered' }, triggered: true, applied: [1, 2, 4, 5, 6], healTicks: 2 };
    expect(normalize(subject(both, false), events, outcome)).toEqual(['a', 't', 'b', 't', 'a']);
  });

  it('a violation in the heal phase makes its heal ticks explicit: one for the first heal tick, two for the second', () => {
    const sub = subject(lateA);
    const first = ['a', 't', 't'];
    expect(sub.run(first).violation!.step).toBe(3);
    expect(normalize(sub, first, sub.run(first))).toEqual(['a', 't', 't', 't']);
    const second = ['a', 't', 'c'];
    expect(sub.run(second).violation!.step).toBe(4);
    expect(normalize(sub, second, sub.run(second))).toEqual(['a', 't', 't', 't']);
  });

  it('a violation at the last event keeps every applied event and adds no tick', () => {
    const sub = subject(both);
    const events = ['a', 'c', 'b'];
    expect(normalize(sub, events, sub.run(events))).toEqual(['a', 'b']);
  });
});

describe('minimize', () => {
  it('refuses a sequence that does not violate the property', () => {
    expect(() => minimize(subject(both), ['a', 't'])).toThrow('does not violate');
  });

  it('one needed event: the whole run, the normalized run, and the empty run (3 tries)', () => {
    const r = minimize(
      subject((s) => s.a > 0),
      ['a'],
    );
    expect(r).toMatchObject({ events: ['a'], tries: 3 });
    expect(r.outcome.violation!.step).toBe(0);
  });

  it('two needed events: 2 tries, then each single removal (4 tries)', () => {
    expect(minimize(subject(both), ['a', 'b'])).toMatchObject({ events: ['a', 'b'], tries: 4 });
  });

  it('a leading event is removed too (the scan reaches the start)', () => {
    // Singles from the end: [t,a] no, [t,b] no, [a,b] kept; 5 tries.
    expect(minimize(subject(both), ['t', 'a', 'b'])).toMatchObject({ events: ['a', 'b'], tries: 5 });
  });

  it('eight events: chunks of 4, 2 and 1, resuming at the last chunk that fits after a removal (10 tries)', () => {
    // 1 whole, 2 normalized; chunk 4: [a,t,t,t] no, [a,t,t,b] kept (resume at 1), [] no;
    // chunk 2: [a,t] no, [a,b] kept (resume at 1), [] no; chunk 1: [a] no, [b] no.
    const r = minimize(subject(both), ['a', 't', 't', 't', 't', 't', 't', 'b']);
    expect(r).toMatchObject({ events: ['a', 'b'], tries: 10 });
    expect(r.outcome.violation!.step).toBe(1);
  });

  it('unapplied events go at once, before any removal is tried', () => {
    expect(minimize(subject(both), ['c', 'a', 'c', 'c', 'b', 'c'])).toMatchObject({ events: ['a', 'b'], tries: 4 });
  });

  it('a removal whose violation moves into the heal phase is kept when the sequence does not grow', () => {
    // Broken at ticks + b >= 2 with 'a': [a,t,b] breaks at its last event; without 'b' it breaks in
    // the first heal tick, normalized to [a,t,t] (as long: kept). Then [a,t] again (kept), [t,t] no: 5 tries.
    const r = minimize(
      subject((s) => s.a > 0 && s.ticks + s.b >= 2),
      ['a', 't', 'b'],
    );
    expect(r).toMatchObject({ events: ['a', 't', 't'], tries: 5 });
  });

  it('a removal that makes the sequence longer is not kept', () => {
    // Broken once both faults applied, or once 'a' applied at tick 3 or later. Without 'b', [a] breaks
    // only in the third heal tick, normalized to [a,t,t,t] (longer than [a,b]: not kept); [b] passes.
    expect(
      minimize(
        subject((s) => both(s) || lateA(s)),
        ['a', 'b'],
      ),
    ).toMatchObject({ events: ['a', 'b'], tries: 4 });
  });
});
