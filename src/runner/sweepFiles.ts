/** Writing a sweep's chart (SVG) and data (JSON) into an output directory cascade manages. */
import { renderChart } from '../report/charts.ts';
import { OutputDirectory } from '../report/outputDirectory.ts';
import { sweepChartSpec } from '../report/sweepChart.ts';
import type { SweepResult } from './sweep.ts';

/** The files' base name: what was swept, on what. */
export function sweepName(r: SweepResult): string {
  return `sweep-${r.target.replace(/ \(.*\)$/, '').replace(/[^a-z0-9-]+/gi, '-')}-${r.param}-${r.variant.replace(/[^a-z0-9-]+/gi, '-')}`.replace(/-+/g, '-');
}

export async function writeSweep(r: SweepResult, dir: string, update: boolean): Promise<{ chart: string; data: string }> {
  const out = OutputDirectory.open(dir, update);
  const name = sweepName(r);
  const chart = out.write(`${name}.svg`, await renderChart(sweepChartSpec(r)));
  const data = out.write(`${name}.json`, JSON.stringify(r, null, 2) + '\n');
  return { chart, data };
}
