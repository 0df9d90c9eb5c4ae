/**
 * The check every export target passes before anything is computed or written (`replay --itf OUT`,
 * and any later export): a file name, not a directory, device node or symbolic link; never a
 * counterexample file (committed evidence is written only by the engines), nor inside a directory of
 * them, however reached (real paths are compared, so a symbolic link does not lead around the check);
 * and an existing file is replaced only with `--update`.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { readText } from './readJson.ts';
import { shown } from './printable.ts';
import { isInside, realPath } from './realPath.ts';
import { Refusal } from './refusal.ts';
import { targetKind } from './writeAtomically.ts';

export interface ExportTarget {
  /** The flag that named the target, for the message (e.g. `--itf`). */
  flag: string;
  /** Replace an existing file (never a counterexample). */
  update: boolean;
  /** Files the command reads: a target may not be one of them. */
  inputs: readonly string[];
  /** Directories of counterexamples (default `counterexamples`; a run's own `--dir` too). */
  counterexamplesDirs?: readonly string[];
}

export function checkExportTarget(path: string, target: ExportTarget): void {
  const { flag } = target;
  if (path === '' || path.endsWith('/') || path.endsWith(`${sep}.`) || path === '.' || path === '..')
    throw new Refusal(`${flag} needs a file name, got '${shown(path)}'`);
  const kind = targetKind(path);
  if (kind !== 'absent' && kind !== 'file') throw new Refusal(`${flag} ${path}: is a ${kind}; exports are written to a regular file`);
  const full = resolve(path);
  if (target.inputs.some((input) => realPath(input) === realPath(path))) throw new Refusal(`${flag} ${path}: is the file being read; choose another name`);
  const dirs = target.counterexamplesDirs ?? ['counterexamples'];
  const into = dirs.find((dir) => isInside(path, dir));
  if (into !== undefined)
    throw new Refusal(
      `${flag} ${path}: is inside ${into === 'counterexamples' ? 'the counterexamples directory' : `${into}, where this run stores counterexamples`}; exports never go there`,
    );
  if (kind === 'file') {
    if (isCounterexample(path)) throw new Refusal(`${flag} ${path}: is a counterexample file; exports never replace one`);
    if (!target.update) throw new Refusal(`${flag} ${path}: exists; --update replaces it`);
  }
  let ancestor = dirname(full);
  while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  if (existsSync(ancestor) && !statSync(ancestor).isDirectory()) throw new Refusal(`${flag} ${path}: ${ancestor} is not a directory`);
}

/** Whether a file reads as a cascade counterexample (its own fields, whatever its name). */
function isCounterexample(path: string): boolean {
  const text = readText(path);
  if (!text.ok) return false;
  return /"schemaVersion"\s*:/.test(text.value) && /"name"\s*:\s*"cascade"/.test(text.value) && /"events"\s*:/.test(text.value);
}
