/**
 * The counterexample file: everything needed to replay a violation from its events alone (config,
 * variant, bounds, events) plus how it was found (engine, seed, fast-check path, shrink statistics).
 * Validated by a schema on every load; the schema version guards future changes.
 */
import { z } from 'zod';
import { ConfigSchema, type Config } from '../model/index.ts';

export const SCHEMA_VERSION = 1;

/**
 * Bounds on the work a file can ask for. A replay takes `steps` = events + heal ticks, each over a
 * state of `stateSize` entries; the products are capped so that replaying, exporting or reporting
 * any valid file stays far inside 1 GB and 60 s (measured, README: Counterexample files). Every
 * committed file is far below them (at most 88 steps over 29 entries).
 */
export const FILE_LIMITS = {
  events: 1_000,
  healTicks: 1_000,
  loginTicks: 500,
  stateSize: 20_000,
  /** steps x stateSize: the replay, its narrative and the report's charts and diagram. */
  work: 500_000,
  /** (steps + 1) x stateSize: an ITF export holds every state. */
  itfWork: 50_000,
} as const;

/** The entries a state holds: peers, supernode slots (eligible peers and mega slots) and the two queues at their limits. */
export function stateSize(config: Config): number {
  return config.peers + config.eligible + config.megaSlots + config.loginQueueLimit + config.offlineQueueLimit;
}

/** The steps a replay takes: the events, then the heal phase (login-completes may watch twice the login bound). */
export function replaySteps(file: { events: readonly unknown[]; bounds: { healTicks: number; loginTicks: number } }): number {
  return file.events.length + Math.max(file.bounds.healTicks, 2 * file.bounds.loginTicks);
}

/** A name used in file names and anchors: lower-case words joined by hyphens. */
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and hyphens (at most 64)');

const peer = z.number().int().min(0);
export const EventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tick') }).strict(),
  z.object({ kind: z.literal('crash'), peer }).strict(),
  z.object({ kind: z.literal('reboot'), peer }).strict(),
  z.object({ kind: z.literal('goOnline'), peer }).strict(),
  z.object({ kind: z.literal('goOffline'), peer }).strict(),
  z.object({ kind: z.literal('massReboot'), percent: z.number().int().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('degradeOfflineMessages'), level: z.number().int().min(1).max(8) }).strict(),
  z.object({ kind: z.literal('addMegaSupernodes'), count: z.number().int().min(1).max(1_000_000_000) }).strict(),
]);

export const BoundsSchema = z
  .object({
    cascadeFactor: z.number().min(0).max(1_000_000),
    loginQueue: z.number().int().min(0).max(1_000_000_000),
    amplification: z.number().min(0).max(1_000_000),
    healTicks: z.number().int().min(0).max(FILE_LIMITS.healTicks),
    loginTicks: z.number().int().min(1).max(FILE_LIMITS.loginTicks),
  })
  .strict();

export const CounterexampleSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    tool: z.object({ name: z.literal('cascade'), version: z.string().max(100) }).strict(),
    property: z.string().max(100),
    variant: z.string().max(500),
    suite: slug,
    /** The suite file of a user suite (`check --suite FILE`), relative to this file's directory. */
    suiteFile: z.string().min(1).max(1_000).optional(),
    engine: z.enum(['random', 'exhaustive']),
    seed: z.number().int().nullable(),
    path: z.string().max(100_000).nullable(),
    config: ConfigSchema,
    bounds: BoundsSchema,
    events: z.array(EventSchema).max(FILE_LIMITS.events),
    /**
     * Where the property failed: `step` is the 0-based index, in the events followed by the heal
     * ticks, of the step after which it showed (the ITF export's `states[step + 1]`). People read it
     * counted from 1: the narrative, `replay` and the report print `step + 1`.
     */
    violation: z.object({ step: z.number().int().min(0), message: z.string().max(2_000) }).strict(),
    shrink: z
      .object({
        eventsBeforeShrink: z.number().int().min(0),
        eventsAfterShrink: z.number().int().min(0),
        fastCheckShrinks: z.number().int().min(0),
        minimizeTries: z.number().int().min(0),
      })
      .strict()
      .nullable(),
    search: z
      .object({
        states: z.number().int().min(0),
        depth: z.number().int().min(0),
        /** The tick horizon of the search (files of the depth-bounded engine have `symmetry` instead). */
        horizon: z.number().int().min(0).optional(),
        symmetry: z.boolean().optional(),
      })
      .strict()
      .nullable(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const size = stateSize(file.config);
    if (size > FILE_LIMITS.stateSize) {
      ctx.addIssue({
        code: 'custom',
        path: ['config'],
        message: `a state of ${size.toLocaleString('en-US')} entries (peers + eligible + megaSlots + both queue limits) is more than the ${FILE_LIMITS.stateSize.toLocaleString('en-US')} a counterexample file may hold`,
      });
      return;
    }
    const work = replaySteps(file) * size;
    if (work > FILE_LIMITS.work)
      ctx.addIssue({
        code: 'custom',
        path: ['bounds'],
        message: `${replaySteps(file)} steps over a state of ${size} entries is more work (${work.toLocaleString('en-US')}) than the ${FILE_LIMITS.work.toLocaleString('en-US')} a counterexample file may ask for`,
      });
  });

export type CounterexampleFile = z.infer<typeof CounterexampleSchema>;
