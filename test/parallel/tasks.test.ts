/**
 * The pool's tasks (src/parallel/tasks.ts), run in this thread as a worker runs them: the random
 * range stops at the lowest failing run another range found, `lowerCutoff` only ever lowers (also
 * when another thread lowers the slot between its read and its write), an exhaustive search spec
 * names the suite's exhaustive scope (or its full tier's), a module spec names its own subject, only
 * worker 0 seeds the start, and a part follows the coordinator to a grown seen-set.
 * Quick: no worker threads; the first test the mutation run tries on the file.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { propertyOf, SUITES, suiteModel } from '../../properties/index.ts';
import { SharedSeenSet } from '../../src/engines/exhaustive/_internals/sharedSeenSet.ts';
import type { PartitionReport } from '../../src/engines/exhaustive/onPool.ts';
import { searchExhaustive } from '../../src/explore/exhaustive.ts';
import { pairSpec } from '../../src/parallel/pairSpec.ts';
import { lowerCutoff, TASKS } from '../../src/parallel/tasks.ts';
import { toyStateCount } from '../support/toyModel.ts';

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
    return (await TASKS.randomRange({ pair, options: { runs: 10, seed: 1, budget: 'test' }, from: 0, to: 10, cutoff, slot: 1 })).output;
  };

  it('runs every run of its range while no range failed; with run 4 failing elsewhere, runs 0 to 4 and abandons the rest', async () => {
    expect(await range(2 ** 31 - 1)).toMatchObject({ runs: 10, abandoned: false });
    expect(await range(4)).toMatchObject({ runs: 5, abandoned: true });
    expect(await range(0)).toMatchObject({ runs: 1, abandoned: true });
  });
});

describe('exploreSettle: an exhaustive search spec as a worker builds it', () => {
  // feedback-loop's exhaustive scope cuts the churn budget to 1; its full tier keeps the suite's.
  const s = suite('feedback-loop');
  const pair = pairSpec({ suite: s, property: 'no-cascade', variant: 'fixed', expected: null });
  const options = { horizon: 0, maxStates: 100_000, maxMemoryBytes: 2 ** 28, kinds: s.kinds };
  const bounds = { ...s.bounds, healTicks: 3 };

  it.each([false, true])('full tier %s: the same search as in this thread on the same model', async (full) => {
    const { output } = await TASKS.exploreSettle({
      search: { pair, overrides: { peers: 5 }, bounds: { healTicks: 3 }, ...(full ? { full: true as const } : {}) },
      options,
    });
    const here = searchExhaustive(suiteModel(s, 'fixed', full ? 'full' : true, { peers: 5 }), propertyOf(s, 'no-cascade')!, bounds, options);
    const other = searchExhaustive(suiteModel(s, 'fixed', full ? true : 'full', { peers: 5 }), propertyOf(s, 'no-cascade')!, bounds, options);
    expect(here.states).not.toBe(other.states); // the two scopes differ here
    expect({ states: output.states, verdict: output.verdict }).toEqual({ states: here.states, verdict: here.verdict });
  });

  it('a module spec: the module builds the subject', async () => {
    const module = new URL('../support/toyModel.ts', import.meta.url).href;
    const { output } = await TASKS.exploreSettle({
      search: { module, subject: { config: { budget: 2, window: 2, heal: 3 }, property: 'calm' } },
      options: { horizon: 3, maxStates: 1000, maxMemoryBytes: 2 ** 28 },
    });
    expect({ states: output.states, verdict: output.verdict }).toEqual({ states: toyStateCount(2), verdict: 'holds' });
  });
});

describe('the parts of a search on the pool, driven in this thread', () => {
  const module = new URL('../support/toyModel.ts', import.meta.url).href;
  const search = { module, subject: { config: { budget: 2, window: 2, heal: 3 }, property: 'calm' } };
  const bounds = { horizon: 3, maxStates: 1000, maxMemoryBytes: 2 ** 28 };
  let session = 1_000;

  it('only worker 0 seeds the start', async () => {
    const table = SharedSeenSet.create(1 << 10);
    const open = async (index: number) =>
      (await TASKS.exploreOpen({ session: ++session, search, bounds, index, count: 2, table: table.buffer, tableVersion: 0 })).output as PartitionReport;
    expect((await open(1)).minLevel).toBeNull();
    expect(table.size).toBe(0);
    expect((await open(0)).minLevel).toBe(0);
    expect(table.size).toBe(1);
  });

  it('a part given a grown table (a new version) adds its states there', async () => {
    const first = SharedSeenSet.create(1 << 10);
    const id = ++session;
    await TASKS.exploreOpen({ session: id, search, bounds, index: 0, count: 1, table: first.buffer, tableVersion: 0 });
    const given = (await TASKS.exploreGive({ session: id, level: 0 })).output as PartitionReport;
    const grown = first.grown();
    await TASKS.exploreExpand({ session: id, level: 0, queues: given.queues, table: grown.buffer, tableVersion: 1 });
    expect(first.size).toBe(1);
    expect(grown.size).toBeGreaterThan(1);
  });
});
