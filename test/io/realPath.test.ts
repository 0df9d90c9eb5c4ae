/** Real paths: links resolved (dangling ones too), the missing rest kept; `isInside` compares them. */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInside, realPath } from '../../src/io/realPath.ts';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cascade-realpath-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'cx', 'suite'), { recursive: true });
symlinkSync(join(dir, 'cx'), join(dir, 'link'));
symlinkSync('cx/suite', join(dir, 'relative'));
symlinkSync(join(dir, 'cx', 'not-yet'), join(dir, 'dangling'));
symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));

describe('realPath and isInside', () => {
  it('resolves links in the existing part and keeps the missing rest', () => {
    expect(realPath(join(dir, 'link', 'suite', 'x.json'))).toBe(join(dir, 'cx', 'suite', 'x.json'));
    expect(realPath(join(dir, 'relative', 'new', 'deeper'))).toBe(join(dir, 'cx', 'suite', 'new', 'deeper'));
    expect(realPath(join(dir, 'dangling', 'x.xml'))).toBe(join(dir, 'cx', 'not-yet', 'x.xml'));
    expect(realPath(join(dir, 'elsewhere', 'x'))).toBe(join(dir, 'elsewhere', 'x'));
  });

  it('finds a path inside a directory however it is reached, and only then', () => {
    const cx = join(dir, 'cx');
    for (const inside of ['link/x.xml', 'relative/a', 'dangling/x.xml', 'cx', 'link', 'cx/../link/suite'])
      expect(isInside(join(dir, inside), cx), inside).toBe(true);
    for (const outside of ['cx2/x', 'x.xml', '..', 'elsewhere/cx']) expect(isInside(join(dir, outside), cx), outside).toBe(false);
    // Through a link to the directory, named either way round.
    expect(isInside(join(dir, 'cx', 'a'), join(dir, 'link'))).toBe(true);
  });

  it('ends on a loop of links with the system error ELOOP (one line for the user), instead of following it forever', () => {
    expect(() => realPath(join(dir, 'loop-a', 'x'))).toThrow(expect.objectContaining({ code: 'ELOOP' }));
    expect(realPath(join(dir, 'loop-a'))).toMatch(/loop-[ab]$/);
  });
});
