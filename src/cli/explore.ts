/**
 * `cascade explore [--suite S|FILE] [--property P] [--variant V] [--horizon T] [--set k=v]... [--json]`:
 * parses the flags, lets the runner search each pair breadth-first within the tick horizon, and
 * prints what each verdict covers.
 */
import {
  FEW_ADVERSARY_STATES,
  MEASURABLE_MS,
  MEASURABLE_STATES,
  measurable,
  searchSize,
  SMALL_SEARCH_STATES,
  statesInWords,
  checkJunitTarget,
  describeScope,
  checkShardTarget,
  plural,
  runExploreShard,
  type ExploreSelection,
  type Listener,
  type Overrides,
  type Pair,
  explorePairs,
  exploreCommandLine,
  exhaustiveJsonLine,
  runSummary,
  writeJunit,
  shellWord,
  MAX_SEARCH_TICKS,
  memoryCeilingMB,
  fullTierMemoryMB,
  fullTierOf,
  readOverrides,
  runExplores,
  suitesNamed,
  type ExploreOptions,
  type ExplorePairResult,
} from '../runner/index.ts';
import { directoryFlag, integer, oneOf, parse, workersFlag } from './args.ts';
import { printShard, searchShard } from './check.ts';
import { SEARCH_FLAGS } from './check.ts';
import { printPairSummary, printParameters, runMark } from './print.ts';
import { progress } from './progress.ts';

export const exploreHelp = `Usage: cascade explore [options]

Searches every event sequence breadth-first (exhaustive, as TLC, Spin or Stateright do) in which
the adversary (the suite's faults, user and operator actions, within its budgets) acts at ticks
0..T, each followed by its heal phase, and gives a shortest counterexample or a verdict.
With no selection, it searches the suites' exhaustive sections.

Options:
  --suite S        only this suite: a built-in id or a suite file of your own
  --property P     only this property
  --variant V      any base plus any fixes (default: the suite's exhaustive variants)
  --set K=V        a model parameter (repeatable); --config FILE reads them from JSON. With
                   parameters set, verdicts are reported as found
  --config FILE    parameters from a JSON object
  --budget B       test, start or full: which of the suite's exhaustive bounds to use (default
                   start, as npm start). full: the suites whose section searches a smaller scope
                   than their own budgets, at the largest scope where those budgets finish (its
                   scope and measured cost are printed first: minutes, not seconds)
  --horizon T      last tick at which the adversary may act (default: the suite's)
  --max-states N   most distinct states (default: the suite's bound)
  --max-memory MB  memory the search's stores may hold (default 4096; with --budget full, the
                   most the selected full tiers state, 8000 for the feedback loop's; capped at
                   80% of this machine's memory, and said so)
  --dir D          where counterexamples are stored (default counterexamples)
  --update         replace a stored counterexample that differs
  --json           one JSON object per pair, then a summary object
  --junit FILE     also write the verdicts as a JUnit XML report
  --workers N      worker threads (default: this machine's cores): each level of the search is
                   expanded in parallel, every worker visiting one shared seen-set;
                   verdicts, state counts and counterexample files are the same for any number
  --shard K/N      swarm shard K of N, for spaces past one machine: only the sequences whose first
                   adversary event falls to shard K (events dealt round-robin by kind and
                   parameter), on --workers threads, written to the shard file --out FILE (no
                   counterexample stored). 'cascade merge' of the N files gives one search's
                   verdict: all hold, it holds (within the horizon); one is violated, it is, with
                   the shortest of their counterexamples (a shortest one unless a bound stopped a
                   shard). States and time are the shards' sums (their spaces overlap)
  --out FILE       the shard file (with --shard); an existing FILE is replaced only when it is one
  --help           this text

Verdicts: violated (with a shortest counterexample); holds (the whole reachable state space was
explored: every sequence, of any length); holds-within-horizon (every sequence whose adversary acts
within T ticks, and the heal phase after it); bound-reached (the state or memory bound stopped the
search first: no verdict). States are told apart by 64-bit fingerprints; the chance that a collision
hid a state is printed with each verdict. Beside every holds: its distinct states and in how many
of them the adversary could still act (its choice points); a small search (under ${SMALL_SEARCH_STATES.toLocaleString('en-US')} states, or
under ${FEW_ADVERSARY_STATES} where the adversary could act) or a trivial one (the adversary had no choice) is named
as such. States a second and bytes a state are printed for searches of at least ${MEASURABLE_STATES.toLocaleString('en-US')} states and
${MEASURABLE_MS} ms only.
Exit code: 0 every verdict as the suite expects, 1 not, 4 none unmet but a pair without an
expectation was violated, 2 bad input.`;

export async function exploreCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parse(argv, {
    ...SEARCH_FLAGS,
    horizon: { type: 'string' },
    'max-states': { type: 'string' },
    'max-memory': { type: 'string' },
    shard: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    out(exploreHelp);
    return 0;
  }
  const shard = searchShard(values);
  const overrides = readOverrides(values.config, values.set ?? []);
  const options: ExploreOptions = {
    budget: oneOf('budget', values.budget, ['test', 'start', 'full'] as const, 'start'),
    horizon: values.horizon === undefined ? undefined : integer('horizon', values.horizon, 0, 0, MAX_SEARCH_TICKS - 1000),
    maxStates: values['max-states'] === undefined ? undefined : integer('max-states', values['max-states'], 0, 1, 1_000_000_000),
    maxMemoryMB: integer('max-memory', values['max-memory'], 4096, 16, 1_000_000_000),
    dir: directoryFlag('dir', values.dir, 'counterexamples'),
    update: values.update === true,
    workers: workersFlag(values.workers),
    overrides,
  };
  if (values.junit !== undefined) checkJunitTarget(values.junit, options.dir);
  if (shard) checkShardTarget(values.out!);
  const suites = await suitesNamed(values.suite);
  const pairs = explorePairs(
    suites,
    { suite: values.suite === undefined ? undefined : suites[0]!.id, property: values.property, variant: values.variant },
    overrides,
    options.budget === 'full',
  );
  const selected = [...new Set(pairs.map((p) => p.suite))];
  if (options.budget === 'full' && values['max-memory'] === undefined) options.maxMemoryMB = fullTierMemoryMB(selected);
  const json = values.json === true;
  if (!json) {
    for (const s of selected) {
      const tier = fullTierOf(s);
      if (!tier) continue;
      if (options.budget === 'full') out(`${s.id}: the full exhaustive tier (${tier.scope}); ${tier.cost}`);
      else if (!shard) out(tierNotSearched(s.id, tier));
    }
  }
  if (options.maxMemoryMB > memoryCeilingMB() && !json)
    out(`note: --max-memory ${options.maxMemoryMB} is more than 80% of this machine's memory; capped at ${memoryCeilingMB()} MB`);
  if (shard) {
    const selection: ExploreSelection = {
      suite: values.suite ?? null,
      property: values.property ?? null,
      variant: values.variant ?? null,
      overrides,
      budget: options.budget,
      horizon: options.horizon ?? null,
      maxStates: options.maxStates ?? null,
      maxMemoryMB: options.maxMemoryMB,
      dir: options.dir,
    };
    const bar = progress();
    const done = await runExploreShard(pairs, options, selection, shard, values.out!, { progress: (states, max, text) => bar.update(states, max, text) });
    bar.done();
    printShard('explore', shard, values.out!, `${plural(pairs.length, 'pair')} searched, ${done.violated} violated in this shard`, json, out);
    return 0;
  }
  return printExplores(pairs, overrides, { json, junit: values.junit }, out, (listener) => runExplores(pairs, options, listener));
}

/** The line naming a suite's full tier where its section was searched instead (explore, npm start). */
export function tierNotSearched(id: string, tier: NonNullable<ReturnType<typeof fullTierOf>>): string {
  return `${id}: not searched here, the full tier (${tier.scope}): ${tier.command} (${tier.cost})`;
}

/**
 * Runs searches and prints them as `explore` does: the parameters, a result per pair as it comes,
 * the JUnit file and the summary; returns the exit code. `merge` prints explore shards through it.
 */
export async function printExplores(
  pairs: readonly Pair[],
  overrides: Overrides,
  flags: { json: boolean; junit: string | undefined },
  out: (line: string) => void,
  run: (listener: Listener<ExplorePairResult>) => Promise<{ code: number; results: ExplorePairResult[] }> | { code: number; results: ExplorePairResult[] },
): Promise<number> {
  const { json, junit } = flags;
  if (!json) printParameters(pairs, overrides, out, true);
  const bar = progress();
  const { code, results } = await run({
    progress: (states, max, text) => bar.update(states, max, text),
    result: (r) => {
      bar.done();
      if (json) out(exhaustiveJsonLine(r));
      else printExplore(r, exploreCommandLine(r, overrides), out);
    },
  });
  if (junit !== undefined) writeJunit(junit, [], results);
  if (json) out(JSON.stringify(runSummary([], results, code)));
  else if (results.length > 1) printPairSummary(results, out);
  if (!json && junit !== undefined) out(`JUnit report: ${junit}`);
  return code;
}

/** One exhaustive result: the verdict and what it covers, the statistics, the counterexample. */
export function printExplore(r: ExplorePairResult, reproduce: string, out: (line: string) => void): void {
  out(
    `${runMark(r)} ${r.suite} / ${r.property} on ${r.variant}: ${describeVerdict(r)} (${r.expected === null ? 'no expectation: reported as found' : `expected ${r.expected}`})`,
  );
  out(`     ${stats(r)}`);
  if (r.counterexample) {
    const note =
      r.saved === 'replaced-longer'
        ? ' (replaced a longer one)'
        : r.saved === 'kept-existing'
          ? ' (a different one of the same length or shorter is stored: kept; --update replaces it)'
          : r.saved === 'kept-damaged'
            ? ' (the file stored there does not load as a counterexample: kept, not replaced; --update replaces it)'
            : '';
    const what = r.shortest ? 'shortest counterexample' : 'counterexample (a bound stopped the search before a shorter one was ruled out)';
    out(`     ${what}: ${r.eventsInCounterexample} event${r.eventsInCounterexample === 1 ? '' : 's'} -> ${r.counterexample}${note}`);
  }
  if (r.counterexample && r.saved !== 'kept-damaged')
    out(`     replay: npx cascade replay ${shellWord(r.counterexample)}${r.suiteFile === undefined ? '' : ` --suite ${shellWord(r.suiteFile)}`}`);
  else if (r.counterexample || !r.met) out(`     reproduce: ${reproduce}`);
}

/** What a verdict covers, in one phrase. */
export function describeVerdict(r: ExplorePairResult): string {
  if (r.swarm)
    return `swarm shard ${r.swarm.index}/${r.swarm.count} (the sequences whose first adversary event falls to it): ${describeWhole({ ...r, swarm: undefined })}`;
  return describeWhole(r);
}

function describeWhole(r: ExplorePairResult): string {
  const heal = `, each with its ${r.healTicks}-tick heal phase`;
  switch (r.verdict) {
    case 'violated':
      return 'violated';
    case 'holds':
      return `holds for every sequence of any length (the reachable state space closed at tick ${r.ticks}); ${holdsStrength(r)}`;
    case 'holds-within-horizon':
      return `holds-within-horizon: every sequence whose adversary acts within ${r.bound.horizon} ticks${heal}; ${holdsStrength(r)}`;
    case 'bound-reached':
      return `bound-reached: the ${r.stoppedBy} bound stopped the search at depth ${r.depth}, tick ${r.ticks} (no verdict)`;
    case 'vacuous':
      return `vacuous: no sequence whose adversary acts within ${r.bound.horizon} ticks exercised the property's trigger (no verdict)`;
  }
}

/** What a holds rests on, beside it: the states, where the adversary could act, and a search's size unless large (strength.ts). */
function holdsStrength(r: ExplorePairResult): string {
  const size = searchSize(r);
  return `${size === 'large' ? '' : `${size} search: `}${statesInWords(r)}`;
}

function stats(r: ExplorePairResult): string {
  const p = r.collisionProbability;
  const collision = p === 0 ? '0' : p < 1e-12 ? '< 1e-12' : p.toExponential(1);
  const rate = measurable(r)
    ? `${r.statesPerSecond.toLocaleString('en-US')} states/s, ${r.bytesPerState} bytes a state`
    : `no per-state figures under ${MEASURABLE_STATES.toLocaleString('en-US')} states or ${MEASURABLE_MS} ms`;
  return `scope: ${describeScope(r.scope)}; ${r.states.toLocaleString('en-US')} states, ${r.transitions.toLocaleString('en-US')} transitions, ${r.ms} ms (${rate}); fingerprint collision chance ${collision}${r.shards === undefined ? '' : `; merged from ${r.shards} swarm shards: states, transitions and time are their sums (their spaces overlap)`}`;
}
