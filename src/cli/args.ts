/**
 * Command-line parsing on node's own `util.parseArgs`, strict: an unknown flag or a bad value is a
 * `UsageError`, which the entry point prints as one line with exit code 2.
 */
import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkDirectory } from '../io/writeAtomically.ts';
import { lookup } from '../runner/index.ts';
import { UsageError } from './usageError.ts';

export { UsageError } from './usageError.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** What `parse` returns: node's typed values and the positionals. */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;

/** Parses argv strictly; node's own messages are cut to their first line. */
export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false): Parsed<O> {
  try {
    return parseArgs({ args: attachNegativeNumbers(argv, options), options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, ''));
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
    else if (takesValue && (next === undefined || next.startsWith('-'))) throw new UsageError(`${flag} needs a value${next === undefined ? '' : `, got the flag '${next}'`}`);
    else out.push(flag);
  }
  return out;
}

/** A whole number flag within bounds. */
export function integer(name: string, value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got '${value}'`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${value}'`);
  return value as T;
}

/**
 * A directory flag: not empty (an empty name would mean the current directory, unasked), and not
 * something that exists as another kind of file.
 */
export function directoryFlag(name: string, value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (value.trim() === '') throw new UsageError(`--${name} needs a directory name, got '${value}'`);
  checkDirectory(value, `--${name} ${value}`);
  return value;
}

/**
 * `--workers N`: worker threads, 1 to 256. When not given: `CASCADE_WORKERS` if set (a test runner
 * or a batch machine that already runs one command per core sets it to 1), else the machine's cores.
 */
export function workersFlag(value: string | undefined): number {
  const env = process.env.CASCADE_WORKERS;
  if (value === undefined && env !== undefined && env !== '') {
    if (!/^\d+$/.test(env) || Number(env) < 1 || Number(env) > 256) throw new UsageError(`CASCADE_WORKERS must be a whole number between 1 and 256, got '${env.slice(0, 40)}'`);
    return Number(env);
  }
  return integer('workers', value, availableParallelism(), 1, 256);
}
