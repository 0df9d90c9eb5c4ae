/**
 * The model's canonical encoding: a state rebuilt by `decode` steps exactly as the original does
 * (same canonical vectors all along), and states that differ in what a rule can read encode apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneState, decode, encode, encodedLength, init, smallConfig, stepOwned, type Counters } from '../../src/model/index.ts';
import { ALL_VARIANTS, modelOf, validEvent } from '../support/arbitraries.ts';

const COUNTERS: (keyof Counters)[] = ['crashes', 'overloadShutdowns', 'crashLosses', 'faultLosses', 'attempts'];

describe('encode and decode', () => {
  it('a decoded state steps exactly as the original, on random runs of every variant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_VARIANTS), fc.array(validEvent(smallConfig), { maxLength: 60 }), fc.array(validEvent(smallConfig), { maxLength: 30 }), (name, prefix, suffix) => {
        const model = modelOf(name, smallConfig);
        const original = init(model);
        for (const event of prefix) stepOwned(original, model, event);
        const width = encodedLength(model, COUNTERS);
        const a = new Int32Array(width);
        const b = new Int32Array(width);
        const rebuilt = decode(a.subarray(0, encode(original, model, COUNTERS, a)), 0, model, COUNTERS);
        const copy = cloneState(original);
        for (const event of suffix) {
          expect(stepOwned(rebuilt, model, event)).toBe(stepOwned(copy, model, event));
          const n = encode(copy, model, COUNTERS, a);
          expect(encode(rebuilt, model, COUNTERS, b)).toBe(n);
          expect(Array.from(b.subarray(0, n))).toEqual(Array.from(a.subarray(0, n)));
          for (const c of COUNTERS) expect(rebuilt.counters[c]).toBe(copy.counters[c]);
        }
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('the vector fits the stated length and holds integers of at least -1', () => {
    const model = modelOf('fixed', smallConfig);
    const state = init(model);
    const out = new Int32Array(encodedLength(model, COUNTERS));
    const n = encode(state, model, COUNTERS, out);
    expect(n).toBeLessThanOrEqual(out.length);
    expect(Math.min(...out.subarray(0, n))).toBeGreaterThanOrEqual(-1);
  });

  it('every counter a property may keep is written and read back as itself', () => {
    const model = modelOf('fixed', smallConfig);
    const state = init(model);
    const keys = Object.keys(state.counters) as (keyof Counters)[];
    keys.forEach((key, i) => (state.counters[key] = 100 + i));
    for (const kept of [keys, [...keys].reverse(), keys.slice(3, 5)]) {
      const out = new Int32Array(encodedLength(model, kept));
      const rebuilt = decode(out.subarray(0, encode(state, model, kept, out)), 0, model, kept);
      for (const key of kept) expect(rebuilt.counters[key]).toBe(state.counters[key]);
    }
  });

  it('states that differ in a readable field encode apart', () => {
    const model = modelOf('fixed', smallConfig);
    const a = init(model);
    const b = cloneState(a);
    stepOwned(b, model, { kind: 'crash', peer: 5 });
    const va = new Int32Array(encodedLength(model, []));
    const vb = new Int32Array(encodedLength(model, []));
    const na = encode(a, model, [], va);
    const nb = encode(b, model, [], vb);
    expect(Array.from(vb.subarray(1, nb))).not.toEqual(Array.from(va.subarray(1, na)));
  });
});
