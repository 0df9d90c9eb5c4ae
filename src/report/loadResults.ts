/**
 * Reads the results `npm start` saved and validates them against the schema, with a one-line error
 * naming the file, the field and what is wrong, so that a bad results file is a usage error and not
 * a stack trace.
 */
import { readJson } from '../trace/readJson.ts';
import type { Checked } from '../model/index.ts';
import type { Results } from './results.ts';
import { quote, ResultsSchema } from './resultsSchema.ts';

/** The largest results file read (one from `cascade start` is about 70 KB). */
export const MAX_RESULTS_BYTES = 16 << 20;

export function loadResults(path: string): Checked<Results> {
  const json = readJson(path, MAX_RESULTS_BYTES);
  if (!json.ok) return json;
  const result = ResultsSchema.safeParse(json.value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  let what = issue.message;
  if (issue.code === 'unrecognized_keys') what = `unknown field ${issue.keys.map((k) => quote(k)).join(', ')}`;
  // zod's own message for a missing field says it received undefined: say missing instead.
  else if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input:') && !present(json.value, issue.path)) what = `missing (expected ${issue.expected})`;
  return { ok: false, error: `${path}: ${where}: ${what}` };
}

/** Whether the field at `path` is in the parsed JSON (an own property of its parent). */
function present(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return true;
  let parent = root;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, key)) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  return typeof parent === 'object' && parent !== null && Object.hasOwn(parent, path[path.length - 1]!);
}
