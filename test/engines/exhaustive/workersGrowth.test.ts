/**
 * The pool's shared seen-set grows as a search fills it (src/engines/exhaustive/onPool.ts): before
 * a level when it is 60% full, and in the middle of a level when it reaches 85% (the workers pause,
 * the coordinator doubles it, they go on); and it stops with a memory bound, no verdict, when the
 * doubling would pass the bound. On the wide model (wideModel.ts), whose states are counted by hand.
 * Slow for a test (a million states and more): it runs after the toy tests.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { searchExhaustiveOnPool } from '../../../src/engines/exhaustive/onPool.ts';
import { SharedSeenSet } from '../../../src/engines/exhaustive/_internals/sharedSeenSet.ts';
import { Pool } from '../../../src/parallel/pool.ts';
import { wideStateCount, type WideEvent } from './wideModel.ts';

const module = new URL('./wideModel.ts', import.meta.url).href;
const pool = new Pool(2);
afterAll(() => pool.close());
const search = (widths: number[] | { widths: number[]; broken: number[] }, maxMemoryBytes = 2 ** 28) =>
  searchExhaustiveOnPool<WideEvent>(pool, { module, subject: widths }, 1, { horizon: 0, maxStates: 3_000_000, maxMemoryBytes });

/** The first shared table: 2^20 slots of 3 words. */
const FIRST_SLOTS = 2 ** 20;

describe('the shared seen-set grows', () => {
  // 900,000 states in level 2: the table passes 85% of 2^20 slots (891,290 states) mid-level. The
  // bound, 44 MiB, holds the old table and the new one (36 MiB) and the shares' stores (level 2's
  // states are tails, never queued).
  it('in the middle of a level: every state of [1000, 900] is stored, in a table twice the first', { timeout: 300_000 }, async () => {
    expect(wideStateCount([1000, 900])).toBeGreaterThan(FIRST_SLOTS * 0.85);
    const r = await search([1000, 900], 44 * 2 ** 20);
    expect({ states: r.states, verdict: r.verdict, stoppedBy: r.stoppedBy }).toEqual({ states: 901_001, verdict: 'holds', stoppedBy: 'complete' });
    expect(r.bytes).toBeGreaterThanOrEqual(2 * FIRST_SLOTS * 12);
  });

  // The violation (1, 1) is met early in level 2, before the pause: the workers still finish the
  // level, as the one thread does, before the search ends with it.
  it('in the middle of a level that holds a violation: the level is finished, then the search ends violated', { timeout: 300_000 }, async () => {
    const r = await search({ widths: [1000, 900], broken: [1, 1] }, 44 * 2 ** 20);
    expect({ states: r.states, verdict: r.verdict, depth: r.depth }).toEqual({ states: 901_001, verdict: 'violated', depth: 2 });
    expect(r.counterexample!.events).toEqual([
      { kind: 'pick', value: 1 },
      { kind: 'pick', value: 1 },
    ]);
  });

  // 640,801 states after level 2 (over 60% of 2^20 slots): the table doubles before level 3.
  it('before a level: every state of [800, 800, 1] is stored, in a table twice the first', { timeout: 300_000 }, async () => {
    const r = await search([800, 800, 1]);
    expect({ states: r.states, verdict: r.verdict, stoppedBy: r.stoppedBy }).toEqual({
      states: wideStateCount([800, 800, 1]),
      verdict: 'holds',
      stoppedBy: 'complete',
    });
    expect(r.states).toBe(1_280_801);
    expect(r.bytes).toBeGreaterThanOrEqual(2 * FIRST_SLOTS * 12);
  });

  // The doubled table and the old one, 36 MiB in all with the shares' stores, pass a 32 MiB bound.
  // Before a level, the search stops with the levels before it stored and no state of the next.
  it.each([
    ['in the middle of a level', [1000, 900], null],
    ['before a level', [800, 800, 1], wideStateCount([800, 800])],
  ])('%s, a memory bound it would pass stops the search there, with no verdict', { timeout: 300_000 }, async (_, widths, stored) => {
    const r = await search(widths, 2 ** 25);
    expect({ verdict: r.verdict, stoppedBy: r.stoppedBy }).toEqual({ verdict: 'bound-reached', stoppedBy: 'memory' });
    expect(r.states).toBeGreaterThan(FIRST_SLOTS * 0.6);
    expect(r.states).toBeLessThan(wideStateCount(widths));
    if (stored !== null) expect(r.states).toBe(stored);
  });

  // The bound is what the stores may hold, inclusive. On one worker (a deterministic search) the
  // doubling before level 3 of [800, 800, 1] needs the old table and the new one (three first tables'
  // bytes, 36 MiB and their headers) with the share's stores then: the search stopped there reports the
  // table with those stores, so the need is that figure and two tables more. A bound of exactly the need lets the search finish; a byte less stops it.
  it('a bound equal to what the doubling needs is enough; a byte less is not', { timeout: 300_000 }, async () => {
    const one = new Pool(1);
    try {
      const on = (maxMemoryBytes: number) =>
        searchExhaustiveOnPool<WideEvent>(one, { module, subject: [800, 800, 1] }, 1, { horizon: 0, maxStates: 3_000_000, maxMemoryBytes });
      const stopped = await on(2 ** 25);
      expect({ states: stopped.states, stoppedBy: stopped.stoppedBy }).toEqual({ states: wideStateCount([800, 800]), stoppedBy: 'memory' });
      const need = stopped.bytes + 2 * SharedSeenSet.create(FIRST_SLOTS).bytes;
      expect({ stoppedBy: (await on(need - 1)).stoppedBy }).toEqual({ stoppedBy: 'memory' });
      expect(await on(need)).toMatchObject({ states: wideStateCount([800, 800, 1]), verdict: 'holds', stoppedBy: 'complete' });
    } finally {
      await one.close();
    }
  });
});

describe("a worker's own memory check", () => {
  // [300, 300, 1]: 180,301 states, under 60% of the first table (no growth, so the coordinator never
  // checks the bound). Each worker's check counts the shared table (12 MiB) with its own queues (64
  // KiB at least each): a bound of the table and 16 KiB is passed at a worker's first pulse.
  it('counts the shared table with its own stores: a bound just above the table stops the search', { timeout: 300_000 }, async () => {
    const tableBytes = FIRST_SLOTS * 12;
    const r = await search([300, 300, 1], tableBytes + 16 * 1024);
    expect({ verdict: r.verdict, stoppedBy: r.stoppedBy }).toEqual({ verdict: 'bound-reached', stoppedBy: 'memory' });
    // The same search with room for its queues finishes: every state stored.
    const whole = await search([300, 300, 1], tableBytes + 64 * 2 ** 20);
    expect({ states: whole.states, verdict: whole.verdict }).toEqual({ states: wideStateCount([300, 300, 1]), verdict: 'holds' });
  });
});
