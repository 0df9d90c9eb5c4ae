/**
 * The report's vega-lite specs (a counterexample's metrics on its buggy and fixed variant side by
 * side, and the population curves), kept as data so that charts.ts alone renders. Every axis reaches
 * the furthest point or marker it carries, and every label is placed inside its plot (chartLabels.ts):
 * no mark is drawn outside the axes.
 */
import { LABEL_MARK, pixel, placeLabel } from './chartLabels.ts';

/** The metrics drawn for a counterexample, with fixed colours and dashes so both panels read alike. */
export const SERIES = ['live supernodes', 'online clients', 'overload shutdowns', 'crashes', 'login queue'] as const;
const SERIES_COLORS = ['#0969da', '#1a7f37', '#cf222e', '#8250df', '#bf8700'];
const SERIES_DASHES = [
  [1, 0],
  [1, 0],
  [5, 2],
  [2, 2],
  [6, 2, 2, 2],
];

export interface Point {
  tick: number;
  series: string;
  value: number;
}

export interface Marker {
  tick: number;
  label: string;
}

export interface Panel {
  title: string;
  points: Point[];
  /** Vertical rules: faults (grey) and the violation (red). */
  faults: Marker[];
  violation: Marker | null;
}

/** Panels side by side with one y scale and one legend: buggy variant left, fixed right. */
export function comparisonSpec(panels: Panel[]): object {
  const top = Math.max(1, ...panels.flatMap((p) => p.points.map((x) => x.value)));
  const markers = panels.flatMap((p) => [...p.faults, ...(p.violation ? [p.violation] : [])]);
  const last = Math.max(1, ...panels.flatMap((p) => p.points.map((x) => x.tick)), ...markers.map((m) => m.tick));
  return {
    hconcat: panels.map((p) => panelSpec(p, Math.ceil(top * 1.15), last)),
    resolve: { scale: { y: 'shared', color: 'shared', strokeDash: 'shared' } },
  };
}

/** A panel's plot, in pixels. */
const PANEL = { width: 400, height: 180 };
/** The markers' label size, in pixels. */
const MARKER_FONT = 10;

function panelSpec(panel: Panel, top: number, last: number): object {
  const x = { field: 'tick', type: 'quantitative', title: 'tick', scale: { domain: [0, last], nice: false }, axis: { tickMinStep: 1, format: 'd' } };
  const short = last <= 20;
  return {
    title: panel.title,
    ...PANEL,
    layer: [
      {
        data: { values: panel.points },
        mark: { type: 'line', interpolate: 'step', strokeWidth: 2, clip: true, ...(short ? { point: { size: 18 } } : {}) },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: 'count', scale: { domain: [0, top], nice: false }, axis: { tickMinStep: 1, format: 'd' } },
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            scale: { domain: [...SERIES], range: SERIES_COLORS },
            legend: { orient: 'bottom', columns: 5, symbolType: 'stroke' },
          },
          strokeDash: { field: 'series', type: 'nominal', scale: { domain: [...SERIES], range: SERIES_DASHES } },
        },
      },
      ...markerLayers(panel.faults, '#8c959f', '#57606a', x, last),
      ...markerLayers(panel.violation ? [panel.violation] : [], '#cf222e', '#cf222e', x, last),
    ],
  };
}

/**
 * A dashed vertical rule with a label at each marker's tick; labels step down so neighbours do not
 * overlap, and lie on the side of the rule with room, cut to the panel's edge.
 */
function markerLayers(markers: Marker[], rule: string, label: string, x: object, last: number): object[] {
  if (markers.length === 0) return [];
  const rows = markers.map((m, i) => ({
    ...m,
    offset: 2 + 11 * (i % 4),
    ...placeLabel(pixel(m.tick, last, PANEL.width), null, PANEL.width, PANEL.height, MARKER_FONT),
  }));
  return [
    { data: { values: rows }, mark: { type: 'rule', strokeDash: [4, 3], color: rule }, encoding: { x } },
    {
      data: { values: rows },
      mark: { ...LABEL_MARK, fontSize: MARKER_FONT, color: label },
      encoding: { x, y: { field: 'offset', type: 'quantitative', scale: null }, text: { field: 'label' } },
    },
  ];
}

/** A point of the fidelity curves: hours after the trigger, the run, online share in percent. */
export interface HourPoint {
  hours: number;
  run: string;
  online: number;
}

/** A reading of the public record to mark on the curves. */
export interface RecordMark {
  hours: number;
  online: number;
  label: string;
}

/** Online share against hours after the trigger, one line per run, the record's readings as dots. */
export function fidelitySpec(title: string, points: HourPoint[], runs: string[], marks: RecordMark[]): object {
  // The axes reach every reading: one taken after the runs end is drawn where it was taken.
  const last = Math.max(1, ...points.map((p) => p.hours), ...marks.map((m) => m.hours));
  const top = Math.max(100, ...points.map((p) => p.online), ...marks.map((m) => m.online));
  const plot = { width: 460, height: 200 };
  const x = { field: 'hours', type: 'quantitative', title: 'hours after the trigger', scale: { domain: [0, last], nice: false } };
  const y = { field: 'online', type: 'quantitative', title: '% of users online', scale: { domain: [0, top], nice: false } };
  const labels = marks.map((m) => ({
    ...m,
    ...placeLabel(pixel(m.hours, last, plot.width), plot.height - pixel(m.online, top, plot.height), plot.width, plot.height, 10),
  }));
  return {
    title,
    ...plot,
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: {
          x,
          y,
          color: { field: 'run', type: 'nominal', title: null, scale: { domain: runs, range: ['#cf222e', '#1a7f37'] }, legend: { orient: 'bottom' } },
        },
      },
      { data: { values: marks }, mark: { type: 'point', filled: true, size: 60, color: '#24292f' }, encoding: { x, y } },
      { data: { values: labels }, mark: { ...LABEL_MARK, fontSize: 10, color: '#24292f' }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
}
