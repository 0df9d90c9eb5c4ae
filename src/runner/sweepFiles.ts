/**
 * Writing a sweep's chart (SVG) and data (JSON) into an output directory cascade manages. The names
 * say what was swept on what (target and scale, parameter, variant, other parameters set), so that
 * different questions never share a file; the directory and both names are checked before the sweep
 * runs, so that a refusal comes before the work.
 */
import { renderChart } from '../report/charts.ts';
import { OutputDirectory } from '../report/outputDirectory.ts';
import { sweepChartSpec } from '../report/sweepChart.ts';
import { overridesTag } from './overrides.ts';
import type { SweepResult, SweepSpec } from './sweep.ts';

/** The files' base name, e.g. `sweep-outage-2010-population-buggyReleasePercent-skype-2010`. */
export function sweepName(spec: SweepSpec): string {
  const t = spec.target;
  const target = t.kind === 'scenario' ? `${t.scenario}-${t.scale}` : `${t.suite.id}-${t.property}`;
  const tag = overridesTag(spec.overrides);
  return `sweep-${target}-${spec.param}-${spec.variant}${tag === '' ? '' : `--${tag}`}`.replace(/[^A-Za-z0-9=,.+-]+/g, '-');
}

export interface SweepOutput {
  chart: string;
  data: string;
  /** Writes the result's chart and data. */
  write(result: SweepResult): Promise<{ chart: string; data: string }>;
}

/** Opens the output directory and checks both names, before any work. */
export function openSweepOutput(spec: SweepSpec, dir: string, update: boolean): SweepOutput {
  const out = OutputDirectory.open(dir, update);
  const name = sweepName(spec);
  const chart = out.checkWritable(`${name}.svg`);
  const data = out.checkWritable(`${name}.json`);
  return {
    chart,
    data,
    async write(result) {
      const svg = await renderChart(sweepChartSpec(result));
      return { data: out.write(`${name}.json`, JSON.stringify(result, null, 2) + '\n'), chart: out.write(`${name}.svg`, svg) };
    },
  };
}
