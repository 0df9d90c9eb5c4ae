/**
 * `npm run bench`: runs the benchmark modules, each in a child process of its own, and prints their
 * figures (throughputs and ratios, never pass/fail) as a table, or as JSON lines with `--json`, and
 * keeps each module's last figures in bench/results.json (see lib/results.ts).
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHILD_FLAG, runInChild, serveModule } from './lib/isolate.ts';
import type { BenchModule, Measurement } from './lib/module.ts';
import { jsonLine, tableHeader, tableRow } from './lib/report.ts';
import { BENCH_RESULTS_PATH, machine, repositoryRoot, saveBenchResults, type ModuleRun } from './lib/results.ts';

/** The modules, in order: one line each. */
const MODULES: BenchModule[] = [
  (await import('./model.bench.ts')).default,
  (await import('./explore.bench.ts')).default,
  (await import('./search.bench.ts')).default,
  (await import('./parallel.bench.ts')).default,
];

const USAGE = `usage: npm run bench -- [--json] [module ...]   (modules: ${MODULES.map((m) => m.name).join(', ')})`;

type Args = { child: BenchModule } | { json: boolean; selected: BenchModule[] };

function parseArgs(argv: string[]): Args | string {
  const find = (name: string | undefined) => MODULES.find((m) => m.name === name);
  if (argv[0] === CHILD_FLAG) return find(argv[1]) ? { child: find(argv[1])! } : `bench: unknown module '${argv[1]}'`;
  const json = argv.includes('--json');
  const names = argv.filter((a) => a !== '--json');
  const unknown = names.find((n) => !find(n));
  if (unknown !== undefined) return `bench: unknown ${unknown.startsWith('-') ? 'option' : 'module'} '${unknown}'\n${USAGE}`;
  return { json, selected: names.length === 0 ? MODULES : MODULES.filter((m) => names.includes(m.name)) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 2;
    return;
  }
  if ('child' in args) return serveModule(args.child);
  const print = (m: Measurement) => console.log(args.json ? jsonLine(m) : tableRow(m));
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const runs: ModuleRun[] = [];
  for (const module of args.selected) {
    if (!args.json) console.log(tableHeader(module.name, module.summary));
    const measured: ModuleRun['measurements'] = [];
    const load = loadavg()[0]!;
    const code = await runInChild(fileURLToPath(import.meta.url), module.name, (m) => (print(m), measured.push(m)));
    if (code !== 0) {
      console.error(`bench: module '${module.name}' exited with code ${code}`);
      process.exitCode = 1;
    } else runs.push({ name: module.name, summary: module.summary, measuredAt: new Date().toISOString(), ...machine(load), measurements: measured });
  }
  // Only modules that ran to the end replace their figures; `npm run docs:figures` renders the file.
  if (runs.length > 0) {
    saveBenchResults(
      repositoryRoot(fileURLToPath(new URL('.', import.meta.url))),
      runs,
      MODULES.map((m) => m.name),
    );
    if (!args.json) console.log(`\n${BENCH_RESULTS_PATH}: ${runs.map((r) => r.name).join(', ')} written; npm run docs:figures renders it`);
  }
  const total = (performance.now() - started) / 1000;
  print({
    bench: 'run',
    scope: 'process',
    variant: '-',
    name: 'wall time, all modules',
    value: total,
    unit: 's',
    note: `node ${process.version}, ${availableParallelism()} cpus, load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end`,
  });
}

await main();
