/**
 * Informal Trace Format export: a counterexample as the JSON trace format of Apalache and Quint, so
 * it can be read by their tools. `states[0]` is the initial state and `states[i]` the state after
 * step i (heal ticks included up to the violation), so a file's 0-based violation `step` is
 * `states[step + 1]`; integers are written as `{"#bigint": "..."}`, arrays as sequences, objects as
 * records. `mbt::actionTaken` names the event of each step and `mbt::effects` lists what the step
 * did, as the model recorded it (records with a `kind`, in order; empty for the initial state).
 */
import { z } from 'zod';
import { cloneState, describeEvent, init, type Effect, type Event, type Model, type State } from '../model/index.ts';
import { VERSION } from '../version.ts';
import { trace } from './trace.ts';

export type ItfValue = string | boolean | { '#bigint': string } | ItfValue[] | { [key: string]: ItfValue };

export interface ItfTrace {
  '#meta': Record<string, string | number>;
  vars: string[];
  states: ItfState[];
}

/** One state: `#meta` with its index, then one entry per variable. */
export type ItfState = { [variable: string]: ItfValue | { index: number } };

const ACTION = 'mbt::actionTaken';
const EFFECTS = 'mbt::effects';

/** The trace of `events` (plus `healTicks` ticks) from `init(model)`. */
export function toItf(model: Model, events: readonly Event[], healTicks: number, source: string, description: string): ItfTrace {
  const start = init(model);
  const vars = [...Object.keys(start), ACTION, EFFECTS, 'lastEvent'];
  const states: ItfTrace['states'] = [snapshot(start, 0, 'init', null, [])];
  for (const s of trace(model, events, healTicks)) states.push(snapshot(s.state, s.index + 1, describeEvent(s.event), s.event, s.effects));
  return {
    '#meta': {
      format: 'ITF',
      'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
      source,
      description,
      'generated-by': `cascade ${VERSION}`,
    },
    vars,
    states,
  };
}

function snapshot(state: State, index: number, action: string, event: Event | null, effects: readonly Effect[]): ItfState {
  const copy = cloneState(state) as unknown as Record<string, unknown>;
  const out: ItfState = { '#meta': { index } };
  for (const [key, value] of Object.entries(copy)) out[key] = encode(value);
  out[ACTION] = action;
  out[EFFECTS] = encode(effects);
  out.lastEvent = event ? encode(event) : { kind: 'none' };
  return out;
}

/** A JSON value in ITF's encoding. */
export function encode(value: unknown): ItfValue {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`ITF has no non-integer numbers: ${value}`);
    return { '#bigint': String(value) };
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  throw new Error(`ITF cannot encode ${String(value)}`);
}

/** The ITF shape: what a reader of the format may rely on. */
const ItfValueSchema: z.ZodType<ItfValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.boolean(),
    z.object({ '#bigint': z.string().regex(/^-?\d+$/) }).strict(),
    z.array(ItfValueSchema),
    z.record(
      z.string().refine((k) => !k.startsWith('#') || k === '#meta'),
      ItfValueSchema,
    ),
  ]),
);

export const ItfTraceSchema = z
  .object({
    '#meta': z.record(z.string(), z.union([z.string(), z.number()])),
    params: z.array(z.string()).optional(),
    vars: z.array(z.string()).min(1),
    states: z.array(z.object({ '#meta': z.object({ index: z.number().int().min(0) }).passthrough() }).catchall(ItfValueSchema)).min(1),
    loop: z.number().int().optional(),
  })
  .strict()
  .superRefine((trace, ctx) => {
    trace.states.forEach((s, i) => {
      if (s['#meta'].index !== i) ctx.addIssue({ code: 'custom', path: ['states', i, '#meta', 'index'], message: `expected index ${i}` });
      for (const v of trace.vars) if (!(v in s)) ctx.addIssue({ code: 'custom', path: ['states', i, v], message: 'missing variable' });
    });
  });
