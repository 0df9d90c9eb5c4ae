import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyOf, searchBound, SUITES, suiteModel } from '../../properties/index.ts';
import { searchExhaustive } from '../../src/search/exhaustive.ts';
import { searchRandom } from '../../src/search/random.ts';
import { checkRun } from '../../src/propertyLanguage/index.ts';
import { analyseFixSets, fixSetRecord, fixSubsets, knownFrom, runFixSets, variantOf, type FixSetAnalysis } from '../../src/runner/fixSets.ts';
import { selectPairs, exhaustiveSections } from '../../src/runner/select.ts';
import { runChecks, runExplores } from '../../src/runner/runPairs.ts';
import { enoughForAll } from '../../src/runner/enoughForAll.ts';
import { FIXES, type Fix } from '../../src/model/index.ts';

const suiteNamed = (id: string) => SUITES.find((s) => s.id === id)!;
const key = (fixes: readonly string[]) => fixes.join('+');

describe('fixSubsets', () => {
  it('lists 2^k subsets of k fixes', () => {
    expect(fixSubsets(['admission-control', 'robust-client'])).toEqual([[], ['robust-client'], ['admission-control'], ['robust-client', 'admission-control']]);
  });

  it('lists all 64 subsets once, smallest first, each in FIXES order', () => {
    const sets = fixSubsets();
    expect(sets).toHaveLength(64);
    expect(new Set(sets.map((s) => s.join('+'))).size).toBe(64);
    sets.forEach((s, i) => {
      expect(s).toEqual(FIXES.filter((f) => s.includes(f)));
      if (i > 0) expect(s.length).toBeGreaterThanOrEqual(sets[i - 1]!.length);
    });
  });
});

/** Every check called holding was made by both engines, and every skipped one names a proper subset that holds its property. */
function expectNoHoldsWithoutSearch(a: FixSetAnalysis) {
  for (const s of a.sets) {
    for (const c of s.checks) {
      if (c.outcome === 'holds') {
        expect(c.skipped, `${c.property} on ${s.variant}`).toBeNull();
        expect(c.random?.verdict, `${c.property} on ${s.variant}`).toBe('holds');
        expect(['holds', 'holds-within-horizon'], `${c.property} on ${s.variant}`).toContain(c.exhaustive.verdict);
      }
      if (c.skipped) {
        expect(c.outcome).toBe('unknown');
        expect(c.exhaustive.verdict).toBe('not-searched');
        const sub = c.skipped.subset;
        expect(sub.length).toBeLessThan(s.fixes.length);
        expect(sub.every((f) => s.fixes.includes(f))).toBe(true);
        expect(a.sets.find((x) => key(x.fixes) === key(sub))!.checks.find((x) => x.property === c.property)!.outcome).toBe('holds');
      }
    }
  }
}

// login-flood-2007 on the 2007 base, among three of the fixes (8 sets): minimal sets, and a fix that
// makes a property worse (load-aware promotion added to backoff with dedicated capacity breaks
// bounded-login-load). Three fixes instead of six keep the test short, and the analysis runs twice
// (skipping, and every check made); the suite's 1,000 runs a set are needed (at 200 and 500 the
// random engine misses the worsening); the sets come out as in the full analysis (docs/fix-sets.md, Which
// fixes are enough).
const AMONG = ['backoff-jitter', 'load-aware-promotion', 'mega-supernodes'] as const;
describe('analyseFixSets on login-flood-2007, skype-2007, test bound, 1,000 runs, among three fixes', () => {
  const suite = suiteNamed('login-flood-2007');
  let a: FixSetAnalysis;
  let every: FixSetAnalysis;
  beforeAll(() => {
    a = analyseFixSets(suite, 'skype-2007', { budget: 'test', runs: 1000, among: AMONG });
    every = analyseFixSets(suite, 'skype-2007', { budget: 'test', runs: 1000, among: AMONG, everySet: true });
  });

  it('reports minimal sets, and no set of the six is enough without one', () => {
    expect(a.sets).toHaveLength(8);
    expect(a.sets.every((s) => s.fixes.every((f) => (AMONG as readonly string[]).includes(f)))).toBe(true);
    expect(a.minimal.length).toBeGreaterThan(0);
    expect(a.sets.find((s) => s.fixes.length === 0)!.outcome).toBe('violated');
    expect(a.unmet).toEqual([]);
  });

  it("states its depth as numbers: the runs, and the horizon and state bound of the suite's test bound", () => {
    const b = searchBound(suite.exhaustive, 'test', suite.properties[0]!, 'skype-2007');
    expect(a.depth).toEqual({ runs: 1000, horizon: { least: b.horizon, most: b.horizon }, maxStates: { least: b.maxStates, most: b.maxStates } });
    for (const s of a.sets) for (const c of s.checks) if (c.exhaustive.verdict !== 'not-searched') expect(c.exhaustive.horizon).toBe(b.horizon);
  });

  it('every minimal set holds every property, by both engines run again here', () => {
    for (const m of a.minimal) {
      const variant = variantOf('skype-2007', m);
      for (const property of suite.properties) {
        const p = propertyOf(suite, property)!;
        // Another seed than the analysis used: the random engine looks again, not at the same runs.
        const r = searchRandom(suiteModel(suite, variant), p, suite.bounds, { runs: 300, seed: 99, maxEvents: suite.maxEvents, kinds: suite.kinds });
        expect(r.verdict, `${property} on ${variant}`).toBe('holds');
        const b = searchBound(suite.exhaustive, 'test', property, variant);
        const e = searchExhaustive(suiteModel(suite, variant, true), p, suite.bounds, { ...b, maxMemoryBytes: 2 ** 30, kinds: suite.kinds });
        expect(['holds', 'holds-within-horizon'], `${property} on ${variant}`).toContain(e.verdict);
      }
    }
  });

  it('removing any one fix from a minimal set fails, with a counterexample that replays', () => {
    for (const m of a.minimal) {
      for (const drop of m) {
        const fewer = m.filter((f) => f !== drop);
        const set = a.sets.find((s) => s.variant === variantOf('skype-2007', fewer))!;
        expect(set.outcome, `${set.variant}`).toBe('violated');
        const failed = set.checks.filter((c) => c.outcome === 'violated');
        expect(failed.length).toBeGreaterThan(0);
        for (const c of failed) {
          const cx = c.counterexample!;
          const model = suiteModel(suite, set.variant, cx.engine === 'exhaustive');
          const outcome = checkRun(model, propertyOf(suite, c.property)!, suite.bounds, cx.events);
          expect(outcome.violation, `${c.property} on ${set.variant}`).not.toBeNull();
          expect(outcome.violation!.step).toBe(cx.violation.step);
          expect(outcome.violation!.message).toBe(cx.violation.message);
          expect(cx.replay).toContain(`--variant ${set.variant}`);
        }
      }
    }
  });

  it('minimal means minimal: no proper subset of a minimal set holds every property', () => {
    const holds = new Set(a.sets.filter((s) => s.outcome === 'holds').map((s) => s.fixes.join('+')));
    for (const m of a.minimal) {
      expect(holds.has(m.join('+'))).toBe(true);
      for (const s of fixSubsets()) if (s.length < m.length && s.every((f) => m.includes(f))) expect(holds.has(s.join('+'))).toBe(false);
    }
    for (const set of holds) expect(a.minimal.some((m) => m.every((f) => set.split('+').includes(f)))).toBe(true);
  });

  it('calls a check holding only where both engines ran on it; a skipped check names a proper subset that holds its property', () => {
    expectNoHoldsWithoutSearch(a);
    expectNoHoldsWithoutSearch(every);
    expect(a.skipped).toBeGreaterThan(0);
    expect(every.skipped).toBe(0);
  });

  it('skipping gives the answers of every check made: the same minimal sets, per-property answers and expectations, and the same outcome wherever it checked', () => {
    expect(a.minimal).toEqual(every.minimal);
    expect(a.perProperty).toEqual(every.perProperty);
    expect(a.unmet).toEqual(every.unmet);
    a.sets.forEach((s, i) =>
      s.checks.forEach((c, j) => c.skipped === null && expect(c.outcome, `${c.property} on ${s.variant}`).toBe(every.sets[i]!.checks[j]!.outcome)),
    );
  });

  it('a worsening is a holding set whose superset fails with a real counterexample, and the analysis never calls that superset holding', () => {
    expect(every.worsenings.length).toBeGreaterThan(0);
    for (const w of every.worsenings) {
      const before = every.sets.find((s) => s.variant === variantOf('skype-2007', w.from))!;
      const after = every.sets.find((s) => s.variant === variantOf('skype-2007', [...w.from, w.added]))!;
      expect(before.checks.find((c) => c.property === w.property)!.outcome).toBe('holds');
      const c = after.checks.find((x) => x.property === w.property)!;
      const outcome = checkRun(
        suiteModel(suite, after.variant, c.counterexample!.engine === 'exhaustive'),
        propertyOf(suite, w.property)!,
        suite.bounds,
        c.counterexample!.events,
      );
      expect(outcome.violation).not.toBeNull();
      // Where monotonicity would have said "holds", the analysis that skips says nothing, or "violated".
      const skipping = a.sets.find((s) => s.variant === after.variant)!.checks.find((x) => x.property === w.property)!;
      expect(skipping.outcome).not.toBe('holds');
      expect(a.sets.find((s) => s.variant === after.variant)!.outcome).not.toBe('holds');
    }
  });
});

describe('analyseFixSets without shortest counterexamples', () => {
  it('gives the same outcome for every set and property, searching only what the random engine did not violate', () => {
    const suite = suiteNamed('crash-cascade-2010');
    const full = analyseFixSets(suite, 'skype-2010', { budget: 'test', runs: 300 });
    const quick = analyseFixSets(suite, 'skype-2010', { budget: 'test', runs: 300, shortest: false });
    expect(quick.sets.map((s) => s.checks.map((c) => c.outcome))).toEqual(full.sets.map((s) => s.checks.map((c) => c.outcome)));
    expect(quick.minimal).toEqual(full.minimal);
    expect(quick.notSearched).toBeGreaterThan(0);
    for (const s of quick.sets)
      for (const c of s.checks) if (c.skipped === null && c.exhaustive.verdict === 'not-searched') expect(c.counterexample!.engine).toBe('random');
    expect(full.notSearched).toBe(0);
  });
});

// Two suites on the 2010 base among three fixes (8 sets): crash-cascade-2010 needs robust-client,
// login-flood-2007 other fixes. Alone, each analysis skips the supersets of its own minimal sets;
// a set enough for both is such a superset for one of them, so "enough for every suite" needs the
// suites checked together.
const ACROSS: Fix[] = ['robust-client', 'admission-control', 'mega-supernodes'];
describe('runFixSets across suites: crash-cascade-2010 and login-flood-2007 on skype-2010, among three fixes', () => {
  const suites = [suiteNamed('crash-cascade-2010'), suiteNamed('login-flood-2007')];
  const options = { budget: 'test' as const, runs: 200, among: ACROSS, shortest: false };
  let together: FixSetAnalysis[];
  let alone: FixSetAnalysis[];
  let every: FixSetAnalysis[];
  beforeAll(async () => {
    together = (await runFixSets(suites, ['skype-2010'], { ...options, acrossSuites: true })).analyses;
    alone = (await runFixSets(suites, ['skype-2010'], options)).analyses;
    every = (await runFixSets(suites, ['skype-2010'], { ...options, everySet: true })).analyses;
  });

  it("finds exactly the sets enough for both that every check made finds, and each suite's own answers", () => {
    const enough = enoughForAll(every.map(fixSetRecord));
    expect(enough.length).toBeGreaterThan(0);
    expect(enoughForAll(together.map(fixSetRecord))).toEqual(enough);
    together.forEach((a, k) => {
      expect(a.minimal).toEqual(every[k]!.minimal);
      expect(a.perProperty).toEqual(every[k]!.perProperty);
      expectNoHoldsWithoutSearch(a);
    });
  });

  it('checks a set on a suite that its own analysis skips when the set may be enough for both', () => {
    const enough = enoughForAll(every.map(fixSetRecord));
    const extra = enough.filter((m) => alone.some((a) => a.sets.find((s) => key(s.fixes) === key(m))!.outcome !== 'holds'));
    expect(extra.length).toBeGreaterThan(0);
    // Alone, such a set is never called enough for both (skipped is not holding): fewer sets, never a wrong one.
    for (const m of enoughForAll(alone.map(fixSetRecord))) expect(enough.map(key)).toContain(key(m));
  });
});

describe('knownFrom: the searches the suite sections made are reused, not repeated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cascade-known-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a matching search (the same outcomes, fewer searches made) and refuses another bound', async () => {
    const suite = suiteNamed('crash-cascade-2010');
    const random = await runChecks(selectPairs([suite], {}), { budget: 'test', runs: 300, dir, update: false });
    const exhaustive = await runExplores(exhaustiveSections([suite]), { budget: 'test', maxMemoryMB: 1024, dir, update: false });
    const known = knownFrom([suite], random.results, exhaustive.results);
    const fixedVariant = variantOf('skype-2010', [...FIXES]);
    const bound = searchBound(suite.exhaustive, 'test', 'no-cascade', fixedVariant);
    expect(known.exhaustive(suite.id, 'no-cascade', fixedVariant, bound)?.verdict).toMatch(/^holds/);
    expect(known.exhaustive(suite.id, 'no-cascade', fixedVariant, { ...bound, horizon: bound.horizon - 1 })).toBeUndefined();
    expect(known.random(suite.id, 'no-cascade', fixedVariant, 300)?.verdict).toBe('holds');
    expect(known.random(suite.id, 'no-cascade', fixedVariant, 301)).toBeUndefined();
    const without = analyseFixSets(suite, 'skype-2010', { budget: 'test', runs: 300, shortest: false });
    const withKnown = analyseFixSets(suite, 'skype-2010', { budget: 'test', runs: 300, shortest: false, known });
    expect(withKnown.reused).toBeGreaterThan(0);
    expect(without.reused).toBe(0);
    expect(withKnown.sets.map((s) => s.checks.map((c) => c.outcome))).toEqual(without.sets.map((s) => s.checks.map((c) => c.outcome)));
  });
});
