/** The one way cascade writes a file: atomically, never over anything but a regular file. */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Refusal } from '../../src/io/refusal.ts';
import { pendingTemp } from '../../src/io/pendingTemp.ts';
import { writeAtomically } from '../../src/io/writeAtomically.ts';
import { describeFsError } from '../../src/io/fsError.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAtomically', () => {
  it('writes a new file and replaces a regular one, leaving no temporary file', () => {
    const path = join(dir, 'new', 'a.json');
    writeAtomically(path, 'one\n');
    writeAtomically(path, 'two\n');
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(readdirSync(join(dir, 'new'))).toEqual(['a.json']);
    expect(pendingTemp()).toBeNull();
  });

  it('refuses a directory, a symbolic link and a device node, and changes none of them', () => {
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'target.txt'), 'mine\n');
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.txt'));
    for (const path of [join(dir, 'd'), join(dir, 'link.txt'), '/dev/null']) {
      expect(() => writeAtomically(path, 'x')).toThrow(Refusal);
    }
    expect(lstatSync(join(dir, 'd')).isDirectory()).toBe(true);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toBe('mine\n');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('turns a file-system error into one line naming the path', () => {
    writeFileSync(join(dir, 'plain'), '');
    let caught: unknown;
    try {
      writeAtomically(join(dir, 'plain', 'inside.json'), 'x');
    } catch (error) {
      caught = error;
    }
    expect(describeFsError(caught)).toMatch(/plain.*: cannot (create the directory|inspect) \(a part of the path is not a directory\)$/);
    // /proc refuses children with ENOENT: the directories are made one at a time, so this ends.
    let proc: unknown;
    try {
      writeAtomically('/proc/cascade-test/x.json', 'x');
    } catch (error) {
      proc = error;
    }
    expect(describeFsError(proc)).toMatch(/^\/proc\/cascade-test: cannot create the directory/);
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open', path: '/x/y' });
    expect(describeFsError(denied)).toBe('/x/y: cannot open (permission denied)');
    expect(describeFsError(new TypeError('not a file-system error'))).toBeNull();
  });
});
