/**
 * Every property suite with its test budget: each (property, variant) must give the verdict the
 * suite expects, and a `holds` must have exercised the property's trigger (never vacuous).
 * Counterexamples found here go to a temporary directory; the committed ones are tested apart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPair } from '../src/runner/index.ts';
import { SUITES, expectation } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-suites-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const suite of SUITES) {
  describe(`${suite.id}: ${suite.title}`, () => {
    for (const property of suite.properties) {
      for (const variant of Object.keys(suite.variants)) {
        const expected = expectation(suite, property, variant);
        it(`${property} on ${variant} is ${expected ?? 'whatever it is (no expectation)'}`, () => {
          const r = checkPair({ suite, property, variant, expected: expected ?? null }, { budget: 'test', dir, update: false });
          // A pair the suite gives no expectation (the reason is in the suite file) must still end with a verdict.
          if (expected === undefined) expect(['holds', 'violated']).toContain(r.verdict);
          else expect(r.verdict, `${r.verdict} after ${r.runs} runs (trigger exercised in ${r.triggeredRuns}); reproduce: ${r.replay}`).toBe(expected);
          if (r.verdict === 'holds') expect(r.triggeredRuns).toBeGreaterThan(0);
          if (r.verdict === 'violated') expect(r.eventsAfterShrink).toBeGreaterThan(0);
        });
      }
    }
  });
}

// Shrinking never returns a longer counterexample than the first failure it started from, whichever
// way the violation moves (into the heal phase, where heal ticks count) as events are removed. At the
// start budget, login-flood-2007 / bounded-login-load on skype-2007+backoff-jitter once shrank 44 -> 48.
describe('shrinking never lengthens a counterexample', () => {
  for (const suite of SUITES) {
    for (const property of suite.properties) {
      for (const variant of Object.keys(suite.variants)) {
        if (expectation(suite, property, variant) !== 'violated') continue;
        it(`${suite.id} / ${property} on ${variant}, at the test and the start budget`, () => {
          for (const budget of ['test', 'start'] as const) {
            const r = checkPair({ suite, property, variant, expected: 'violated' }, { budget, dir, update: false });
            expect(r.eventsAfterShrink!, `${budget} budget; reproduce: ${r.replay}`).toBeLessThanOrEqual(r.eventsBeforeShrink!);
          }
        });
      }
    }
  }
});
