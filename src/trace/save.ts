/**
 * Saving a counterexample: canonical JSON (fixed key order, two-space indent, final newline), written
 * to a temporary file and renamed, so a reader never sees half a file. An existing file with
 * different content is kept unless the caller asks to replace it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CounterexampleFile } from './schema.ts';

export type SaveResult = 'written' | 'unchanged' | 'kept-existing' | 'replaced' | 'replaced-longer';

/** Stable file name: property and variant. */
export function counterexamplePath(dir: string, property: string, variant: string): string {
  return join(dir, `${property}--${variant.replace(/\+/g, '+')}.json`);
}

export function serialize(file: CounterexampleFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * Writes atomically. An existing different file is replaced with `update`, or, with `shorter`, when
 * it holds more events than the new one (the shortest known counterexample wins, and says so).
 */
export function saveCounterexample(path: string, file: CounterexampleFile, update: boolean, shorter = false): SaveResult {
  const text = serialize(file);
  const exists = existsSync(path);
  if (exists) {
    const current = readFileSync(path, 'utf8');
    if (current === text) return 'unchanged';
    if (shorter && !update && eventCount(current) > file.events.length) {
      writeAtomically(path, text);
      return 'replaced-longer';
    }
    if (!update) return 'kept-existing';
  }
  writeAtomically(path, text);
  return exists ? 'replaced' : 'written';
}

export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Events in a stored file's text, or infinity when it cannot be read as one. */
function eventCount(text: string): number {
  try {
    const events = (JSON.parse(text) as { events?: unknown }).events;
    return Array.isArray(events) ? events.length : Infinity;
  } catch {
    return Infinity;
  }
}
