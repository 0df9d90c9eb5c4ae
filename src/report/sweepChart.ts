/** The chart of a sweep: the measure against the parameter, one line per seed, the tipping point as a rule. */
import type { SweepResult } from '../runner/sweep.ts';

export function sweepChartSpec(r: SweepResult): object {
  const layers: object[] = [
    {
      data: { values: r.points.map((p) => ({ value: p.value, measure: p.measure, seed: `seed ${p.seed}`, outcome: p.outcome ? 'yes' : 'no' })) },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'value', type: 'quantitative', title: r.param, scale: { domain: [r.from, r.to] } },
        y: { field: 'measure', type: 'quantitative', title: r.measureName },
        color: { field: 'seed', type: 'nominal', title: 'seed' },
        tooltip: [{ field: 'value' }, { field: 'seed' }, { field: 'measure' }, { field: 'outcome', title: r.outcomeName.split(' (')[0] }],
      },
    },
  ];
  if (r.tipping?.median != null) {
    layers.push({
      data: { values: [{ value: r.tipping.median, label: `tipping point ${r.tipping.median}` }] },
      layer: [
        { mark: { type: 'rule', color: '#cf222e', strokeDash: [4, 3] }, encoding: { x: { field: 'value', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: '#cf222e' }, encoding: { x: { field: 'value', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } } },
      ],
    });
  }
  return {
    title: `${r.target} on ${r.variant}: ${r.measureName} against ${r.param}`,
    width: 560,
    height: 260,
    layer: layers,
  };
}
