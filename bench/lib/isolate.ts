/**
 * Each benchmark module runs in a child process of its own, so that one module's JIT state and heap
 * never colour another's figures; the child writes one JSON measurement per line, the parent prints.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { BenchModule, Measurement } from './module.ts';

/** The flag that makes `run.ts` a child running one module. */
export const CHILD_FLAG = '--module';

/** In the child: runs the module, one JSON measurement per line on stdout, then the process's RSS. */
export async function serveModule(module: BenchModule): Promise<void> {
  const write = (m: Measurement) => process.stdout.write(JSON.stringify(m) + '\n');
  await module.run((m) => write({ bench: module.name, ...m }));
  const rss = process.memoryUsage().rss / 2 ** 20;
  write({ bench: module.name, scope: 'process', variant: '-', name: 'rss at end', value: rss, unit: 'MB', note: `of the process that ran '${module.name}'` });
}

function isMeasurement(x: unknown): x is Measurement {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Partial<Measurement>;
  return typeof m.bench === 'string' && typeof m.name === 'string' && typeof m.value === 'number' && typeof m.unit === 'string';
}

/** In the parent: runs `entry --module name` under the same node flags; resolves with the exit code. */
export function runInChild(entry: string, name: string, onMeasurement: (m: Measurement) => void): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, entry, CHILD_FLAG, name], { stdio: ['ignore', 'pipe', 'inherit'] });
  createInterface({ input: child.stdout }).on('line', (line) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (isMeasurement(parsed)) onMeasurement(parsed);
    else console.error(line); // a stray log line of the module: shown, not mistaken for a figure
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}
