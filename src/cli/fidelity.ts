/**
 * `cascade fidelity [--seeds K] [--json]`: both outages at population scale against the public
 * record; prints each figure's median and range over the seeds, its tolerance, and whether it is within.
 */
import { FIDELITY_RUNS, fidelity, readOverrides, showFigure, type FidelityReport } from '../runner/index.ts';
import { integer, parse } from './args.ts';
import { progress } from './progress.ts';

export const fidelityHelp = `Usage: cascade fidelity [--seeds K] [--json] [--set K=V]... [--config FILE]

Runs both outages at population scale (100,000 peers, 1,000 supernodes, one tick a minute) over
seeds 1..K: each on its base with the operator's recovery (${FIDELITY_RUNS['record-2010'].variant}, ${FIDELITY_RUNS['record-2010'].hours} h;
${FIDELITY_RUNS['record-2007'].variant}, ${FIDELITY_RUNS['record-2007'].hours} h) and each on fixed (${FIDELITY_RUNS['fixed-2010'].hours} h). For every public figure of
the record it prints the model's median and range over the seeds, the tolerance, and whether the
median is within it.

Options:
  --seeds K      seeds 1..K (default 5)
  --set K=V      a population parameter (repeatable): what if the record had been different?
  --config FILE  parameters from a JSON object (--set wins over it)
  --json         the whole result as one JSON object (curves included)
  --help         this text

Exit code: 0 every figure within its tolerance, 1 some outside, 2 bad input.`;

export function fidelityCommand(argv: string[], out: (line: string) => void): number {
  const { values } = parse(argv, {
    seeds: { type: 'string' },
    set: { type: 'string', multiple: true },
    config: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    out(fidelityHelp);
    return 0;
  }
  const seeds = integer('seeds', values.seeds, 5, 1, 100);
  const overrides = readOverrides(values.config, values.set ?? []);
  const bar = progress();
  const report = fidelity(
    Array.from({ length: seeds }, (_, i) => i + 1),
    overrides,
    { run: (name, seed, done, of) => bar.update(done, of, `seed ${seed}: ${FIDELITY_RUNS[name].scenario} on ${FIDELITY_RUNS[name].variant}`) },
  );
  bar.done();
  if (values.json) out(JSON.stringify(report));
  else printFidelity(report, out);
  return report.within === report.figures.length ? 0 : 1;
}

function printFidelity(r: FidelityReport, out: (line: string) => void): void {
  out(
    `fidelity over seeds ${r.seeds[0]}..${r.seeds[r.seeds.length - 1]} (${r.config.peers.toLocaleString('en-US')} peers, ${r.config.supernodes.toLocaleString('en-US')} supernodes, a tick is ${r.config.tickSeconds} s)`,
  );
  const rows = r.figures.map((f) => [
    f.label,
    f.record,
    f.tolerance,
    showFigure(f.unit, f.median),
    `${showFigure(f.unit, f.min)} to ${showFigure(f.unit, f.max)}`,
    f.within ? 'within' : 'OUTSIDE',
  ]);
  const head = ['figure', 'record', 'tolerance', 'model (median)', 'range', ''];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  for (const row of [head, ...rows])
    out(
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    );
  for (const f of r.figures) if (f.note) out(`  ${f.id}: ${f.note}`);
  out(`${r.within} of ${r.figures.length} figures within tolerance`);
}
