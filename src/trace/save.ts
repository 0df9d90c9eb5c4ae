/**
 * Saving a counterexample: canonical JSON (fixed key order, two-space indent, final newline), written
 * atomically, so a reader never sees half a file. An existing different file is kept unless the
 * caller asks to replace it; a damaged one is kept too, and said so, so that nothing a user may still
 * want is lost without `--update`.
 */
import { join } from 'node:path';
import { targetKind, writeAtomically } from '../io/writeAtomically.ts';
import { parseCounterexample } from './load.ts';
import { readText } from '../io/readJson.ts';
import type { CounterexampleFile } from './schema.ts';
import type { Property } from '../propertyLanguage/index.ts';

export { writeAtomically } from '../io/writeAtomically.ts';

export type SaveResult = 'written' | 'unchanged' | 'kept-existing' | 'kept-damaged' | 'replaced' | 'replaced-longer';

/** Stable file name: property and variant, and the parameter overrides' tag when there are any. */
export function counterexamplePath(dir: string, property: string, variant: string, tag = ''): string {
  return join(dir, `${property}--${variant}${tag === '' ? '' : `--${tag}`}.json`);
}

export function serialize(file: CounterexampleFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * Writes atomically. An existing different file is replaced with `update`, or, with `shorter`, when
 * it is a valid counterexample holding more events than the new one (the shortest known
 * counterexample wins, and says so). A stored file that does not load is `kept-damaged`.
 */
export function saveCounterexample(
  path: string,
  file: CounterexampleFile,
  update: boolean,
  shorter = false,
  properties?: Record<string, Property>,
): SaveResult {
  const text = serialize(file);
  const exists = targetKind(path) !== 'absent';
  const current = readText(path);
  if (current.ok) {
    if (current.value === text) return 'unchanged';
    const stored = parseCounterexample(current.value, path, properties);
    if (!update && !stored.ok) return 'kept-damaged';
    if (shorter && !update && stored.ok && stored.value.events.length > file.events.length) {
      writeAtomically(path, text);
      return 'replaced-longer';
    }
  }
  if (exists && !update) return current.ok ? 'kept-existing' : 'kept-damaged';
  writeAtomically(path, text);
  return exists ? 'replaced' : 'written';
}
