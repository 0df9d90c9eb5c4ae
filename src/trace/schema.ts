/**
 * The counterexample file: everything needed to replay a violation from its events alone (config,
 * variant, bounds, events) plus how it was found (engine, seed, fast-check path, shrink statistics).
 * Validated by a schema on every load; the schema version guards future changes.
 */
import { z } from 'zod';
import { ConfigSchema } from '../model/index.ts';

export const SCHEMA_VERSION = 1;

const peer = z.number().int().min(0);
export const EventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tick') }).strict(),
  z.object({ kind: z.literal('crash'), peer }).strict(),
  z.object({ kind: z.literal('reboot'), peer }).strict(),
  z.object({ kind: z.literal('goOnline'), peer }).strict(),
  z.object({ kind: z.literal('goOffline'), peer }).strict(),
  z.object({ kind: z.literal('massReboot'), percent: z.number().int().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('degradeOfflineMessages'), level: z.number().int().min(1).max(8) }).strict(),
  z.object({ kind: z.literal('addMegaSupernodes'), count: z.number().int().min(1) }).strict(),
]);

export const BoundsSchema = z
  .object({
    cascadeFactor: z.number().min(0),
    loginQueue: z.number().int().min(0),
    amplification: z.number().min(0),
    healTicks: z.number().int().min(0),
    loginTicks: z.number().int().min(1),
  })
  .strict();

export const CounterexampleSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    tool: z.object({ name: z.literal('cascade'), version: z.string() }).strict(),
    property: z.string(),
    variant: z.string(),
    suite: z.string(),
    engine: z.enum(['random', 'exhaustive']),
    seed: z.number().int().nullable(),
    path: z.string().nullable(),
    config: ConfigSchema,
    bounds: BoundsSchema,
    events: z.array(EventSchema),
    violation: z.object({ step: z.number().int().min(0), message: z.string() }).strict(),
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
  .strict();

export type CounterexampleFile = z.infer<typeof CounterexampleSchema>;
