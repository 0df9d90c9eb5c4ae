/**
 * The finding's "enough" line names the depth its sets were shown at, from the analyses' numbers,
 * and the sets `npm run test:deep` searches again are exactly those the first page names.
 */
import { describe, expect, it } from 'vitest';
import { depthWords } from '../../src/report/enough.ts';
import { enoughLine } from '../../src/report/finding.ts';
import type { FixSetRecord } from '../../src/report/results.ts';
import { fixSubsets } from '../../src/runner/fixSets.ts';
import { enoughClaims } from '../support/enoughClaims.ts';

/** A record of `suite` on `base` whose holding sets are the supersets of `holds` (and `minimal` those). */
function record(suite: string, base: 'skype-2007' | 'skype-2010', holds: string[][], horizon: number, runs = 5000): FixSetRecord {
  const holding = (fixes: string[]) => holds.some((h) => h.every((f) => fixes.includes(f)));
  return {
    suite,
    base,
    properties: ['p'],
    budget: 'start',
    depth: { runs, horizon: { least: horizon, most: horizon }, maxStates: { least: 1000, most: 1000 } },
    scope: { random: '', exhaustive: '' },
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
    const records = [record('a', 'skype-2010', [['robust-client']], 40), record('b', 'skype-2010', [['admission-control']], 40), record('c', 'skype-2010', [[]], 30)];
    expect(depthWords(records)).toBe("exhaustive within 40 ticks (c: 30) at each suite's start scope and random at 5,000 runs");
    expect(depthWords([record('a', 'skype-2010', [[]], 10, 300)])).toBe("exhaustive within 10 ticks at the suite's start scope and random at 300 runs");
  });

  it('puts it in the finding\'s line, before the sets enough for every suite', () => {
    const records = [record('a', 'skype-2010', [['robust-client']], 40), record('b', 'skype-2010', [['admission-control']], 40)];
    expect(enoughLine(records)).toBe("Enough for every suite, exhaustive within 40 ticks at each suite's start scope and random at 5,000 runs: on skype-2010 {robust-client, admission-control}.");
  });
});

describe('enoughClaims: what test:deep searches again', () => {
  it('is every suite on each set enough for every suite, and each suite on its own minimal sets', () => {
    const records = [record('a', 'skype-2010', [['robust-client']], 40), record('b', 'skype-2010', [['admission-control']], 40)];
    const claims = enoughClaims({ fixSets: records }).map((c) => `${c.suite} ${c.variant} ${c.as}`);
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
