/**
 * Writes the design-review report (`report.md` with `charts/*.svg`, and a self-contained
 * `report.html`, all atomically); called by `cascade report` and at the end of `npm start`.
 */
import { chartsOf } from './blocks.ts';
import { renderChart } from './charts.ts';
import { loadCounterexamples } from './counterexamples.ts';
import { buildDocument, TITLE } from './document.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { OutputDirectory } from './outputDirectory.ts';
import { fidelity, reducedPopulation, type FidelityReport } from '../runner/fidelity.ts';
import type { Results } from './results.ts';
import type { Suite } from '../../properties/index.ts';

export interface ReportOptions {
  /** Where the committed counterexamples are (default `counterexamples`, from the working directory). */
  counterexamplesDir?: string;
  /** Replace files of the same name in `outDir` that cascade did not write. */
  update?: boolean;
  /** Suites from suite files the user named: their counterexamples are explained too. */
  suites?: readonly Suite[];
  /** The model against the public record; by default computed here over seed 1 on the population reduced REPORT_REDUCTION times (seconds). */
  fidelity?: FidelityReport;
}

/** The report's own fidelity run is on a population this many times smaller than `cascade fidelity`'s, the same shape. */
export const REPORT_REDUCTION = 2;

export interface ReportFiles {
  /** Paths of the files written. */
  markdown: string;
  html: string;
  /** Counterexamples explained, and charts written. */
  counterexamples: number;
  charts: number;
}

export async function writeReport(results: Results, outDir: string, options: ReportOptions = {}): Promise<ReportFiles> {
  const out = OutputDirectory.open(outDir, options.update);
  const counterexamples = loadCounterexamples(options.counterexamplesDir ?? 'counterexamples', options.suites);
  const blocks = buildDocument(results, counterexamples, options.fidelity ?? fidelity([1], reducedPopulation(REPORT_REDUCTION)), outDir);
  const charts = chartsOf(blocks);
  const svgs = new Map<string, string>();
  for (const chart of charts) {
    const svg = await renderChart(chart.spec);
    svgs.set(chart.file, svg);
    out.write(chart.file, svg);
  }
  // The charts of counterexamples that are gone: only those an earlier report here wrote.
  out.removeStale((name) => name.startsWith('charts/') && name.endsWith('.svg'));
  const markdown = out.write('report.md', renderMarkdown(blocks));
  const html = out.write('report.html', renderHtml(TITLE, blocks, svgs));
  return { markdown, html, counterexamples: counterexamples.loaded.length, charts: charts.length };
}
