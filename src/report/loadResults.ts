/**
 * Reads the results `npm start` saved, with a one-line error naming the file, so that a bad results
 * file is a usage error and not a stack trace.
 */
import { readFileSync } from 'node:fs';
import type { Checked } from '../model/index.ts';
import type { Results } from './results.ts';

export function loadResults(path: string): Checked<Results> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `${path}: cannot read (${code === 'ENOENT' ? 'no such file' : code ?? 'error'})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${path}: not valid JSON (${(error as Error).message.split('\n')[0]})` };
  }
  const r = json as Partial<Results> | null;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return { ok: false, error: `${path}: not a results object` };
  for (const field of ['scenarios', 'random', 'exhaustive', 'ratios'] as const) {
    if (!Array.isArray(r[field])) return { ok: false, error: `${path}: ${field}: must be a list (is it a file saved by 'cascade start'?)` };
  }
  if (typeof r.tool !== 'object' || r.tool === null || typeof r.tool.version !== 'string') return { ok: false, error: `${path}: tool: missing tool name and version` };
  if (r.budget !== 'test' && r.budget !== 'start') return { ok: false, error: `${path}: budget: must be test or start` };
  return { ok: true, value: r as Results };
}
