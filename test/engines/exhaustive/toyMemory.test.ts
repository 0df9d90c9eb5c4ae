/**
 * The one-thread search's memory check looks ahead to its seen-set's next doubling: when the table
 * is nearly full (60%) and doubling it would pass the memory bound, the search stops at that check,
 * before the doubling. On the toy model (test/support/toyModel.ts) with a budget of 90 turns:
 * toyStateCount(90) = 389,299 states, each met once in order of levels, so the checks (every 65,536
 * visits) fall at 65,536 x k states. At the fifth, 327,680 states sit in a table of 2^19 slots (it
 * doubles at 70%: past 183,500 states in 2^18 slots, not yet at 367,001), which is past 60% of it:
 * the next doubling allocates 2^20 slots of 12 bytes. Slower than toy.test.ts (three searches of
 * up to 389,299 states): it runs after it.
 */
import { describe, expect, it } from 'vitest';
import { searchExhaustive, type ExhaustiveStats } from '../../../src/engines/exhaustive/search.ts';
import { toyStateCount, toySubject } from '../../support/toyModel.ts';

const config = { budget: 90, window: 2, heal: 3 };
const search = (maxMemoryBytes: number, onProgress?: (s: ExhaustiveStats) => void) =>
  searchExhaustive(toySubject(config, 'calm'), { horizon: 3, maxStates: 1_000_000, maxMemoryBytes, ...(onProgress ? { onProgress } : {}) });

describe("the memory check looks ahead to the seen-set's next doubling", () => {
  it('stops at the check where the doubling (2^20 slots of 12 bytes) would pass the bound; not where it fits exactly', { timeout: 120_000 }, () => {
    const progress: ExhaustiveStats[] = [];
    const whole = search(2 ** 28, (s) => progress.push(s));
    expect({ states: whole.states, stoppedBy: whole.stoppedBy }).toEqual({ states: toyStateCount(90), stoppedBy: 'complete' });
    expect(progress.map((p) => p.states)).toEqual([1, 2, 3, 4, 5].map((k) => k * 65_536));
    const held = progress[4]!.bytes;
    const doubling = 2 ** 20 * 12;
    const stopped = search(held + doubling - 1);
    expect({ states: stopped.states, verdict: stopped.verdict, stoppedBy: stopped.stoppedBy }).toEqual({
      states: 327_680,
      verdict: 'bound-reached',
      stoppedBy: 'memory',
    });
    expect(search(held + doubling).stoppedBy).toBe('complete');
  });
});
