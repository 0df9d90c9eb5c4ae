/**
 * The `cascade` command line: one file per command under `cli/`, this file only dispatches. Bad
 * input is one line on stderr and exit code 2, never a stack trace.
 */
import { UsageError } from './cli/args.ts';
import { checkCommand, checkHelp } from './cli/check.ts';
import { exploreCommand, exploreHelp } from './cli/explore.ts';
import { replayCommand, replayHelp } from './cli/replay.ts';
import { reportCommand, reportHelp } from './cli/report.ts';
import { simulateCommand, simulateHelp } from './cli/simulate.ts';
import { startCommand, startHelp } from './cli/start.ts';

type Command = (argv: string[], out: (line: string) => void) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; help: string; summary: string }> = {
  start: { run: startCommand, help: startHelp, summary: 'the main job: both outages, every suite with both engines, the report' },
  check: { run: checkCommand, help: checkHelp, summary: 'random search (fast-check) over the suites; shrunk counterexamples' },
  explore: { run: exploreCommand, help: exploreHelp, summary: 'exhaustive breadth-first search up to a bound; shortest counterexamples' },
  replay: { run: replayCommand, help: replayHelp, summary: 'replay a counterexample file as a narrative; judge it on another variant; ITF export' },
  simulate: { run: simulateCommand, help: simulateHelp, summary: 'a scripted outage on one variant, metrics per tick' },
  report: { run: reportCommand, help: reportHelp, summary: 'the design-review report: report.md and a self-contained report.html' },
};

const usage = `Usage: cascade <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'cascade <command> --help' for a command's options.`;

/** Runs one command line; returns the exit code (0 ok, 1 an expectation not met, 2 bad input). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const out = (line: string) => process.stdout.write(line + '\n');
  if (name === undefined) {
    process.stderr.write(usage + '\n');
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    out(usage);
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command '${name}': choose ${Object.keys(COMMANDS).join(', ')}`);
    return await command.run(rest, out);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`cascade ${name ?? ''}: ${error.message}\n`.replace('  ', ' '));
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli.ts')) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`cascade: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
