/**
 * Loading a counterexample file: read, parse JSON, validate against the schema, and check that its
 * property and variant exist. Every problem is one line naming the file and what is wrong.
 */
import { dirname, join } from 'node:path';
import { firstIssue, lookup, parseVariant, type Checked } from '../model/index.ts';
import { PROPERTIES, type Property } from '../propertyLanguage/index.ts';
import { parseJson, readText } from '../io/readJson.ts';
import { CounterexampleSchema, type CounterexampleFile } from './schema.ts';

/**
 * `properties`: the properties a file may name (the built-in ones, and those of user suites the
 * user named). A file of a user suite's property that was not named says which suite file to name.
 */
export function loadCounterexample(path: string, properties: Record<string, Property> = PROPERTIES): Checked<CounterexampleFile> {
  const text = readText(path);
  return text.ok ? parseCounterexample(text.value, path, properties) : text;
}

/** The suite file a counterexample names, as a path from the working directory. */
export function suiteFileOf(path: string, file: CounterexampleFile): string | null {
  return file.suiteFile === undefined ? null : join(dirname(path), file.suiteFile);
}

export function parseCounterexample(text: string, path: string, properties: Record<string, Property> = PROPERTIES): Checked<CounterexampleFile> {
  const json = parseJson(text, path);
  if (!json.ok) return json;
  const result = CounterexampleSchema.safeParse(json.value);
  if (!result.success) return { ok: false, error: `${path}: ${firstIssue(result.error, json.value)}` };
  const file = result.data;
  if (!lookup(properties, file.property)) {
    const suiteFile = suiteFileOf(path, file);
    if (suiteFile !== null)
      return {
        ok: false,
        error: `${path}: property '${file.property}' is defined in the suite file ${suiteFile}: name it with --suite ${suiteFile} (a suite file is code: cascade runs one only when you name it)`,
      };
    return { ok: false, error: `${path}: property: unknown property '${file.property}'` };
  }
  const variant = parseVariant(file.variant);
  if (!variant.ok) return { ok: false, error: `${path}: variant: ${variant.error}` };
  const bad = file.events.findIndex((e) => 'peer' in e && e.peer >= file.config.peers);
  if (bad >= 0) return { ok: false, error: `${path}: events.${bad}: peer index out of range (config has ${file.config.peers} peers)` };
  return { ok: true, value: file };
}
