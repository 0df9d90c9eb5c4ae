/** Printing shared by the searching commands: the parameters in effect, a result's mark, the summary. */
import { derivedQuantities, describeOverrides, pairModel, type ExplorePairResult, type Overrides, type Pair, type PairResult } from '../runner/index.ts';

/** With overrides: the parameters each suite runs on, with the derived quantities a reviewer thinks in. */
export function printParameters(pairs: readonly Pair[], overrides: Overrides, out: (line: string) => void, exhaustive = false): void {
  if (Object.keys(overrides).length === 0) return;
  const lines = new Map<string, string>();
  for (const pair of pairs) if (!lines.has(pair.suite.id)) lines.set(pair.suite.id, `  ${pair.suite.id}: ${derivedQuantities(pairModel(pair, overrides, exhaustive).config)}`);
  out(`parameters: ${describeOverrides(overrides)} over each suite's own${exhaustive ? ' (and its exhaustive scope)' : ''}; verdicts are reported as found (the suites' expectations are stated for their own parameters)`);
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
  for (const r of unmet) out(`  ${r.suite} / ${r.property} on ${r.variant}: expected ${r.expected}, got ${r.verdict}.${'replay' in r ? ` Reproduce: ${r.replay}` : ''}`);
  if (found.length > 0) {
    const counts = new Map<string, number>();
    for (const r of found) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
    out(`${found.length} verdict${found.length === 1 ? '' : 's'} without an expectation: ${[...counts].map(([v, n]) => `${n} ${v}`).join(', ')}.`);
  }
}
