/** Reads a JSON file, answering a missing or malformed file with one line that names it. */
import { readFileSync } from 'node:fs';
import type { Checked } from '../model/index.ts';

export function readText(path: string): Checked<string> {
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: `${path}: cannot read (${code === 'ENOENT' ? 'no such file' : code ?? 'error'})` };
  }
}

export function parseJson(text: string, path: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `${path}: not valid JSON (${(error as Error).message.split('\n')[0]})` };
  }
}

export function readJson(path: string): Checked<unknown> {
  const text = readText(path);
  return text.ok ? parseJson(text.value, path) : text;
}
