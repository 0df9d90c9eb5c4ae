/** Printing shared by the searching commands: the parameters in effect, a result's mark, the summary. */
import {
  derivedQuantities,
  describeOverrides,
  FEW_ADVERSARY_STATES,
  pairModel,
  SMALL_SEARCH_STATES,
  weakHolds,
  type ExplorePairResult,
  type Overrides,
  type Pair,
  type PairResult,
} from '../runner/index.ts';

/** With overrides: the parameters each suite runs on, with the derived quantities a reviewer thinks in. */
export function printParameters(pairs: readonly Pair[], overrides: Overrides, out: (line: string) => void, exhaustive = false): void {
  if (Object.keys(overrides).length === 0) return;
  const lines = new Map<string, string>();
  for (const pair of pairs)
    if (!lines.has(pair.suite.id)) lines.set(pair.suite.id, `  ${pair.suite.id}: ${derivedQuantities(pairModel(pair, overrides, exhaustive).config)}`);
  out(
    `parameters: ${describeOverrides(overrides)} over each suite's own${exhaustive ? ' (and its exhaustive scope)' : ''}; verdicts are reported as found (the suites' expectations are stated for their own parameters)`,
  );
  for (const line of lines.values()) out(line);
}

/** `ok` an expectation met, `FAIL` one unmet, `--` no expectation (a verdict as found). */
export function runMark(r: PairResult | ExplorePairResult): string {
  return r.expected === null ? '--  ' : r.met ? 'ok  ' : 'FAIL';
}

export function printPairSummary(results: readonly (PairResult | ExplorePairResult)[], out: (line: string) => void): void {
  const judged = results.filter((r) => r.expected !== null);
  const unmet = judged.filter((r) => !r.met);
  const found = results.filter((r) => r.expected === null);
  out('');
  if (judged.length > 0) out(`${judged.length - unmet.length} of ${judged.length} expectations met${unmet.length > 0 ? `; ${unmet.length} not:` : '.'}`);
  for (const r of unmet)
    out(`  ${r.suite} / ${r.property} on ${r.variant}: expected ${r.expected}, got ${r.verdict}.${'replay' in r ? ` Reproduce: ${r.replay}` : ''}`);
  if (found.length > 0) {
    const counts = new Map<string, number>();
    for (const r of found) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
    out(`${found.length} verdict${found.length === 1 ? '' : 's'} without an expectation: ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')}.`);
  }
  printWeakHolds(results, out);
}

/** The holds that rest on little (strength.ts), one line each kind, so that the summary does not read like proofs over large spaces. */
function printWeakHolds(results: readonly (PairResult | ExplorePairResult)[], out: (line: string) => void): void {
  const name = (r: PairResult | ExplorePairResult) =>
    `${r.suite} / ${r.property} on ${r.variant}${'runs' in r ? ` (random, ${r.runs.toLocaleString('en-US')} runs)` : ` (${r.states.toLocaleString('en-US')} states)`}`;
  const small = results.filter((r) => weakHolds(r) === 'small');
  const trivial = results.filter((r) => weakHolds(r) === 'trivial');
  if (small.length > 0)
    out(
      `${small.length} holds verdict${small.length === 1 ? ' rests' : 's rest'} on a small search (under ${SMALL_SEARCH_STATES.toLocaleString('en-US')} states or ${FEW_ADVERSARY_STATES} where the adversary could act): ${small.map(name).join(', ')}.`,
    );
  if (trivial.length > 0)
    out(`${trivial.length} holds verdict${trivial.length === 1 ? ' is' : 's are'} trivial (the adversary had no choice): ${trivial.map(name).join(', ')}.`);
}
