/**
 * `cascade start`, the main job behind `npm start`: both outage scenarios on their buggy variant and
 * on `fixed`, side by side; every property suite with both engines at the start budget; then the
 * design-review report. Exit code as `check`: 0 when every expectation is met.
 */
import { basename, dirname } from 'node:path';
import {
  checkJunitTarget,
  checkShardTarget,
  FIDELITY_REDUCTION,
  finding,
  gatherResults,
  jsonLine,
  OutputDirectory,
  parseShard,
  plural,
  reportCounterexamples,
  RESULTS_PATH,
  runStartShard,
  runSummary,
  writeJunit,
  writeReport,
  type Results,
} from '../runner/index.ts';
import { parse, UsageError, workersFlag } from './args.ts';
import { printShard } from './check.ts';
import { gatherPrinter } from './gatherPrint.ts';

export const startHelp = `Usage: cascade start [--json] [--junit FILE] [--workers N] [--shard K/N --out FILE]

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
  --shard K/N    run only shard K of N of the job (its units: each base's fix-set analysis, the
                 population runs, the scripted outages, each pair; unit i goes to shard i mod N + 1)
                 and write what they found, with their counterexample files, to the shard file
                 --out FILE; 'cascade merge' of all N writes the results and the report a whole run
                 writes. A shard's fix-set analysis cannot take the searches other shards made, so
                 it makes them again: the same verdicts, other counts of searches reused and times
  --out FILE     the shard file (with --shard); an existing FILE is replaced only when it is a shard file
  --help         this text

Exit code: 0 every expectation met, 1 some not, 4 none unmet but a pair without an expectation was
violated, 2 bad input; with --shard, 0 once the shard file is written.`;

export async function startCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parse(argv, {
    json: { type: 'boolean' },
    junit: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    out(startHelp);
    return 0;
  }
  const json = values.json === true;
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (shard && values.out === undefined) throw new UsageError('--shard needs --out FILE, the shard file to write');
  if (!shard && values.out !== undefined) throw new UsageError('--out goes with --shard K/N (the shard file)');
  if (shard && values.junit !== undefined)
    throw new UsageError("--junit goes with the merge of the shards ('cascade merge FILES --junit FILE'), not with --shard");
  const workers = workersFlag(values.workers);
  if (shard) {
    checkShardTarget(values.out!);
    const units = await runStartShard({ budget: 'start', reduction: FIDELITY_REDUCTION }, shard, values.out!, workers, gatherPrinter('start', out, json));
    printShard('start', shard, values.out!, `${plural(units, 'unit')} of the main job run`, json, out);
    return 0;
  }
  if (values.junit !== undefined) checkJunitTarget(values.junit);
  const { results, code } = await gatherResults('start', gatherPrinter('start', out, json), workers);
  return finishStart(results, code, json, values.junit, out);
}

/**
 * The end of the main job, whole or merged from its shards: saves the results, writes the report
 * (and the JUnit report when asked), and prints where they are and the finding; returns `code`.
 */
export async function finishStart(results: Results, code: number, json: boolean, junit: string | undefined, out: (line: string) => void): Promise<number> {
  OutputDirectory.open(dirname(RESULTS_PATH)).write(basename(RESULTS_PATH), JSON.stringify(results, null, 2) + '\n');
  const files = await writeReport(results, reportCounterexamples(results, 'counterexamples', []), 'report');
  if (junit !== undefined) writeJunit(junit, results.random, results.exhaustive);
  const lines = finding(results);
  if (json) {
    out(jsonLine('report', { results: RESULTS_PATH, ...files, ...(junit === undefined ? {} : { junit }) }));
    out(JSON.stringify({ ...runSummary(results.random, results.exhaustive, code), finding: lines }));
  } else {
    out(
      `\nresults: ${RESULTS_PATH}${junit === undefined ? '' : `, JUnit report: ${junit}`}\nreport: ${files.markdown} and ${files.html} (${files.counterexamples} counterexamples explained, ${files.charts} charts)\n`,
    );
    lines.forEach((line) => out(line));
  }
  return code;
}
