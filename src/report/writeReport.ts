/**
 * Writes the design-review report (`report.md` with `charts/*.svg`, and a self-contained
 * `report.html`, all atomically); called by `cascade report` and at the end of `npm start`.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from '../trace/save.ts';
import { chartsOf } from './blocks.ts';
import { renderChart } from './charts.ts';
import { loadCounterexamples } from './counterexamples.ts';
import { buildDocument, TITLE } from './document.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { runPopulation } from './population.ts';
import type { Results } from './results.ts';

export interface ReportOptions {
  /** Where the committed counterexamples are (default `counterexamples`, from the working directory). */
  counterexamplesDir?: string;
}

export interface ReportFiles {
  /** Paths of the files written. */
  markdown: string;
  html: string;
  /** Counterexamples explained, and charts written. */
  counterexamples: number;
  charts: number;
}

export async function writeReport(results: Results, outDir: string, options: ReportOptions = {}): Promise<ReportFiles> {
  const counterexamples = loadCounterexamples(options.counterexamplesDir ?? 'counterexamples');
  const population = {
    buggy2010: runPopulation('outage-2010', 'skype-2010'),
    fixed2010: runPopulation('outage-2010', 'fixed'),
    buggy2007: runPopulation('outage-2007', 'skype-2007'),
    fixed2007: runPopulation('outage-2007', 'fixed'),
  };
  const blocks = buildDocument(results, counterexamples, population, outDir);
  const charts = chartsOf(blocks);
  const svgs = new Map<string, string>();
  for (const chart of charts) {
    const svg = await renderChart(chart.spec);
    svgs.set(chart.file, svg);
    writeAtomically(join(outDir, chart.file), svg);
  }
  removeStaleCharts(join(outDir, 'charts'), new Set(charts.map((c) => c.file.replace(/^charts\//, ''))));
  const markdown = join(outDir, 'report.md');
  const html = join(outDir, 'report.html');
  writeAtomically(markdown, renderMarkdown(blocks));
  writeAtomically(html, renderHtml(TITLE, blocks, svgs));
  return { markdown, html, counterexamples: counterexamples.loaded.length, charts: charts.length };
}

/** Charts of an earlier report whose counterexample is gone. */
function removeStaleCharts(dir: string, keep: Set<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.svg') && !keep.has(name)) rmSync(join(dir, name));
  }
}
