/**
 * The chart of a sweep: the measure against the parameter, one line per seed, the tipping point as a
 * rule. The axis reaches the tipping point, and its label hangs inside the plot on the side with room.
 */
import type { SweepResult } from '../results/sweep.ts';
import { LABEL_MARK, pixel, placeLabel } from './chartLabels.ts';

const PLOT = { width: 560, height: 260 };

export function sweepChartSpec(r: SweepResult): object {
  const tipping = r.tipping?.median ?? null;
  const from = Math.min(r.from, tipping ?? r.from);
  const to = Math.max(r.to, tipping ?? r.to);
  const layers: object[] = [
    {
      data: { values: r.points.map((p) => ({ value: p.value, measure: p.measure, seed: `seed ${p.seed}`, outcome: p.outcome ? 'yes' : 'no' })) },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'value', type: 'quantitative', title: r.param, scale: { domain: [from, to], nice: false } },
        y: { field: 'measure', type: 'quantitative', title: r.measureName },
        color: { field: 'seed', type: 'nominal', title: 'seed' },
        tooltip: [{ field: 'value' }, { field: 'seed' }, { field: 'measure' }, { field: 'outcome', title: r.outcomeName.split(' (')[0] }],
      },
    },
  ];
  if (tipping !== null) {
    const place = placeLabel(pixel(tipping - from, to - from, PLOT.width), null, PLOT.width, PLOT.height, 11);
    layers.push({
      data: { values: [{ value: tipping, label: `tipping point ${tipping}`, ...place, dy: 4 }] },
      layer: [
        { mark: { type: 'rule', color: '#cf222e', strokeDash: [4, 3] }, encoding: { x: { field: 'value', type: 'quantitative' } } },
        { mark: { ...LABEL_MARK, color: '#cf222e' }, encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } } },
      ],
    });
  }
  return {
    title: `${r.target} on ${r.variant}: ${r.measureName} against ${r.param}`,
    ...PLOT,
    layer: layers,
  };
}
