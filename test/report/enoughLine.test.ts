/**
 * The finding's "enough" line names the depth its sets were shown at, from the analyses' numbers,
 * and the sets `npm run test:deep` searches again are exactly those the first page names.
 */
import { describe, expect, it } from 'vitest';
import { depthWords } from '../../src/report/enough.ts';
import { enoughLine } from '../../src/report/finding.ts';
import { enoughForAllBases } from '../../src/runner/enoughForAll.ts';
import { fixSetsAppendix, fixSetsSection } from '../../src/report/fixSetsSection.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { EnoughRecord } from '../../src/results/enoughRecord.ts';
import type { FixSetRecord } from '../../src/results/results.ts';
import { fixSubsets } from '../../src/runner/fixSets.ts';
import { enoughClaims } from '../support/enoughClaims.ts';

/** A record of `suite` on `base` whose holding sets are the supersets of `holds` (and `minimal` those). */
function record(
  suite: string,
  base: 'skype-2007' | 'skype-2010',
  holds: string[][],
  horizon: number,
  runs = 5000,
  budget: 'test' | 'start' = 'start',
): FixSetRecord {
  const holding = (fixes: string[]) => holds.some((h) => h.every((f) => fixes.includes(f)));
  return {
    suite,
    base,
    properties: ['p'],
    budget,
    depth: { runs, horizon: { least: horizon, most: horizon }, maxStates: { least: 1000, most: 1000 } },
    scope: { among: null, seed: 1, maxEvents: 10, reason: null, everySet: false, acrossSuites: false, shortest: true },
    sets: fixSubsets().map((fixes) => ({ fixes, variant: [base, ...fixes].join('+'), outcome: holding(fixes) ? 'holds' : 'violated', checks: [] })),
    minimal: holds,
    perProperty: {},
    worsenings: [],
    skipped: 0,
    notSearched: 0,
    reused: 0,
    unmet: [],
    ms: 0,
  };
}

describe('the depth of the enough sets, in words', () => {
  it('names the horizon and runs most suites share, and each suite that differs with its own', () => {
    const records = [
      record('a', 'skype-2010', [['robust-client']], 40),
      record('b', 'skype-2010', [['admission-control']], 40),
      record('c', 'skype-2010', [[]], 30),
    ];
    expect(depthWords(records)).toBe("exhaustive within 40 ticks (c: 30) at each suite's start scope and random at 5,000 runs");
    expect(depthWords([record('a', 'skype-2010', [[]], 10, 300)])).toBe("exhaustive within 10 ticks at the suite's start scope and random at 300 runs");
  });

  it("puts it in the finding's line, before the sets enough for every suite", () => {
    const records = [record('a', 'skype-2010', [['robust-client']], 40), record('b', 'skype-2010', [['admission-control']], 40)];
    expect(enoughLine(records, [], enoughForAllBases(records))).toBe(
      "Enough for every suite, exhaustive within 40 ticks at each suite's start scope and random at 5,000 runs: on skype-2010 {robust-client, admission-control}.",
    );
  });
});

describe('enoughClaims: what test:deep searches again', () => {
  it('is every suite on each set enough for every suite, and each suite on its own minimal sets', () => {
    const records = [record('a', 'skype-2010', [['robust-client']], 40), record('b', 'skype-2010', [['admission-control']], 40)];
    const claims = enoughClaims({ fixSets: records, enoughForAll: enoughForAllBases(records) }).map((c) => `${c.suite} ${c.variant} ${c.as}`);
    expect(claims.sort()).toEqual(
      [
        'a skype-2010+robust-client the suite',
        'b skype-2010+admission-control the suite',
        'a skype-2010+robust-client+admission-control every suite',
        'b skype-2010+robust-client+admission-control every suite',
      ].sort(),
    );
  });
});

/** A verification on `base` at the start bound (40 ticks, b: 30) naming `minimal`, with one candidate dropped. */
function verified(base: 'skype-2007' | 'skype-2010', minimal: string[][], dropped: string[]): EnoughRecord {
  const depth = (horizon: number) => ({ runs: 5000, horizon: { least: horizon, most: horizon }, maxStates: { least: 1000, most: 1000 } });
  const holding = (fixes: string[]) => ({ fixes, variant: [base, ...fixes].join('+'), outcome: 'holds' as const, checks: [], failed: null });
  const failed = {
    suite: 'a',
    property: 'p',
    outcome: 'violated' as const,
    random: 'holds' as const,
    exhaustive: 'violated' as const,
    states: 10,
    reused: 0,
    counterexample: { engine: 'exhaustive' as const, shortest: true, events: 13, replay: 'npx cascade explore' },
  };
  return {
    base,
    budget: 'start',
    from: 'test',
    suites: [
      { suite: 'a', budget: 'start', properties: ['p'], depth: depth(40) },
      { suite: 'b', budget: 'start', properties: ['p'], depth: depth(30) },
    ],
    candidates: 8,
    narrowed: true,
    verified: [{ fixes: dropped, variant: [base, ...dropped].join('+'), outcome: 'violated', checks: [failed], failed }, ...minimal.map(holding)],
    skipped: 3,
    minimal,
    reused: 0,
    ms: 0,
  };
}

describe('the sets enough for every suite, verified at the start bound', () => {
  // The analyses (test bound, 4 ticks) call {robust-client, admission-control} enough; the verification at 40 ticks dropped it for two supersets.
  const analyses = [record('a', 'skype-2010', [['robust-client']], 4, 2500, 'test'), record('b', 'skype-2010', [['admission-control']], 4, 2500, 'test')];
  const deep = [
    verified(
      'skype-2010',
      [
        ['robust-client', 'backoff-jitter', 'admission-control'],
        ['robust-client', 'admission-control', 'retry-budget'],
      ],
      ['robust-client', 'admission-control'],
    ),
  ];

  it("are the verification's sets at the verification's depth in the finding's line, not the analyses'", () => {
    expect(enoughLine(analyses, [], enoughForAllBases(analyses))).toBe(
      "Enough for every suite, exhaustive within 4 ticks at each suite's test scope and random at 2,500 runs: on skype-2010 {robust-client, admission-control}.",
    );
    expect(enoughLine(analyses, deep, enoughForAllBases(analyses))).toBe(
      "Enough for every suite, exhaustive within 40 ticks (b: 30) at each suite's start scope and random at 5,000 runs: on skype-2010 {robust-client, backoff-jitter, admission-control} or {robust-client, admission-control, retry-budget}.",
    );
  });

  it("are what test:deep searches for every suite, at the start bound; each suite's own sets at the test bound", () => {
    const claims = enoughClaims({ fixSets: analyses, enough: deep, enoughForAll: enoughForAllBases(analyses) }).map(
      (c) => `${c.suite} ${c.variant} ${c.budget} ${c.depth.horizon.most} ${c.as}`,
    );
    expect(claims.sort()).toEqual(
      [
        'a skype-2010+robust-client test 4 the suite',
        'b skype-2010+admission-control test 4 the suite',
        'a skype-2010+robust-client+backoff-jitter+admission-control start 40 every suite',
        'b skype-2010+robust-client+backoff-jitter+admission-control start 30 every suite',
        'a skype-2010+robust-client+admission-control+retry-budget start 40 every suite',
        'b skype-2010+robust-client+admission-control+retry-budget start 30 every suite',
      ].sort(),
    );
  });

  it('are on the first page with the depth, how many candidates stage 2 searched, and each that failed with its counterexample and command; the per-suite table says its bound', () => {
    const page = renderMarkdown(fixSetsSection(analyses, 'appendix.md#fix-sets', deep, enoughForAllBases(analyses)));
    expect(page).toContain(
      "Enough for every suite, exhaustive within 40 ticks (b: 30) at each suite's start scope and random at 5,000 runs: the sets below hold every property of every suite",
    );
    expect(page).toContain(
      'only the 8 sets it did not violate were candidates. Stage 2 searched 3 candidates again at the deeper bound, smallest first, and skipped 3 proper supersets',
    );
    expect(page).toMatch(
      /\| `skype-2010` \| `\{robust-client, backoff-jitter, admission-control\}` or `\{robust-client, admission-control, retry-budget\}` \|/,
    );
    expect(page).toContain('`skype-2010` `{robust-client, admission-control}`: a / `p` violated in 13 events (exhaustive, shortest): `npx cascade explore`');
    expect(page).toContain('### Per suite, at the test bound');
    expect(page).toContain("enough for the suite, exhaustive within 4 ticks at each suite's test scope and random at 2,500 runs");
    const appendix = renderMarkdown(fixSetsAppendix(analyses, deep));
    expect(appendix).toContain('### a on skype-2010, at the test bound');
    expect(appendix).toContain('### Enough for every suite on skype-2010: the candidates searched at the start bound');
    // Without a verification, the first page names the analyses' own sets at their depth.
    expect(renderMarkdown(fixSetsSection(analyses, 'appendix.md#fix-sets', [], enoughForAllBases(analyses)))).toMatch(
      /\| `skype-2010` \| `\{robust-client, admission-control\}` \|/,
    );
  });

  it('refuses a set named enough that the verification did not find holding', () => {
    const wrong = verified('skype-2010', [['robust-client', 'admission-control']], ['robust-client', 'admission-control']);
    expect(() => enoughClaims({ fixSets: analyses, enough: [wrong], enoughForAll: enoughForAllBases(analyses) })).toThrow(/not verified holding/);
  });
});
