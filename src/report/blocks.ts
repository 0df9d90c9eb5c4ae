/**
 * The report as data, blocks with a tiny inline markup (`code`, **bold**, [text](link)), built once
 * from the results so that Markdown and HTML say exactly the same thing.
 */

/** A table cell: inline markup; a newline is a line break inside the cell. */
export interface Cell {
  text: string;
  /** A CSS class in the HTML (e.g. the verdict's colour); ignored in Markdown. */
  className?: string;
  /** Details shown on hover in the HTML (the cell's `title`); ignored in Markdown. */
  title?: string;
}

/** A chart: a vega-lite spec rendered to `charts/<name>.svg` next to the report. */
export interface ChartRef {
  /** Path relative to the report, e.g. `charts/population-outage-2010.svg`. */
  file: string;
  /** What the chart shows, for the Markdown image's alt text and the HTML caption. */
  alt: string;
  /** The vega-lite spec (rendered by charts.ts). */
  spec: object;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string; id?: string }
  | { kind: 'paragraph'; text: string; className?: string }
  | { kind: 'list'; ordered: boolean; items: string[]; start?: number; className?: string }
  | { kind: 'table'; header: string[]; rows: Cell[][]; className?: string }
  | { kind: 'mermaid'; source: string }
  | { kind: 'charts'; charts: ChartRef[] }
  /** A group of blocks: a <div class> in HTML, the blocks themselves in Markdown. */
  | { kind: 'group'; className: string; blocks: Block[] }
  /** Collapsible in HTML (open or not); a plain sub-part in Markdown. */
  | { kind: 'details'; summary: string; open: boolean; blocks: Block[] };

/** Every chart of a document, in order. */
export function chartsOf(blocks: readonly Block[]): ChartRef[] {
  return blocks.flatMap((b) => (b.kind === 'charts' ? b.charts : b.kind === 'group' || b.kind === 'details' ? chartsOf(b.blocks) : []));
}

/** A cell from plain inline text. */
export function cell(text: string, className?: string, title?: string): Cell {
  return { text, ...(className === undefined ? {} : { className }), ...(title === undefined ? {} : { title }) };
}
