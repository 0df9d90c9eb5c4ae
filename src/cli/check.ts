/**
 * `cascade check [--property P] [--variant V] [--runs N] [--seed S] [--budget test|start] [--update] [--json]`:
 * runs the matching (suite, property, variant) checks with the random engine, stores each
 * counterexample, and compares every verdict with the suite's expectation. Exit 0 when all are met,
 * 1 when any is not, 2 on bad input.
 */
import { join } from 'node:path';
import { SUITES, expectation, suiteModel, type Suite } from '../../properties/index.ts';
import { searchRandom } from '../explore/random.ts';
import { lookup, parseVariant } from '../model/index.ts';
import { PROPERTIES, PROPERTY_IDS } from '../properties/index.ts';
import { buildCounterexample } from '../trace/build.ts';
import type { PairResult } from '../report/results.ts';
import { counterexamplePath, saveCounterexample, type SaveResult } from '../trace/save.ts';
import { directoryFlag, integer, oneOf, parse, UsageError } from './args.ts';
import { progress } from './progress.ts';

export const checkHelp = `Usage: cascade check [options]

Searches the property suites for violations with the random engine (fast-check, swarm testing),
shrinks each to a minimal counterexample, stores it, and compares verdicts with the suites.

Options:
  --property P   only this property (${PROPERTY_IDS.join(', ')})
  --variant V    only this variant (e.g. skype-2010, fixed)
  --runs N       runs per (property, variant) (default: the suite's budget)
  --budget B     test or start: which suite budget to use (default start)
  --seed S       fast-check seed (default: the suite's seed)
  --dir D        where counterexamples are stored (default counterexamples)
  --update       replace an existing counterexample that differs
  --json         one JSON object per (property, variant)
  --help         this text

Exit code: 0 every expectation met, 1 some not, 2 bad input.`;


export interface CheckOptions {
  property?: string;
  variant?: string;
  runs?: number;
  seed?: number;
  budget: 'test' | 'start';
  dir: string;
  update: boolean;
}

/** The (suite, property, variant) triples a selection names; throws UsageError when none. */
export function selectPairs(options: Pick<CheckOptions, 'property' | 'variant'>): { suite: Suite; property: string; variant: string }[] {
  if (options.property !== undefined && !lookup(PROPERTIES, options.property)) {
    throw new UsageError(`unknown property '${options.property}': choose one of ${PROPERTY_IDS.join(', ')}`);
  }
  let wanted: string | undefined;
  if (options.variant !== undefined) {
    const parsed = parseVariant(options.variant);
    if (!parsed.ok) throw new UsageError(parsed.error);
    wanted = parsed.value.name;
  }
  const pairs = [];
  for (const suite of SUITES) {
    for (const property of suite.properties) {
      if (options.property !== undefined && property !== options.property) continue;
      for (const variant of Object.keys(suite.variants)) {
        if (wanted !== undefined && parseVariant(variant).ok && canonical(variant) !== wanted) continue;
        pairs.push({ suite, property, variant });
      }
    }
  }
  if (pairs.length === 0) throw new UsageError(`no suite checks ${options.property ?? 'any property'} on ${options.variant ?? 'any variant'}`);
  return pairs;
}

function canonical(variant: string): string {
  const parsed = parseVariant(variant);
  return parsed.ok ? parsed.value.name : variant;
}


/** Runs one (suite, property, variant) check and stores its counterexample. */
export function checkPair(suite: Suite, property: string, variant: string, options: CheckOptions, onRun?: (done: number, total: number) => void): PairResult {
  const model = suiteModel(suite, variant);
  const runs = options.runs ?? suite.budget[options.budget];
  const seed = options.seed ?? suite.seed;
  const result = searchRandom(model, lookup(PROPERTIES, property)!, suite.bounds, {
    runs,
    seed,
    maxEvents: suite.maxEvents,
    kinds: suite.kinds,
    onRun: onRun && ((done) => onRun(done, runs)),
  });
  const expected = expectation(suite, property, variant) ?? 'holds';
  let file: string | null = null;
  let saved: SaveResult | null = null;
  const c = result.counterexample;
  if (c) {
    file = counterexamplePath(join(options.dir, suite.id), property, variant);
    saved = saveCounterexample(
      file,
      buildCounterexample({
        property,
        variant,
        suite: suite.id,
        engine: 'random',
        seed,
        path: c.path,
        config: model.config,
        bounds: suite.bounds,
        events: c.events,
        violation: c.violation,
        shrink: { eventsBeforeShrink: c.eventsBeforeShrink, eventsAfterShrink: c.eventsAfterShrink, fastCheckShrinks: c.fastCheckShrinks, minimizeTries: c.minimizeTries },
        search: null,
      }),
      options.update,
    );
  }
  const replay = file && saved !== 'kept-damaged'
    ? `npx tsx src/cli.ts replay ${file}`
    : `npx tsx src/cli.ts check --property ${property} --variant ${variant} --seed ${seed} --runs ${runs}`;
  return {
    suite: suite.id,
    property,
    variant,
    expected,
    verdict: result.verdict,
    runs: result.runs,
    triggeredRuns: result.triggeredRuns,
    coverage: { cells: result.coverage.cells, possible: result.coverage.possible },
    safetyLength: { median: result.coverage.medianLength, max: result.coverage.maxLength },
    seed,
    ms: Math.round(result.ms),
    timeToFailureMs: result.timeToFailureMs === null ? null : Math.round(result.timeToFailureMs * 10) / 10,
    eventsBeforeShrink: c?.eventsBeforeShrink ?? null,
    eventsAfterShrink: c?.eventsAfterShrink ?? null,
    counterexample: file,
    saved,
    met: result.verdict === expected,
    replay,
  };
}

export function parseCheckOptions(argv: string[]): (CheckOptions & { json: boolean }) | 'help' {
  const { values } = parse(argv, {
    property: { type: 'string' },
    variant: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    budget: { type: 'string' },
    dir: { type: 'string' },
    update: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) return 'help';
  return {
    property: values.property,
    variant: values.variant,
    runs: values.runs === undefined ? undefined : integer('runs', values.runs, 0, 1, 10_000_000),
    seed: values.seed === undefined ? undefined : integer('seed', values.seed, 0, -0x80000000, 0x7fffffff),
    budget: oneOf('budget', values.budget, ['test', 'start'] as const, 'start'),
    dir: directoryFlag('dir', values.dir, 'counterexamples'),
    update: values.update === true,
    json: values.json === true,
  };
}

export function checkCommand(argv: string[], out: (line: string) => void): number {
  const options = parseCheckOptions(argv);
  if (options === 'help') {
    out(checkHelp);
    return 0;
  }
  const pairs = selectPairs(options);
  return runChecks(pairs, options, options.json, out).code;
}

/** Checks the pairs, prints a line (or JSON object) each and a summary; returns results and exit code. */
export function runChecks(pairs: { suite: Suite; property: string; variant: string }[], options: CheckOptions, json: boolean, out: (line: string) => void): { code: number; results: PairResult[] } {
  const bar = progress();
  const results: PairResult[] = [];
  for (const [i, { suite, property, variant }] of pairs.entries()) {
    const result = checkPair(suite, property, variant, options, (done, total) =>
      bar.update(done, total, `[${i + 1}/${pairs.length}] ${property} on ${variant}: run ${done}/${total}`),
    );
    bar.done();
    results.push(result);
    out(json ? JSON.stringify(result) : describe(result));
  }
  const unmet = results.filter((r) => !r.met);
  if (!json) {
    out('');
    out(`${results.length - unmet.length} of ${results.length} expectations met${unmet.length > 0 ? `; ${unmet.length} not:` : '.'}`);
    for (const r of unmet) out(`  ${r.property} on ${r.variant}: expected ${r.expected}, got ${r.verdict}. Replay: ${r.replay}`);
  }
  return { code: unmet.length === 0 ? 0 : 1, results };
}

function describe(r: PairResult): string {
  const mark = r.met ? 'ok  ' : 'FAIL';
  const head = `${mark} ${r.suite} / ${r.property} on ${r.variant}: ${r.verdict} (expected ${r.expected})`;
  if (r.verdict === 'violated') {
    const kept =
      r.saved === 'kept-existing'
        ? ' (a different counterexample is already stored there: kept; --update replaces it)'
        : r.saved === 'kept-damaged'
          ? ' (the file stored there does not load as a counterexample: kept, not replaced; --update replaces it)'
          : '';
    return `${head}, run ${r.runs} after ${r.timeToFailureMs} ms, shrunk ${r.eventsBeforeShrink} -> ${r.eventsAfterShrink} events\n     ${r.counterexample}${kept}\n     replay: ${r.replay}`;
  }
  const head2 = `${head}, ${r.runs} runs in ${r.ms} ms, trigger exercised in ${r.triggeredRuns}; coverage ${r.coverage.cells}/${r.coverage.possible} (kind x tick) cells, safety length median ${r.safetyLength.median}, max ${r.safetyLength.max}`;
  return r.met ? head2 : `${head2}\n     reproduce: ${r.replay}`;
}
