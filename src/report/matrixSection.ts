/**
 * The matrix section (verdict, engine, runs or states, bound, time and counterexample link per cell,
 * mismatches marked), the table a design review turns on.
 */
import type { ExplorePairResult, PairResult, SuiteRecord } from '../results/results.ts';
import { cell, type Block, type Cell } from './blocks.ts';
import { count, duration } from './format.ts';
import { linkFrom } from './links.ts';
import type { Column, Matrix } from './matrix.ts';
import { FEW_ADVERSARY_STATES, searchSize, SMALL_SEARCH_STATES, statesInWords, trivialRuns, weakHolds, type SearchSize } from './strength.ts';

const MARK = { holds: '✓', violated: '✗', vacuous: '?', 'bound-reached': '?', 'not checked': '' } as const;

/** The glyph of a holds that rests on a small or trivial search (strength.ts), never the one of a large search. */
export const WEAK_HOLDS_MARK = '(✓)';

/** The legend's sentence on the weak-holds glyph, shared by both matrices. */
export const WEAK_HOLDS_LEGEND = `${WEAK_HOLDS_MARK} holds, but on a small search (under ${SMALL_SEARCH_STATES.toLocaleString('en-US')} distinct states, or under ${FEW_ADVERSARY_STATES} where the adversary could act) or a trivial one (the adversary had no choice): evidence from a handful of runs, not a proof over a large space.`;

/**
 * What a cell that holds rests on, when that is little: the exhaustive search's size when that
 * search holds, else `trivial` when the random runs gave the adversary no event; null otherwise.
 */
export function cellWeakness(random: PairResult | undefined, exhaustive: ExplorePairResult | undefined): SearchSize | null {
  if (exhaustive && (exhaustive.verdict === 'holds' || exhaustive.verdict === 'holds-within-horizon')) return weakHolds(exhaustive);
  return random ? weakHolds(random) : null;
}

export function matrixSection(matrix: Matrix, outDir: string): Block[] {
  if (matrix.columns.length === 0)
    return [
      { kind: 'heading', level: 2, text: 'The matrix: variants by properties' },
      { kind: 'paragraph', text: 'No verdicts in these results.' },
    ];
  const header = ['variant', ...matrix.columns.map((c) => `**${c.property}**\n${c.suite}`)];
  const rows = matrix.variants.map((v) => [
    cell(
      v
        .split('+')
        .map((part, i) => `\`${i > 0 ? '+' : ''}${part}\``)
        .join('\n'),
    ),
    ...matrix.columns.map((c) => matrixCell(matrix, v, c, outDir)),
  ]);
  const mismatches = matrix.variants.flatMap((v) =>
    matrix.columns.filter((c) => isMismatch(matrix, v, c)).map((c) => `\`${v}\` on ${c.property} (${c.suite})`),
  );
  return [
    { kind: 'heading', level: 2, text: 'The matrix: variants by properties' },
    {
      kind: 'paragraph',
      className: 'legend',
      text: `✓ holds (random runs with the trigger exercised; exhaustive: every sequence up to the depth bound), ${WEAK_HOLDS_LEGEND} ✗ violated (with a replayable counterexample), ? vacuous or stopped by a bound (no verdict), — not checked. A cell marked ⚠ did not get the verdict its suite expects. Each cell names the engine, the runs and the (kind x tick) cells they exercised or the states and in how many the adversary could act, the bound and the time; the link opens the stored counterexample.`,
    },
    { kind: 'table', header, rows, className: 'matrix' },
    mismatches.length === 0
      ? { kind: 'paragraph', text: "Every verdict matches its suite's expectation." }
      : {
          kind: 'paragraph',
          className: 'warning',
          text: `⚠ ${mismatches.length} verdict${mismatches.length === 1 ? '' : 's'} did not match the suite's expectation: ${mismatches.join('; ')}.`,
        },
  ];
}

export function isMismatch(matrix: Matrix, variant: string, column: Column): boolean {
  const { random, exhaustive } = matrix.entry(variant, column);
  return (random !== undefined && !random.met) || (exhaustive !== undefined && !exhaustive.met);
}

function matrixCell(matrix: Matrix, variant: string, column: Column, outDir: string): Cell {
  const verdict = matrix.verdict(variant, column);
  if (verdict === 'not checked') return cell('—', 'none');
  const { random, exhaustive } = matrix.entry(variant, column);
  const weak = verdict === 'holds' ? cellWeakness(random, exhaustive) : null;
  const lines = [`**${verdict}** ${weak === null ? MARK[verdict] : `${WEAK_HOLDS_MARK} ${weak} search`}`];
  if (random) lines.push(randomLine(random, matrix.suite(random.suite)));
  if (exhaustive) lines.push(exhaustiveLine(exhaustive));
  const file = random?.counterexample ?? exhaustive?.counterexample;
  if (file) lines.push(`[counterexample](${linkFrom(outDir, file)})`);
  const mismatch = isMismatch(matrix, variant, column);
  if (mismatch) lines.push(`⚠ expected ${random && !random.met ? random.expected : exhaustive!.expected}`);
  const className = verdict === 'bound-reached' ? 'bound' : weak === null ? verdict : 'holds weak';
  return cell(lines.join('\n'), mismatch ? `${className} mismatch` : className);
}

/** The random engine's part of a cell; `suite`: the record of the pair's suite (its events per run). */
export function randomLine(r: PairResult, suite: SuiteRecord | undefined): string {
  const bound = suite ? ` (≤ ${suite.maxEvents} events each)` : '';
  if (r.verdict === 'violated')
    return `random: found in run ${count(r.runs)}${bound}, shrunk to ${r.eventsAfterShrink} events, ${duration(r.timeToFailureMs ?? r.ms)}`;
  return `random: ${count(r.runs)} runs${bound}, trigger in ${count(r.triggeredRuns)}, ${r.coverage.cells}/${r.coverage.possible} cells${trivialRuns(r) ? ' (no adversary event applied)' : ''}, ${duration(r.ms)}`;
}

export function exhaustiveLine(e: ExplorePairResult): string {
  if (e.verdict === 'violated') return `exhaustive: shortest ${e.eventsInCounterexample} events, ${count(e.states)} states, ${duration(e.ms)}`;
  const how =
    e.verdict === 'bound-reached'
      ? `stopped by the ${e.stoppedBy} bound at depth ${e.depth}`
      : e.stoppedBy === 'complete'
        ? 'every reachable state (any horizon)'
        : `every sequence within a ${e.bound.horizon}-tick horizon`;
  const size = e.verdict === 'bound-reached' ? 'large' : searchSize(e);
  return `exhaustive: ${how}, ${statesInWords(e)}${size === 'large' ? '' : ` (${size} search)`}, ${duration(e.ms)}`;
}
