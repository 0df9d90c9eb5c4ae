/**
 * Writes the design-review report (`report.md` with `charts/*.svg`, and a self-contained
 * `report.html`, all atomically); called by `cascade report` and at the end of `npm start`.
 */
import { chartsOf } from './blocks.ts';
import { renderChart } from './charts.ts';
import { reportCounterexamples } from './counterexampleDirs.ts';
import type { CounterexampleSet } from './counterexamples.ts';
import { APPENDIX_LINK, APPENDIX_TITLE, buildDocument, REPORT_LINK, TITLE } from './document.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { OutputDirectory } from './outputDirectory.ts';
import { fidelity, reducedPopulation, type FidelityReport } from '../runner/fidelity.ts';
import type { Results } from '../results/results.ts';
import type { Suite } from '../../properties/index.ts';
import { takeStamp, type ReportStamp } from './stamp.ts';

export interface ReportOptions {
  /** Where the counterexamples are (default `counterexamples`, from the working directory); those of every directory the results name are explained too. */
  counterexamplesDir?: string;
  /** The counterexamples to explain, already loaded (`cascade report` checks `--dir` before any work); by default loaded here as `counterexamplesDir` says. */
  counterexamples?: CounterexampleSet;
  /** Replace files of the same name in `outDir` that cascade did not write. */
  update?: boolean;
  /** Suites from suite files the user named: their counterexamples are explained too. */
  suites?: readonly Suite[];
  /** The model against the public record; by default computed here over seed 1 on the population reduced `reduction` times (seconds). */
  fidelity?: FidelityReport;
  /** How many times smaller than `cascade fidelity`'s the report's own population run is (default REPORT_REDUCTION). */
  reduction?: number;
  /** When, from which commit and on which machine (default: taken now, stamp.ts). */
  stamp?: ReportStamp;
}

/** The report's own fidelity run is on a population this many times smaller than `cascade fidelity`'s, the same shape. */
export const REPORT_REDUCTION = 2;

export interface ReportFiles {
  /** Paths of the files written: the first page, and the appendix. */
  markdown: string;
  html: string;
  appendix: { markdown: string; html: string };
  /** Counterexamples explained, and charts written. */
  counterexamples: number;
  charts: number;
}

export async function writeReport(results: Results, outDir: string, options: ReportOptions = {}): Promise<ReportFiles> {
  const out = OutputDirectory.open(outDir, options.update);
  const counterexamples = options.counterexamples ?? reportCounterexamples(results, options.counterexamplesDir ?? 'counterexamples', options.suites ?? []);
  const doc = buildDocument(
    results,
    counterexamples,
    options.fidelity ?? fidelity([1], reducedPopulation(options.reduction ?? REPORT_REDUCTION)),
    outDir,
    options.stamp ?? takeStamp(),
  );
  const charts = [...chartsOf(doc.main), ...chartsOf(doc.appendix)];
  // Every name first: a user's file in the way is refused before anything is written.
  out.checkAll([...charts.map((c) => c.file), ...OutputDirectory.REPORT_PAGES]);
  const svgs = new Map<string, string>();
  for (const chart of charts) {
    const svg = await renderChart(chart.spec);
    svgs.set(chart.file, svg);
    out.write(chart.file, svg);
  }
  // The charts of counterexamples that are gone: only those an earlier report here wrote.
  out.removeStale((name) => name.startsWith('charts/') && name.endsWith('.svg'));
  const links = (text: string, ext: string) => text.replaceAll(APPENDIX_LINK, `appendix.${ext}`).replaceAll(REPORT_LINK, `report.${ext}`);
  const markdown = out.write('report.md', links(renderMarkdown(doc.main), 'md'));
  const html = out.write('report.html', links(renderHtml(TITLE, doc.main, svgs), 'html'));
  const appendix = {
    markdown: out.write('appendix.md', links(renderMarkdown(doc.appendix), 'md')),
    html: out.write('appendix.html', links(renderHtml(APPENDIX_TITLE, doc.appendix, svgs), 'html')),
  };
  return { markdown, html, appendix, counterexamples: counterexamples.loaded.length, charts: charts.length };
}
