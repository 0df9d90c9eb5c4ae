/**
 * Renders a vega-lite spec to SVG on Node (compiled to vega, drawn headless by vega's own renderer),
 * so the report's charts are plain files that need no browser or network.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Shared look of every chart: the report's font, no chart border, legend labels never cut short (a variant's whole name). */
const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: '#d1d9e0' },
  axis: { labelFontSize: 11, titleFontSize: 11, gridColor: '#eef1f4' },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 0 },
  title: { fontSize: 13, anchor: 'start' as const },
};

/** A headless vega view of a spec with the report's look; the caller finalizes it. */
export function chartView(spec: object): View {
  const full = { config: CONFIG, background: 'white', ...spec } as TopLevelSpec;
  return new View(parse(compile(full).spec), { renderer: 'none' });
}

/** Renders a vega-lite spec to an SVG document. */
export async function renderChart(spec: object): Promise<string> {
  const view = chartView(spec);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
