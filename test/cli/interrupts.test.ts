/**
 * Interrupts at random moments of `check --update --workers 2` (the command's thread and two
 * workers) leave no temporary file and no damaged
 * counterexample (a few here; `npm run test:interrupts` runs 100).
 */
import { describe, expect, it } from 'vitest';
import { interruptChecks } from '../support/interrupts.ts';

const COUNT = 5;

describe('cascade check --update, interrupted', () => {
  it(`leaves no temporary or damaged file after ${COUNT} SIGINTs and SIGTERMs at random moments`, async () => {
    const outcomes = await interruptChecks(COUNT, 7, 2500);
    for (const o of outcomes) {
      expect(o.leftovers, `${o.signal} after ${o.delayMs} ms`).toEqual([]);
      expect(o.damaged, `${o.signal} after ${o.delayMs} ms`).toEqual([]);
      expect([0, 1, o.signal === 'SIGINT' ? 130 : 143]).toContain(o.code);
    }
    // Not vacuous: most runs were stopped by the signal, not finished before it.
    expect(outcomes.filter((o) => o.code === 130 || o.code === 143).length).toBeGreaterThanOrEqual(COUNT - 1);
  });
});
