/**
 * Writes the design-review report (`report.md` with `charts/*.svg`, and a self-contained
 * `report.html`, all atomically) from results and the counterexamples the runner prepared; called by
 * `cascade report` and at the end of `npm start`. It formats and runs nothing.
 */
import { chartsOf } from './blocks.ts';
import { renderChart } from './charts.ts';
import type { CounterexampleSet } from './counterexamples.ts';
import { APPENDIX_LINK, APPENDIX_TITLE, buildDocument, REPORT_LINK, TITLE } from './document.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { OutputDirectory } from './outputDirectory.ts';
import type { Results } from '../results/results.ts';
import { takeStamp, type ReportStamp } from './stamp.ts';

export interface ReportOptions {
  /** Replace files of the same name in `outDir` that cascade did not write. */
  update?: boolean;
  /** When, from which commit and on which machine (default: taken now, stamp.ts). */
  stamp?: ReportStamp;
}

export interface ReportFiles {
  /** Paths of the files written: the first page, and the appendix. */
  markdown: string;
  html: string;
  appendix: { markdown: string; html: string };
  /** Counterexamples explained, and charts written. */
  counterexamples: number;
  charts: number;
}

/**
 * The report of `results` in `outDir`, explaining `counterexamples` (loaded, replayed and walked by the
 * runner: runner/counterexampleDirs.ts `reportCounterexamples`, which reads the directory asked for and
 * every one the results name).
 */
export async function writeReport(results: Results, counterexamples: CounterexampleSet, outDir: string, options: ReportOptions = {}): Promise<ReportFiles> {
  const out = OutputDirectory.open(outDir, options.update);
  const doc = buildDocument(results, counterexamples, outDir, options.stamp ?? takeStamp());
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
