/**
 * Regression over the committed counterexamples: each still violates its property on its own
 * variant (same step, same sentence), and holds along the same events on every variant its suite
 * expects to hold that property.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../src/search/replay.ts';
import { loadCounterexample } from '../src/trace/load.ts';
import { SUITES, expectation } from './index.ts';

const root = 'counterexamples';
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(root, f));

describe('committed counterexamples', () => {
  it('there are some, for the 2010 and 2007 buggy variants', () => {
    expect(files.some((f) => f.includes('no-client-crash--skype-2010.json'))).toBe(true);
    expect(files.some((f) => f.includes('no-cascade--skype-2010.json'))).toBe(true);
    expect(files.some((f) => /(login-completes|recovers)--skype-2007\.json$/.test(f))).toBe(true);
  });

  for (const path of files) {
    describe(path, () => {
      const loaded = loadCounterexample(path);
      it('loads and replays its violation on its own variant', () => {
        expect(loaded.ok, loaded.ok ? '' : loaded.error).toBe(true);
        if (!loaded.ok) return;
        const r = replay(loaded.value);
        expect(r.ok && r.value.reproduces, r.ok ? r.value.outcome.violation?.message : r.error).toBe(true);
      });
      if (!loaded.ok) return;
      const file = loaded.value;
      const suite = SUITES.find((s) => s.id === file.suite);
      const fixes = suite ? Object.keys(suite.variants).filter((v) => expectation(suite, file.property, v) === 'holds') : [];
      for (const variant of fixes) {
        it(`holds along the same events on ${variant}`, () => {
          const r = replay(file, variant);
          expect(r.ok && r.value.verdict, r.ok ? r.value.outcome.violation?.message : '').toBe('holds');
        });
      }
    });
  }
});
