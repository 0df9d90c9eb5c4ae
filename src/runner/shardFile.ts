/**
 * Shard files: what `check`, `explore`, `fixes`, `sweep` and `start --shard K/N --out FILE` write and `cascade merge`
 * reads. A file says which command and selection it belongs to, which shard it is, and holds the
 * answers of its share of the work as plain data; it is validated by a schema with upper bounds on
 * every read, so a damaged or hostile file is one line, never a stack trace or unbounded work: every
 * count within what the command's flags allow (shardLimits.ts). It records digests of what it ran
 * (shardDigest.ts), which a merge compares. An existing `--out` target is replaced only when it is a
 * shard file itself.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { checkExportTarget } from '../io/exportTarget.ts';
import { Refusal } from '../io/refusal.ts';
import { writeAtomically } from '../io/writeAtomically.ts';
import { firstIssue } from '../model/schemaIssue.ts';
import { EventSchema } from '../trace/schema.ts';
import { readJson } from '../io/readJson.ts';
import { VERSION } from '../version.ts';
import { MAX_SHARDS, type Shard } from './shard.ts';
import type { RunDigest } from './shardDigest.ts';
import { SHARD_LIMITS as L } from './shardLimits.ts';
import { BASES } from '../model/variant.ts';
import {
  EnoughRecordSchema,
  ExplorePairResultSchema,
  FidelityReportSchema,
  FixSetRecordSchema,
  PairResultSchema,
  ScenarioSummarySchema,
} from '../results/resultsSchema.ts';

/** What a shard file's `kind` says. */
export const SHARD_KIND = 'cascade-shard';
/** The version of the shard file's shape; raised when a field changes meaning or goes. 2: the digests of what it ran (`ran`), and bounded counts. */
export const SHARD_SCHEMA_VERSION = 2;
/** The largest shard file read. */
export const MAX_SHARD_BYTES = 64 * 2 ** 20;

/** A count of at most `max` (default: the most states or transitions a search reports). */
const count = (max: number = L.transitions) => z.int().min(0).max(max);
const runs = count(L.runs);
const ticks = count(L.ticks);
const measure = z.number().min(0).max(L.transitions);
const ms = z.number().min(0).max(L.ms);
const digest = z.string().regex(/^[0-9a-f]{32}$/);
const text = z.string().max(1_000);
const name = z.string().min(1).max(500);
const list = <T extends z.ZodType>(item: T, max = 100_000) => z.array(item).max(max);
const overrides = z.record(z.string().max(200), z.union([z.number(), list(z.number(), 100)]));
const budget = z.enum(['test', 'start']);
const exhaustiveBudget = z.enum(['test', 'start', 'full']);
const violation = z.object({ step: count(L.ticks + 10_000), message: text }).strict();
const events = list(EventSchema, 1_000);
const suiteSpec = z.object({ suite: name, suiteFile: name.optional() }).strict();
/** A pair as a shard names it: its suite (by id, or by its file), property, variant and expectation. */
const pairSpec = z
  .object({ suite: name, suiteFile: name.optional(), property: name, variant: name, expected: z.enum(['holds', 'violated']).nullable() })
  .strict();

const PartialSchema = z
  .object({
    from: runs,
    to: runs,
    runs,
    triggeredRuns: runs,
    failure: z
      .object({
        index: runs,
        msToFailure: ms,
        counterexample: z
          .object({
            events,
            violation,
            path: z.string().max(100_000),
            eventsBeforeShrink: count(10_000),
            eventsAfterShrink: count(10_000),
            fastCheckShrinks: count(),
            minimizeTries: count(),
          })
          .strict(),
      })
      .strict()
      .nullable(),
    cells: list(count(1_000_000)),
    lengthCounts: list(runs, 10_001),
    ms,
    abandoned: z.boolean(),
  })
  .strict();

const CheckShardSchema = z
  .object({
    command: z.literal('check'),
    selection: z
      .object({
        suite: name.nullable(),
        property: name.nullable(),
        variant: name.nullable(),
        overrides,
        budget,
        runs: count(L.runs).min(1).nullable(),
        seed: z.int().min(L.seed.min).max(L.seed.max).nullable(),
        dir: name,
      })
      .strict(),
    pairs: list(
      z
        .object({
          pair: pairSpec,
          partial: PartialSchema,
        })
        .strict(),
      10_000,
    ),
  })
  .strict();

const RandomCellSchema = z
  .object({
    engine: z.literal('random'),
    verdict: z.enum(['violated', 'holds', 'vacuous']),
    runs,
    ms,
    counterexample: z.object({ events, violation }).strict().nullable(),
  })
  .strict();
const ExhaustiveCellSchema = z
  .object({
    engine: z.literal('exhaustive'),
    verdict: z.enum(['violated', 'holds-within-horizon', 'holds', 'bound-reached']),
    stoppedBy: z.enum(['violation', 'horizon', 'complete', 'states', 'memory']),
    horizon: count(L.horizon),
    states: count(L.maxStates),
    ms,
    counterexample: z.object({ shortest: z.boolean(), events, violation }).strict().nullable(),
  })
  .strict();

const FixesShardSchema = z
  .object({
    command: z.literal('fixes'),
    selection: z
      .object({
        suite: name.nullable(),
        base: name.nullable(),
        budget,
        runs: count(L.runs).min(1).nullable(),
        among: list(name, 10).nullable(),
        everySet: z.boolean(),
      })
      .strict(),
    cells: list(
      z
        .object({
          index: count(1_000_000),
          suite: name,
          base: name,
          variant: name,
          property: name,
          random: RandomCellSchema,
          exhaustive: ExhaustiveCellSchema.nullable(),
        })
        .strict(),
    ),
  })
  .strict();

const SweepShardSchema = z
  .object({
    command: z.literal('sweep'),
    selection: z
      .object({
        param: name,
        from: z.int().min(-L.sweepValue).max(L.sweepValue),
        to: z.int().min(-L.sweepValue).max(L.sweepValue),
        mode: z.union([
          z.object({ kind: z.literal('steps'), steps: z.int().min(L.steps.min).max(L.steps.max) }).strict(),
          z.object({ kind: z.literal('bisect') }).strict(),
        ]),
        target: z.union([
          z.object({ kind: z.literal('scenario'), scenario: name, scale: z.enum(['small', 'population']) }).strict(),
          z.object({ kind: z.literal('property'), suite: suiteSpec, property: name, runs: count(L.sweepRuns).min(1).optional() }).strict(),
        ]),
        variant: name,
        seeds: z.int().min(1).max(L.seeds),
        overrides,
      })
      .strict(),
    points: list(
      z.object({ value: z.int().min(-L.sweepValue).max(L.sweepValue), seed: z.int().min(1).max(L.seeds), outcome: z.boolean(), measure: z.number() }).strict(),
      L.steps.max * L.seeds,
    ),
  })
  .strict();

const ExploreShardSchema = z
  .object({
    command: z.literal('explore'),
    selection: z
      .object({
        suite: name.nullable(),
        property: name.nullable(),
        variant: name.nullable(),
        overrides,
        budget: exhaustiveBudget,
        horizon: count(L.horizon).nullable(),
        maxStates: count(L.maxStates).min(1).nullable(),
        maxMemoryMB: count(L.maxMemoryMB.max).min(L.maxMemoryMB.min),
        dir: name,
      })
      .strict(),
    pairs: list(
      z
        .object({
          pair: pairSpec,
          result: z
            .object({
              verdict: z.enum(['violated', 'holds-within-horizon', 'holds', 'bound-reached']),
              stoppedBy: z.enum(['violation', 'horizon', 'complete', 'states', 'memory']),
              states: count(L.maxStates),
              branchingStates: count(L.maxStates),
              transitions: count(),
              depth: count(),
              ticks,
              healTicks: ticks,
              horizon: count(L.horizon),
              ms,
              bytes: measure,
              shortest: z.boolean(),
              counterexample: z.object({ events, violation }).strict().nullable(),
            })
            .strict(),
        })
        .strict(),
      10_000,
    ),
  })
  .strict();

/** A counterexample file a start shard stored, carried to the merge (its path and text). */
const carriedFile = z
  .object({ path: name, text: z.string().max(4 * 2 ** 20) })
  .strict()
  .nullable();

/** The main job's units a start shard ran (startShard.ts): what each found, as the results keep it. */
const StartShardSchema = z
  .object({
    command: z.literal('start'),
    selection: z.object({ budget, reduction: z.int().min(1).max(100) }).strict(),
    units: count(100_000),
    workers: z.int().min(1).max(1024),
    scenarios: list(ScenarioSummarySchema, 100).nullable(),
    fidelity: FidelityReportSchema.nullable(),
    random: list(z.object({ index: count(100_000), result: PairResultSchema, file: carriedFile }).strict(), 10_000),
    exhaustive: list(z.object({ index: count(100_000), result: ExplorePairResultSchema, file: carriedFile }).strict(), 10_000),
    fixes: list(
      z.object({ base: z.enum(BASES), fixSets: list(FixSetRecordSchema, 1_000), enough: EnoughRecordSchema.nullable(), code: z.int().min(0).max(4) }).strict(),
      10,
    ),
  })
  .strict();

const head = {
  kind: z.literal(SHARD_KIND),
  schemaVersion: z.literal(SHARD_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('cascade'), version: z.string().max(100) }).strict(),
  shard: z
    .object({ index: z.int().min(1).max(MAX_SHARDS), count: z.int().min(1).max(MAX_SHARDS) })
    .strict()
    .refine((s) => s.index <= s.count, 'K must be at most N'),
  ran: z.object({ suites: digest, config: digest, model: digest }).strict(),
};

export const ShardFileSchema = z.discriminatedUnion('command', [
  CheckShardSchema.extend(head),
  FixesShardSchema.extend(head),
  SweepShardSchema.extend(head),
  ExploreShardSchema.extend(head),
  StartShardSchema.extend(head),
]);

export type ShardFile = z.infer<typeof ShardFileSchema>;
export type CheckShardFile = Extract<ShardFile, { command: 'check' }>;
export type FixesShardFile = Extract<ShardFile, { command: 'fixes' }>;
export type SweepShardFile = Extract<ShardFile, { command: 'sweep' }>;
export type ExploreShardFile = Extract<ShardFile, { command: 'explore' }>;
export type StartShardFile = Extract<ShardFile, { command: 'start' }>;

/** A shard file's own fields, before the head is added. */
export type ShardBody =
  | Omit<CheckShardFile, keyof typeof head>
  | Omit<FixesShardFile, keyof typeof head>
  | Omit<SweepShardFile, keyof typeof head>
  | Omit<ExploreShardFile, keyof typeof head>
  | Omit<StartShardFile, keyof typeof head>;

/** Refuses, before any work, an `--out` target that is not a file name or is an existing file other than a shard file. */
export function checkShardTarget(path: string): void {
  checkExportTarget(path, { flag: '--out', update: true, inputs: [] });
  if (!existsSync(path)) return;
  const json = readJson(path, MAX_SHARD_BYTES);
  if (!json.ok || (json.value as { kind?: unknown } | null)?.kind !== SHARD_KIND)
    throw new Refusal(`--out ${path}: exists and is not a shard file; choose another name or remove it`);
}

/** Writes a shard file atomically (its target checked again). */
export function writeShardFile(path: string, shard: Shard, ran: RunDigest, body: ShardBody): void {
  checkShardTarget(path);
  const file = {
    kind: SHARD_KIND,
    schemaVersion: SHARD_SCHEMA_VERSION,
    tool: { name: 'cascade', version: VERSION },
    shard: { index: shard.index, count: shard.count },
    ran,
    ...body,
  };
  writeAtomically(path, JSON.stringify(file) + '\n');
}

/** Reads and validates a shard file; every problem is one `Refusal` line naming the file. */
export function readShardFile(path: string): ShardFile {
  const json = readJson(path, MAX_SHARD_BYTES);
  if (!json.ok) throw new Refusal(json.error);
  const kind = (json.value as { kind?: unknown } | null)?.kind;
  if (kind !== SHARD_KIND) throw new Refusal(`${path}: not a shard file (no "kind": "${SHARD_KIND}")`);
  const version = (json.value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SHARD_SCHEMA_VERSION)
    throw new Refusal(
      `${path}: a shard file of schema version ${String(JSON.stringify(version) ?? 'none').slice(0, 20)}, this cascade reads ${SHARD_SCHEMA_VERSION}: run the shard again with this cascade`,
    );
  const parsed = ShardFileSchema.safeParse(json.value);
  if (!parsed.success) throw new Refusal(`${path}: damaged shard file: ${firstIssue(parsed.error, json.value)}`);
  return parsed.data;
}
