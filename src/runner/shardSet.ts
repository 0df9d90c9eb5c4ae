/**
 * The shard files `cascade merge` is given, checked to be one whole run before anything is merged:
 * one cascade version, one command, one selection, one N, one digest of what they ran (suites,
 * configs, model: shardDigest.ts), and every shard 1..N exactly once. Every refusal is one line;
 * nothing is written before the set is whole.
 */
import { Refusal } from '../io/refusal.ts';
import { VERSION } from '../version.ts';
import { pairSpec, type PairSpec } from './pairSpec.ts';
import type { Pair } from './select.ts';
import { readShardFile, type ShardFile } from './shardFile.ts';
import { showShard } from './shard.ts';
import { DIGEST_WORDS, digestDifference, type RunDigest } from './shardDigest.ts';

/** The files of one run, in shard order, each with the path it was read from. */
export interface ShardSet<F extends ShardFile = ShardFile> {
  command: F['command'];
  selection: F['selection'];
  count: number;
  shards: { path: string; file: F }[];
}

/** Reads the files and checks that they are the N shards of one run. */
export function readShardSet(paths: readonly string[]): ShardSet {
  if (paths.length === 0) throw new Refusal('give the shard files to merge (e.g. cascade merge shards/*.json)');
  const read = paths.map((path) => ({ path, file: readShardFile(path) }));
  const [first] = read;
  for (const { path, file } of read) {
    if (file.tool.version !== VERSION)
      throw new Refusal(`${path}: written by cascade ${file.tool.version}, this is cascade ${VERSION}: shards and their merge must be one version`);
    if (file.command !== first!.file.command)
      throw new Refusal(`${path}: a shard of 'cascade ${file.command}', ${first!.path} of 'cascade ${first!.file.command}': merge the shards of one run`);
    if (file.shard.count !== first!.file.shard.count)
      throw new Refusal(`${path}: shard ${showShard(file.shard)}, ${first!.path}: shard ${showShard(first!.file.shard)}: the shards of one run share their N`);
    const differs = firstDifference(file.selection, first!.file.selection);
    if (differs !== null) throw new Refusal(`${path}: not the same run as ${first!.path}: ${differs}`);
    const ran = digestDifference(file.ran, first!.file.ran);
    if (ran !== null) throw new Refusal(`${path}: not the same run as ${first!.path}: it ran another ${DIGEST_WORDS[ran]}`);
  }
  const count = first!.file.shard.count;
  const shards = [...read].sort((a, b) => a.file.shard.index - b.file.shard.index);
  for (let i = 1; i < shards.length; i++) {
    if (shards[i]!.file.shard.index === shards[i - 1]!.file.shard.index)
      throw new Refusal(`shard ${showShard(shards[i]!.file.shard)} given twice (${shards[i - 1]!.path} and ${shards[i]!.path})`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !shards.some((s) => s.file.shard.index === k));
  if (missing.length > 0)
    throw new Refusal(
      `shard${missing.length === 1 ? '' : 's'} ${missing
        .slice(0, 5)
        .map((k) => `${k}/${count}`)
        .join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''} missing: merge needs all ${count}`,
    );
  return { command: first!.file.command, selection: first!.file.selection, count, shards };
}

/** The first selection field in which `a` and `b` differ, in words, or null when they are the same. */
function firstDifference(a: object, b: object): string | null {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const x = canonical((a as Record<string, unknown>)[key]);
    const y = canonical((b as Record<string, unknown>)[key]);
    if (x !== y) return `its ${key} is ${cut(x)}, there ${cut(y)}`;
  }
  return null;
}

/** JSON with object keys sorted, so that equal selections compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (value === undefined) return 'unset';
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([p], [q]) => (p < q ? -1 : 1))) : v,
  );
}

function cut(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

/** Refuses shards that searched other pairs than the selection names here (another suite file, or an edited shard file). */
export function checkShardPairs(set: ShardSet<ShardFile & { pairs: { pair: PairSpec }[] }>, pairs: readonly Pair[]): void {
  const key = (s: PairSpec) => [s.suite, s.suiteFile ?? '', s.property, s.variant, s.expected ?? ''].join('|');
  const specs = pairs.map((pair) => key(pairSpec(pair))).join('\n');
  for (const { path, file } of set.shards) {
    if (file.pairs.map((p) => key(p.pair)).join('\n') !== specs)
      throw new Refusal(`${path}: holds other pairs than its selection names here (another suite file, or a shard file edited)`);
  }
}

/**
 * Refuses shards that ran something else than this merge would run now: a suite file edited since,
 * another config, or another model. The merge finishes the pairs with what it loads here (their
 * models, properties and counterexample files), so the shards must have run exactly that.
 */
export function checkShardDigests(set: ShardSet, here: RunDigest): void {
  for (const { path, file } of set.shards) {
    const d = digestDifference(file.ran, here);
    if (d !== null)
      throw new Refusal(
        `${path}: ran another ${DIGEST_WORDS[d]} than this merge loads (digest ${file.ran[d].slice(0, 8)}, here ${here[d].slice(0, 8)}): merge with the files and cascade the shards ran, or run them again`,
      );
  }
}
