/**
 * How much a verdict is worth, read from a result's numbers by one rule that every formatter (the
 * CLI lines, the `--json` rows, JUnit, the matrices) uses, so that a "holds" over 78 states is never
 * shown like one over millions.
 *
 * - An exhaustive search is `trivial` when the adversary could act in no state it reached (its
 *   budgets or kinds leave it nothing: the property saw one run, not a search); `small` when it
 *   stored fewer than `SMALL_SEARCH_STATES` distinct states or the adversary could act in fewer than
 *   `FEW_ADVERSARY_STATES` of them; `large` otherwise.
 * - A random-engine "holds" is `trivial` when its runs exercised no (kind x tick) cell: no adversary
 *   event applied in any run, so every run followed the same path; otherwise its strength is its
 *   runs and coverage, printed beside it.
 * - Per-state figures (states a second, bytes a state) are shown only for a search that ran at least
 *   `MEASURABLE_MS` and stored at least `MEASURABLE_STATES` states: below that, start-up and fixed
 *   costs dominate and the figures say nothing about the engine.
 *
 * Left for the engine: a finer test that the adversary cannot move the property (the property's
 * inputs are equal in every state reached) needs the property's reads per state, which results do
 * not carry; a search where that is so but the space is large is shown by size only.
 */
import type { ExplorePairResult, PairResult } from '../results/results.ts';

/**
 * Fewer distinct states than this make a search `small`: a thousand states are a few hundred
 * interleavings of a handful of events, which a reader could enumerate by hand, not a proof over a
 * space too large to check otherwise.
 */
export const SMALL_SEARCH_STATES = 1_000;

/**
 * Fewer states than this in which the adversary could still act make a search `small` too, however
 * many states its deterministic tails add: the adversary then had only that many decision points.
 */
export const FEW_ADVERSARY_STATES = 100;

/** A search shorter than this (ms) is too short for per-state figures (start-up costs dominate). */
export const MEASURABLE_MS = 100;

/** A search that stored fewer states than this is too small for per-state figures (fixed costs dominate). */
export const MEASURABLE_STATES = 10_000;

/** `trivial` (the adversary had no choice), `small` (under the stated size) or `large`. */
export type SearchSize = 'trivial' | 'small' | 'large';

/** The size of an exhaustive search, by the rule of the module comment. */
export function searchSize(r: Pick<ExplorePairResult, 'states' | 'branchingStates'>): SearchSize {
  if (r.branchingStates === 0) return 'trivial';
  return r.states < SMALL_SEARCH_STATES || r.branchingStates < FEW_ADVERSARY_STATES ? 'small' : 'large';
}

/** Whether the search ran long enough, over enough states, for its per-state figures to mean something. */
export function measurable(r: Pick<ExplorePairResult, 'ms' | 'states'>): boolean {
  return r.ms >= MEASURABLE_MS && r.states >= MEASURABLE_STATES;
}

/** Whether no adversary event applied in any of a random-engine result's runs (see the module comment). */
export function trivialRuns(r: Pick<PairResult, 'coverage'>): boolean {
  return r.coverage.cells === 0;
}

/** A "holds" of either engine that is not `large`: one the matrices draw apart and the summaries list. */
export function weakHolds(r: PairResult | ExplorePairResult): SearchSize | null {
  if ('runs' in r) return r.verdict === 'holds' && trivialRuns(r) ? 'trivial' : null;
  if (r.verdict !== 'holds' && r.verdict !== 'holds-within-horizon') return null;
  const size = searchSize(r);
  return size === 'large' ? null : size;
}

/** The strength the `--json` row of an exhaustive result carries beside its own fields. */
export function exhaustiveStrength(r: ExplorePairResult): { size: SearchSize; measured: boolean } {
  return { size: searchSize(r), measured: measurable(r) };
}

/** States, and where the adversary could act, in words: `78 states, the adversary could act in 4`. */
export function statesInWords(r: Pick<ExplorePairResult, 'states' | 'branchingStates'>): string {
  const where = r.branchingStates === 0 ? 'none' : r.branchingStates.toLocaleString('en-US');
  return `${r.states.toLocaleString('en-US')} state${r.states === 1 ? '' : 's'}, the adversary could act in ${where}`;
}

/** The size of a search in words, for the sentence beside its verdict. */
export function sizeInWords(size: SearchSize): string {
  return size === 'trivial'
    ? 'trivial search (the adversary had no choice: one run, not a search)'
    : size === 'small'
      ? `small search (under ${SMALL_SEARCH_STATES.toLocaleString('en-US')} states or ${FEW_ADVERSARY_STATES} where the adversary could act)`
      : 'search';
}
