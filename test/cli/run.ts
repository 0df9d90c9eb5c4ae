/** Runs the real command line (tsx, a fresh process) and returns its exit code and output lines. */
import { spawnSync } from 'node:child_process';

export interface CliRun {
  code: number;
  stdout: string;
  /** stderr lines, npm's own warnings left out. */
  errors: string[];
}

export function cli(args: string[], cwd = process.cwd()): CliRun {
  const r = spawnSync(`${process.cwd()}/node_modules/.bin/tsx`, [`${process.cwd()}/src/cli.ts`, ...args], { cwd, encoding: 'utf8' });
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    errors: r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn')),
  };
}
