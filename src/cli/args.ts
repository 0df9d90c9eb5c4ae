/**
 * Command-line parsing on node's own `util.parseArgs`, strict: an unknown flag or a bad value is a
 * `UsageError`, which the entry point prints as one line with exit code 2.
 */
import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { escapeUnprintable, shown } from '../io/printable.ts';
import { checkDirectory } from '../io/writeAtomically.ts';
import { lookup } from '../runner/index.ts';
import { UsageError } from './usageError.ts';

export { UsageError } from './usageError.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** What `parse` returns: node's typed values and the positionals. */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;

/** Parses argv strictly; node's own messages lose their advice on positionals, and are one line. */
export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false): Parsed<O> {
  try {
    return parseArgs({ args: attachNegativeNumbers(argv, options), options, strict: true, allowPositionals });
  } catch (error) {
    // Escaped first: an option's own name can hold a newline, and must not cut the line short.
    throw new UsageError(escapeUnprintable((error as Error).message).replace(/\. To specify a positional argument.*$/, ''));
  }
}

/** `--runs -5` becomes `--runs=-5`, so that the value's own check names the problem. */
function attachNegativeNumbers(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = flag.startsWith('--') ? flag.slice(2) : '';
    const next = argv[i + 1];
    const takesValue = lookup(options, name)?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) out.push(`${flag}=${argv[++i]}`);
    else if (takesValue && (next === undefined || next.startsWith('-')))
      throw new UsageError(`${shown(flag)} needs a value${next === undefined ? '' : `, got the flag '${shown(next)}'`}`);
    else out.push(flag);
  }
  return out;
}

/** A whole number flag within bounds. */
export function integer(name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got '${shown(value)}'`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${shown(value)}'`);
  return value as T;
}

/**
 * A directory flag: not empty (an empty name would mean the current directory, unasked), and not
 * something that exists as another kind of file.
 */
export function directoryFlag(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.trim() === '') throw new UsageError(`--${name} needs a directory name, got '${shown(value)}'`);
  checkDirectory(value, `--${name} ${value}`);
  return value;
}

/**
 * `--workers N`: worker threads, 1 to 256. When not given: `CASCADE_WORKERS` if set (a test runner
 * or a batch machine that already runs one command per core sets it to 1), else the machine's cores.
 * More workers than cores make a run slower, not faster (each thread starts its own engine and holds
 * its own memory, and they take turns on the cores), so the number is cut to the cores, with a note
 * on `note` (stderr). The pool starts a worker only when a task needs it, so work smaller than the
 * pool costs no more threads than it has tasks.
 */
export function workersFlag(
  value: string | undefined,
  note: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  cores = availableParallelism(),
): number {
  const env = process.env.CASCADE_WORKERS;
  let asked: number;
  let source: string;
  if (value === undefined && env !== undefined && env !== '') {
    if (!/^\d+$/.test(env) || Number(env) < 1 || Number(env) > 256)
      throw new UsageError(`CASCADE_WORKERS must be a whole number between 1 and 256, got '${shown(env, 40)}'`);
    asked = Number(env);
    source = `CASCADE_WORKERS=${asked}`;
  } else {
    asked = integer('workers', value, cores, 1, 256);
    source = `--workers ${asked}`;
  }
  if (asked <= cores) return asked;
  note(
    `cascade: ${source} is more than this machine's ${cores} ${cores === 1 ? 'core' : 'cores'}: using ${cores} (more threads than cores only add start-up time and memory)`,
  );
  return cores;
}
