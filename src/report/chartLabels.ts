/**
 * Where a chart's label goes beside the point it names, so that it stays inside the plot: to the
 * right of a point in the left half and to the left of one in the right half, above a point unless
 * that would leave the top, cut to the room left (vega truncates with an ellipsis). The placement is
 * computed from the plot's size and scales here, then handed to vega-lite as data (`LABEL_MARK`).
 */

/** Pixels between a point and its label. */
const GAP = 5;

export interface LabelPlacement {
  align: 'left' | 'right';
  baseline: 'top' | 'bottom';
  dx: number;
  dy: number;
  /** The widest the label may be drawn, in pixels. */
  limit: number;
}

/**
 * A label's placement for an anchor at pixel (`x`, `y`) of a plot `width` x `height` pixels, in a
 * font of `fontSize` pixels. `y` null: the label hangs from the top edge down (the text is laid out
 * by the caller's own y, below the top).
 */
export function placeLabel(x: number, y: number | null, width: number, height: number, fontSize: number): LabelPlacement {
  const left = x <= width / 2;
  const horizontal = {
    align: left ? ('left' as const) : ('right' as const),
    dx: left ? GAP : -GAP,
    limit: Math.max(0, Math.floor(left ? width - x - GAP : x - GAP)),
  };
  if (y === null) return { ...horizontal, baseline: 'top', dy: 0 };
  const above = y - GAP - (fontSize + 2) >= 0 || y + GAP + fontSize + 2 > height;
  return { ...horizontal, baseline: above ? 'bottom' : 'top', dy: above ? -GAP : GAP };
}

/** The text mark properties that read a datum's own placement (its fields from `placeLabel`). */
export const LABEL_MARK = {
  type: 'text',
  align: { expr: 'datum.align' },
  baseline: { expr: 'datum.baseline' },
  dx: { expr: 'datum.dx' },
  dy: { expr: 'datum.dy' },
  limit: { expr: 'datum.limit' },
} as const;

/** A linear scale's pixel for `value` over the domain [0, `top`] drawn `size` pixels long. */
export function pixel(value: number, top: number, size: number): number {
  return top <= 0 ? 0 : (Math.min(Math.max(value, 0), top) / top) * size;
}
