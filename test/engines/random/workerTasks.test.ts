/**
 * The random engine's pool task (src/engines/random/workerTasks.ts), run in this thread as a worker
 * runs it: the range stops at the lowest failing run another range found, and `lowerCutoff` only
 * ever lowers (also when another thread lowers the slot between its read and its write).
 * Quick: no worker threads; the first test the mutation run tries on the file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SUITES } from '../../../properties/index.ts';
import { lowerCutoff, randomRange } from '../../../src/engines/random/workerTasks.ts';
import { pairSpec } from '../../../src/runner/pairSpec.ts';
import { randomSearchRef } from '../../../src/runner/workerTasks.ts';

const suite = (id: string) => SUITES.find((s) => s.id === id)!;

describe('lowerCutoff', () => {
  const compareExchange = Atomics.compareExchange;
  afterEach(() => {
    Atomics.compareExchange = compareExchange;
  });

  it('lowers a slot, never raises it, and leaves an equal one', () => {
    const cutoff = new Int32Array([100, 10]);
    lowerCutoff(cutoff, 1, 5);
    expect([...cutoff]).toEqual([100, 5]);
    lowerCutoff(cutoff, 1, 7);
    expect([...cutoff]).toEqual([100, 5]);
    lowerCutoff(cutoff, 1, 5);
    expect([...cutoff]).toEqual([100, 5]);
  });

  it('another thread lowering the slot between its read and its write: tries again, and ends at the lower of the two', () => {
    for (const [theirs, mine, end] of [
      [3, 1, 1], // theirs is higher than mine: mine still wins
      [1, 3, 1], // theirs is lower: kept
    ]) {
      const cutoff = new Int32Array([10]);
      let raced = false;
      // The race, made certain: the first exchange finds the slot already lowered by another thread.
      Atomics.compareExchange = ((array: Int32Array, index: number, expected: number, value: number) => {
        if (!raced) {
          raced = true;
          array[index] = theirs!;
        }
        return compareExchange(array, index, expected, value);
      }) as typeof Atomics.compareExchange;
      lowerCutoff(cutoff, 0, mine!);
      Atomics.compareExchange = compareExchange;
      expect([raced, cutoff[0]], `theirs ${theirs}, mine ${mine}`).toEqual([true, end]);
    }
  });
});

describe('randomRange', () => {
  const pair = pairSpec({ suite: suite('crash-cascade-2010'), property: 'no-cascade', variant: 'fixed', expected: null });
  const range = async (lowest: number) => {
    const cutoff = new SharedArrayBuffer(8);
    new Int32Array(cutoff)[1] = lowest;
    return (await randomRange({ search: randomSearchRef({ pair, options: { runs: 10, seed: 1, budget: 'test' } }), from: 0, to: 10, cutoff, slot: 1 })).output;
  };

  it('runs every run of its range while no range failed; with run 4 failing elsewhere, runs 0 to 4 and abandons the rest', async () => {
    expect(await range(2 ** 31 - 1)).toMatchObject({ runs: 10, abandoned: false });
    expect(await range(4)).toMatchObject({ runs: 5, abandoned: true });
    expect(await range(0)).toMatchObject({ runs: 1, abandoned: true });
  });
});
