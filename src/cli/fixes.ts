/**
 * `cascade fixes [--suite S] [--base B] [--budget B] [--every-set] [--together [--two-stage]] [--json]`:
 * which sets of fixes are enough. For each suite on each base, the 64 subsets of the fixes are checked by both engines,
 * smallest first, skipping only checks no answer depends on; it prints the minimal sufficient sets, what each property needs, what dropping a fix from a minimal set
 * costs (with the command that replays it), and where adding a fix made things worse.
 */
import {
  BASES,
  checkShardTarget,
  depthWords,
  describeFixSetScope,
  enoughForAllBases,
  enoughLine,
  enoughPerBase,
  enoughRecord,
  fixSetRecord,
  FIXES,
  FIX_SETS_SCHEMA_VERSION,
  parseShard,
  plural,
  runFixesShard,
  runFixSets,
  runTwoStages,
  showSet,
  showSets,
  suitesNamed,
  type EnoughAtDepth,
  type EnoughRecord,
  type FixSetRecord,
  type FixSetAnalysis,
  type Fix,
} from '../runner/index.ts';
import { integer, oneOf, parse, UsageError, workersFlag } from './args.ts';
import { printShard } from './check.ts';
import { progress } from './progress.ts';

export const fixesHelp = `Usage: cascade fixes [options]

Which fixes are enough: the subsets of the six fixes (64 per base), smallest first, are checked
against every property of a suite by the random engine and by the exhaustive engine, and the minimal
sufficient sets are printed with the depth they were shown at (no proper subset holds every property), with what each property needs on its own, what
dropping one fix from a minimal set costs (a shortest counterexample and the command that replays
it), and every place where adding a fix made a property fail.

Options:
  --suite S      only this suite: a built-in id or a suite file (default: every suite)
  --base B       skype-2007 or skype-2010 (default: both)
  --budget B     test or start: the suites' run budget and search bound (default test)
  --runs N       random runs per set and property (default: the suite's budget)
  --among F,G    only the subsets of these fixes (the candidates a team can build), e.g.
                 --among admission-control,backoff-jitter,mega-supernodes
  --every-set    make every check of every set; by default the sets go smallest first and a check
                 no answer depends on is skipped (a proper subset of its set already holds the
                 property, and holds every property of the suite or the set already fails): such
                 a check never counts as holding, and a set is enough only when both engines ran
                 on every property
  --together     as npm start does: the selected suites of a base are analysed together (a set is
                 checked on a suite also where it may be enough for every suite), a set the random
                 engine violated is not searched for a shortest counterexample, and the last line
                 names the sets enough for every suite with the depth they were shown at
  --two-stage    with --together, as npm start does: the analysis at the test budget, then the
                 sets it did not violate searched again at the start bound (each suite's start
                 horizon and state bound, the start budget's runs), smallest first, never a proper
                 superset of a set shown to hold there; the last line names the sets enough for
                 every suite at the start bound, the same as --budget start --together in a
                 fraction of its time
  --json         one JSON object per (suite, base), then a summary object
  --workers N    worker threads (default: this machine's cores): the cells (one engine on one
                 property of one set) go to them, one level of set size at a time, and the analysis
                 is the same for any number (timings aside)
  --shard K/N    compute only shard K of N of the cells, both engines on each (a shard cannot know
                 which searches another shard's results make unnecessary, so it searches every
                 cell, as --every-set does), and write them to the shard file --out FILE;
                 'cascade merge' of the N files prints exactly what one fixes run prints
  --out FILE     the shard file (with --shard); an existing FILE is replaced only when it is a shard file
  --help         this text

Exit code: 0 every outcome the suite states an expectation for (its listed variants) is met, 1 one
is not, 2 bad input; with --shard, 0 once the shard file is written.`;

/** Minimal sets for which the cost of dropping each fix is printed. */
const SET_LIST = 4;

export async function fixesCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parse(argv, {
    suite: { type: 'string' },
    base: { type: 'string' },
    budget: { type: 'string' },
    runs: { type: 'string' },
    among: { type: 'string' },
    'every-set': { type: 'boolean' },
    together: { type: 'boolean' },
    'two-stage': { type: 'boolean' },
    json: { type: 'boolean' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    out(fixesHelp);
    return 0;
  }
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (shard && values.out === undefined) throw new UsageError('--shard needs --out FILE, the shard file to write');
  if (!shard && values.out !== undefined) throw new UsageError('--out goes with --shard K/N (the shard file)');
  if (shard && values.together) throw new UsageError("--together goes without --shard (a shard cannot see the other suites' answers)");
  const twoStage = values['two-stage'] === true;
  if (twoStage && values.together !== true) throw new UsageError('--two-stage goes with --together (the sets enough for every suite are what it verifies)');
  if (twoStage && values.budget !== undefined) throw new UsageError('--two-stage runs the test budget, then the start bound: leave out --budget');
  if (twoStage && values['every-set']) throw new UsageError('--two-stage goes without --every-set (it searches only the candidates)');
  const suites = await suitesNamed(values.suite);
  const base = values.base === undefined ? undefined : oneOf('base', values.base, BASES, 'skype-2010');
  const budget = oneOf('budget', values.budget, ['test', 'start'] as const, 'test');
  const runs = values.runs === undefined ? undefined : integer('runs', values.runs, 0, 1, 10_000_000);
  const among = values.among === undefined ? undefined : fixList(values.among);
  const workers = workersFlag(values.workers);
  const json = values.json === true;
  if (shard) {
    checkShardTarget(values.out!);
    const bar = progress();
    const selection = {
      suite: values.suite ?? null,
      base: base ?? null,
      budget,
      runs: runs ?? null,
      among: among ?? null,
      everySet: values['every-set'] === true,
    };
    const cells = await runFixesShard(selection, shard, workers, values.out!, (done, total, text) => bar.update(done, total, text));
    bar.done();
    printShard('fixes', shard, values.out!, `${plural(cells, 'cell')} searched by both engines`, json, out);
    return 0;
  }
  const bar = progress();
  const together = values.together === true;
  const options = {
    budget,
    runs,
    everySet: values['every-set'] === true,
    among,
    workers,
    ...(together ? { acrossSuites: true, shortest: false } : {}),
    onProgress: (done: number, total: number, text: string) => bar.update(done, total, text),
  };
  const bases = base === undefined ? BASES : [base];
  const shown = (onResult: (a: FixSetAnalysis) => void) => (a: FixSetAnalysis) => {
    bar.done();
    onResult(a);
  };
  const run = (onResult: (a: FixSetAnalysis) => void) =>
    twoStage ? runTwoStages(suites, bases, options, shown(onResult)) : runFixSets(suites, bases, options, shown(onResult));
  return printFixSets(json, out, run, together, () => bar.done());
}

/**
 * Runs analyses and prints them as `fixes` does: each (suite, base) in words or as a JSON object as
 * it comes, then with --json a summary; returns the exit code. `merge` prints through it too. With
 * `together` (analyses made together), the sets enough for every suite close it: a last line, or the
 * summary's `enoughForEverySuite` (per base, with the analyses' depth).
 */
export async function printFixSets(
  json: boolean,
  out: (line: string) => void,
  run: (onResult: (a: FixSetAnalysis) => void) => Promise<FixSetsRun> | FixSetsRun,
  together = false,
  beforeStage2?: () => void,
): Promise<number> {
  const {
    analyses,
    code,
    enough = [],
  } = await run((a) => {
    if (json) out(JSON.stringify({ kind: 'fix-sets', schemaVersion: FIX_SETS_SCHEMA_VERSION, ...a }));
    else describeFixSets(fixSetRecord(a)).forEach((line) => out(line));
  });
  beforeStage2?.();
  const records = analyses.map(fixSetRecord);
  const verified = enough.map(enoughRecord);
  const forAll = enoughForAllBases(records);
  for (const e of enough) {
    if (json) out(JSON.stringify({ kind: 'enough', schemaVersion: FIX_SETS_SCHEMA_VERSION, ...enoughRecord(e) }));
    else describeEnough(enoughRecord(e)).forEach((line) => out(line));
  }
  const everySuite = {
    enoughForEverySuite: enoughPerBase(records, verified, forAll).map((b) => ({
      base: b.base,
      sets: b.sets,
      budget: b.verified?.budget ?? records.find((r) => r.base === b.base)!.budget,
    })),
  };
  const summary = {
    kind: 'summary',
    schemaVersion: FIX_SETS_SCHEMA_VERSION,
    analyses: analyses.length,
    enough: analyses.map((a) => ({ suite: a.suite, base: a.base, minimal: a.minimal })),
    ...(together ? everySuite : {}),
    worsenings: analyses.reduce((n, a) => n + a.worsenings.length, 0),
    unmet: analyses.reduce((n, a) => n + a.unmet.length, 0),
    code,
  };
  if (json) out(JSON.stringify(summary));
  else if (together) out(`\n${enoughLine(records, verified, forAll)}`);
  return code;
}

/** What a fixes run gives `printFixSets`: the analyses, the exit code, and (with --two-stage) each base's sets verified at the start bound. */
export interface FixSetsRun {
  analyses: FixSetAnalysis[];
  code: number;
  enough?: EnoughAtDepth[];
}

/** A comma-separated list of fixes; an unknown one is a usage error naming it. */
function fixList(value: string): Fix[] {
  const parts = value.split(',').map((p) => p.trim());
  for (const part of parts)
    if (!(FIXES as readonly string[]).includes(part)) throw new UsageError(`--among: unknown fix '${part.slice(0, 80)}': fixes are ${FIXES.join(', ')}`);
  return parts as Fix[];
}

/** Stage 2 on one base in words: the sets enough for every suite at the deeper bound, what was searched, and each candidate that failed there with the command that replays it. */
export function describeEnough(e: EnoughRecord): string[] {
  const lines = [`\n== Enough for every suite on ${e.base}, ${depthWords(e.suites)} ==`];
  lines.push(`  ${e.minimal.length === 0 ? 'no set of the six fixes is shown to hold every suite' : showSets(e.minimal, 8)}`);
  for (const v of e.verified.filter((x) => x.outcome !== 'holds')) {
    const c = v.failed;
    const why =
      c === null
        ? v.outcome
        : c.counterexample
          ? `${c.suite} / ${c.property} violated in ${plural(c.counterexample.events, 'event')} (${c.counterexample.engine}${c.counterexample.shortest ? ', shortest' : ''}): ${c.counterexample.replay}`
          : `${c.suite} / ${c.property}: no verdict (random ${c.random}, exhaustive ${c.exhaustive})`;
    lines.push(`  failed at the ${e.budget} bound: ${showSet(v.fixes)}: ${why}`);
  }
  lines.push(
    `  ${plural(e.candidates, 'candidate')} (the sets the ${e.from} bound did not violate${e.narrowed ? '' : ': every set, as that bound is not within this one'}), ${e.verified.length} searched, ${e.skipped} skipped as proper supersets of a set shown to hold${e.reused > 0 ? `, ${e.reused} searches reused` : ''}; ${(e.ms / 1000).toFixed(1)} s of searches`,
  );
  return lines;
}

/** One analysis in words: the answer first, then what it rests on. */
export function describeFixSets(a: FixSetRecord): string[] {
  const lines = [`\n== ${a.suite} on ${a.base}: which fixes are enough (${a.properties.join(', ')}) ==`];
  lines.push(
    a.minimal.length === 0
      ? `  enough, ${depthWords([a])}: no set of the six fixes is shown to hold every property`
      : `  enough, ${depthWords([a])}: ${showSets(a.minimal)}`,
  );
  for (const [property, p] of Object.entries(a.perProperty)) {
    const needs = p.needs.length === 0 ? '' : `needs ${p.needs.join(' and ')}; `;
    lines.push(`  ${property}: ${p.minimal.length === 0 ? 'no set holds it' : `${needs}enough: ${showSets(p.minimal)}`}`);
  }
  for (const m of a.minimal.slice(0, SET_LIST)) {
    for (const drop of m) {
      const without = a.sets.find((s) => s.fixes.length === m.length - 1 && s.fixes.every((f) => f !== drop && m.includes(f)))!;
      const failed = without.checks.find((c) => c.outcome === 'violated');
      const why = failed
        ? `${failed.property} fails in ${plural(failed.counterexample!.events, 'event')} (${failed.counterexample!.engine}${failed.counterexample!.shortest ? ', shortest' : ''}): ${failed.counterexample!.replay}`
        : `${without.outcome}`;
      lines.push(`  ${showSet(m)} without ${drop}: ${why}`);
    }
  }
  for (const w of a.worsenings) {
    const after = a.sets.find((s) => s.fixes.length === w.from.length + 1 && w.from.every((f) => s.fixes.includes(f)) && s.fixes.includes(w.added))!;
    const c = after.checks.find((x) => x.property === w.property)!.counterexample!;
    lines.push(`  worse: adding ${w.added} to ${showSet(w.from)} breaks ${w.property}: ${c.replay}`);
  }
  for (const u of a.unmet) lines.push(`  FAIL ${u.property} on ${u.variant}: the suite expects ${u.expected}, the analysis found ${u.outcome}`);
  lines.push(
    `  scope: ${describeFixSetScope(a).random}; exhaustive: ${describeFixSetScope(a).exhaustive} (${a.skipped} of ${a.sets.length * a.properties.length} checks skipped${a.notSearched > 0 ? `, ${a.notSearched} violated by the random engine not searched` : ''}${a.reused > 0 ? `, ${a.reused} searches reused` : ''}; time summed over the searches made); ${(a.ms / 1000).toFixed(1)} s`,
  );
  return lines;
}
