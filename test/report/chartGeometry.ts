/**
 * Where a chart draws, read from vega's own scene graph (the same view `renderChart` draws to SVG):
 * every data mark's coordinates checked against the plot area it belongs to, and every legend and
 * title against the SVG's view box. Text is checked by its whole box (vega's width estimate on Node,
 * wider than the real glyphs), lines and points by their anchors, rules by both ends.
 */
import { chartView } from '../../src/report/charts.ts';

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ChartGeometry {
  /** The SVG's view box. */
  width: number;
  height: number;
  /** Plot areas found (a layered chart has one, side-by-side panels one each). */
  plots: number;
  /** Data marks checked, and one line for each drawn outside its plot area. */
  marks: number;
  strays: string[];
  /** Legends found, and one line for each legend or title outside the view box, or legend label cut short. */
  legends: number;
  cut: string[];
}

/** Half a pixel: vega's own rounding of an edge. */
const SLACK = 0.5;

// A scene-graph node as vega keeps it (untyped there).
type SceneMark = { marktype: string; role?: string; name?: string; items?: SceneItem[] };
type SceneItem = { x?: number; y?: number; x2?: number; y2?: number; width?: number; height?: number; text?: unknown; bounds?: Rect; items?: SceneMark[] };

export async function chartGeometry(spec: object): Promise<ChartGeometry> {
  const view = chartView(spec);
  try {
    const svg = await view.toSVG();
    const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
    if (!box) throw new Error('no viewBox in the SVG');
    const [width, height] = [Number(box[1]), Number(box[2])];
    const [ox, oy] = view.origin();
    const g: ChartGeometry = { width, height, plots: 0, marks: 0, strays: [], legends: 0, cut: [] };
    const frame: Rect = { x1: 0, y1: 0, x2: width, y2: height };
    const inside = (r: Rect, area: Rect) => r.x1 >= area.x1 - SLACK && r.y1 >= area.y1 - SLACK && r.x2 <= area.x2 + SLACK && r.y2 <= area.y2 + SLACK;
    const show = (r: Rect) => `(${[r.x1, r.y1, r.x2, r.y2].map((v) => Math.round(v)).join(', ')})`;
    const visit = (mark: SceneMark, dx: number, dy: number, plot: Rect | null): void => {
      const role = mark.role ?? '';
      for (const item of mark.items ?? []) {
        if (role === 'legend' || role === 'title') {
          if (role === 'legend') g.legends++;
          const b = item.bounds!;
          const r = { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
          if (!inside(r, frame)) g.cut.push(`${role} ${show(r)} outside the view box ${show(frame)}`);
          continue;
        }
        if (role.startsWith('axis')) continue;
        if (mark.marktype === 'group') {
          const x = dx + (item.x ?? 0);
          const y = dy + (item.y ?? 0);
          const own = (item.width ?? 0) > 0 && (item.height ?? 0) > 0 ? { x1: x, y1: y, x2: x + item.width!, y2: y + item.height! } : null;
          if (own && plot === null) g.plots++;
          for (const child of item.items ?? []) visit(child, x, y, plot ?? own);
          continue;
        }
        if (role !== 'mark') continue;
        g.marks++;
        const at = (x: number, y: number): Rect => ({ x1: x + dx, y1: y + dy, x2: x + dx, y2: y + dy });
        const drawn: Rect[] =
          mark.marktype === 'text'
            ? [{ x1: item.bounds!.x1 + dx, y1: item.bounds!.y1 + dy, x2: item.bounds!.x2 + dx, y2: item.bounds!.y2 + dy }]
            : [
                at(item.x ?? 0, item.y ?? 0),
                ...(item.x2 !== undefined || item.y2 !== undefined ? [at(item.x2 ?? item.x ?? 0, item.y2 ?? item.y ?? 0)] : []),
                ...(item.width !== undefined || item.height !== undefined ? [at((item.x ?? 0) + (item.width ?? 0), (item.y ?? 0) + (item.height ?? 0))] : []),
              ];
        const area = plot ?? frame;
        for (const r of drawn)
          if (!inside(r, area))
            g.strays.push(
              `${mark.marktype} ${mark.name ?? ''}${typeof item.text === 'string' ? ` '${item.text}'` : ''} at ${show(r)} outside the plot ${show(area)}`,
            );
      }
    };
    visit((view.scenegraph() as unknown as { root: SceneMark }).root, ox, oy, null);
    // A legend's label drawn cut short ends in vega's ellipsis (legends come after the plots in the SVG).
    const legend = svg.indexOf('role-legend');
    for (const m of legend < 0 ? [] : svg.slice(legend).matchAll(/<text[^>]*>([^<]*…)<\/text>/g)) g.cut.push(`legend label '${m[1]}' cut short`);
    return g;
  } finally {
    view.finalize();
  }
}
