/**
 * The variants x properties matrix for the first page: one glyph per cell with the scope of a
 * "holds" said in place (how many random runs and the (kind x tick) cells they exercised; exhaustive
 * over every reachable state, or within a horizon, with its distinct states), a glyph of its own for
 * a holds on a small or trivial search (strength.ts), the length of a violation's counterexample
 * linked to its file, and the full statistics on hover. The appendix keeps the detailed matrix.
 */
import { cell, type Block, type Cell } from './blocks.ts';
import { count } from './format.ts';
import { linkFrom } from './links.ts';
import type { Column, Matrix } from './matrix.ts';
import { cellWeakness, exhaustiveLine, isMismatch, randomLine, WEAK_HOLDS_LEGEND, WEAK_HOLDS_MARK } from './matrixSection.ts';

export function compactMatrixSection(matrix: Matrix, outDir: string, appendix: string): Block[] {
  if (matrix.columns.length === 0)
    return [
      { kind: 'heading', level: 2, text: 'Verdicts: variants by properties' },
      { kind: 'paragraph', text: 'No verdicts in these results.' },
    ];
  const header = ['variant', ...matrix.columns.map((c) => `\`${c.property}\`\n${c.suite}`)];
  const rows = matrix.variants.map((v) => [cell(`\`${v}\``), ...matrix.columns.map((c) => glyph(matrix, v, c, outDir))]);
  const mismatches = matrix.variants.reduce((n, v) => n + matrix.columns.filter((c) => isMismatch(matrix, v, c)).length, 0);
  return [
    { kind: 'heading', level: 2, text: 'Verdicts: variants by properties' },
    {
      kind: 'paragraph',
      className: 'legend',
      text: `✓ holds, with its scope: the random runs that found no violation and the (kind x tick) cells they exercised, and the exhaustive search with its distinct states (**all N states**: the whole reachable state space, any number of events; **≤ T ticks, N states**: every sequence whose adversary acts within T ticks). ${WEAK_HOLDS_LEGEND} ✗ violated, with the events of the shortest counterexample known (linked). ? no verdict (vacuous, or stopped by a bound). — not checked. ⚠ not the verdict the suite expects. Hover for the statistics; the [appendix](${appendix}) has them in full.`,
    },
    { kind: 'table', header, rows, className: 'matrix compact' },
    mismatches === 0
      ? { kind: 'paragraph', className: 'status', text: "Every verdict matches its suite's expectation." }
      : { kind: 'paragraph', className: 'warning', text: `⚠ ${mismatches} verdict${mismatches === 1 ? '' : 's'} did not match the suite's expectation.` },
  ];
}

function glyph(matrix: Matrix, variant: string, column: Column, outDir: string): Cell {
  const verdict = matrix.verdict(variant, column);
  if (verdict === 'not checked') return cell('—', 'none');
  const { random, exhaustive } = matrix.entry(variant, column);
  const details = [random && randomLine(random, matrix.suite(random.suite)), exhaustive && exhaustiveLine(exhaustive)].filter(Boolean).join('; ');
  const warn = isMismatch(matrix, variant, column) ? ' ⚠' : '';
  if (verdict === 'violated') {
    const lengths = [random?.eventsAfterShrink, exhaustive?.eventsInCounterexample].filter((n): n is number => typeof n === 'number');
    const file = exhaustive?.counterexample ?? random?.counterexample;
    const text = `✗ ${Math.min(...lengths)} events`;
    return cell(`${file ? `[${text}](${linkFrom(outDir, file)})` : text}${warn}`, 'violated', details);
  }
  if (verdict === 'holds') {
    const weak = cellWeakness(random, exhaustive);
    const runs = random && random.verdict === 'holds' ? `${count(random.runs)} runs, ${random.coverage.cells}/${random.coverage.possible} cells` : null;
    const states = !exhaustive
      ? null
      : exhaustive.verdict === 'bound-reached'
        ? 'exhaustive: stopped by a bound'
        : exhaustive.stoppedBy === 'complete'
          ? `all ${count(exhaustive.states)} states`
          : `≤ ${exhaustive.bound.horizon} ticks, ${count(exhaustive.states)} states`;
    const scope = [runs, states, weak === null ? null : `${weak} search`].filter(Boolean).join(' · ');
    return cell(`${weak === null ? '✓' : WEAK_HOLDS_MARK} ${scope}${warn}`, weak === null ? 'holds' : 'holds weak', details);
  }
  return cell(`? ${verdict === 'vacuous' ? 'vacuous' : 'bound'}${warn}`, 'bound', details);
}
