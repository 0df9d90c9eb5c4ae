/**
 * `npm run bench`: runs the benchmark modules and prints their figures as a table, or as JSON lines
 * with `--json`; module names on the command line select modules. Figures only, never pass/fail.
 */
import type { BenchModule, Measurement } from './lib/module.ts';
import { jsonLine, tableHeader, tableRow } from './lib/report.ts';

/** The modules, in order: one line each. */
const MODULES: BenchModule[] = [
  (await import('./model.bench.ts')).default,
];

const USAGE = 'usage: npm run bench -- [--json] [module ...]   (modules: ' + MODULES.map((m) => m.name).join(', ') + ')';

function parseArgs(argv: string[]): { json: boolean; selected: BenchModule[] } | string {
  const json = argv.includes('--json');
  const names = argv.filter((a) => a !== '--json');
  const unknown = names.find((n) => n.startsWith('-') || !MODULES.some((m) => m.name === n));
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
  const print = (m: Measurement) => console.log(args.json ? jsonLine(m) : tableRow(m));
  const started = performance.now();
  for (const module of args.selected) {
    if (!args.json) console.log(tableHeader(module.name, module.summary));
    await module.run((m) => print({ bench: module.name, ...m }));
  }
  if (!args.json) console.log(tableHeader('process', 'the whole bench run'));
  const memory = process.memoryUsage();
  const total = (performance.now() - started) / 1000;
  print({ bench: 'process', scope: 'process', variant: '-', name: 'rss at end', value: memory.rss / 2 ** 20, unit: 'MB' });
  print({ bench: 'process', scope: 'process', variant: '-', name: 'heapUsed at end', value: memory.heapUsed / 2 ** 20, unit: 'MB' });
  print({ bench: 'process', scope: 'process', variant: '-', name: 'wall time', value: total, unit: 's', note: `node ${process.version}` });
}

await main();
