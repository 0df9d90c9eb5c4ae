/**
 * `cascade check [--suite S|FILE] [--property P] [--variant V] [--set k=v]... [--config FILE] ...`:
 * parses the flags, lets the runner check the pairs with the random engine, and prints a line (or a
 * JSON object) per pair and a summary.
 */
import {
  checkJunitTarget,
  selectPairs,
  checkShardTarget,
  parseShard,
  plural,
  SHARD_SCHEMA_VERSION,
  showShard,
  readOverrides,
  randomJsonLine,
  runChecks,
  trivialRuns,
  runCheckShard,
  runSummary,
  suitesNamed,
  writeJunit,
  type CheckOptions,
  type Listener,
  type Overrides,
  type Pair,
  type PairResult,
  type Shard,
} from '../runner/index.ts';
import { directoryFlag, integer, oneOf, parse, UsageError, workersFlag } from './args.ts';
import { printParameters, printPairSummary, runMark } from './print.ts';
import { progress } from './progress.ts';

export const checkHelp = `Usage: cascade check [options]

Searches the property suites for violations with the random engine (fast-check, swarm testing),
shrinks each to a minimal counterexample, stores it, and compares verdicts with the suites.

Options:
  --suite S      only this suite: a built-in id (crash-cascade-2010, login-flood-2007, feedback-loop,
                 directory) or a suite file of your own (.mjs, .js or .ts; see docs/questions.md)
  --property P   only this property
  --variant V    only this variant: any base plus any fixes (e.g. skype-2010+robust-client+admission-
                 control), checked on every selected suite; one a suite does not list has no expected
                 verdict and is reported as found
  --set K=V      a model parameter (repeatable), e.g. --set faultBudget=3 --set supernodeCapacity=4;
                 lists as --set megaCounts=1,2. With parameters set, verdicts are reported as found
                 (the suites' expectations are stated for their own parameters)
  --config FILE  parameters from a JSON object, e.g. { "faultBudget": 3 } (--set wins over it)
  --runs N       runs per (property, variant) (default: the suite's budget)
  --budget B     test or start: which suite budget to use (default start)
  --seed S       fast-check seed (default: the suite's seed)
  --dir D        where counterexamples are stored (default counterexamples); with parameters set,
                 file names carry them (no-cascade--fixed--faultBudget=3.json)
  --update       replace an existing counterexample that differs
  --json         one JSON object per (property, variant), then a summary object (each with kind and
                 schemaVersion)
  --junit FILE   also write the verdicts as a JUnit XML report (one test case per suite, property and
                 variant; a case fails when its verdict is not the one the suite expects). An existing
                 FILE is replaced only when it is a JUnit report
  --workers N    worker threads (default: this machine's cores); each pair's runs are split among
                 them, and verdicts, counts and counterexample files are the same for any number
  --shard K/N    search only shard K of N: runs floor(R(K-1)/N) .. floor(RK/N) of each pair's R runs,
                 on --workers threads, and write them to the shard file --out FILE (no counterexample
                 is stored, no verdict printed); 'cascade merge' of the N files prints and stores
                 exactly what one check with the same flags does (see docs/scale-out.md)
  --out FILE     the shard file (with --shard); an existing FILE is replaced only when it is a shard file
  --help         this text

Exit code: 0 every expectation met, 1 some not, 4 none unmet but a pair without an expectation was
violated, 2 bad input; with --shard, 0 once the shard file is written (merge gives the verdicts).`;

/** The flags every searching command shares: what to search and with which parameters. */
export const SEARCH_FLAGS = {
  suite: { type: 'string' },
  property: { type: 'string' },
  variant: { type: 'string' },
  set: { type: 'string', multiple: true },
  config: { type: 'string' },
  budget: { type: 'string' },
  dir: { type: 'string' },
  update: { type: 'boolean' },
  json: { type: 'boolean' },
  junit: { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean' },
} as const;

export async function checkCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parse(argv, { ...SEARCH_FLAGS, runs: { type: 'string' }, seed: { type: 'string' }, shard: { type: 'string' }, out: { type: 'string' } });
  if (values.help) {
    out(checkHelp);
    return 0;
  }
  const shard = searchShard(values);
  const overrides = readOverrides(values.config, values.set ?? []);
  const options: CheckOptions = {
    runs: values.runs === undefined ? undefined : integer('runs', values.runs, 0, 1, 10_000_000),
    seed: values.seed === undefined ? undefined : integer('seed', values.seed, 0, -0x80000000, 0x7fffffff),
    budget: oneOf('budget', values.budget, ['test', 'start'] as const, 'start'),
    dir: directoryFlag('dir', values.dir, 'counterexamples'),
    update: values.update === true,
    overrides,
    workers: workersFlag(values.workers),
  };
  if (values.junit !== undefined) checkJunitTarget(values.junit, options.dir);
  if (shard) checkShardTarget(values.out!);
  const suites = await suitesNamed(values.suite);
  const pairs = selectPairs(
    suites,
    { suite: values.suite === undefined ? undefined : suites[0]!.id, property: values.property, variant: values.variant },
    overrides,
  );
  const json = values.json === true;
  if (shard) {
    const selection = {
      suite: values.suite ?? null,
      property: values.property ?? null,
      variant: values.variant ?? null,
      overrides,
      budget: options.budget,
      runs: options.runs ?? null,
      seed: options.seed ?? null,
      dir: options.dir,
    };
    const bar = progress();
    const done = await runCheckShard(pairs, options, selection, shard, values.out!, { progress: (d, total, text) => bar.update(d, total, text) });
    bar.done();
    printShard(
      'check',
      shard,
      values.out!,
      `${plural(pairs.length, 'pair')}, ${done.runs.toLocaleString('en-US')} runs searched, ${plural(done.failures, 'failure')} found`,
      json,
      out,
    );
    return 0;
  }
  return printChecks(pairs, overrides, { json, junit: values.junit }, out, (listener) => runChecks(pairs, options, listener));
}

/**
 * Runs checks and prints them as `check` does: the parameters in effect, a line (or JSON object)
 * per pair as it comes, the JUnit file, and the summary; returns the exit code. `merge` prints
 * through it too, so that a merged run prints exactly what one check prints.
 */
export async function printChecks(
  pairs: readonly Pair[],
  overrides: Overrides,
  flags: { json: boolean; junit: string | undefined },
  out: (line: string) => void,
  run: (listener: Listener<PairResult>) => Promise<{ code: number; results: PairResult[] }> | { code: number; results: PairResult[] },
): Promise<number> {
  const { json, junit } = flags;
  if (!json) printParameters(pairs, overrides, out);
  const bar = progress();
  const { code, results } = await run({
    progress: (done, total, text) => bar.update(done, total, text),
    result: (r) => {
      bar.done();
      out(json ? randomJsonLine(r) : describeCheck(r));
    },
  });
  if (junit !== undefined) writeJunit(junit, results, []);
  if (json) out(JSON.stringify(runSummary(results, [], code)));
  else printPairSummary(results, out);
  if (!json && junit !== undefined) out(`JUnit report: ${junit}`);
  return code;
}

/** One random-engine result: the verdict, what it took, and where its counterexample is. */
export function describeCheck(r: PairResult): string {
  const head = `${runMark(r)} ${r.suite} / ${r.property} on ${r.variant}: ${r.verdict} (${r.expected === null ? 'no expectation: reported as found' : `expected ${r.expected}`})`;
  if (r.verdict === 'violated') {
    const kept =
      r.saved === 'kept-existing'
        ? ' (a different counterexample is already stored there: kept; --update replaces it)'
        : r.saved === 'kept-damaged'
          ? ' (the file stored there does not load as a counterexample: kept, not replaced; --update replaces it)'
          : '';
    return `${head}, run ${r.runs} after ${r.timeToFailureMs} ms, shrunk ${r.eventsBeforeShrink} -> ${r.eventsAfterShrink} events\n     ${r.counterexample}${kept}\n     replay: ${r.replay}`;
  }
  const trivial = trivialRuns(r) ? '; trivial: no adversary event applied in any run, so every run followed the same path' : '';
  const head2 = `${head}, ${r.runs} runs in ${r.ms} ms, trigger exercised in ${r.triggeredRuns}; coverage ${r.coverage.cells}/${r.coverage.possible} (kind x tick) cells, safety length median ${r.safetyLength.median}, max ${r.safetyLength.max}${trivial}`;
  return r.met ? head2 : `${head2}\n     reproduce: ${r.replay}`;
}

/** `--shard K/N` of a searching command (null: none), with the flags that must or must not go with it. */
export function searchShard(values: { shard?: string; out?: string; update?: boolean; junit?: string }): Shard | null {
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (shard) {
    if (values.out === undefined) throw new UsageError('--shard needs --out FILE, the shard file to write');
    if (values.update) throw new UsageError('--update goes with merge: a shard stores no counterexample');
    if (values.junit !== undefined) throw new UsageError('--junit goes with merge: a shard has no verdicts yet');
  } else if (values.out !== undefined) throw new UsageError('--out goes with --shard K/N (the shard file)');
  return shard;
}

/** What a shard prints once its file is written: one line (or one JSON object) and how to merge. */
export function printShard(
  command: 'check' | 'fixes' | 'sweep' | 'explore' | 'start',
  shard: Shard,
  file: string,
  done: string,
  json: boolean,
  out: (line: string) => void,
): void {
  if (json) out(JSON.stringify({ kind: 'shard', schemaVersion: SHARD_SCHEMA_VERSION, command, shard: showShard(shard), file, done }));
  else out(`shard ${showShard(shard)} of ${command}: ${done}; written to ${file}. When all ${shard.count} are done: npx cascade merge FILE...`);
}
