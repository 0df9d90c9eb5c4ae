/**
 * Runs the command line in this process (no tsx start-up per run), capturing what it prints: for
 * tests that run it hundreds of times. An exception that escapes `main` is returned, not thrown:
 * in a real process it would be a stack trace.
 */
import { main } from '../../src/cli.ts';

export interface InProcessRun {
  code: number | null;
  out: string[];
  err: string[];
  /** An exception `main` let escape (a crash), if any. */
  crash: unknown;
}

export async function runInProcess(argv: string[]): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(...line.split('\n')), err: (line: string) => err.push(...line.split('\n')) };
  try {
    return { code: await main(argv, io), out, err, crash: null };
  } catch (crash) {
    return { code: null, out, err, crash };
  }
}

/** What a user must never see: a stack trace or an internal error. */
export function looksLikeStackTrace(lines: string[]): boolean {
  return lines.some((l) => /^\s+at .+(\(|:\d+)/.test(l) || /internal error|TypeError|RangeError|ReferenceError|SyntaxError: /.test(l));
}
