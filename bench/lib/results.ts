/**
 * The bench's data file, `bench/results.json`: the figures of the last run of each module, with when
 * and on what machine it ran. `npm run bench` merges the modules it ran into it (the others' entries
 * are kept), and `npm run docs:figures` renders it as docs/figures/bench.md, so that no throughput or
 * duration in the docs is written by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { writeAtomically } from '../../src/io/writeAtomically.ts';
import type { Measurement } from './module.ts';

/** The file's path inside the repository. */
export const BENCH_RESULTS_PATH = 'bench/results.json';

/** One module's last run: its figures and the machine they were measured on. */
export interface ModuleRun {
  name: string;
  summary: string;
  /** ISO 8601 time at which the module's run ended. */
  measuredAt: string;
  node: string;
  cpus: number;
  cpuModel: string;
  /** The one-minute load average when the module started: a busy machine slows every figure. */
  loadAverage: number;
  /** The figures in the order the module recorded them (a value that could not be measured is null). */
  measurements: (Omit<Measurement, 'value'> & { value: number | null })[];
}

export interface BenchResults {
  about: string;
  schemaVersion: 1;
  modules: ModuleRun[];
}

const ABOUT =
  'The figures of the last `npm run bench` of each module, written by bench/run.ts (never by hand); `npm run docs:figures` renders them as docs/figures/bench.md.';

/** The repository root: the nearest directory above `from` holding a package.json. */
export function repositoryRoot(from: string): string {
  let at = from;
  while (!existsSync(join(at, 'package.json')) && dirname(at) !== at) at = dirname(at);
  return at;
}

/** Reads the data file, or null when there is none or it is not one (it is then written afresh). */
export function readBenchResults(root: string): BenchResults | null {
  const path = join(root, BENCH_RESULTS_PATH);
  if (!existsSync(path)) return null;
  try {
    const json = JSON.parse(readFileSync(path, 'utf8')) as BenchResults;
    return json.schemaVersion === 1 && Array.isArray(json.modules) ? json : null;
  } catch {
    return null;
  }
}

/** The machine's description for a module that started at load average `loadAverage`. */
export function machine(loadAverage: number): Pick<ModuleRun, 'node' | 'cpus' | 'cpuModel' | 'loadAverage'> {
  return { node: process.version, cpus: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? 'unknown', loadAverage: Number(loadAverage.toFixed(2)) };
}

/**
 * Merges the runs of this invocation into the data file: a module run now replaces its old entry,
 * the others are kept; modules stay in `order`.
 */
export function saveBenchResults(root: string, runs: readonly ModuleRun[], order: readonly string[]): void {
  const kept = (readBenchResults(root)?.modules ?? []).filter((m) => order.includes(m.name) && !runs.some((r) => r.name === m.name));
  const modules = [...kept, ...runs].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const results: BenchResults = { about: ABOUT, schemaVersion: 1, modules };
  writeAtomically(join(root, BENCH_RESULTS_PATH), JSON.stringify(results, null, 2) + '\n');
}
