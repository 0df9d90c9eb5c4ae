/**
 * What an explore shard tells while it searches (src/runner/shardExplore.ts): a search pulses every
 * 65,536 visits, so this one searches a pair of more than that (one of the directory suite's, about
 * 80,000 states), and each progress line names the pair among the shard's and the shard. Apart from
 * test/runner/shardExplore.test.ts because it takes a few seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explorePairsOf, exploreOptionsOf, runExploreShard, type ExploreSelection } from '../../src/runner/shardExplore.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-shard-explore-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runExploreShard', () => {
  const selection: ExploreSelection = {
    suite: 'directory',
    property: 'consistent-directory',
    variant: 'fixed',
    overrides: {},
    budget: 'test',
    horizon: null,
    maxStates: null,
    maxMemoryMB: 4096,
    dir: join(dir, 'cx'),
  };

  it('tells its progress on a search of more than 65,536 visits, each line saying which pair of how many and which shard', async () => {
    const pairs = await explorePairsOf(selection);
    expect(pairs).toHaveLength(1);
    const texts: string[] = [];
    await runExploreShard(pairs, exploreOptionsOf(selection, selection.dir, false), selection, { index: 1, count: 1 }, join(dir, 'shard.json'), {
      progress: (_, __, text) => texts.push(text),
    });
    expect(texts.length).toBeGreaterThan(0);
    expect(texts[0]).toMatch(/^\[1\/1\] shard 1\/1: consistent-directory on fixed: [\d,]+ states/);
  });
});
