/**
 * `check --shard K/N` on two worker threads (src/runner/shardCheck.ts): the shard's share is
 * searched on the pool and joined into the partial one thread gives, and its progress names each
 * range and the workers. Apart from test/runner/shardCheck.test.ts because a pool takes seconds
 * to start.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOptionsOf, checkPairsOf, runCheckShard, type CheckSelection } from '../../src/runner/shardCheck.ts';
import type { CheckShardFile } from '../../src/runner/shardFile.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-check-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runCheckShard on two workers', () => {
  it('writes the partial one thread writes, telling each range it searched', async () => {
    const selection: CheckSelection = {
      suite: 'crash-cascade-2010',
      property: 'no-client-crash',
      variant: 'skype-2010',
      overrides: {},
      budget: 'test',
      runs: 30,
      seed: null,
      dir: join(dir, 'cx'),
    };
    const pairs = await checkPairsOf(selection);
    const told: { done: number; total: number; text: string }[] = [];
    const shard = { index: 2, count: 3 };
    const pooled = await runCheckShard(pairs, { ...checkOptionsOf(selection, selection.dir, false), workers: 2 }, selection, shard, join(dir, 'pool.json'), {
      progress: (done, total, text) => told.push({ done, total, text }),
    });
    const alone = await runCheckShard(pairs, { ...checkOptionsOf(selection, selection.dir, false), workers: 1 }, selection, shard, join(dir, 'alone.json'));
    expect(pooled).toEqual(alone);
    const partial = (name: string) => ({ ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as CheckShardFile).pairs[0]!.partial, ms: 0 });
    const failure = (p: ReturnType<typeof partial>) => p.failure && { ...p.failure, msToFailure: 0 };
    expect({ ...partial('pool.json'), failure: failure(partial('pool.json')) }).toEqual({ ...partial('alone.json'), failure: failure(partial('alone.json')) });
    // Runs 10..19 in ranges of at least 10 runs: one range, its failure at run 11 (index 10).
    expect(told).toEqual([{ done: 10, total: 10, text: 'shard 2/3: crash-cascade-2010 / no-client-crash on skype-2010: runs 10..19 (2 workers)' }]);
  });
});
