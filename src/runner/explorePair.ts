/**
 * One (suite, property, variant) with the exhaustive engine, within the suite's tick horizon and
 * state bound (or the caller's), storing a shortest counterexample.
 */
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { propertyOf, searchBound, suiteModel, SUITES, type ExhaustiveBudget, type Scope, type Suite } from '../../properties/index.ts';
import { searchExhaustive, type ExhaustiveOptions, type ExhaustiveResult } from '../search/exhaustive.ts';
import { init, type Counters, type Model, type State } from '../model/index.ts';
import { checkRun, type Bounds, type Property } from '../propertyLanguage/index.ts';
import { searchExhaustiveOnPool } from '../search/parallel.ts';
import type { Pool } from '../parallel/pool.ts';
import type { SubjectRef } from '../engines/contract.ts';
import type { ExplorePairResult, SearchScope } from '../results/results.ts';
import { buildCounterexample } from '../trace/build.ts';
import { counterexamplePath, saveCounterexample, type SaveResult } from '../trace/save.ts';
import { meets, pairModel, resultHead, type RunOptions } from './checkPair.ts';
import { shellWord, suiteFileFrom } from './commandLines.ts';
import { describeOverrides, overridesTag, type Overrides } from './overrides.ts';
import { pairSpec } from './pairSpec.ts';
import { exhaustiveSearchRef } from './workerTasks.ts';
import { propertiesOf } from './suites.ts';
import type { Pair } from './select.ts';

export interface ExploreOptions extends Omit<RunOptions, 'budget'> {
  /** Which of the suite's exhaustive bounds and scopes: npm test's, npm start's, or the full tier's. */
  budget: ExhaustiveBudget;
  /** T: last tick at which the adversary may act (default: the suite's). */
  horizon?: number;
  /** Most distinct states (default: the suite's). */
  maxStates?: number;
  /** Memory the search's stores may hold, capped at `memoryCeilingMB()`. */
  maxMemoryMB: number;
  /** Swarm shard K of N (1-based): only the sequences whose first adversary event falls to it (see `swarmShardOf`). */
  swarm?: { index: number; count: number };
}

/** The memory a search may use at most here: 80% of the machine's (the stores live outside the JS heap). */
export function memoryCeilingMB(): number {
  return Math.floor((totalmem() * 0.8) / 2 ** 20);
}

/** A project suite's full tier by its id (`fullTierOf`), or null: for printers that hold only ids. */
export function projectFullTier(suiteId: string): ReturnType<typeof fullTierOf> {
  const suite = SUITES.find((s) => s.id === suiteId);
  return suite ? fullTierOf(suite) : null;
}

/** The default memory bound of `explore --budget full` over `suites`: the most any of their full tiers needs (4096 MB when none has one). */
export function fullTierMemoryMB(suites: readonly Suite[]): number {
  const needs = suites.flatMap((s) => (s.exhaustive.full ? [s.exhaustive.full.maxMemoryMB] : []));
  return needs.length === 0 ? 4096 : Math.max(...needs);
}

/** A suite's full tier, for where it is named but not searched (npm start, the report): null when it has none. */
export function fullTierOf(suite: Suite): { scope: string; command: string; cost: string } | null {
  const full = suite.exhaustive.full;
  return full ? { scope: full.scope, command: `npx cascade explore --suite ${shellWord(suite.file ?? suite.id)} --budget full`, cost: full.cost } : null;
}

/** Progress of a search: states so far, the bound, and a line saying where it is. */
export type ExploreProgress = (states: number, maxStates: number, text: string) => void;

/** What an exhaustive search of a pair is: its model, property, bound and the engine's options. */
/** What of `ExploreOptions` a search's bound and scope depend on. */
export type SearchChoice = Pick<ExploreOptions, 'budget' | 'horizon' | 'maxStates' | 'maxMemoryMB' | 'overrides' | 'swarm'>;

export function exhaustiveSearchOf(pair: Pick<Pair, 'suite' | 'property' | 'variant'>, options: SearchChoice, onProgress?: ExploreProgress) {
  const { suite, property, variant } = pair;
  const model = pairModel(pair, options.overrides ?? {}, scopeFor(options));
  const b = searchBound(suite.exhaustive, options.budget, property, variant);
  const bound = {
    horizon: options.horizon ?? b.horizon,
    maxStates: options.maxStates ?? b.maxStates,
    maxMemoryMB: Math.min(options.maxMemoryMB, memoryCeilingMB()),
  };
  const engine: ExhaustiveOptions = {
    horizon: bound.horizon,
    maxStates: bound.maxStates,
    maxMemoryBytes: bound.maxMemoryMB * 2 ** 20,
    kinds: suite.exhaustive.kinds ?? suite.kinds,
    ...(options.swarm ? { swarm: options.swarm } : {}),
    onProgress:
      onProgress &&
      ((s) =>
        onProgress(
          s.states,
          bound.maxStates,
          `${property} on ${variant}: ${s.states.toLocaleString('en-US')} states (bound ${bound.maxStates.toLocaleString('en-US')}), depth ${s.depth}, tick ${s.ticks} of ${bound.horizon}+heal, ${(s.ms / 1000).toFixed(0)} s`,
        )),
  };
  return { model, property: propertyOf(suite, property)!, bounds: suite.bounds, bound, engine };
}

/** The scope a search is on: the exhaustive section's, or with `--budget full` its full tier's. */
export function scopeFor(options: Pick<ExploreOptions, 'budget'>): Scope {
  return options.budget === 'full' ? 'full' : true;
}

/** A pair's search as plain data for the workers: the pair, the overrides, and whether it is on the full tier. */
export function searchSpecOf(pair: Pair, options: ExploreOptions): SubjectRef {
  return exhaustiveSearchRef({ pair: pairSpec(pair), overrides: options.overrides ?? {}, ...(options.budget === 'full' ? { full: true as const } : {}) });
}

/** Searches one pair in this thread and stores its counterexample. */
export function explorePair(pair: Pair, options: ExploreOptions, onProgress?: ExploreProgress): ExplorePairResult {
  const of = exhaustiveSearchOf(pair, options, onProgress);
  const result = searchExhaustive(of.model, of.property, of.bounds, of.engine);
  return finishExplore(pair, options, of.bound, result, undefined, triggerOf(of, result.verdict));
}

/** Searches one pair on every worker of `pool` (the same result as `explorePair`) and stores its counterexample. */
export async function explorePairOnPool(pool: Pool, pair: Pair, options: ExploreOptions, onProgress?: ExploreProgress): Promise<ExplorePairResult> {
  const of = exhaustiveSearchOf(pair, options, onProgress);
  const result = await searchExhaustiveOnPool(pool, searchSpecOf(pair, options), of.property, of.bounds, of.engine);
  return finishExplore(pair, options, of.bound, result, undefined, triggerOf(of, result.verdict));
}

/**
 * Vacuity, as `check` means it: a property that holds only because no run exercised its trigger is
 * `vacuous`, not holding. For a search that holds, whether some sequence it covers exercises the
 * trigger (`triggerReached`, in this thread); true for any other verdict, where it does not matter.
 */
export function triggerOf(of: ReturnType<typeof exhaustiveSearchOf>, verdict: ExhaustiveResult['verdict']): boolean | null {
  if (verdict !== 'holds' && verdict !== 'holds-within-horizon') return true;
  const { swarm: _swarm, onProgress: _progress, settleAt: _settle, ...engine } = of.engine;
  return triggerReached(of.model, of.property, of.bounds, engine);
}

/**
 * Whether a state within the search's bounds exercises `property`'s trigger, found by a search of
 * the same space for the trigger itself: an invariant that fails where the trigger fires (an
 * invariant's trigger in any state, heal phase included; a bounded-liveness property's when the
 * heal phase from a state at or before the horizon exercises it, as `checkRun` judges it). Every
 * counter is in a state's identity, since a trigger may read any. Null when a bound stopped that
 * search first: not known, and then not called vacuous.
 */
export function triggerReached(model: Model, property: Property, bounds: Bounds, engine: ExhaustiveOptions): boolean | null {
  const fires = (state: State): boolean =>
    property.kind === 'always' ? property.triggered(state, model) : state.tick <= engine.horizon && checkRun(model, property, bounds, [], state).triggered;
  const trigger: Property = {
    kind: 'always',
    id: property.id,
    summary: property.summary,
    reads: Object.keys(init(model).counters) as (keyof Counters)[],
    check: (state) => (fires(state) ? 'trigger exercised' : null),
    triggered: () => true,
  };
  const found = searchExhaustive(model, trigger, bounds, engine).verdict;
  return found === 'violated' ? true : found === 'bound-reached' ? null : false;
}

/**
 * A pair's result from its search's: the counterexample stored, the expectation compared. `shards`:
 * the result was merged from that many swarm shards (see shardExplore.ts).
 */
export function finishExplore(
  pair: Pair,
  options: ExploreOptions,
  bound: ExplorePairResult['bound'],
  result: ExhaustiveResult,
  shards?: number,
  triggered: boolean | null = true,
): ExplorePairResult {
  const { suite, property, variant } = pair;
  const overrides = options.overrides ?? {};
  const model = pairModel(pair, overrides, scopeFor(options));
  let file: string | null = null;
  let saved: SaveResult | null = null;
  const c = result.counterexample;
  const verdict = triggered === false && (result.verdict === 'holds' || result.verdict === 'holds-within-horizon') ? ('vacuous' as const) : result.verdict;
  if (c) {
    // the full tier's counterexamples live beside the section's, never in their place
    const tag = [options.budget === 'full' ? 'full' : '', overridesTag(overrides)].filter((t) => t !== '').join(',');
    file = counterexamplePath(join(options.dir, suite.id), property, variant, tag);
    const content = buildCounterexample({
      property,
      variant,
      suite: suite.id,
      suiteFile: suiteFileFrom(suite, file),
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
    // A merge of shards replaces a stored file only with --update, a shorter one too (test/cli/merge.test.ts).
    saved = saveCounterexample(file, content, options.update, shards === undefined, propertiesOf([suite]));
  }
  return {
    ...resultHead(pair, model.config),
    verdict,
    stoppedBy: result.stoppedBy,
    bound,
    scope: scopeOf(suite, model.config, overrides, options.budget === 'full'),
    states: result.states,
    branchingStates: result.branchingStates,
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
    met: options.swarm ? meetsAsShard(pair.expected, verdict) : meets(pair.expected, verdict),
    ...(options.swarm ? { swarm: options.swarm } : {}),
    ...(shards === undefined ? {} : { shards }),
    ...(options.budget === 'full' ? { full: true as const } : {}),
  };
}

/**
 * Whether a swarm shard's verdict is consistent with an expectation: a violation contradicts
 * `holds`; a shard that holds says nothing against `violated` (another shard may find it).
 */
function meetsAsShard(expected: 'holds' | 'violated' | null, verdict: string): boolean {
  if (verdict === 'violated') return expected !== 'holds';
  return expected === 'violated' || meets(expected, verdict);
}

/**
 * The scope of a suite's exhaustive section (or of its full tier): peers, supernodes and budgets, and
 * why it is the suite's (its own words), or the parameters set over it.
 */
export function scopeOf(suite: Suite, config = suiteModel(suite, 'fixed', true).config, overrides: Overrides = {}, full = false): SearchScope {
  const kinds = suite.exhaustive.kinds ?? suite.kinds;
  const users = kinds.some((k) => k === 'goOnline' || k === 'goOffline');
  return {
    supernodes: config.supernodes,
    clients: config.peers - config.supernodes,
    onlineAtStart: config.peers - config.offlineAtStart - config.supernodes,
    faultBudget: config.faultBudget,
    churnBudget: users ? config.churnBudget : null,
    reason: (full ? suite.exhaustive.full!.scope : suite.exhaustive.scope) || null,
    parameters: Object.keys(overrides).length > 0 ? describeOverrides(overrides) : null,
    full,
  };
}
