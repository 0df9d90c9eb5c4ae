/**
 * Reads the results `npm start` saved, with a one-line error naming the file, so that a bad results
 * file is a usage error and not a stack trace.
 */
import { readJson } from '../trace/readJson.ts';
import type { Checked } from '../model/index.ts';
import type { Results } from './results.ts';

export function loadResults(path: string): Checked<Results> {
  const json = readJson(path);
  if (!json.ok) return json;
  const r = json.value as Partial<Results> | null;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return { ok: false, error: `${path}: not a results object` };
  for (const field of ['scenarios', 'random', 'exhaustive', 'ratios'] as const) {
    if (!Array.isArray(r[field])) return { ok: false, error: `${path}: ${field}: must be a list (is it a file saved by 'cascade start'?)` };
  }
  if (typeof r.tool !== 'object' || r.tool === null || typeof r.tool.version !== 'string') return { ok: false, error: `${path}: tool: missing tool name and version` };
  if (r.budget !== 'test' && r.budget !== 'start') return { ok: false, error: `${path}: budget: must be test or start` };
  return { ok: true, value: r as Results };
}
