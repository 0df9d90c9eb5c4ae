/**
 * The cells of the fix-set analysis (src/runner/cellTasks.ts), computed in this thread: a
 * computation of batches runs to its end in this thread and concurrently, a cell's exhaustive bound
 * is the suite's at most 4 GB of memory, and each engine's cell answers with its own fields. Quick:
 * crash-cascade-2010's searches close at under a hundred states; the first test the mutation run
 * tries on the file.
 */
import { describe, expect, it } from 'vitest';
import { SUITES } from '../../properties/index.ts';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixCell, fixSearchBound, runSteps, runStepsAsync, type Steps } from '../../src/runner/cellTasks.ts';
import { explorePair, exhaustiveSearchOf, memoryCeilingMB } from '../../src/runner/explorePair.ts';

/** Asks for [1, 2], then for the doubles of its answers, and returns the sum of all the answers. */
function* twoBatches(): Steps<number, number, number> {
  const first = yield [1, 2];
  const second = yield first.map((a) => a * 2);
  return [...first, ...second].reduce((s, a) => s + a, 0);
}

describe('runSteps and runStepsAsync', () => {
  it("answer every batch in order, to the computation's end", async () => {
    // Answers add 10: first batch 11, 12; second asks 22, 24 and gets 32, 34; sum 89.
    expect(runSteps(twoBatches(), (q) => q + 10)).toBe(89);
    expect(await runStepsAsync(twoBatches(), async (q) => q + 10)).toBe(89);
  });
});

describe('fix-set cells', () => {
  const suite = SUITES.find((s) => s.id === 'crash-cascade-2010')!;

  it("an exhaustive cell's memory bound is at most 4 GB, and this machine's ceiling below that", () => {
    const b = fixSearchBound(suite, 'test', 'no-cascade', 'fixed');
    expect(b.maxMemoryMB).toBe(Math.min(4096, memoryCeilingMB()));
    // The search a cell makes gives the engine bytes: 4,096 MB is 4,294,967,296 bytes (a MB being 1,048,576 of them).
    const engine = exhaustiveSearchOf({ suite, property: 'no-cascade', variant: 'fixed' }, { budget: 'test', ...b }).searchBounds;
    expect(engine.maxMemoryBytes).toBe(b.maxMemoryMB * 1_048_576);
    if (memoryCeilingMB() >= 4096) expect(engine.maxMemoryBytes).toBe(4_294_967_296);
    expect({ horizon: engine.horizon, maxStates: engine.maxStates }).toEqual({ horizon: b.horizon, maxStates: b.maxStates });
  });

  it('an exhaustive cell searches what explore searches at the same budget: the exhaustive scope, not the population', () => {
    // feedback-loop's exhaustive scope allows one churn; on its population scope this search meets 636
    // states, on the exhaustive one 561, so a cell on the wrong scope differs from explore.
    const loop = SUITES.find((s) => s.id === 'feedback-loop')!;
    const pair = { suite: loop, property: 'recovers', variant: 'skype-2010+backoff-jitter', expected: null };
    const cell = fixCell(loop, { runs: 20, budget: 'test' }, { engine: 'exhaustive', ...pair });
    const dir = mkdtempSync(join(tmpdir(), 'cascade-cell-'));
    try {
      const explored = explorePair(pair, { budget: 'test', dir, update: false, maxMemoryMB: 4096 });
      expect(cell).toMatchObject({ engine: 'exhaustive', verdict: explored.verdict, states: explored.states });
      expect(readdirSync(dir).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a random cell answers with its runs; an exhaustive one with its states and a counterexample marked shortest', () => {
    const random = fixCell(suite, { runs: 20, budget: 'test' }, { engine: 'random', variant: 'fixed', property: 'no-cascade' });
    expect(random).toMatchObject({ engine: 'random', runs: 20, counterexample: null });
    const holds = fixCell(suite, { runs: 20, budget: 'test' }, { engine: 'exhaustive', variant: 'fixed', property: 'no-cascade' });
    expect(holds).toMatchObject({ engine: 'exhaustive', verdict: 'holds', states: 78, counterexample: null });
    const violated = fixCell(suite, { runs: 20, budget: 'test' }, { engine: 'exhaustive', variant: 'skype-2010', property: 'no-client-crash' });
    expect(violated).toMatchObject({ engine: 'exhaustive', verdict: 'violated', counterexample: { shortest: true } });
    expect(Object.keys(violated.counterexample!).sort()).toEqual(['events', 'shortest', 'violation']);
  });
});
