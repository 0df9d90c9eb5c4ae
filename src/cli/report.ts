/**
 * `cascade report [--out DIR] [--results FILE] [--dir D] [--budget test|start] [--json]`: writes the
 * design-review report from the results `npm start` saved, or from results computed now, explaining
 * the counterexamples of D and of every directory the results name (the runner loads, replays and
 * walks them; the report formats).
 */
import { existsSync } from 'node:fs';
import { isInside } from '../io/realPath.ts';
import {
  checkedDirectory,
  FIDELITY_REDUCTION,
  gatherResults,
  loadResults,
  loadSuiteFile,
  OutputDirectory,
  reportCounterexamples,
  RESULTS_PATH,
  writeReport,
  type Results,
} from '../runner/index.ts';
import { directoryFlag, integer, oneOf, parse, UsageError, workersFlag } from './args.ts';
import { gatherPrinter } from './gatherPrint.ts';

export const reportHelp = `Usage: cascade report [options]

Writes the design-review report: a first page for the review (report.md, report.html: the finding,
which fixes are enough, the verdicts, the population against the record, how the base protocols
fail) and an appendix with every detail (appendix.md, appendix.html). The .md files render on a
code-hosting site (tables, Mermaid diagrams, charts/*.svg); the .html files open offline. It reads
the results 'npm start' saved, or runs the suites now when there are none.

Options:
  --out DIR        where to write the report (default report)
  --results FILE   results to read (default ${RESULTS_PATH}; when that file is missing, the suites
                   and the fix-set analysis are run now with --budget, a few minutes with the test
                   budget)
  --dir D          the counterexamples to explain (default counterexamples); those of every
                   directory the results name (a 'check --dir' run's) are explained too. D must
                   exist and hold a counterexample that loads
  --budget B       test or start: the budget for results computed now (default test)
  --suite FILE     a suite file of your own (repeatable): its counterexamples are explained too (a
                   suite file is code; cascade runs one only when you name it)
  --population-reduction K
                   for results computed now: their population run (the fidelity table and curves,
                   seed 1) on a population K times smaller than 'cascade fidelity' runs (default
                   ${FIDELITY_REDUCTION}: about half a minute; 10 takes seconds, and the shape drifts: see README,
                   Fidelity). Refused when the results are read from a file: they hold their own
  --update         replace files in DIR of the same name that cascade did not write
  --workers N      worker threads for results computed now (default: this machine's cores)
  --json           print { markdown, html, appendix, counterexamples, charts } as one JSON object
  --help           this text

Exit code: 0 report written, 2 bad input.`;

export async function reportCommand(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Promise<number> {
  const { values } = parse(argv, {
    out: { type: 'string' },
    results: { type: 'string' },
    dir: { type: 'string' },
    budget: { type: 'string' },
    json: { type: 'boolean' },
    update: { type: 'boolean' },
    suite: { type: 'string', multiple: true },
    'population-reduction': { type: 'string' },
    workers: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    out(reportHelp);
    return 0;
  }
  if (values.results === '') throw new UsageError('--results needs a file');
  const budget = oneOf('budget', values.budget, ['test', 'start'] as const, 'test');
  const reduction = integer('population-reduction', values['population-reduction'], FIDELITY_REDUCTION, 1, 100);
  const fromFile = values.results ?? (existsSync(RESULTS_PATH) ? RESULTS_PATH : undefined);
  if (fromFile !== undefined && values['population-reduction'] !== undefined)
    throw new UsageError(
      `--population-reduction applies to results computed now; ${fromFile} holds its own population run (run 'npm start' to compute it anew)`,
    );
  // Checked whether or not results are computed now: a bad flag is refused the same way either way.
  const workers = workersFlag(values.workers);
  const outDir = directoryFlag('out', values.out, 'report');
  // Real paths: a link to the counterexamples (or into them) is refused as they are.
  if (isInside(outDir, 'counterexamples')) throw new UsageError(`--out ${outDir}: is inside the counterexamples directory; the report goes elsewhere`);
  // The directory and the pages' names before any work: a user's report.md is refused now, not after minutes of it.
  OutputDirectory.open(outDir, values.update === true).checkAll(OutputDirectory.REPORT_PAGES);
  const log = err;
  // Suite files first: a wrong one is refused before anything runs or is written.
  const suites = [];
  for (const file of values.suite ?? []) suites.push(await loadSuiteFile(file));
  // --dir next (with the suite files its counterexamples may need): a wrong one is refused before any work.
  const dir = values.dir === undefined ? undefined : directoryFlag('dir', values.dir, 'counterexamples');
  if (dir !== undefined && isInside(outDir, dir)) throw new UsageError(`--out ${outDir}: is inside --dir ${dir}; the report goes elsewhere`);
  const fromDir = dir === undefined ? undefined : checkedDirectory(dir, suites);
  let results: Results;
  if (fromFile !== undefined) {
    const loaded = loadResults(fromFile);
    if (!loaded.ok) throw new UsageError(loaded.error);
    results = loaded.value;
  } else {
    log(`no ${RESULTS_PATH} ('npx cascade start' or 'npm start' saves one): running the suites with the ${budget} budget now`);
    results = (await gatherResults(budget, gatherPrinter(budget, log, false), workers, { reduction })).results;
  }
  const counterexamples = reportCounterexamples(results, dir ?? 'counterexamples', suites, fromDir);
  const files = await writeReport(results, counterexamples, outDir, { update: values.update === true });
  if (values.json) out(JSON.stringify(files));
  else {
    out(`report: ${files.markdown} and ${files.html}; appendix: ${files.appendix.markdown} and ${files.appendix.html}`);
    out(`${files.counterexamples} counterexamples explained, ${files.charts} charts in ${outDir}/charts`);
  }
  return 0;
}
