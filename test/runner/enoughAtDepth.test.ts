/**
 * The two-stage answer (the analysis at the test bound proposes, the start bound decides) is the
 * answer of the whole analysis at the start bound: compared on small scopes where both are quick,
 * with a candidate planted that fails at depth, and with a test bound that is not within the start
 * bound (then every set is a candidate).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { propertyOf, SUITES, suiteModel, type Suite } from '../../properties/index.ts';
import { checkRun } from '../../src/propertyLanguage/index.ts';
import { enoughForAll } from '../../src/runner/enoughForAll.ts';
import { EnoughRecordSchema } from '../../src/results/resultsSchema.ts';
import { enoughRecord, runEnoughAtDepth, runTwoStages, withinDeepBound, type EnoughAtDepth } from '../../src/runner/enoughAtDepth.ts';
import { fixSetRecord, runFixSets, type FixSetAnalysis } from '../../src/runner/fixSets.ts';
import type { Fix } from '../../src/model/index.ts';

const suiteNamed = (id: string) => SUITES.find((s) => s.id === id)!;
/** A built-in suite with its own test and start bounds (computed in this thread only: workers load suites by id). */
const withBounds = (s: Suite, test: number, start: number): Suite => ({
  ...s,
  exhaustive: { ...s.exhaustive, test: { horizon: test, maxStates: 2_000_000 }, start: { horizon: start, maxStates: 2_000_000 } },
});
const key = (fixes: readonly string[]) => fixes.join('+');

/** A copy of stage 1's analyses in which `fixes` held every property (as a shallow analysis might say). */
function planted(analyses: readonly FixSetAnalysis[], fixes: readonly Fix[]): FixSetAnalysis[] {
  const copy = structuredClone(analyses) as FixSetAnalysis[];
  for (const a of copy) {
    const set = a.sets.find((s) => key(s.fixes) === key(fixes))!;
    set.outcome = 'holds';
    set.checks = set.checks.map((c) => ({ ...c, outcome: 'holds', counterexample: null, skipped: null }));
  }
  return copy;
}

/** Every holding set of stage 2 held every check by both engines; a failed one names a check that did not hold, and a violation that replays. */
function expectSound(e: EnoughAtDepth, suites: readonly Suite[]) {
  for (const v of e.verified) {
    if (v.outcome === 'holds') {
      expect(v.checks).toHaveLength(suites.reduce((n, s) => n + s.properties.length, 0));
      for (const c of v.checks) {
        expect(c.random, `${c.property} on ${v.variant}`).toBe('holds');
        expect(['holds', 'holds-within-horizon']).toContain(c.exhaustive);
      }
      continue;
    }
    expect(v.failed).not.toBeNull();
    expect(v.failed!.outcome).not.toBe('holds');
    const cx = v.failed!.counterexample;
    if (v.outcome === 'violated') {
      const suite = suites.find((s) => s.id === v.failed!.suite)!;
      const run = checkRun(suiteModel(suite, v.variant, cx!.engine === 'exhaustive'), propertyOf(suite, v.failed!.property)!, suite.bounds, cx!.events);
      expect(run.violation, `${v.failed!.property} on ${v.variant}`).not.toBeNull();
      expect(cx!.replay).toContain(`--variant ${v.variant}`);
    }
  }
  expect(e.minimal.map(key)).toEqual(e.verified.filter((v) => v.outcome === 'holds').map((v) => key(v.fixes)));
}

// crash-cascade-2010 on skype-2010 among two fixes: robust-client is needed. Planted: stage 1 says
// the set with no fix holds. Stage 2 must search it, find it violated at the start bound, and name
// in its place the sets that hold (robust-client), never their supersets.
describe('a planted candidate that fails at depth is replaced by its holding supersets', () => {
  const suite = suiteNamed('crash-cascade-2010');
  const among: Fix[] = ['robust-client', 'admission-control'];
  let stage1: FixSetAnalysis[];
  let full: string[][];
  beforeAll(async () => {
    stage1 = (await runFixSets([suite], ['skype-2010'], { budget: 'test', runs: 200, among, shortest: false, acrossSuites: true })).analyses;
    full = enoughForAll(
      (await runFixSets([suite], ['skype-2010'], { budget: 'start', runs: 200, among, shortest: false, acrossSuites: true })).analyses.map(fixSetRecord),
    );
  });

  it("stage 2 on the real stage 1 gives the whole analysis's answer", async () => {
    const [e] = await runEnoughAtDepth([suite], ['skype-2010'], stage1, { runs: 200 });
    expect(full).toEqual([['robust-client']]);
    expect(e!.minimal).toEqual(full);
    expect(e!.narrowed).toBe(true);
    // The set with no fix and admission control alone are violated at the test bound: not candidates.
    expect(e!.candidates).toBe(2);
    expect(e!.verified.map((v) => key(v.fixes))).toEqual(['robust-client']);
    expect(e!.skipped).toBe(1);
    expectSound(e!, [suite]);
  });

  it('the planted set is searched, fails with a counterexample that replays, and the sets that hold take its place', async () => {
    const [e] = await runEnoughAtDepth([suite], ['skype-2010'], planted(stage1, []), { runs: 200 });
    expect(e!.verified[0]).toMatchObject({ fixes: [], outcome: 'violated' });
    expect(e!.verified[0]!.failed!.counterexample!.engine).toBeDefined();
    expect(e!.minimal).toEqual(full);
    expectSound(e!, [suite]);
    // The record the results keep passes their schema.
    expect(EnoughRecordSchema.safeParse(enoughRecord(e!)).success).toBe(true);
  });

  it('a planted set that does hold at depth stays, and its supersets are never searched', async () => {
    const [e] = await runEnoughAtDepth([suite], ['skype-2010'], planted(stage1, ['robust-client', 'admission-control']), { runs: 200 });
    expect(e!.verified.map((v) => [key(v.fixes), v.outcome])).toEqual([['robust-client', 'holds']]);
    expect(e!.minimal).toEqual(full);
  });

  it('with workers, the same answer and the same checks', async () => {
    const [one] = await runEnoughAtDepth([suite], ['skype-2010'], planted(stage1, []), { runs: 200, workers: 1 });
    const [two] = await runEnoughAtDepth([suite], ['skype-2010'], planted(stage1, []), { runs: 200, workers: 2 });
    const strip = (e: EnoughAtDepth) => ({ ...e, ms: 0 });
    expect(strip(two!)).toEqual(strip(one!));
  });
});

// Two suites together on skype-2010 among three fixes, at a test bound shallower than the start
// bound (login-flood-2007 searched 2 ticks deep, then 8): the two-stage answer is the whole
// analysis's at the start bound.
describe('two stages against the whole analysis at the start bound: crash-cascade-2010 and login-flood-2007 (2 then 8 ticks) on skype-2010', () => {
  const suites = [suiteNamed('crash-cascade-2010'), withBounds(suiteNamed('login-flood-2007'), 2, 8)];
  const among: Fix[] = ['robust-client', 'admission-control', 'mega-supernodes'];
  const options = { runs: 100, among, shortest: false };
  let two: Awaited<ReturnType<typeof runTwoStages>>;
  let full: FixSetAnalysis[];
  beforeAll(async () => {
    two = await runTwoStages(suites, ['skype-2010'], options);
    full = (await runFixSets(suites, ['skype-2010'], { ...options, budget: 'start', acrossSuites: true })).analyses;
  });

  it('names exactly the sets enough for every suite that the whole analysis names', () => {
    const answer = enoughForAll(full.map(fixSetRecord));
    expect(answer.length).toBeGreaterThan(0);
    expect(two.enough[0]!.minimal).toEqual(answer);
    expect(two.analyses.every((a) => a.budget === 'test')).toBe(true);
    expect(two.enough[0]!.suites.map((s) => s.depth.horizon.most)).toEqual([40, 8]);
    expectSound(two.enough[0]!, suites);
  });

  it('searches no set stage 1 violated, and fewer than the whole analysis', () => {
    const e = two.enough[0]!;
    for (const v of e.verified) expect(two.analyses.every((a) => a.sets.find((s) => s.variant === v.variant)!.outcome !== 'violated')).toBe(true);
    expect(e.verified.length + e.skipped).toBe(e.candidates);
    expect(e.verified.length).toBeLessThan(8);
  });
});

describe('where the test bound is not within the start bound, every set is a candidate', () => {
  it('does not narrow, and still finds the sets that hold', async () => {
    const suite = withBounds(suiteNamed('crash-cascade-2010'), 40, 20);
    const among: Fix[] = ['robust-client', 'admission-control'];
    const stage1 = (await runFixSets([suite], ['skype-2010'], { budget: 'test', runs: 100, among, shortest: false, acrossSuites: true })).analyses;
    expect(withinDeepBound(suite, stage1[0]!, 'start', 100)).toBe(false);
    // Within: a deeper start horizon and as many runs or more; fewer runs are not within.
    const deeper = withBounds(suiteNamed('crash-cascade-2010'), 20, 40);
    expect(withinDeepBound(deeper, stage1[0]!, 'start', 100)).toBe(true);
    expect(withinDeepBound(deeper, stage1[0]!, 'start', 99)).toBe(false);
    const [e] = await runEnoughAtDepth([suite], ['skype-2010'], stage1, { runs: 100 });
    expect(e!.narrowed).toBe(false);
    expect(e!.candidates).toBe(4);
    expect(e!.verified.map((v) => [key(v.fixes), v.outcome])).toEqual([
      ['', 'violated'],
      ['robust-client', 'holds'],
      ['admission-control', 'violated'],
    ]);
    expect(e!.minimal).toEqual([['robust-client']]);
  });
});
