/**
 * Reads an input file (a counterexample, a results file) with one line naming the file for every
 * problem: only regular files are read (a FIFO or `/dev/zero` would block or never end), and only
 * up to a size limit, so a small command never turns into unbounded work.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Checked } from './checked.ts';
import { reasonFor } from './fsError.ts';

/** The largest counterexample file read: a few hundred events, with room to spare. */
export const MAX_COUNTEREXAMPLE_BYTES = 1 << 20;

export function readText(path: string, maxBytes = MAX_COUNTEREXAMPLE_BYTES): Checked<string> {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, error: `${path}: cannot read (${reason(error)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, error: `${path}: is a directory, not a file` };
    if (!stat.isFile()) return { ok: false, error: `${path}: not a regular file (a device, FIFO or socket is not read)` };
    if (stat.size > maxBytes)
      return { ok: false, error: `${path}: ${stat.size.toLocaleString('en-US')} bytes, more than the ${maxBytes.toLocaleString('en-US')} read` };
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let n: number; length <= maxBytes && (n = readSync(fd, buffer, length, maxBytes + 1 - length, null)) > 0; ) length += n;
    if (length > maxBytes) return { ok: false, error: `${path}: more than the ${maxBytes.toLocaleString('en-US')} bytes read (the file grew while read)` };
    return { ok: true, value: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, error: `${path}: cannot read (${reason(error)})` };
  } finally {
    closeSync(fd);
  }
}

function reason(error: unknown): string {
  return reasonFor((error as NodeJS.ErrnoException).code);
}

export function parseJson(text: string, path: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `${path}: not valid JSON (${(error as Error).message.split('\n')[0]})` };
  }
}

export function readJson(path: string, maxBytes = MAX_COUNTEREXAMPLE_BYTES): Checked<unknown> {
  const text = readText(path, maxBytes);
  return text.ok ? parseJson(text.value, path) : text;
}
