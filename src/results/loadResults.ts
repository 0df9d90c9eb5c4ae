/**
 * Reads the results `npm start` saved and validates them against the schema, with a one-line error
 * naming the file, the field and what is wrong, so that a bad results file is a usage error and not
 * a stack trace.
 */
import { readJson } from '../io/readJson.ts';
import { firstIssue } from '../model/schemaIssue.ts';
import type { Checked } from '../model/index.ts';
import type { Results } from './results.ts';
import { ResultsSchema } from './resultsSchema.ts';

/** The largest results file read (one from `cascade start` is about 70 KB). */
export const MAX_RESULTS_BYTES = 16 << 20;

export function loadResults(path: string): Checked<Results> {
  const json = readJson(path, MAX_RESULTS_BYTES);
  if (!json.ok) return json;
  const result = ResultsSchema.safeParse(json.value);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: `${path}: ${firstIssue(result.error, json.value)}` };
}
