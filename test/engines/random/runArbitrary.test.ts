/**
 * The random engine's runs as drawn (many samples, a fixed seed), against the design in
 * runArbitrary.ts: at most maxEvents events; a swarm of the subject's kinds, sometimes none; an
 * adversary event against 3 ticks for every kind switched on, so a quarter of the drawn events act
 * whatever the swarm's size; and quiet starts, which put ticks first more often than later.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RandomSubject } from '../../../src/engines/contract.ts';
import { runArbitrary, type Run } from '../../../src/engines/random/runArbitrary.ts';

type E = { kind: string };
const TICK: E = { kind: 'tick' };

function subject(kinds: string[]): RandomSubject<E> {
  return {
    kinds,
    eventOf: (kind) => fc.constant({ kind }),
    tick: TICK,
    isTick: (e) => e.kind === 'tick',
    kindOf: (e) => e.kind,
    run: () => ({ violation: null, triggered: true, applied: [], healTicks: 0 }),
    invariant: true,
  };
}

const sample = (kinds: string[], maxEvents: number, numRuns = 20000): Run<E>[] => fc.sample(runArbitrary(subject(kinds), maxEvents), { numRuns, seed: 1 });
const isTick = (e: E): boolean => e.kind === 'tick';
/** The share of ticks among `events`. */
const tickShare = (events: E[]): number => events.filter(isTick).length / events.length;

describe('runArbitrary', () => {
  it("runs of 0 to maxEvents events (both ends reached), of the swarm's kinds only; the swarm is a subset of the kinds, sometimes empty", () => {
    const runs = sample(['x', 'y', 'z'], 6, 1000);
    const lengths = new Set(runs.map((r) => r.events.length));
    expect(Math.max(...lengths)).toBe(6);
    expect(lengths.has(0)).toBe(true);
    for (const r of runs) expect(r.events.every((e) => isTick(e) || r.kinds.includes(e.kind))).toBe(true);
    expect(runs.every((r) => r.kinds.every((k) => ['x', 'y', 'z'].includes(k)))).toBe(true);
    const empty = runs.filter((r) => r.kinds.length === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((r) => r.events.every(isTick))).toBe(true);
    expect(runs.some((r) => r.kinds.length === 3)).toBe(true);
  });

  it('a window of 0 events gives only empty runs; of 1, runs of at most one event', () => {
    expect(sample(['x'], 0, 500).every((r) => r.events.length === 0)).toBe(true);
    expect(sample(['x'], 1, 500).every((r) => r.events.length <= 1)).toBe(true);
  });

  it('a single kind is drawn when switched on', () => {
    const runs = sample(['x'], 6, 2000).filter((r) => r.kinds.length === 1);
    expect(runs.some((r) => r.events.some((e) => e.kind === 'x'))).toBe(true);
  });

  it('a quarter of the drawn events act, whatever the swarm: ticks are 3/4 of the events after the first adversary event', () => {
    // Every event after the first adversary event is drawn (a quiet start comes before it).
    for (const kinds of [['x'], ['x', 'y', 'z']]) {
      const after = sample(kinds, 12, 5000).flatMap((r) => {
        const first = r.events.findIndex((e) => !isTick(e));
        return first < 0 ? [] : r.events.slice(first + 1);
      });
      expect(after.length).toBeGreaterThan(4000);
      expect(tickShare(after)).toBeGreaterThan(0.72);
      expect(tickShare(after)).toBeLessThan(0.78);
    }
  });

  it('a window of 1 event has no quiet start: its one event is a tick 3 times in 4 when a kind is on', () => {
    const events = sample(['x'], 1).flatMap((r) => (r.kinds.length > 0 ? r.events : []));
    expect(events.length).toBeGreaterThan(3000);
    expect(tickShare(events)).toBeGreaterThan(0.72);
    expect(tickShare(events)).toBeLessThan(0.78);
  });

  it('a window of 2 events: quiet starts (a tick first, in a quarter of the runs) make the first event a tick more often than the second', () => {
    // Without quiet starts the two events of a run are drawn alike: each a tick 3 times in 4.
    const runs = sample(['x'], 2).filter((r) => r.kinds.length > 0 && r.events.length === 2);
    expect(runs.length).toBeGreaterThan(3000);
    const first = tickShare(runs.map((r) => r.events[0]!));
    const second = tickShare(runs.map((r) => r.events[1]!));
    expect(second).toBeGreaterThan(0.72);
    expect(second).toBeLessThan(0.78);
    expect(first - second).toBeGreaterThan(0.05);
  });
});
