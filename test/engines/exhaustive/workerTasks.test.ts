/**
 * The exhaustive engine's pool tasks (src/engines/exhaustive/workerTasks.ts), run in this thread as a
 * worker runs them: a pair's search spec (the runner's module builds it) names the suite's exhaustive
 * scope (or its full tier's), a module names its own subject, only worker 0 seeds the start, and a
 * share follows the coordinator to a grown seen-set.
 * Quick: no worker threads; the first test the mutation run tries on the file.
 */
import { describe, expect, it } from 'vitest';
import { propertyOf, SUITES, suiteModel } from '../../../properties/index.ts';
import { SharedSeenSet } from '../../../src/engines/exhaustive/_internals/sharedSeenSet.ts';
import type { LevelShareReport } from '../../../src/engines/exhaustive/onPool.ts';
import { exploreExpand, exploreGive, exploreOpen, exploreSettle } from '../../../src/engines/exhaustive/workerTasks.ts';
import { searchExhaustive } from '../../../src/search/exhaustive.ts';
import { pairSpec } from '../../../src/runner/pairSpec.ts';
import { exhaustiveSearchRef } from '../../../src/runner/workerTasks.ts';
import { toyStateCount } from '../../support/toyModel.ts';
import { counted } from './countedSubject.ts';

const suite = (id: string) => SUITES.find((s) => s.id === id)!;

describe("exploreSettle: a pair's search spec as a worker builds it", () => {
  // feedback-loop's exhaustive scope cuts the churn budget to 1; its full tier keeps the suite's.
  const s = suite('feedback-loop');
  const pair = pairSpec({ suite: s, property: 'no-cascade', variant: 'fixed', expected: null });
  const options = { horizon: 0, maxStates: 100_000, maxMemoryBytes: 2 ** 28, kinds: s.kinds };
  const bounds = { ...s.bounds, healTicks: 3 };

  it.each([false, true])('full tier %s: the same search as in this thread on the same model', async (full) => {
    const { output } = await exploreSettle({
      search: exhaustiveSearchRef({ pair, overrides: { peers: 5 }, bounds: { healTicks: 3 }, ...(full ? { full: true as const } : {}) }),
      options,
    });
    const here = searchExhaustive(suiteModel(s, 'fixed', full ? 'full' : true, { peers: 5 }), propertyOf(s, 'no-cascade')!, bounds, options);
    const other = searchExhaustive(suiteModel(s, 'fixed', full ? true : 'full', { peers: 5 }), propertyOf(s, 'no-cascade')!, bounds, options);
    expect(here.states).not.toBe(other.states); // the two scopes differ here
    expect({ states: output.states, verdict: output.verdict }).toEqual({ states: here.states, verdict: here.verdict });
  });

  it('a module spec: the module builds the subject', async () => {
    const module = new URL('../../support/toyModel.ts', import.meta.url).href;
    const { output } = await exploreSettle({
      search: { module, subject: { config: { budget: 2, window: 2, heal: 3 }, property: 'calm' } },
      options: { horizon: 3, maxStates: 1000, maxMemoryBytes: 2 ** 28 },
    });
    expect({ states: output.states, verdict: output.verdict }).toEqual({ states: toyStateCount(2), verdict: 'holds' });
  });
});

describe('the shares of a search on the pool, driven in this thread', () => {
  const module = new URL('../../support/toyModel.ts', import.meta.url).href;
  const search = { module, subject: { config: { budget: 2, window: 2, heal: 3 }, property: 'calm' } };
  const bounds = { horizon: 3, maxStates: 1000, maxMemoryBytes: 2 ** 28 };
  let session = 1_000;

  it('only worker 0 seeds the start', async () => {
    const table = SharedSeenSet.create(1 << 10);
    const open = async (index: number) =>
      (await exploreOpen({ session: ++session, search, bounds, index, count: 2, table: table.buffer, tableVersion: 0 })).output as LevelShareReport;
    expect((await open(1)).minLevel).toBeNull();
    expect(table.size).toBe(0);
    expect((await open(0)).minLevel).toBe(0);
    expect(table.size).toBe(1);
  });

  it("a worker builds a search's subject once: the settling search after its share takes the same one", async () => {
    const counting = { module: new URL('./countedSubject.ts', import.meta.url).href, subject: [3, 2] };
    const table = SharedSeenSet.create(1 << 10);
    const before = counted.builds;
    await exploreOpen({ session: ++session, search: counting, bounds, index: 0, count: 1, table: table.buffer, tableVersion: 0 });
    const { output } = await exploreSettle({ search: counting, options: { ...bounds, settleAt: 0 } });
    expect({ builds: counted.builds - before, states: output.states }).toEqual({ builds: 1, states: 1 + 3 + 3 * 2 });
    // Other plain data, or other kinds, is another subject.
    await exploreSettle({ search: { ...counting, subject: [2, 2] }, options: bounds });
    await exploreSettle({ search: { ...counting, subject: [2, 2] }, options: { ...bounds, kinds: ['pick'] } });
    expect(counted.builds - before).toBe(3);
  });

  it('a share given a grown table (a new version) adds its states there', async () => {
    const first = SharedSeenSet.create(1 << 10);
    const id = ++session;
    await exploreOpen({ session: id, search, bounds, index: 0, count: 1, table: first.buffer, tableVersion: 0 });
    const given = (await exploreGive({ session: id, level: 0 })).output as LevelShareReport;
    const grown = first.grown();
    await exploreExpand({ session: id, level: 0, queues: given.queues, table: grown.buffer, tableVersion: 1 });
    expect(first.size).toBe(1);
    expect(grown.size).toBeGreaterThan(1);
  });
});
