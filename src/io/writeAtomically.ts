/**
 * The one way cascade writes a file: the text goes to a fresh temporary file beside the target,
 * which is then renamed over it, so a reader (or an interrupt) never leaves half a file. Only a
 * regular file is ever replaced: a directory, symbolic link, device node, FIFO or socket at the
 * target is refused.
 */
import { closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { clearPending, markPending } from './pendingTemp.ts';
import { Refusal } from './refusal.ts';

/**
 * Fault injection for the interrupt test: a pause between writing the temporary file and renaming
 * it, so that signals sent at random moments land inside writes often enough to be tested.
 */
const WRITE_PAUSE_MS = Math.min(1000, Number(process.env.CASCADE_TEST_WRITE_PAUSE_MS) || 0);

/** What is at `path` now: nothing, a regular file, or something cascade never replaces. */
export function targetKind(path: string): 'absent' | 'file' | 'directory' | 'symbolic link' | 'device, FIFO or socket' {
  try {
    const stat = lstatSync(path);
    if (stat.isFile()) return 'file';
    if (stat.isDirectory()) return 'directory';
    if (stat.isSymbolicLink()) return 'symbolic link';
    return 'device, FIFO or socket';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'absent';
    throw error;
  }
}

/** Refuses a directory target that exists as anything but a directory (a link to one counts); `label` names it. */
export function checkDirectory(path: string, label = path): void {
  const kind = targetKind(path);
  if (kind === 'absent' || kind === 'directory' || (kind === 'symbolic link' && statSync(path, { throwIfNoEntry: false })?.isDirectory())) return;
  throw new Refusal(`${label}: is a ${kind}, not a directory`);
}

/** Refuses a target that is not absent and not a regular file. */
export function checkReplaceable(path: string): void {
  const kind = targetKind(path);
  if (kind !== 'absent' && kind !== 'file') throw new Refusal(`${path}: is a ${kind}; cascade only writes regular files`);
}

/**
 * Creates a directory and its missing parents, one at a time. (Node's own recursive mkdir retries
 * forever where a parent exists but refuses children, as in /proc, and a thread stuck in it cannot
 * be stopped.)
 */
export function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  while (targetKind(at) === 'absent') {
    missing.push(at);
    if (dirname(at) === at) break;
    at = dirname(at);
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

export function writeAtomically(path: string, text: string): void {
  if (path === '' || path.endsWith('/')) throw new Refusal(`'${path}': needs a file name`);
  checkReplaceable(path);
  makeDirectories(dirname(path));
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const marked = markPending(resolve(temporary));
  if (marked === 'too long') throw new Refusal(`${path}: path too long`);
  if (marked === 'closed') throw new Error(`${path}: not written: the command is stopping`);
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      writeSync(fd, text);
      if (WRITE_PAUSE_MS > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WRITE_PAUSE_MS);
    } finally {
      closeSync(fd);
    }
    checkReplaceable(path);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    // The user named the target, not the temporary file beside it.
    const e = error as NodeJS.ErrnoException;
    if (e.path === temporary) e.path = path;
    throw error;
  } finally {
    clearPending();
  }
}
