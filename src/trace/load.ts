/**
 * Loading a counterexample file: read, parse JSON, validate against the schema, and check that its
 * property and variant exist. Every problem is one line naming the file and what is wrong.
 */
import { firstIssue, lookup, parseVariant, type Checked } from '../model/index.ts';
import { PROPERTIES } from '../properties/index.ts';
import { parseJson, readText } from './readJson.ts';
import { CounterexampleSchema, type CounterexampleFile } from './schema.ts';

export function loadCounterexample(path: string): Checked<CounterexampleFile> {
  const text = readText(path);
  return text.ok ? parseCounterexample(text.value, path) : text;
}

export function parseCounterexample(text: string, path: string): Checked<CounterexampleFile> {
  const json = parseJson(text, path);
  if (!json.ok) return json;
  const result = CounterexampleSchema.safeParse(json.value);
  if (!result.success) return { ok: false, error: `${path}: ${firstIssue(result.error, json.value)}` };
  const file = result.data;
  if (!lookup(PROPERTIES, file.property)) return { ok: false, error: `${path}: property: unknown property '${file.property}'` };
  const variant = parseVariant(file.variant);
  if (!variant.ok) return { ok: false, error: `${path}: variant: ${variant.error}` };
  const bad = file.events.findIndex((e) => 'peer' in e && e.peer >= file.config.peers);
  if (bad >= 0) return { ok: false, error: `${path}: events.${bad}: peer index out of range (config has ${file.config.peers} peers)` };
  return { ok: true, value: file };
}
