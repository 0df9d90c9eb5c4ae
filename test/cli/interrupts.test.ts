/**
 * Interrupts at random moments of `check --update --workers 2` (the command's thread and two
 * workers) leave no temporary file and no damaged
 * counterexample (a few here; `npm run test:interrupts` runs 100). SIGINT ends a command within
 * seconds, even while its workers start or its thread is inside a system call.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { interruptChecks } from '../support/interrupts.ts';

const COUNT = 5;

describe('cascade check --update, interrupted', () => {
  it(`leaves no temporary or damaged file after ${COUNT} SIGINTs and SIGTERMs at random moments`, async () => {
    const outcomes = await interruptChecks(COUNT, 7, 2500);
    for (const o of outcomes) {
      expect(o.leftovers, `${o.signal} after ${o.delayMs} ms`).toEqual([]);
      expect(o.damaged, `${o.signal} after ${o.delayMs} ms`).toEqual([]);
      expect([0, 1, o.signal === 'SIGINT' ? 130 : 143]).toContain(o.code);
    }
    // Not vacuous: most runs were stopped by the signal, not finished before it.
    expect(outcomes.filter((o) => o.code === 130 || o.code === 143).length).toBeGreaterThanOrEqual(COUNT - 1);
  });
});

/** The real command line; `trigger` says when to send SIGINT (a line on stderr, or a file appearing). */
function interruptWhen(
  args: string[],
  trigger: { stderr: RegExp } | { file: string },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; afterSignalMs: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/cli.ts'), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sentAt: number | null = null;
    const send = () => {
      if (sentAt !== null) return;
      sentAt = performance.now();
      child.kill('SIGINT');
    };
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if ('stderr' in trigger && trigger.stderr.test(stderr)) send();
    });
    const poll = setInterval(() => 'file' in trigger && existsSync(trigger.file) && send(), 50);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, afterSignalMs: sentAt === null ? -1 : performance.now() - sentAt, stderr });
    });
  });
}

describe('SIGINT ends a command promptly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cascade-sigint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('while its workers start (--workers 64 is cut to the cores, with a note)', async () => {
    const r = await interruptWhen(['check', '--budget', 'test', '--dir', join(dir, 'many'), '--workers', '64'], {
      stderr: /more than this machine's \d+ cores?/,
    });
    expect(r.afterSignalMs).toBeGreaterThanOrEqual(0);
    expect(r.afterSignalMs).toBeLessThan(5000);
    expect(r.code === 130 || r.signal === 'SIGINT').toBe(true);
  });

  it('while its thread is inside a system call that cannot be stopped (ended by the signal after 2 s)', async () => {
    const marker = join(dir, 'inside');
    const suite = join(dir, 'sleeping.mjs');
    writeFileSync(
      suite,
      `import { execSync } from 'node:child_process';\nimport { writeFileSync } from 'node:fs';\nexport default ({ defineSuite, defineProperty }) => defineSuite({ id: 'sleeping', title: 'a property inside a system call', kinds: ['crash'], properties: [defineProperty({ id: 'nap', summary: 'sleeps once a peer crashed', always: (s) => { if (s.faultsUsed > 0) { writeFileSync(${JSON.stringify(marker)}, ''); execSync('sleep 20'); } return null; } })], variants: { fixed: null } });\n`,
    );
    const r = await interruptWhen(['check', '--suite', suite, '--runs', '5', '--workers', '1', '--dir', join(dir, 'sleeping')], { file: marker });
    expect(r.afterSignalMs).toBeGreaterThanOrEqual(0);
    // Before, the process waited for the system call to return (the 20 s sleep).
    expect(r.afterSignalMs).toBeLessThan(8000);
    expect(r.code === 130 || r.signal === 'SIGINT').toBe(true);
  });
});
