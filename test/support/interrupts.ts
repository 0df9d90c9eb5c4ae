/**
 * Interrupts `cascade check --update` at random moments (SIGINT, and SIGTERM every third time) and
 * checks what it leaves: no temporary file, and every counterexample file whole (it loads). Each
 * write pauses between the temporary file and the rename (CASCADE_TEST_WRITE_PAUSE_MS), so that a
 * good share of the signals land inside a write.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCounterexample } from '../../src/trace/load.ts';

export interface InterruptOutcome {
  signal: 'SIGINT' | 'SIGTERM';
  delayMs: number;
  code: number | null;
  /** Temporary files left behind. */
  leftovers: string[];
  /** Counterexample files that do not load (truncated or damaged). */
  damaged: string[];
  files: number;
}

const root = process.cwd();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/**
 * One interrupted run, writing into `dir` (which keeps the files of earlier runs: `--update` replaces
 * them). The delay counts from the run's first result line, so that the signal reaches a command that
 * is working (before that, the process is still starting and dies by the signal's default action).
 */
export function interruptOnce(dir: string, seed: number, delayMs: number, signal: 'SIGINT' | 'SIGTERM'): Promise<InterruptOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(root, 'node_modules/.bin/tsx'),
      [join(root, 'src/cli.ts'), 'check', '--budget', 'test', '--update', '--dir', dir, '--seed', String(seed), '--runs', '20', '--workers', '2'],
      {
        cwd: root,
        env: { ...process.env, CASCADE_TEST_WRITE_PAUSE_MS: '40' },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', () => {
      timer ??= setTimeout(() => child.kill(signal), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, killedBy) => {
      clearTimeout(timer);
      const files = filesUnder(dir);
      const leftovers = files.filter((f) => f.endsWith('.tmp'));
      const damaged = files.filter((f) => f.endsWith('.json') && !loadCounterexample(f).ok);
      resolve({ signal, delayMs, code: code ?? (killedBy ? -1 : null), leftovers, damaged, files: files.length });
    });
  });
}

/** `count` interrupted runs with delays from a seeded generator; returns each outcome. */
export async function interruptChecks(count: number, seed = 1, maxDelayMs = 2500): Promise<InterruptOutcome[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cascade-interrupts-'));
  let state = seed >>> 0 || 1;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  try {
    const outcomes: InterruptOutcome[] = [];
    for (let i = 0; i < count; i++) {
      const signal = i % 3 === 2 ? 'SIGTERM' : 'SIGINT';
      outcomes.push(await interruptOnce(dir, seed * 1000 + i, Math.round(random() * maxDelayMs), signal));
    }
    return outcomes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
