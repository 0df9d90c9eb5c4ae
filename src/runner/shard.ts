/**
 * `--shard K/N`: one of N parts of a command's independent work (the runs of every pair, the cells
 * of a fix-set analysis, the points of a sweep), cut the same way on every machine so that the N
 * shard files `cascade merge` reads cover the work exactly once. No scheduler of cascade's own: a
 * batch engine (a CI matrix, an indexed job) runs the N shards and a last step merges them.
 */
import { Refusal } from '../io/refusal.ts';

/** Shard `index` (1 to `count`) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The most shards a command is cut into. */
export const MAX_SHARDS = 10_000;

/** Parses `K/N` (1 <= K <= N <= 10,000); anything else is one line naming the flag. */
export function parseShard(value: string): Shard {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new Refusal(`--shard must be K/N with 1 <= K <= N <= ${MAX_SHARDS.toLocaleString('en-US')} (e.g. --shard 2/8), got '${value.slice(0, 80)}'`);
  }
  return { index, count };
}

/** `K/N`, as flags and messages write it. */
export function showShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The part of `0 .. total` that shard K of N takes: `floor(total (K-1) / N) .. floor(total K / N)`.
 * The N parts join up with no gap and no overlap, whatever `total` is (a part may be empty).
 */
export function shareOf(total: number, shard: Shard): [number, number] {
  return [Math.floor((total * (shard.index - 1)) / shard.count), Math.floor((total * shard.index) / shard.count)];
}
