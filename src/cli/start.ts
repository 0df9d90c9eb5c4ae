/**
 * `cascade start`, the main job behind `npm start`: both outage scenarios on their buggy variant and
 * on `fixed`, side by side; every property suite with both engines at the start budget; then the
 * design-review report. Exit code as `check`: 0 when every expectation is met.
 */
import { basename, dirname } from 'node:path';
import { gatherResults, OutputDirectory, RESULTS_PATH, writeReport } from '../runner/index.ts';
import { parse } from './args.ts';
import { gatherPrinter } from './gatherPrint.ts';

export const startHelp = `Usage: cascade start [--json]

The main job: replays both outages on their buggy variant and on fixed (small scope and population
scale), runs every property suite with both engines at the start budget, stores the counterexamples,
saves the results to report/results.json and writes the report (report/report.md, report/report.html).`;


export async function startCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean' } });
  if (values.help) {
    out(startHelp);
    return 0;
  }
  const json = values.json === true;
  const { results, code } = gatherResults('start', gatherPrinter('start', out, json));
  OutputDirectory.open(dirname(RESULTS_PATH)).write(basename(RESULTS_PATH), JSON.stringify(results, null, 2) + '\n');
  const files = await writeReport(results, 'report');
  if (json) out(JSON.stringify({ kind: 'report', results: RESULTS_PATH, ...files }));
  else out(`\nresults: ${RESULTS_PATH}\nreport: ${files.markdown} and ${files.html} (${files.counterexamples} counterexamples explained, ${files.charts} charts)`);
  return code;
}
