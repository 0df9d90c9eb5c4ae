/**
 * `cascade start`, the main job behind `npm start`: both outage scenarios on their buggy variant and
 * on `fixed`, side by side; every property suite with both engines at the start budget; then the
 * design-review report. Exit code as `check`: 0 when every expectation is met.
 */
import { basename, dirname } from 'node:path';
import { checkJunitTarget, finding, gatherResults, jsonLine, OutputDirectory, RESULTS_PATH, runSummary, writeJunit, writeReport } from '../runner/index.ts';
import { parse, workersFlag } from './args.ts';
import { gatherPrinter } from './gatherPrint.ts';

export const startHelp = `Usage: cascade start [--json] [--junit FILE] [--workers N]

The main job: replays both outages on their buggy variant and on fixed (small scope and population
scale), runs every property suite with both engines at the start budget, finds which sets of fixes
are enough in two stages (the subsets of the six, per suite and base, both engines at the test
budget; then, for the sets enough for every suite, the sets that analysis did not violate searched
again by both engines at the start budget, the exhaustive one at each suite's start bound, smallest
first, reusing the suite sections' searches: the answer of the whole analysis at the start bound),
stores the counterexamples, saves the results to report/results.json, writes the report
(report/report.md, report/report.html) and ends with the finding in three lines, whose sets are
named with the depth they were shown at.

Options:
  --json         one JSON object per result, then a summary object (each with kind and schemaVersion)
  --junit FILE   also write the verdicts as a JUnit XML report
  --workers N    worker threads (default: this machine's cores); results are the same for any number
  --help         this text

Exit code: 0 every expectation met, 1 some not, 4 none unmet but a pair without an expectation was
violated, 2 bad input.`;

export async function startCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' }, junit: { type: 'string' }, workers: { type: 'string' }, help: { type: 'boolean' } });
  if (values.help) {
    out(startHelp);
    return 0;
  }
  const json = values.json === true;
  if (values.junit !== undefined) checkJunitTarget(values.junit);
  const { results, code } = await gatherResults('start', gatherPrinter('start', out, json), workersFlag(values.workers));
  OutputDirectory.open(dirname(RESULTS_PATH)).write(basename(RESULTS_PATH), JSON.stringify(results, null, 2) + '\n');
  const files = await writeReport(results, 'report');
  if (values.junit !== undefined) writeJunit(values.junit, results.random, results.exhaustive);
  const lines = finding(results);
  if (json) {
    out(jsonLine('report', { results: RESULTS_PATH, ...files, ...(values.junit === undefined ? {} : { junit: values.junit }) }));
    out(JSON.stringify({ ...runSummary(results.random, results.exhaustive, code), finding: lines }));
  } else {
    out(
      `\nresults: ${RESULTS_PATH}${values.junit === undefined ? '' : `, JUnit report: ${values.junit}`}\nreport: ${files.markdown} and ${files.html} (${files.counterexamples} counterexamples explained, ${files.charts} charts)\n`,
    );
    lines.forEach((line) => out(line));
  }
  return code;
}
