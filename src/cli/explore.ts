/**
 * `cascade explore --property P --variant V [--depth D] [--max-states N] [--max-memory MB] [--symmetry|--no-symmetry] [--json]`:
 * breadth-first search of every event sequence up to the bound, for each suite that checks the pair.
 * Exit 0 when every verdict matches the suite's expectation (holds -> holds-within-bound), 1 when
 * not, 2 on bad input.
 */
import { join } from 'node:path';
import { expectation, searchBound, suiteModel, SUITES, type Suite } from '../../properties/index.ts';
import { searchExhaustive } from '../explore/exhaustive.ts';
import { PROPERTIES } from '../properties/index.ts';
import { buildCounterexample } from '../trace/build.ts';
import type { ExplorePairResult } from '../report/results.ts';
import { counterexamplePath, saveCounterexample, type SaveResult } from '../trace/save.ts';
import { integer, parse, UsageError } from './args.ts';
import { selectPairs } from './check.ts';
import { progress } from './progress.ts';

export const exploreHelp = `Usage: cascade explore --property P --variant V [options]

Searches every event sequence breadth-first up to a bound (exhaustive, as TLC or Stateright do) and
gives the shortest counterexample, or a verdict that holds for every sequence within the bound.

Options:
  --property P     the property (required)
  --variant V      the variant (required)
  --budget B       test or start: which suite bound to use (default start)
  --depth D        most events in a sequence (default: the suite's bound)
  --max-states N   most distinct states (default: the suite's bound)
  --max-memory MB  heap the search may use (default 4096)
  --no-symmetry    exact search (the suites' default)
  --symmetry       relabel interchangeable peers and supernodes (an approximation for this model)
  --dir D          where counterexamples are stored (default counterexamples)
  --json           { property, variant, verdict, states, transitions, depth, ms, statesPerSecond, counterexample }
  --help           this text

Verdicts: violated (with a shortest counterexample), holds-within-bound (every sequence up to the
depth bound, or the whole state space when complete), bound-reached (the state or memory bound
stopped the search first: no verdict).
Exit code: 0 every verdict as the suite expects, 1 not, 2 bad input.`;


export interface ExploreOptions {
  budget: 'test' | 'start';
  depth?: number;
  maxStates?: number;
  maxMemoryMB: number;
  symmetry?: boolean;
  dir: string;
  update: boolean;
}

/** Runs the exhaustive search of one (suite, property, variant) and stores a counterexample. */
export function explorePair(suite: Suite, property: string, variant: string, options: ExploreOptions, onProgress?: (states: number, maxStates: number, text: string) => void): ExplorePairResult {
  const model = suiteModel(suite, variant);
  const b = searchBound(suite.exhaustive, options.budget, property, variant);
  const bound = {
    maxDepth: options.depth ?? b.maxDepth,
    maxStates: options.maxStates ?? b.maxStates,
    maxMemoryMB: options.maxMemoryMB,
    symmetry: options.symmetry ?? suite.exhaustive.symmetry,
  };
  const result = searchExhaustive(model, PROPERTIES[property]!, suite.bounds, {
    maxDepth: bound.maxDepth,
    maxStates: bound.maxStates,
    maxMemoryBytes: bound.maxMemoryMB * 1024 * 1024,
    symmetry: bound.symmetry,
    kinds: suite.exhaustive.kinds ?? suite.kinds,
    onProgress: onProgress && ((s) => onProgress(s.states, bound.maxStates, `${property} on ${variant}: ${s.states.toLocaleString('en-US')} states (bound ${bound.maxStates.toLocaleString('en-US')}), depth ${s.depth}/${bound.maxDepth}, ${(s.ms / 1000).toFixed(0)} s`)),
  });
  const suiteExpects = expectation(suite, property, variant) ?? 'holds';
  const expected = suiteExpects === 'holds' ? 'holds-within-bound' : 'violated';
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
      search: { states: result.states, depth: result.depth, symmetry: bound.symmetry },
    });
    saved = saveCounterexample(file, content, options.update, true);
  }
  return {
    suite: suite.id,
    property,
    variant,
    expected,
    verdict: result.verdict,
    stoppedBy: result.stoppedBy,
    bound,
    states: result.states,
    transitions: result.transitions,
    depth: result.depth,
    ms: Math.round(result.ms),
    statesPerSecond: Math.round(result.statesPerSecond),
    heapMB: Math.round(result.heapBytes / 1024 / 1024),
    eventsInCounterexample: c ? c.events.length : null,
    counterexample: file,
    saved,
    met: result.verdict === expected,
  };
}

export function exploreCommand(argv: string[], out: (line: string) => void): number {
  const { values } = parse(argv, {
    property: { type: 'string' },
    variant: { type: 'string' },
    budget: { type: 'string' },
    depth: { type: 'string' },
    'max-states': { type: 'string' },
    'max-memory': { type: 'string' },
    symmetry: { type: 'boolean' },
    'no-symmetry': { type: 'boolean' },
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
  if (values.symmetry && values['no-symmetry']) throw new UsageError('--symmetry and --no-symmetry contradict each other');
  const budget = values.budget === undefined ? 'start' : values.budget;
  if (budget !== 'test' && budget !== 'start') throw new UsageError(`--budget must be one of test, start, got '${budget}'`);
  const options: ExploreOptions = {
    budget,
    depth: values.depth === undefined ? undefined : integer('depth', values.depth, 0, 0, 10_000),
    maxStates: values['max-states'] === undefined ? undefined : integer('max-states', values['max-states'], 0, 1, 1_000_000_000),
    maxMemoryMB: integer('max-memory', values['max-memory'], 4096, 16, 1_000_000),
    symmetry: values.symmetry ? true : values['no-symmetry'] ? false : undefined,
    dir: values.dir ?? 'counterexamples',
    update: values.update === true,
  };
  const pairs = selectPairs({ property: values.property, variant: values.variant });
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
    const bound = `depth <= ${r.bound.maxDepth}, states <= ${r.bound.maxStates.toLocaleString('en-US')}, symmetry ${r.bound.symmetry ? 'on' : 'off'}`;
    const stats = `${r.states.toLocaleString('en-US')} states, ${r.transitions.toLocaleString('en-US')} transitions, depth ${r.depth}, ${r.ms} ms (${r.statesPerSecond.toLocaleString('en-US')} states/s, heap ${r.heapMB} MB)`;
    const complete = r.stoppedBy === 'complete' ? ' (state space exhausted: holds for every sequence)' : r.stoppedBy === 'states' || r.stoppedBy === 'memory' ? ` (the ${r.stoppedBy} bound stopped the search)` : '';
    out(`${r.met ? 'ok  ' : 'FAIL'} ${suite.id} / ${property} on ${variant}: ${r.verdict}${complete} (expected ${r.expected}); ${bound}; ${stats}`);
    if (r.counterexample) {
      const note = r.saved === 'replaced-longer' ? ' (replaced a longer one)' : r.saved === 'kept-existing' ? ' (a different one of the same length or shorter is stored: kept; --update replaces it)' : '';
      out(`     shortest counterexample: ${r.eventsInCounterexample} events -> ${r.counterexample}${note}\n     replay: npx tsx src/cli.ts replay ${r.counterexample}`);
    } else if (!r.met) {
      out(`     reproduce: npx tsx src/cli.ts explore --property ${property} --variant ${variant} --depth ${r.bound.maxDepth} --max-states ${r.bound.maxStates}${r.bound.symmetry ? ' --symmetry' : ' --no-symmetry'}`);
    }
  }
  return { code: results.every((r) => r.met) ? 0 : 1, results };
}

/** Every (suite, property, variant) of the suites' exhaustive sections. */
export function exhaustivePairs(suites: Suite[] = SUITES): { suite: Suite; property: string; variant: string }[] {
  return suites.flatMap((suite) => suite.properties.flatMap((property) => suite.exhaustive.variants.map((variant) => ({ suite, property, variant }))));
}
