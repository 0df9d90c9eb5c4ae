/**
 * `cascade explore --property P --variant V [--horizon T] [--max-states N] [--max-memory MB] [--json]`:
 * breadth-first search of every event sequence whose adversary acts within T ticks (then the heal
 * phase), for each suite that checks the pair. Exit 0 when every verdict matches the suite's
 * expectation (holds -> holds or holds-within-horizon), 1 when not, 2 on bad input.
 */
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { expectation, searchBound, suiteModel, SUITES, type Suite } from '../../properties/index.ts';
import { MAX_SEARCH_TICKS, searchExhaustive } from '../explore/exhaustive.ts';
import { lookup } from '../model/index.ts';
import { PROPERTIES } from '../properties/index.ts';
import { buildCounterexample } from '../trace/build.ts';
import type { ExplorePairResult } from '../report/results.ts';
import { counterexamplePath, saveCounterexample, type SaveResult } from '../trace/save.ts';
import { directoryFlag, integer, oneOf, parse, UsageError } from './args.ts';
import { selectPairs } from './check.ts';
import { progress } from './progress.ts';

export const exploreHelp = `Usage: cascade explore --property P --variant V [options]

Searches every event sequence breadth-first (exhaustive, as TLC, Spin or Stateright do) in which
the adversary (the suite's faults, user and operator actions, within its budgets) acts at ticks
0..T, each followed by its heal phase, and gives a shortest counterexample or a verdict.

Options:
  --property P     the property (required)
  --variant V      the variant (required)
  --budget B       test or start: which suite bound to use (default start)
  --horizon T      last tick at which the adversary may act (default: the suite's)
  --max-states N   most distinct states (default: the suite's bound)
  --max-memory MB  memory the search's stores may hold (default 4096; capped at 80% of this
                   machine's memory, and said so)
  --dir D          where counterexamples are stored (default counterexamples)
  --update         replace a stored counterexample that differs
  --json           one JSON object per pair
  --help           this text

Verdicts: violated (with a shortest counterexample); holds (the whole reachable state space was
explored: every sequence, of any length); holds-within-horizon (every sequence whose adversary acts
within T ticks, and the heal phase after it); bound-reached (the state or memory bound stopped the
search first: no verdict). States are told apart by 64-bit fingerprints; the chance that a collision
hid a state is printed with each verdict.
Exit code: 0 every verdict as the suite expects, 1 not, 2 bad input.`;

export interface ExploreOptions {
  budget: 'test' | 'start';
  horizon?: number;
  maxStates?: number;
  maxMemoryMB: number;
  dir: string;
  update: boolean;
}

/** The memory a search may use at most here: 80% of the machine's (the stores live outside the JS heap). */
export function memoryCeilingMB(): number {
  return Math.floor((totalmem() * 0.8) / 2 ** 20);
}

/** Runs the exhaustive search of one (suite, property, variant) and stores a counterexample. */
export function explorePair(suite: Suite, property: string, variant: string, options: ExploreOptions, onProgress?: (states: number, maxStates: number, text: string) => void): ExplorePairResult {
  const model = suiteModel(suite, variant, true);
  const b = searchBound(suite.exhaustive, options.budget, property, variant);
  const bound = {
    horizon: options.horizon ?? b.horizon,
    maxStates: options.maxStates ?? b.maxStates,
    maxMemoryMB: Math.min(options.maxMemoryMB, memoryCeilingMB()),
  };
  const kinds = suite.exhaustive.kinds ?? suite.kinds;
  const result = searchExhaustive(model, lookup(PROPERTIES, property)!, suite.bounds, {
    horizon: bound.horizon,
    maxStates: bound.maxStates,
    maxMemoryBytes: bound.maxMemoryMB * 2 ** 20,
    kinds,
    onProgress: onProgress && ((s) => onProgress(s.states, bound.maxStates, `${property} on ${variant}: ${s.states.toLocaleString('en-US')} states (bound ${bound.maxStates.toLocaleString('en-US')}), depth ${s.depth}, tick ${s.ticks} of ${bound.horizon}+heal, ${(s.ms / 1000).toFixed(0)} s`)),
  });
  const suiteExpects = expectation(suite, property, variant) ?? 'holds';
  let file: string | null = null;
  let saved: SaveResult | null = null;
  const c = result.counterexample;
  if (c) {
    file = counterexamplePath(join(options.dir, suite.id), property, variant);
    const content = buildCounterexample({
      property,
      variant,
      suite: suite.id,
      engine: 'exhaustive',
      seed: null,
      path: null,
      config: model.config,
      bounds: suite.bounds,
      events: c.events,
      violation: c.violation,
      shrink: null,
      search: { states: result.states, depth: c.events.length, horizon: bound.horizon },
    });
    saved = saveCounterexample(file, content, options.update, true);
  }
  const met = suiteExpects === 'holds' ? result.verdict === 'holds' || result.verdict === 'holds-within-horizon' : result.verdict === 'violated';
  return {
    suite: suite.id,
    property,
    variant,
    expected: suiteExpects === 'holds' ? 'holds' : 'violated',
    verdict: result.verdict,
    stoppedBy: result.stoppedBy,
    bound,
    scope: scopeOf(suite),
    states: result.states,
    transitions: result.transitions,
    depth: result.depth,
    ticks: result.ticks,
    healTicks: result.healTicks,
    ms: Math.round(result.ms),
    statesPerSecond: Math.round(result.statesPerSecond),
    bytesPerState: Math.round(result.bytesPerState * 10) / 10,
    collisionProbability: result.collisionProbability,
    eventsInCounterexample: c ? c.events.length : null,
    shortest: result.shortest,
    counterexample: file,
    saved,
    met,
  };
}

/** The scope of a suite's exhaustive section, in words: peers, supernodes and budgets. */
export function scopeOf(suite: Suite): string {
  const { config } = suiteModel(suite, 'fixed', true);
  const kinds = suite.exhaustive.kinds ?? suite.kinds;
  const users = kinds.some((k) => k === 'goOnline' || k === 'goOffline');
  const clients = config.peers - config.supernodes;
  return `${config.supernodes} supernodes, ${clients} clients (${config.peers - config.offlineAtStart - config.supernodes} online at start), at most ${config.faultBudget} fault${config.faultBudget === 1 ? '' : 's'}${users ? ` and ${config.churnBudget} user action${config.churnBudget === 1 ? '' : 's'}` : ''}${suite.exhaustive.scope ? ` (${suite.exhaustive.scope})` : ''}`;
}

export function exploreCommand(argv: string[], out: (line: string) => void): number {
  const { values } = parse(argv, {
    property: { type: 'string' },
    variant: { type: 'string' },
    budget: { type: 'string' },
    horizon: { type: 'string' },
    'max-states': { type: 'string' },
    'max-memory': { type: 'string' },
    dir: { type: 'string' },
    update: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    out(exploreHelp);
    return 0;
  }
  if (values.property === undefined) throw new UsageError('--property is required');
  if (values.variant === undefined) throw new UsageError('--variant is required');
  const budget = oneOf('budget', values.budget, ['test', 'start'] as const, 'start');
  const options: ExploreOptions = {
    budget,
    horizon: values.horizon === undefined ? undefined : integer('horizon', values.horizon, 0, 0, MAX_SEARCH_TICKS - 1000),
    maxStates: values['max-states'] === undefined ? undefined : integer('max-states', values['max-states'], 0, 1, 1_000_000_000),
    maxMemoryMB: integer('max-memory', values['max-memory'], 4096, 16, 1_000_000_000),
    dir: directoryFlag('dir', values.dir, 'counterexamples'),
    update: values.update === true,
  };
  const pairs = selectPairs({ property: values.property, variant: values.variant });
  if (options.maxMemoryMB > memoryCeilingMB() && values.json !== true) {
    out(`note: --max-memory ${options.maxMemoryMB} is more than 80% of this machine's memory; capped at ${memoryCeilingMB()} MB`);
  }
  return runExplore(pairs, options, values.json === true, out).code;
}

/** Explores the pairs, prints a line (or JSON object) each, and returns the exit code. */
export function runExplore(pairs: { suite: Suite; property: string; variant: string }[], options: ExploreOptions, json: boolean, out: (line: string) => void): { code: number; results: ExplorePairResult[] } {
  const bar = progress();
  const results: ExplorePairResult[] = [];
  for (const { suite, property, variant } of pairs) {
    const r = explorePair(suite, property, variant, options, (states, max, text) => bar.update(states, max, text));
    bar.done();
    results.push(r);
    if (json) {
      out(JSON.stringify({ ...r }));
      continue;
    }
    out(`${r.met ? 'ok  ' : 'FAIL'} ${suite.id} / ${property} on ${variant}: ${describeVerdict(r)} (expected ${r.expected})`);
    out(`     ${stats(r)}`);
    if (r.counterexample) {
      const note = r.saved === 'replaced-longer' ? ' (replaced a longer one)' : r.saved === 'kept-existing' ? ' (a different one of the same length or shorter is stored: kept; --update replaces it)' : r.saved === 'kept-damaged' ? ' (the file stored there does not load as a counterexample: kept, not replaced; --update replaces it)' : '';
      const what = r.shortest ? 'shortest counterexample' : 'counterexample (a bound stopped the search before a shorter one was ruled out)';
      out(`     ${what}: ${r.eventsInCounterexample} event${r.eventsInCounterexample === 1 ? '' : 's'} -> ${r.counterexample}${note}`);
    }
    if (r.counterexample && r.saved !== 'kept-damaged') out(`     replay: npx cascade replay ${r.counterexample}`);
    else if (r.counterexample || !r.met) {
      out(`     reproduce: npx cascade explore --property ${property} --variant ${variant} --horizon ${r.bound.horizon} --max-states ${r.bound.maxStates} --max-memory ${r.bound.maxMemoryMB}`);
    }
  }
  return { code: results.every((r) => r.met) ? 0 : 1, results };
}

/** What a verdict covers, in one phrase. */
export function describeVerdict(r: ExplorePairResult): string {
  const heal = `, each with its ${r.healTicks}-tick heal phase`;
  switch (r.verdict) {
    case 'violated':
      return 'violated';
    case 'holds':
      return `holds for every sequence of any length (the reachable state space closed at tick ${r.ticks})`;
    case 'holds-within-horizon':
      return `holds-within-horizon: every sequence whose adversary acts within ${r.bound.horizon} ticks${heal}`;
    case 'bound-reached':
      return `bound-reached: the ${r.stoppedBy} bound stopped the search at depth ${r.depth}, tick ${r.ticks} (no verdict)`;
  }
}

function stats(r: ExplorePairResult): string {
  const p = r.collisionProbability;
  const collision = p === 0 ? '0' : p < 1e-12 ? '< 1e-12' : p.toExponential(1);
  return `scope: ${r.scope}; ${r.states.toLocaleString('en-US')} states, ${r.transitions.toLocaleString('en-US')} transitions, ${r.ms} ms (${r.statesPerSecond.toLocaleString('en-US')} states/s, ${r.bytesPerState} bytes a state); fingerprint collision chance ${collision}`;
}

/** Every (suite, property, variant) of the suites' exhaustive sections. */
export function exhaustivePairs(suites: Suite[] = SUITES): { suite: Suite; property: string; variant: string }[] {
  return suites.flatMap((suite) => suite.properties.flatMap((property) => suite.exhaustive.variants.map((variant) => ({ suite, property, variant }))));
}
