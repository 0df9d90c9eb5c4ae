/**
 * `check --shard K/N` and its merge in process (src/runner/shardCheck.ts), on one pair of the
 * smallest suite with 12 runs (its failure is run 11, index 10): the shards' partials, counts and progress, a
 * merge that gives what one check gives, and every way a partial can fail to be its share's whole
 * search (edited copies of the real shard files), refused in one line naming the file and pair,
 * each at its boundary.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { possibleCells } from '../../src/search/random.ts';
import { Refusal } from '../../src/io/refusal.ts';
import { randomSearchOf } from '../../src/runner/checkPair.ts';
import { runChecks } from '../../src/runner/runPairs.ts';
import type { Pair } from '../../src/runner/select.ts';
import { checkOptionsOf, checkPairsOf, prepareCheckMerge, runCheckShard, type CheckSelection } from '../../src/runner/shardCheck.ts';
import type { CheckShardFile } from '../../src/runner/shardFile.ts';
import { readShardSet } from '../../src/runner/shardSet.ts';
import { runDigest } from '../../src/runner/shardDigest.ts';
import { suiteModel } from '../../properties/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const selection: CheckSelection = {
  suite: 'crash-cascade-2010',
  property: 'no-client-crash',
  variant: 'skype-2010',
  overrides: {},
  budget: 'test',
  runs: 12,
  seed: null,
  dir: at('cx'),
};
const options = checkOptionsOf(selection, at('whole-cx'), false);
const WHICH = 'crash-cascade-2010 / no-client-crash on skype-2010';
let pairs: Pair[];
const progress: { done: number; total: number; text: string }[][] = [];
const returned: { runs: number; failures: number }[] = [];

beforeAll(async () => {
  pairs = await checkPairsOf(selection);
  for (const k of [1, 2, 3]) {
    const told: { done: number; total: number; text: string }[] = [];
    returned.push(
      await runCheckShard(pairs, options, selection, { index: k, count: 3 }, at(`s${k}.json`), {
        progress: (done, total, text) => told.push({ done, total, text }),
      }),
    );
    progress.push(told);
  }
});

const read = (k: number) => JSON.parse(readFileSync(at(`s${k}.json`), 'utf8')) as CheckShardFile;
type Partial = CheckShardFile['pairs'][number]['partial'];
/** Shard `k` with its pair's partial edited, written apart; the set's paths with it in place of shard k. */
function edited(k: number, change: (p: Partial) => void): string[] {
  const f = read(k);
  change(f.pairs[0]!.partial);
  const path = at(`edited${k}.json`);
  writeFileSync(path, JSON.stringify(f));
  return [1, 2, 3].map((i) => (i === k ? path : at(`s${i}.json`)));
}
async function merged(paths: string[]) {
  return (await prepareCheckMerge(readShardSet(paths) as never, at('merged-cx'), false)).run();
}
async function refusal(paths: string[]): Promise<string> {
  try {
    await prepareCheckMerge(readShardSet(paths) as never, at('refused-cx'), false);
  } catch (e) {
    expect(e).toBeInstanceOf(Refusal);
    return (e as Error).message;
  }
  throw new Error('merged');
}

describe('runCheckShard', () => {
  it('selects the pair the selection names', async () => {
    expect(pairs.map((p) => `${p.suite.id} / ${p.property} on ${p.variant}`)).toEqual([WHICH]);
    const all = await checkPairsOf({ ...selection, suite: null, property: null, variant: null });
    expect(new Set(all.map((p) => p.suite.id)).size).toBeGreaterThan(1);
  });

  it("searches each shard's share of the runs, the last one stopping at its failure", () => {
    const shares = [1, 2, 3].map((k) => read(k).pairs[0]!.partial);
    expect(shares.map((p) => [p.from, p.to, p.runs, p.failure?.index ?? null])).toEqual([
      [0, 4, 4, null],
      [4, 8, 4, null],
      [8, 12, 3, 10],
    ]);
    expect(returned).toEqual([
      { runs: 4, failures: 0 },
      { runs: 4, failures: 0 },
      { runs: 3, failures: 1 },
    ]);
  });

  it("tells its progress: the runs done of the shard's total, and which", () => {
    expect(progress[0]).toEqual([{ done: 4, total: 4, text: `shard 1/3: ${WHICH}: runs 0..3` }]);
    expect(progress[1]).toEqual([{ done: 4, total: 4, text: `shard 2/3: ${WHICH}: runs 4..7` }]);
    expect(progress[2]).toEqual([{ done: 4, total: 4, text: `shard 3/3: ${WHICH}: runs 8..11` }]);
  });
});

describe('prepareCheckMerge', () => {
  it("gives what one check gives, its time the shards' sum", async () => {
    const whole = await runChecks(pairs, options);
    const m = await merged([at('s3.json'), at('s1.json'), at('s2.json')]);
    const strip = (r: (typeof m.results)[number]) => ({ ...r, ms: 0, timeToFailureMs: 0, counterexample: null, saved: null, replay: null });
    expect(m.code).toBe(whole.code);
    expect(m.results.map(strip)).toEqual(whole.results.map(strip));
    expect(m.results[0]!.verdict).toBe('violated');
    expect(m.results[0]!.ms).toBe(Math.round([1, 2, 3].reduce((n, k) => n + read(k).pairs[0]!.partial.ms, 0)));
    expect(readFileSync(m.results[0]!.counterexample!, 'utf8')).toBe(readFileSync(whole.results[0]!.counterexample!, 'utf8'));
  });

  it("takes the bounds of a partial's counts: as many length counts as events plus one, a cell below the possible ones", async () => {
    const { search } = randomSearchOf(pairs[0]!, options);
    const padded = edited(1, (p) => (p.lengthCounts = [...p.lengthCounts, ...Array(search.maxEvents + 1 - p.lengthCounts.length).fill(0)]));
    expect((await merged(padded)).results[0]!.verdict).toBe('violated');
    const cell = edited(1, (p) => (p.cells = [possibleCells(search) - 1]));
    expect((await merged(cell)).results[0]!.verdict).toBe('violated');
  });

  it.each([
    ['another share', 2, (p: Partial) => Object.assign(p, { from: 3, to: 7 }), `covers runs 3..6, its share of 12 runs is 4..7`],
    ['a share that ends elsewhere', 2, (p: Partial) => Object.assign(p, { to: 9 }), `covers runs 4..8, its share of 12 runs is 4..7`],
    ['a share that starts elsewhere', 2, (p: Partial) => Object.assign(p, { from: 5 }), `covers runs 5..7, its share of 12 runs is 4..7`],
    [
      'fewer runs and no failure',
      2,
      (p: Partial) => Object.assign(p, { runs: 3, lengthCounts: [3] }),
      'searched 3 of runs 4..7 and found no failure (a killed or truncated shard): run shard 2/3 again',
    ],
    [
      'an abandoned search',
      2,
      (p: Partial) => Object.assign(p, { abandoned: true }),
      'searched 4 of runs 4..7 and found no failure (a killed or truncated shard): run shard 2/3 again',
    ],
    ['a failure past its runs', 3, (p: Partial) => Object.assign(p, { runs: 2, lengthCounts: [2] }), 'damaged: its failure is not its run 9'],
    ['a failure before its share', 3, (p: Partial) => Object.assign(p.failure!, { index: 7 }), 'damaged: its failure is not its run 10'],
    [
      "a failure at its share's end",
      3,
      (p: Partial) => Object.assign(p, { runs: 5 }, { failure: { ...p.failure!, index: 12 } }),
      'damaged: its failure is not its run 12',
    ],
    ['counts that do not add up', 1, (p: Partial) => (p.lengthCounts = [...p.lengthCounts, 1]), 'damaged: its counts do not add up to its 4 runs'],
    ['more triggered runs than runs', 1, (p: Partial) => (p.triggeredRuns = 5), 'damaged: its counts do not add up to its 4 runs'],
    ['a failure in no triggered run', 3, (p: Partial) => (p.triggeredRuns = 0), 'damaged: its counts do not add up to its 3 runs'],
    [
      'more length counts than events plus one',
      1,
      (p: Partial) => (p.lengthCounts = [...p.lengthCounts, ...Array(200).fill(0)]),
      'damaged: its counts do not add up to its 4 runs',
    ],
    ['a counterexample of another length than it says', 3, (p: Partial) => p.failure!.counterexample.events.pop(), 'damaged: its counterexample holds'],
    [
      'a counterexample that does not reproduce',
      3,
      (p: Partial) => (p.failure!.counterexample.violation.message = 'edited'),
      'its counterexample of 8 events does not reproduce its violation (replayed: violated at step 7, recorded 7)',
    ],
  ])('refuses %s', async (_, k, change, what) => {
    expect(await refusal(edited(k, change))).toContain(`${at(`edited${k}.json`)}: shard ${k}/3, ${WHICH}: ${what}`);
  });

  it("takes a failure at its share's first or last run, and triggered runs from 1 up to its runs (as far as these checks go)", async () => {
    const outcome = (paths: string[]) =>
      merged(paths).then(
        () => 'merged',
        (e: Error) => e.message,
      );
    const first = await outcome(
      edited(3, (p) => Object.assign(p, { runs: 1, lengthCounts: [1], triggeredRuns: 1, cells: [] }, { failure: { ...p.failure!, index: 8 } })),
    );
    expect(first).not.toContain('its failure is not its run');
    expect(first).not.toContain('do not add up');
    const last = await outcome(
      edited(3, (p) =>
        Object.assign(p, { runs: 4, lengthCounts: [...p.lengthCounts.slice(0, -1), p.lengthCounts.at(-1)! + 1] }, { failure: { ...p.failure!, index: 11 } }),
      ),
    );
    expect(last).not.toContain('its failure is not its run');
    expect(last).not.toContain('do not add up');
    for (const triggered of [1, 3]) {
      const r = await outcome(edited(3, (p) => (p.triggeredRuns = triggered)));
      expect(r, `${triggered} triggered`).not.toContain('do not add up');
    }
    const all = await outcome(edited(1, (p) => (p.triggeredRuns = p.runs)));
    expect(all).not.toContain('do not add up');
  });

  it('refuses a failure just before its share, whatever its runs', async () => {
    expect(
      await refusal(edited(3, (p) => Object.assign(p, { runs: 0, lengthCounts: [], triggeredRuns: 0, cells: [] }, { failure: { ...p.failure!, index: 7 } }))),
    ).toContain('damaged: its failure is not its run 7');
  });

  it('refuses more triggered runs by one, and a cell at the possible ones', async () => {
    const { search } = randomSearchOf(pairs[0]!, options);
    const f = read(1).pairs[0]!.partial;
    expect(await refusal(edited(1, (p) => (p.triggeredRuns = p.runs + 1)))).toContain('its counts do not add up');
    expect(f.triggeredRuns).toBeLessThanOrEqual(f.runs);
    expect(await refusal(edited(1, (p) => (p.cells = [possibleCells(search)])))).toContain('its counts do not add up');
    expect(await refusal(edited(1, (p) => (p.lengthCounts = [...p.lengthCounts, ...Array(search.maxEvents + 2 - p.lengthCounts.length).fill(0)])))).toContain(
      'its counts do not add up',
    );
  });
});

describe('a suite whose exhaustive scope is smaller than its random one', () => {
  it("merges: shards and merge run, digest and replay on the random engine's model", async () => {
    const fl: CheckSelection = {
      suite: 'feedback-loop',
      property: 'no-cascade',
      variant: 'skype-2010',
      overrides: {},
      budget: 'test',
      runs: 12,
      seed: null,
      dir: at('fl-cx'),
    };
    const flPairs = await checkPairsOf(fl);
    const flOptions = checkOptionsOf(fl, fl.dir, false);
    for (const k of [1, 2]) await runCheckShard(flPairs, flOptions, fl, { index: k, count: 2 }, at(`fl${k}.json`));
    // Run 8 (index 7) fails: in shard 2's runs 6..11, its counterexample replayed by the merge.
    expect((JSON.parse(readFileSync(at('fl2.json'), 'utf8')) as CheckShardFile).pairs[0]!.partial.failure?.index).toBe(7);
    // What they ran: the suite, and the pair's model as the random engine runs it (churn budget 2).
    const suite = flPairs[0]!.suite;
    expect((JSON.parse(readFileSync(at('fl1.json'), 'utf8')) as CheckShardFile).ran).toEqual(runDigest([suite], [suiteModel(suite, 'skype-2010')]));
    expect(suiteModel(suite, 'skype-2010').config.churnBudget).toBe(2);
    const m = await prepareCheckMerge(readShardSet([at('fl1.json'), at('fl2.json')]) as never, at('fl-merged'), false);
    const whole = await runChecks(flPairs, flOptions);
    expect(m.run().results.map((r) => [r.verdict, r.runs])).toEqual(whole.results.map((r) => [r.verdict, r.runs]));
  });

  it('refuses a counterexample that reproduces only on the exhaustive scope (its churn budget of 1, not 2)', async () => {
    // Two peers going offline first: on the random engine's model (churn budget 2) the cascade no
    // longer comes; on the exhaustive scope's (budget 1) the second is no event and it still does.
    const f = JSON.parse(readFileSync(at('fl2.json'), 'utf8')) as CheckShardFile;
    const c = f.pairs[0]!.partial.failure!.counterexample;
    c.events = [{ kind: 'goOffline', peer: 5 }, { kind: 'goOffline', peer: 6 }, ...c.events];
    c.violation.step += 2;
    c.eventsAfterShrink = c.events.length;
    writeFileSync(at('fl2-churn.json'), JSON.stringify(f));
    expect(await refusal([at('fl1.json'), at('fl2-churn.json')])).toMatch(
      /fl2-churn\.json: shard 2\/2, feedback-loop \/ no-cascade on skype-2010: its counterexample of \d+ events does not reproduce its violation \(replayed: holds\)/,
    );
  });
});

describe("overrides the random engine's model takes and the exhaustive scope would not", () => {
  it('merge: they are checked on the model the check runs, not on the exhaustive scope', async () => {
    // A suite whose exhaustive section has 5 peers (the small scale has 11): 6 eligible peers are
    // a valid random-engine config, an invalid exhaustive one.
    const file = at('scoped.mjs');
    writeFileSync(
      file,
      "export default ({ defineSuite }) => defineSuite({ id: 'shard-scoped', title: 'scoped', kinds: ['crash'], properties: ['no-cascade'], variants: { fixed: null }, budget: { test: 4, start: 4 }, exhaustive: { variants: ['fixed'], config: { peers: 5 } } });\n",
    );
    const sel: CheckSelection = {
      suite: file,
      property: null,
      variant: null,
      overrides: { eligible: 6 },
      budget: 'test',
      runs: null,
      seed: null,
      dir: at('scoped-cx'),
    };
    const scopedPairs = await checkPairsOf(sel);
    const opts = checkOptionsOf(sel, sel.dir, false);
    for (const k of [1, 2]) await runCheckShard(scopedPairs, opts, sel, { index: k, count: 2 }, at(`scoped${k}.json`));
    const m = await prepareCheckMerge(readShardSet([at('scoped1.json'), at('scoped2.json')]) as never, undefined, false);
    expect(m.run().results).toHaveLength(1);
  });
});
