/**
 * The `cascade` command line: one file per command under `cli/`, this file only dispatches. Bad
 * input is one line on stderr and exit code 2, never a stack trace.
 */
import { UsageError } from './cli/usageError.ts';
import { isMainThread } from 'node:worker_threads';
import { describeFsError } from './io/fsError.ts';
import { escapeUnprintable } from './io/printable.ts';
import { Refusal } from './io/refusal.ts';
import { lookup } from './model/lookup.ts';
import { DefinitionError } from './propertyLanguage/define.ts';
import { VERSION } from './version.ts';
import { runSupervised } from './cli/supervise.ts';
import { WorkerLost } from './parallel/pool.ts';
type Command = (argv: string[], out: (line: string) => void, err: (line: string) => void) => number | Promise<number>;

/** The commands, each loaded only when it runs: the supervising thread and `--help` stay light. */
const COMMANDS: Record<string, { load: () => Promise<Command>; summary: string }> = {
  start: { load: async () => (await import('./cli/start.ts')).startCommand, summary: 'the main job: both outages, every suite with both engines, the report' },
  check: { load: async () => (await import('./cli/check.ts')).checkCommand, summary: 'random search (fast-check) over the suites; shrunk counterexamples' },
  explore: {
    load: async () => (await import('./cli/explore.ts')).exploreCommand,
    summary: 'exhaustive breadth-first search up to a bound; shortest counterexamples',
  },
  replay: {
    load: async () => (await import('./cli/replay.ts')).replayCommand,
    summary: 'replay a counterexample file as a narrative; judge it on another variant; ITF export',
  },
  sweep: {
    load: async () => (await import('./cli/sweep.ts')).sweepCommand,
    summary: 'one parameter from A to B: the outcome over seeds, a chart, and the tipping point (--bisect)',
  },
  simulate: { load: async () => (await import('./cli/simulate.ts')).simulateCommand, summary: 'a scripted outage on one variant, metrics per tick' },
  fixes: {
    load: async () => (await import('./cli/fixes.ts')).fixesCommand,
    summary: 'which sets of fixes are enough: all 64 subsets per base by both engines, minimal sufficient sets',
  },
  fidelity: {
    load: async () => (await import('./cli/fidelity.ts')).fidelityCommand,
    summary: 'both outages at population scale against the public record: each figure within its tolerance or not',
  },
  merge: {
    load: async () => (await import('./cli/merge.ts')).mergeCommand,
    summary: 'merge the shard files of check, fixes or sweep --shard K/N: what the command run whole prints and writes',
  },
  report: {
    load: async () => (await import('./cli/report.ts')).reportCommand,
    summary: 'the design-review report: report.md and a self-contained report.html',
  },
};

const usage = `Usage: cascade <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'cascade <command> --help' for a command's options; 'cascade --version' prints the version.`;

/** Where a command prints: result lines on `out`, progress notes and errors on `err`. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/**
 * Runs one command line in this thread; returns the exit code (0 ok, 1 an expectation not met, 2 bad
 * input). Bad input of every kind (flags, names, files, output targets, file-system errors) is one
 * line on `err`; anything else is a bug in cascade and is thrown.
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(`cascade: a command is required: ${Object.keys(COMMANDS).join(', ')} ('cascade --help' says what each does)`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(`cascade ${VERSION}`);
    return 0;
  }
  const command = lookup(COMMANDS, name);
  try {
    if (!command) throw new UsageError(`unknown command '${name}': choose ${Object.keys(COMMANDS).join(', ')}`);
    return await (await command.load())(rest, io.out, io.err);
  } catch (error) {
    if (error instanceof WorkerLost) {
      io.err(escapeUnprintable(`cascade ${name}: ${error.message}`));
      return 3;
    }
    const line = error instanceof UsageError || error instanceof Refusal || error instanceof DefinitionError ? error.message : describeFsError(error);
    if (line === null) throw error;
    // The last guard: user text in the line (a name, key or path) cannot split it or act on the terminal.
    io.err(escapeUnprintable(`${command ? `cascade ${name}` : 'cascade'}: ${line}`));
    return 2;
  }
}

/** The command line as a process: the command runs in a worker, this thread answers signals. */
export async function run(argv: string[]): Promise<number> {
  const [name] = argv;
  if (name === undefined || ['--help', '-h', 'help', '--version', '-v', 'version'].includes(name) || argv.includes('--help') || !lookup(COMMANDS, name))
    return main(argv);
  return runSupervised(argv);
}

if (isMainThread && (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli.ts'))) {
  run(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`cascade: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
