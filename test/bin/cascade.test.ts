/**
 * The `cascade` command picks what it runs: in a checkout, the compiled dist/ only when it was built
 * after every source file last changed (a stale build is never run), else the sources through tsx.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'cascade-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(path: string, text: string, seconds: number): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
  utimesSync(join(dir, path), seconds, seconds);
}

const ran = () => execFileSync(process.execPath, [join(dir, 'bin/cascade.js')], { cwd: dir, encoding: 'utf8' }).trim();

describe('bin/cascade.js', () => {
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(root, 'bin/cascade.js'), join(dir, 'bin/cascade.js'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  // Times after the directories' own (a directory's time changes when a file in it is added or removed, and counts too).
  const T = Math.floor(Date.now() / 1000) + 100;
  file('src/cli.ts', "export async function run(): Promise<number> { console.log('sources'); return 0; }\n", T);
  file('src/model/step.ts', 'export {};\n', T);
  file('properties/index.ts', 'export {};\n', T);

  it('runs the sources when there is no build', () => {
    expect(ran()).toBe('sources');
  });

  it('runs the build when it is newer than every source file', () => {
    file('dist/src/cli.js', "export async function run() { console.log('dist'); return 0; }\n", T + 10);
    expect(ran()).toBe('dist');
  });

  it('runs the sources again once a source file changes after the build', () => {
    utimesSync(join(dir, 'properties/index.ts'), T + 20, T + 20);
    expect(ran()).toBe('sources');
    utimesSync(join(dir, 'properties/index.ts'), T, T);
    utimesSync(join(dir, 'src/model/step.ts'), T + 20, T + 20);
    expect(ran()).toBe('sources');
  });
});
