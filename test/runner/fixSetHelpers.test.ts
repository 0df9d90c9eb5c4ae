/**
 * The fix-set analysis's helpers, each on inputs written here: variant names, minimal sets, the
 * checks judged from the engines' answers, the searches reused from a gathering run (`knownFrom`),
 * the record the results keep, and `runFixSets` over known cells only (no engine runs, so it takes
 * milliseconds): its order, its exit code and its words for suites taken together.
 */
import { describe, expect, it } from 'vitest';
import { SUITES, suiteModel, type Suite } from '../../properties/index.ts';
import { fixSearchBound, type FixExhaustiveCell, type FixRandomCell } from '../../src/parallel/cellTasks.ts';
import { FIXES, type Base, type Event, type Fix } from '../../src/model/index.ts';
import type { ExplorePairResult, PairResult } from '../../src/report/results.ts';
import { FIX_SETS_SCHEMA_VERSION, fixCellContext, fixSetRecord, judged, knownFrom, minimalOf, randomFound, runFixSets, variantOf, type FixCheck, type FixSetAnalysis, type KnownCells } from '../../src/runner/fixSets.ts';

const RC = 'robust-client';
const BJ = 'backoff-jitter';
const AC = 'admission-control';
const MS = 'mega-supernodes';
const CRASH = SUITES.find((s) => s.id === 'crash-cascade-2010')!;
const ticks = (n: number): Event[] => Array.from({ length: n }, () => ({ kind: 'tick' }) as Event);
const violation = { step: 2, message: 'a supernode was lost' };

describe('FIX_SETS_SCHEMA_VERSION', () => {
  it('is 2, the version of the shape `cascade fixes --json` prints (test/cli/fixes.test.ts reads it from the output)', () => {
    expect(FIX_SETS_SCHEMA_VERSION).toBe(2);
  });
});

describe('variantOf', () => {
  it('names a base and fixes canonically, whatever order the fixes come in', () => {
    expect(variantOf('skype-2010', [MS, RC])).toBe('skype-2010+robust-client+mega-supernodes');
    expect(variantOf('skype-2007', [])).toBe('skype-2007');
    expect(variantOf('skype-2007', [...FIXES].reverse())).toBe(['skype-2007', ...FIXES].join('+'));
  });

  it('refuses a fix that does not exist, naming it', () => {
    expect(() => variantOf('skype-2010', ['no-such-fix' as Fix])).toThrow(/unknown fix 'no-such-fix'/);
  });
});

describe('minimalOf', () => {
  it('keeps the sets none of whose proper subsets is among them, in their order', () => {
    expect(minimalOf<Fix>([[RC, BJ], [AC, MS], [RC], [BJ, AC], [AC]])).toEqual([[RC], [AC]]);
    expect(minimalOf<Fix>([[RC, BJ], [BJ, AC]])).toEqual([[RC, BJ], [BJ, AC]]);
    expect(minimalOf<Fix>([[RC, BJ, AC], [], [MS]])).toEqual([[]]);
    expect(minimalOf<Fix>([])).toEqual([]);
  });
});

describe('fixCellContext', () => {
  it('names the suite by id, or by its file too, and takes the runs given or the budget\'s', () => {
    expect(fixCellContext(CRASH, { budget: 'test' })).toEqual({ suite: { suite: 'crash-cascade-2010' }, runs: CRASH.budget.test, budget: 'test' });
    expect(fixCellContext(CRASH, { budget: 'start' })).toEqual({ suite: { suite: 'crash-cascade-2010' }, runs: CRASH.budget.start, budget: 'start' });
    expect(fixCellContext({ ...CRASH, file: 'mine.ts' }, { budget: 'start', runs: 9 })).toEqual({ suite: { suite: 'crash-cascade-2010', suiteFile: 'mine.ts' }, runs: 9, budget: 'start' });
  });
});

describe('randomFound', () => {
  const cell = (counterexample: FixRandomCell['counterexample']): FixRandomCell => ({ engine: 'random', verdict: counterexample ? 'violated' : 'holds', runs: 3, ms: 4, counterexample });

  it('keeps the random engine\'s counterexample with the check command that replays it at the cell\'s runs', () => {
    const events = ticks(3);
    expect(randomFound(CRASH, 'no-cascade', 'skype-2010+backoff-jitter', 77, cell({ events, violation }))).toEqual({
      engine: 'random',
      shortest: false,
      events,
      violation,
      replay: 'npx cascade check --suite crash-cascade-2010 --property no-cascade --variant skype-2010+backoff-jitter --seed 2010 --runs 77',
    });
    expect(randomFound({ ...CRASH, file: 'my suite.ts', seed: 5 }, 'p', 'skype-2007', 8, cell({ events, violation }))!.replay).toBe("npx cascade check --suite 'my suite.ts' --property p --variant skype-2007 --seed 5 --runs 8");
  });

  it('is null when the random engine found nothing', () => {
    expect(randomFound(CRASH, 'no-cascade', 'skype-2010', 77, cell(null))).toBeNull();
  });
});

describe('judged', () => {
  const random = (verdict: 'holds' | 'violated' | 'vacuous') => ({ verdict, runs: 10, ms: 3, reused: false });
  const search = (verdict: FixExhaustiveCell['verdict'], counterexample: FixExhaustiveCell['counterexample'] = null): FixExhaustiveCell => ({ engine: 'exhaustive', verdict, stoppedBy: 'complete', horizon: 40, states: 1234, ms: 56, counterexample });
  const byRandom: FixCheck['counterexample'] = { engine: 'random', shortest: false, events: ticks(5), violation, replay: 'npx cascade check ...' };
  const variant = 'skype-2010+robust-client';
  const memory = fixSearchBound(CRASH, 'test', 'no-cascade', variant).maxMemoryMB;

  it('holds only when the random engine held and the search reached a verdict', () => {
    const outcome = (r: 'holds' | 'violated' | 'vacuous', e: FixExhaustiveCell['verdict']) => judged(CRASH, 'no-cascade', variant, 'test', random(r), null, search(e), false).outcome;
    expect(outcome('holds', 'holds')).toBe('holds');
    expect(outcome('holds', 'holds-within-horizon')).toBe('holds');
    expect(outcome('holds', 'bound-reached')).toBe('unknown');
    expect(outcome('vacuous', 'holds')).toBe('unknown');
    // A random "violated" without its counterexample (a reused run) is no evidence either way.
    expect(outcome('violated', 'holds')).toBe('unknown');
  });

  it('is violated by the random engine\'s counterexample when the search found none, and by the search\'s, preferred, when it did', () => {
    const noneFound = judged(CRASH, 'no-cascade', variant, 'test', random('violated'), byRandom, search('holds-within-horizon'), false);
    expect(noneFound.outcome).toBe('violated');
    expect(noneFound.counterexample).toBe(byRandom);
    const events = ticks(2);
    const found = judged(CRASH, 'no-cascade', variant, 'test', random('holds'), null, search('violated', { shortest: true, events, violation }), true);
    const both = judged(CRASH, 'no-cascade', variant, 'test', random('violated'), byRandom, search('violated', { shortest: false, events, violation }), true);
    const replay = `npx cascade explore --suite crash-cascade-2010 --property no-cascade --variant ${variant} --horizon 40 --max-states 100000 --max-memory ${memory}`;
    expect(found).toEqual({
      property: 'no-cascade',
      random: random('holds'),
      exhaustive: { verdict: 'violated', stoppedBy: 'complete', horizon: 40, states: 1234, ms: 56, reused: true },
      outcome: 'violated',
      skipped: null,
      counterexample: { engine: 'exhaustive', shortest: true, events, violation, replay },
    });
    expect(both.counterexample).toEqual({ engine: 'exhaustive', shortest: false, events, violation, replay });
  });

  it('replays a user suite\'s search from its file, at the start bound', () => {
    const mine = { ...CRASH, file: 'suites/mine.ts' };
    const c = judged(mine, 'no-cascade', variant, 'start', random('holds'), null, search('violated', { shortest: true, events: ticks(1), violation }), false);
    expect(c.counterexample!.replay).toBe(`npx cascade explore --suite suites/mine.ts --property no-cascade --variant ${variant} --horizon 40 --max-states 1000000 --max-memory ${memory}`);
    expect(c.exhaustive).toMatchObject({ reused: false });
  });
});

describe('fixSetRecord', () => {
  it('keeps every outcome and how it was reached, counterexamples by length and replay', () => {
    const events = ticks(4);
    const made: FixCheck = { property: 'p', random: { verdict: 'violated', runs: 2, ms: 1, reused: false }, exhaustive: { verdict: 'not-searched' }, outcome: 'violated', skipped: null, counterexample: { engine: 'random', shortest: false, events, violation, replay: 'npx cascade check x' } };
    const skipped: FixCheck = { property: 'p', random: null, exhaustive: { verdict: 'not-searched' }, outcome: 'unknown', skipped: { subset: [], fails: { suite: 'alpha', property: 'q' } }, counterexample: null };
    const held: FixCheck = { property: 'p', random: { verdict: 'holds', runs: 9, ms: 1, reused: true }, exhaustive: { verdict: 'holds', stoppedBy: 'complete', horizon: 4, states: 8, ms: 2, reused: false }, outcome: 'holds', skipped: null, counterexample: null };
    const a: FixSetAnalysis = {
      suite: 'alpha',
      base: 'skype-2010',
      properties: ['p'],
      budget: 'test',
      depth: { runs: 9, horizon: { least: 4, most: 4 }, maxStates: { least: 8, most: 8 } },
      scope: { random: 'r', exhaustive: 'e' },
      sets: [
        { fixes: [], variant: 'skype-2010', checks: [made], outcome: 'violated' },
        { fixes: [RC], variant: 'skype-2010+robust-client', checks: [held], outcome: 'holds' },
        { fixes: [RC, BJ], variant: 'skype-2010+robust-client+backoff-jitter', checks: [skipped], outcome: 'unknown' },
      ],
      minimal: [[RC]],
      perProperty: { p: { minimal: [[RC]], needs: [RC] } },
      worsenings: [{ property: 'p', from: [RC], added: BJ }],
      skipped: 1,
      notSearched: 1,
      reused: 1,
      unmet: [{ variant: 'skype-2010', property: 'p', expected: 'holds', outcome: 'violated' }],
      ms: 4,
    };
    const { sets, ...rest } = fixSetRecord(a);
    const { sets: _, ...restOf } = a;
    expect(rest).toEqual(restOf);
    expect(sets).toEqual([
      { fixes: [], variant: 'skype-2010', outcome: 'violated', checks: [{ property: 'p', outcome: 'violated', random: 'violated', exhaustive: 'not-searched', counterexample: { engine: 'random', shortest: false, events: 4, replay: 'npx cascade check x' } }] },
      { fixes: [RC], variant: 'skype-2010+robust-client', outcome: 'holds', checks: [{ property: 'p', outcome: 'holds', random: 'holds', exhaustive: 'holds', counterexample: null }] },
      { fixes: [RC, BJ], variant: 'skype-2010+robust-client+backoff-jitter', outcome: 'unknown', checks: [{ property: 'p', outcome: 'unknown', random: 'not-run', exhaustive: 'not-searched', skipped: { subset: [], fails: { suite: 'alpha', property: 'q' } }, counterexample: null }] },
    ]);
    expect('skipped' in sets[0]!.checks[0]!).toBe(false);
  });
});

describe('knownFrom', () => {
  // A suite whose exhaustive scope differs from its own: the random engine's config and the search's are not the same.
  const suite: Suite = { ...CRASH, exhaustive: { ...CRASH.exhaustive, config: { faultBudget: 1 } } };
  const variant = 'skype-2010+robust-client+mega-supernodes';
  const pair = (over: Partial<PairResult> = {}): PairResult => ({ suite: suite.id, property: 'no-cascade', variant, config: suiteModel(suite, variant).config, verdict: 'holds', runs: 300, seed: suite.seed, ms: 17, ...over }) as PairResult;
  const bound = { horizon: 40, maxStates: 100_000 };
  const searched = (over: Partial<ExplorePairResult> = {}): ExplorePairResult => ({ suite: suite.id, property: 'no-cascade', variant, config: suiteModel(suite, variant, true).config, verdict: 'holds', stoppedBy: 'complete', bound: { ...bound, maxMemoryMB: 512 }, states: 78, ms: 9, ...over }) as ExplorePairResult;
  const random = (k: KnownCells, runs = 300, name = variant) => k.random(suite.id, 'no-cascade', name, runs);
  const exhaustive = (k: KnownCells, b = bound, name = variant) => k.exhaustive(suite.id, 'no-cascade', name, b);

  it('gives a random run that held or was vacuous with the same seed, runs and config, under any name of its variant', () => {
    expect(random(knownFrom([suite], [pair()], []))).toEqual({ engine: 'random', verdict: 'holds', runs: 300, ms: 17, counterexample: null });
    expect(random(knownFrom([suite], [pair({ verdict: 'vacuous' })], []))?.verdict).toBe('vacuous');
    expect(random(knownFrom([suite], [pair({ variant: 'skype-2010+mega-supernodes+robust-client' })], []))?.verdict).toBe('holds');
    expect(random(knownFrom([suite], [pair()], []), 300, 'skype-2010+mega-supernodes+robust-client')?.verdict).toBe('holds');
    // The config's keys in another order are the same config.
    const config = Object.fromEntries(Object.entries(pair().config).reverse()) as PairResult['config'];
    expect(random(knownFrom([suite], [pair({ config })], []))?.verdict).toBe('holds');
  });

  it('refuses a violated run, other runs, another seed, another config, another suite or suite file, another pair', () => {
    expect(random(knownFrom([suite], [pair({ verdict: 'violated' })], []))).toBeUndefined();
    expect(random(knownFrom([suite], [pair()], []), 301)).toBeUndefined();
    expect(random(knownFrom([suite], [pair()], []), 299)).toBeUndefined();
    expect(random(knownFrom([suite], [pair({ seed: suite.seed + 1 })], []))).toBeUndefined();
    expect(random(knownFrom([suite], [pair({ config: suiteModel(suite, variant, true).config })], []))).toBeUndefined();
    expect(random(knownFrom([suite], [pair({ suiteFile: 'mine.ts' })], []))).toBeUndefined();
    expect(random(knownFrom([suite], [pair()], []), 300, 'skype-2010+robust-client')).toBeUndefined();
    expect(knownFrom([suite], [pair()], []).random(suite.id, 'no-client-crash', variant, 300)).toBeUndefined();
    expect(knownFrom([suite], [pair()], []).random('login-flood-2007', 'no-cascade', variant, 300)).toBeUndefined();
    expect(knownFrom([], [pair()], []).random(suite.id, 'no-cascade', variant, 300)).toBeUndefined();
    // A user suite of the same id is told apart by its file.
    const mine = { ...suite, file: 'mine.ts' };
    expect(knownFrom([mine], [pair({ suiteFile: 'mine.ts' })], []).random(suite.id, 'no-cascade', variant, 300)?.verdict).toBe('holds');
  });

  it('gives a search that held on the exhaustive scope within the same horizon and state bound', () => {
    expect(exhaustive(knownFrom([suite], [], [searched()]))).toEqual({ engine: 'exhaustive', verdict: 'holds', stoppedBy: 'complete', horizon: 40, states: 78, ms: 9, counterexample: null });
    expect(exhaustive(knownFrom([suite], [], [searched({ verdict: 'holds-within-horizon', stoppedBy: 'horizon' })]))).toMatchObject({ verdict: 'holds-within-horizon', stoppedBy: 'horizon' });
    expect(exhaustive(knownFrom([suite], [], [searched()])), 'the memory bound is not compared').toBeDefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ variant: 'skype-2010+mega-supernodes+robust-client' })]))?.verdict).toBe('holds');
  });

  it('refuses a search that did not hold, a swarm shard, a merge of shards, the full tier, another bound, config or suite', () => {
    for (const verdict of ['violated', 'bound-reached', 'vacuous'] as const) expect(exhaustive(knownFrom([suite], [], [searched({ verdict })])), verdict).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ swarm: { index: 0, count: 2 } })]))).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ shards: 2 })]))).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ full: true })]))).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched()]), { ...bound, horizon: 39 })).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched()]), { ...bound, maxStates: 100_001 })).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ config: suiteModel(suite, variant).config })]))).toBeUndefined();
    expect(exhaustive(knownFrom([suite], [], [searched({ suiteFile: 'mine.ts' })]))).toBeUndefined();
    expect(exhaustive(knownFrom([], [], [searched()]))).toBeUndefined();
    expect(knownFrom([suite], [pair()], []).exhaustive(suite.id, 'no-cascade', variant, bound)).toBeUndefined();
  });
});

describe('runFixSets over known cells only', () => {
  // Every cell known: the analysis asks no engine, so two suites on two bases take milliseconds.
  const alpha: Suite = { ...CRASH, id: 'alpha', properties: ['p'], variants: {} };
  const beta: Suite = { ...CRASH, id: 'beta', properties: ['q'], variants: { 'skype-2007': 'violated' } };
  /** Everything holds but `p` without robust-client (the random engine says vacuous there: unknown). */
  const known: KnownCells = {
    random: (_suite, property, variant, runs) => ({ engine: 'random', verdict: property === 'p' && !variant.includes(RC) ? 'vacuous' : 'holds', runs, ms: 1, counterexample: null }),
    exhaustive: (_suite, _property, _variant, bound) => ({ engine: 'exhaustive', verdict: 'holds', stoppedBy: 'complete', horizon: bound.horizon, states: 1, ms: 1, counterexample: null }),
  };
  const bases: Base[] = ['skype-2007', 'skype-2010'];

  it('hears and returns the analyses suite by suite, then base by base, alone or together, and exits 1 on an unmet expectation', async () => {
    for (const acrossSuites of [false, true]) {
      const heard: string[] = [];
      const { analyses, code } = await runFixSets([alpha, beta], bases, { budget: 'test', among: [RC], known, acrossSuites }, (a) => heard.push(`${a.suite}@${a.base}`));
      expect(heard).toEqual(['alpha@skype-2007', 'alpha@skype-2010', 'beta@skype-2007', 'beta@skype-2010']);
      expect(analyses.map((a) => `${a.suite}@${a.base}`)).toEqual(heard);
      expect(analyses.map((a) => a.minimal)).toEqual([[[RC]], [[RC]], [[]], [[]]]);
      expect(analyses.every((a) => a.reused === 2 * (a.sets.length - a.skipped))).toBe(true);
      // beta expects skype-2007 violated; it holds.
      expect(code).toBe(1);
      expect(analyses[2]!.unmet).toEqual([{ variant: 'skype-2007', property: 'q', expected: 'violated', outcome: 'holds' }]);
      expect(analyses.every((a) => a.scope.exhaustive.includes('every suite on the base') === acrossSuites)).toBe(true);
    }
    const met = await runFixSets([alpha], bases, { budget: 'test', among: [RC], known, acrossSuites: true });
    expect(met.code).toBe(0);
    expect(met.analyses.map((a) => a.scope.exhaustive.includes('holds every property of the suite too'))).toEqual([true, true]);
  });

  it('computes a cell in this thread by default: a suite only this thread holds is searched', async () => {
    // A pool worker finds a suite by its id or file; 'alpha' is neither, so only this thread can run its cell.
    const searchKnown: KnownCells = { random: () => undefined, exhaustive: known.exhaustive };
    const { analyses } = await runFixSets([{ ...alpha, properties: ['no-cascade'] }], ['skype-2010'], { budget: 'test', among: [], runs: 2, known: searchKnown });
    const check = analyses[0]!.sets[0]!.checks[0]!;
    expect(check.random).toMatchObject({ reused: false });
    expect(check.random!.runs).toBeGreaterThan(0);
    expect(analyses[0]!.reused).toBe(1);
  });

  it('asks nothing of a pool it does not need, and gives the same analyses on two workers', async () => {
    const one = await runFixSets([alpha, beta], ['skype-2010'], { budget: 'test', among: [RC, BJ], known, workers: 1 });
    const two = await runFixSets([alpha, beta], ['skype-2010'], { budget: 'test', among: [RC, BJ], known, workers: 2 });
    expect(two).toEqual(one);
  });
});
