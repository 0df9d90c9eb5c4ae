/**
 * Where a full tier is named but not searched (npm start, the report): its scope, cost and the
 * command that searches it, naming a suite file of the user's own as they named it.
 */
import { describe, expect, it } from 'vitest';
import { SUITES } from '../../properties/index.ts';
import { fullTierMemoryMB, fullTierOf } from '../../src/runner/explorePair.ts';

const feedbackLoop = SUITES.find((s) => s.id === 'feedback-loop')!;

describe('fullTierOf', () => {
  it("names a project suite's tier by its id, and a suite without one as null", () => {
    expect(fullTierOf(feedbackLoop)).toEqual({
      scope: feedbackLoop.exhaustive.full!.scope,
      command: 'npx cascade explore --suite feedback-loop --budget full',
      cost: feedbackLoop.exhaustive.full!.cost,
    });
    expect(fullTierOf(SUITES.find((s) => s.id === 'crash-cascade-2010')!)).toBeNull();
  });

  it('names a suite file by its path, quoted for the shell', () => {
    expect(fullTierOf({ ...feedbackLoop, file: 'my suites/tier.mjs' })!.command).toBe("npx cascade explore --suite 'my suites/tier.mjs' --budget full");
  });
});

describe('fullTierMemoryMB', () => {
  it('is the most the selected tiers state, or 4096 MB when none has one', () => {
    expect(fullTierMemoryMB([feedbackLoop])).toBe(feedbackLoop.exhaustive.full!.maxMemoryMB);
    const small = { ...feedbackLoop, exhaustive: { ...feedbackLoop.exhaustive, full: { ...feedbackLoop.exhaustive.full!, maxMemoryMB: 512 } } };
    expect(fullTierMemoryMB([small])).toBe(512);
    expect(fullTierMemoryMB([small, feedbackLoop])).toBe(8000);
    expect(fullTierMemoryMB(SUITES.filter((s) => !s.exhaustive.full))).toBe(4096);
  });
});
