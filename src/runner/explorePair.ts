/**
 * One (suite, property, variant) with the exhaustive engine, within the suite's tick horizon and
 * state bound (or the caller's), storing a shortest counterexample.
 */
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { propertyOf, searchBound, suiteModel, SUITES, type ExhaustiveBudget, type Scope, type Suite } from '../../properties/index.ts';
import { searchExhaustive, type ExhaustiveOptions, type ExhaustiveResult, type SearchBounds } from '../search/exhaustive.ts';
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

/**
 * An exhaustive run as the flags ask for it: the budget picks the suite's bounds and scope, and a
 * bound given here (`SearchBounds`' horizon, state bound, swarm shard) replaces the suite's.
 * `exhaustiveSearchOf` resolves them, once a pair, into the search's `SearchBounds`.
 */
export interface ExploreOptions extends Omit<RunOptions, 'budget'>, Partial<Pick<SearchBounds, 'horizon' | 'maxStates' | 'swarm'>> {
  /** Which of the suite's exhaustive bounds and scopes: npm test's, npm start's, or the full tier's. */
  budget: ExhaustiveBudget;
  /** `SearchBounds.maxMemoryBytes` in MB, as `--max-memory` gives it; capped at `memoryCeilingMB()`. */
  maxMemoryMB: number;
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

/** What of `ExploreOptions` a search's bounds and scope depend on. */
export type SearchChoice = Pick<ExploreOptions, 'budget' | 'horizon' | 'maxStates' | 'maxMemoryMB' | 'overrides' | 'swarm'>;

/**
 * A pair's exhaustive search, resolved once in the coordinating thread and passed down as it is:
 * the pair's model (built here, once), its property and the property's bounds (the suite's), and
 * the search's bounds.
 */
export interface PairSearch {
  model: Model;
  property: Property;
  bounds: Bounds;
  /** From the suite's bounds for the budget, the flags over them, and the machine's memory ceiling. */
  searchBounds: SearchBounds;
}

/** A pair's search (see `PairSearch`); `model`, when the caller built the pair's model already (`pairModel` at the options' scope). */
export function exhaustiveSearchOf(
  pair: Pick<Pair, 'suite' | 'property' | 'variant'>,
  options: SearchChoice,
  model: Model = pairModel(pair, options.overrides ?? {}, scopeFor(options)),
): PairSearch {
  const { suite, property, variant } = pair;
  const b = searchBound(suite.exhaustive, options.budget, property, variant);
  const searchBounds: SearchBounds = {
    horizon: options.horizon ?? b.horizon,
    maxStates: options.maxStates ?? b.maxStates,
    maxMemoryBytes: Math.min(options.maxMemoryMB, memoryCeilingMB()) * 2 ** 20,
    kinds: suite.exhaustive.kinds ?? suite.kinds,
    ...(options.swarm ? { swarm: options.swarm } : {}),
  };
  return { model, property: propertyOf(suite, property)!, bounds: suite.bounds, searchBounds };
}

/** The engine's options of a pair's search: its bounds, and its progress as a line naming the pair. */
export function searchOptionsOf(pair: Pick<Pair, 'property' | 'variant'>, of: PairSearch, onProgress?: ExploreProgress): ExhaustiveOptions {
  const { horizon, maxStates } = of.searchBounds;
  return {
    ...of.searchBounds,
    onProgress:
      onProgress &&
      ((s) =>
        onProgress(
          s.states,
          maxStates,
          `${pair.property} on ${pair.variant}: ${s.states.toLocaleString('en-US')} states (bound ${maxStates.toLocaleString('en-US')}), depth ${s.depth}, tick ${s.ticks} of ${horizon}+heal, ${(s.ms / 1000).toFixed(0)} s`,
        )),
  };
}

/** The bounds a pair's result states (`ExplorePairResult.bound`: the memory bound in MB, as the flag gives it). */
export function resultBoundOf(searchBounds: SearchBounds): ExplorePairResult['bound'] {
  return { horizon: searchBounds.horizon, maxStates: searchBounds.maxStates, maxMemoryMB: searchBounds.maxMemoryBytes / 2 ** 20 };
}

/** The scope a search is on: the exhaustive section's, or with `--budget full` its full tier's. */
export function scopeFor(options: Pick<ExploreOptions, 'budget'>): Scope {
  return options.budget === 'full' ? 'full' : true;
}

/** A pair's search as plain data for the workers: the pair, the overrides, and whether it is on the full tier. */
export function searchSpecOf(pair: Pair, options: Pick<ExploreOptions, 'overrides' | 'budget'>): SubjectRef {
  return exhaustiveSearchRef({ pair: pairSpec(pair), overrides: options.overrides ?? {}, ...(options.budget === 'full' ? { full: true as const } : {}) });
}

/** Searches one pair in this thread and stores its counterexample. */
export function explorePair(pair: Pair, options: ExploreOptions, onProgress?: ExploreProgress): ExplorePairResult {
  const of = exhaustiveSearchOf(pair, options);
  const result = searchExhaustive(of.model, of.property, of.bounds, searchOptionsOf(pair, of, onProgress));
  return finishExplore(pair, options, of, result, undefined, triggerOf(of, result.verdict));
}

/**
 * Searches one pair on every worker of `pool` (the same result as `explorePair`) and stores its
 * counterexample. The model is built here once (for the trigger's search and the result); each
 * worker builds its own from the pair as plain data, once a search (a model cannot be sent).
 */
export async function explorePairOnPool(pool: Pool, pair: Pair, options: ExploreOptions, onProgress?: ExploreProgress): Promise<ExplorePairResult> {
  const of = exhaustiveSearchOf(pair, options);
  const result = await searchExhaustiveOnPool(pool, searchSpecOf(pair, options), of.property, of.bounds, searchOptionsOf(pair, of, onProgress));
  return finishExplore(pair, options, of, result, undefined, triggerOf(of, result.verdict));
}

/**
 * Vacuity, as `check` means it: a property that holds only because no run exercised its trigger is
 * `vacuous`, not holding. For a search that holds, whether some sequence it covers exercises the
 * trigger (`triggerReached`, in this thread); true for any other verdict, where it does not matter.
 */
export function triggerOf(of: PairSearch, verdict: ExhaustiveResult['verdict']): boolean | null {
  if (verdict !== 'holds' && verdict !== 'holds-within-horizon') return true;
  // over the whole space: a trigger one swarm shard does not reach, another may
  const { swarm: _swarm, ...searchBounds } = of.searchBounds;
  return triggerReached(of.model, of.property, of.bounds, searchBounds);
}

/**
 * Whether a state within the search's bounds exercises `property`'s trigger, found by a search of
 * the same space for the trigger itself: an invariant that fails where the trigger fires (an
 * invariant's trigger in any state, heal phase included; a bounded-liveness property's when the
 * heal phase from a state at or before the horizon exercises it, as `checkRun` judges it). Every
 * counter is in a state's identity, since a trigger may read any. Null when a bound stopped that
 * search first: not known, and then not called vacuous.
 */
export function triggerReached(model: Model, property: Property, bounds: Bounds, searchBounds: SearchBounds): boolean | null {
  const fires = (state: State): boolean =>
    property.kind === 'always'
      ? property.triggered(state, model)
      : state.tick <= searchBounds.horizon && checkRun(model, property, bounds, [], state).triggered;
  const trigger: Property = {
    kind: 'always',
    id: property.id,
    summary: property.summary,
    reads: Object.keys(init(model).counters) as (keyof Counters)[],
    check: (state) => (fires(state) ? 'trigger exercised' : null),
    triggered: () => true,
  };
  const found = searchExhaustive(model, trigger, bounds, searchBounds).verdict;
  return found === 'violated' ? true : found === 'bound-reached' ? null : false;
}

/**
 * A pair's result from its search's (`of`: the pair's search as `exhaustiveSearchOf` resolved it):
 * the counterexample stored, the expectation compared. `shards`: the result was merged from that
 * many swarm shards (see shardExplore.ts).
 */
export function finishExplore(
  pair: Pair,
  options: ExploreOptions,
  of: PairSearch,
  result: ExhaustiveResult,
  shards?: number,
  triggered: boolean | null = true,
): ExplorePairResult {
  const { suite, property, variant } = pair;
  const overrides = options.overrides ?? {};
  const { model } = of;
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
      search: { states: result.states, depth: c.events.length, horizon: of.searchBounds.horizon },
    });
    // A merge of shards replaces a stored file only with --update, a shorter one too (test/cli/merge.test.ts).
    saved = saveCounterexample(file, content, options.update, shards === undefined, propertiesOf([suite]));
  }
  return {
    ...resultHead(pair, model.config),
    verdict,
    stoppedBy: result.stoppedBy,
    bound: resultBoundOf(of.searchBounds),
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
