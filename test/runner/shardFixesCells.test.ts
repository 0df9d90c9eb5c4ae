/**
 * The merge of a fixes shard written by hand (src/runner/shardFixes.ts), on a suite whose
 * exhaustive scope is smaller than its random one (feedback-loop: churn budget 1, not 2): its digest
 * is the suites' and every cell's model for both engines; each engine's counterexample is replayed
 * on that engine's model; the analysis is made of the answers as given, and an expectation the
 * answers do not meet gives exit code 1. Real counterexamples come from a few random runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { propertyOf, SUITES, suiteModel } from '../../properties/index.ts';
import { searchRandomRange } from '../../src/search/random.ts';
import { Refusal } from '../../src/io/refusal.ts';
import { fixSearchBound } from '../../src/runner/cellTasks.ts';
import { fixSubsets, variantOf } from '../../src/runner/fixSets.ts';
import { runDigest } from '../../src/runner/shardDigest.ts';
import { prepareFixesMerge } from '../../src/runner/shardFixes.ts';
import { readShardSet } from '../../src/runner/shardSet.ts';
import { VERSION } from '../../src/version.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-fixes-cells-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const suite = SUITES.find((s) => s.id === 'feedback-loop')!;
const RUNS = 10;
const cells = fixSubsets(['robust-client']).flatMap((fixes) => suite.properties.map((property) => ({ variant: variantOf('skype-2010', fixes), property })));
const found = (variant: string, property: string) => {
  const r = searchRandomRange(suiteModel(suite, variant), propertyOf(suite, property)!, suite.bounds, {
    runs: RUNS,
    seed: suite.seed,
    maxEvents: suite.maxEvents,
    kinds: suite.kinds,
    from: 0,
    to: RUNS,
  });
  return { runs: r.runs, counterexample: { events: r.failure!.counterexample.events, violation: r.failure!.counterexample.violation } };
};

type Cell = Record<string, any>;
const holds = (variant: string, property: string): Cell => ({
  random: { engine: 'random', verdict: 'holds', runs: RUNS, ms: 3, counterexample: null },
  exhaustive: {
    engine: 'exhaustive',
    verdict: 'holds-within-horizon',
    stoppedBy: 'horizon',
    horizon: fixSearchBound(suite, 'test', property, variant).horizon,
    states: 10,
    ms: 5,
    counterexample: null,
  },
});

/** The shard file of every cell, `answer` giving each cell's engines; returns its path. */
function shard(name: string, answer: (variant: string, property: string, index: number) => Cell): string {
  const file = {
    kind: 'cascade-shard',
    schemaVersion: 2,
    tool: { name: 'cascade', version: VERSION },
    shard: { index: 1, count: 1 },
    ran: runDigest(
      [suite],
      cells.flatMap((c) => [suiteModel(suite, c.variant), suiteModel(suite, c.variant, true)]),
    ),
    command: 'fixes',
    selection: { suite: suite.id, base: 'skype-2010', budget: 'test', runs: RUNS, among: ['robust-client'], everySet: false },
    cells: cells.map((c, index) => ({
      index,
      suite: suite.id,
      base: 'skype-2010',
      variant: c.variant,
      property: c.property,
      ...answer(c.variant, c.property, index),
    })),
  };
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('prepareFixesMerge on answers written by hand', () => {
  // Run 8 of skype-2010 fails no-cascade (8 events, a reboot and ticks); with two peers gone offline
  // first it holds on the random engine's model and still fails on the exhaustive scope's.
  const real = found('skype-2010', 'no-cascade');
  const scopeOnly = {
    events: [{ kind: 'goOffline', peer: 5 }, { kind: 'goOffline', peer: 6 }, ...real.counterexample.events],
    violation: { ...real.counterexample.violation, step: real.counterexample.violation.step + 2 },
  };
  const violated = (variant: string, property: string, exhaustiveCx: object): Cell => {
    const r = found(variant, property);
    return {
      random: { engine: 'random', verdict: 'violated', runs: r.runs, ms: 7, counterexample: r.counterexample },
      exhaustive: { ...holds(variant, property).exhaustive, verdict: 'violated', stoppedBy: 'violation', counterexample: { shortest: true, ...exhaustiveCx } },
    };
  };

  it("takes each engine's counterexample that replays on its own model, and makes the analysis of the answers; an unmet expectation exits 1", async () => {
    // skype-2010 violates both properties, as the suite expects; robust-client violates recovers
    // and (by this hand) holds no-cascade, which the suite expects violated: one expectation unmet.
    const path = shard('made.json', (variant, property) =>
      variant === 'skype-2010' && property === 'no-cascade'
        ? violated(variant, property, scopeOnly)
        : property === 'recovers'
          ? violated(variant, property, found(variant, property).counterexample)
          : holds(variant, property),
    );
    const merged = await prepareFixesMerge(readShardSet([path]) as never);
    const { analyses, code } = merged.run();
    expect(analyses).toHaveLength(1);
    expect(analyses[0]!.unmet).toEqual([
      { variant: 'skype-2010+robust-client', property: 'no-cascade', expected: 'violated', outcome: expect.stringMatching(/holds/) },
    ]);
    expect(code).toBe(1);
  });

  it('exits 0 when every expectation is met', async () => {
    const path = shard('met.json', (variant, property) => violated(variant, property, found(variant, property).counterexample));
    const { analyses, code } = (await prepareFixesMerge(readShardSet([path]) as never)).run();
    expect(analyses[0]!.unmet).toEqual([]);
    expect(code).toBe(0);
  });

  it('refuses a random counterexample that reproduces only on the exhaustive scope', async () => {
    const path = shard('random-scope.json', (variant, property, index) => {
      const cell = violated(variant, property, found(variant, property).counterexample);
      if (index === 0) cell.random.counterexample = scopeOnly;
      return cell;
    });
    await expect(prepareFixesMerge(readShardSet([path]) as never)).rejects.toThrow(Refusal);
    await expect(prepareFixesMerge(readShardSet([path]) as never)).rejects.toThrow(
      /cell 0 \(feedback-loop: no-cascade on skype-2010\), random engine: its counterexample of 10 events does not reproduce its violation \(replayed: holds\)/,
    );
  });
});
