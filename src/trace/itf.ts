/**
 * Informal Trace Format export: a counterexample as the JSON trace format of Apalache and Quint, so
 * it can be read by their tools. `states[0]` is the initial state and `states[i]` the state after
 * step i (heal ticks included up to the violation); integers are written as `{"#bigint": "..."}`,
 * arrays as sequences, objects as records, and `mbt::actionTaken` names the event of each step.
 */
import { z } from 'zod';
import { cloneState, describeEvent, init, stepOwned, type Event, type Model, type State } from '../model/index.ts';
import { VERSION } from '../version.ts';

export type ItfValue = string | boolean | { '#bigint': string } | ItfValue[] | { [key: string]: ItfValue };

export interface ItfTrace {
  '#meta': Record<string, string | number>;
  vars: string[];
  states: ItfState[];
}

/** One state: `#meta` with its index, then one entry per variable. */
export type ItfState = { [variable: string]: ItfValue | { index: number } };

const ACTION = 'mbt::actionTaken';

/** The trace of `events` (plus `healTicks` ticks) from `init(model)`. */
export function toItf(model: Model, events: readonly Event[], healTicks: number, source: string, description: string): ItfTrace {
  const all: Event[] = [...events, ...Array.from({ length: healTicks }, (): Event => ({ kind: 'tick' }))];
  const state = init(model);
  const vars = [...Object.keys(state), ACTION, 'lastEvent'];
  const states: ItfTrace['states'] = [snapshot(state, 0, 'init', null)];
  all.forEach((event, i) => {
    stepOwned(state, model, event);
    states.push(snapshot(state, i + 1, describeEvent(event), event));
  });
  return {
    '#meta': { format: 'ITF', 'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html', source, description, 'generated-by': `cascade ${VERSION}` },
    vars,
    states,
  };
}

function snapshot(state: State, index: number, action: string, event: Event | null): ItfState {
  const copy = cloneState(state) as unknown as Record<string, unknown>;
  const out: ItfState = { '#meta': { index } };
  for (const [key, value] of Object.entries(copy)) out[key] = encode(value);
  out[ACTION] = action;
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
    z.record(z.string().refine((k) => !k.startsWith('#') || k === '#meta'), ItfValueSchema),
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
