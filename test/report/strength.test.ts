/**
 * How strong a verdict is (src/report/strength.ts): the size of an exhaustive search at the edges of
 * the stated constants, when per-state figures are shown, and when random runs are trivial.
 */
import { describe, expect, it } from 'vitest';
import {
  FEW_ADVERSARY_STATES,
  measurable,
  MEASURABLE_MS,
  MEASURABLE_STATES,
  searchSize,
  SMALL_SEARCH_STATES,
  statesInWords,
  trivialRuns,
  weakHolds,
} from '../../src/report/strength.ts';
import type { ExplorePairResult, PairResult } from '../../src/results/results.ts';

describe('searchSize', () => {
  it('is trivial when the adversary could act in no state, whatever the states', () => {
    expect(searchSize({ states: 4, branchingStates: 0 })).toBe('trivial');
    expect(searchSize({ states: 5_000_000, branchingStates: 0 })).toBe('trivial');
  });

  it(`is small under ${SMALL_SEARCH_STATES} states or under ${FEW_ADVERSARY_STATES} states where the adversary could act, large from both`, () => {
    // crash-cascade-2010 on fixed, as measured: 78 states, the adversary could act in 4.
    expect(searchSize({ states: 78, branchingStates: 4 })).toBe('small');
    expect(searchSize({ states: SMALL_SEARCH_STATES - 1, branchingStates: FEW_ADVERSARY_STATES })).toBe('small');
    expect(searchSize({ states: 2_000_000, branchingStates: FEW_ADVERSARY_STATES - 1 })).toBe('small');
    expect(searchSize({ states: SMALL_SEARCH_STATES, branchingStates: FEW_ADVERSARY_STATES })).toBe('large');
    expect(searchSize({ states: 2_783_691, branchingStates: 60_000 })).toBe('large');
  });
});

describe('measurable', () => {
  it(`needs both ${MEASURABLE_MS} ms and ${MEASURABLE_STATES} states`, () => {
    expect(measurable({ ms: MEASURABLE_MS, states: MEASURABLE_STATES })).toBe(true);
    expect(measurable({ ms: MEASURABLE_MS - 1, states: 10 * MEASURABLE_STATES })).toBe(false);
    // The 78-state search that took 1.6 s (start-up) is not measured: its rate would read 48 states/s.
    expect(measurable({ ms: 1612, states: 78 })).toBe(false);
    expect(measurable({ ms: 1612, states: MEASURABLE_STATES - 1 })).toBe(false);
  });
});

describe('trivialRuns and weakHolds', () => {
  const random = (verdict: PairResult['verdict'], cells: number) => ({ runs: 200, verdict, coverage: { cells, possible: 30 } }) as PairResult;
  const exhaustive = (verdict: ExplorePairResult['verdict'], states: number, branchingStates: number) =>
    ({ verdict, states, branchingStates }) as ExplorePairResult;

  it('calls random runs trivial only when they exercised no cell', () => {
    expect(trivialRuns(random('holds', 0))).toBe(true);
    expect(trivialRuns(random('holds', 1))).toBe(false);
  });

  it('names the weak holds of both engines, and nothing that is not a holds', () => {
    expect(weakHolds(random('holds', 0))).toBe('trivial');
    expect(weakHolds(random('holds', 11))).toBeNull();
    expect(weakHolds(random('vacuous', 0))).toBeNull();
    expect(weakHolds(exhaustive('holds', 78, 4))).toBe('small');
    expect(weakHolds(exhaustive('holds-within-horizon', 4, 0))).toBe('trivial');
    expect(weakHolds(exhaustive('holds-within-horizon', 25_719, 300))).toBeNull();
    expect(weakHolds(exhaustive('violated', 29, 4))).toBeNull();
    expect(weakHolds(exhaustive('bound-reached', 10, 2))).toBeNull();
  });

  it('puts states and choice points in words', () => {
    expect(statesInWords({ states: 78, branchingStates: 4 })).toBe('78 states, the adversary could act in 4');
    expect(statesInWords({ states: 1, branchingStates: 0 })).toBe('1 state, the adversary could act in none');
    expect(statesInWords({ states: 2_783_691, branchingStates: 61_000 })).toBe('2,783,691 states, the adversary could act in 61,000');
  });
});
