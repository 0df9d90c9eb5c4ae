/**
 * A chart never draws a mark outside its axes: for every chart the report builds (the population
 * curves and every committed counterexample's metrics), a sweep's chart, and specs with markers past
 * the data, each drawn mark's coordinates lie within its plot area and each legend and title within
 * the SVG's view box (chartGeometry.ts reads them from vega's scene graph).
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartsOf, type ChartRef } from '../../src/report/blocks.ts';
import { comparisonSpec, fidelitySpec, type Panel } from '../../src/report/chartSpecs.ts';
import { buildDocument } from '../../src/report/document.ts';
import { takeStamp } from '../../src/report/stamp.ts';
import { sweepChartSpec } from '../../src/report/sweepChart.ts';
import { explainCounterexamples } from '../../src/runner/explainCounterexamples.ts';
import type { SweepResult } from '../../src/runner/sweep.ts';
import { chartGeometry } from './chartGeometry.ts';
import { emptyResults } from './fixture.ts';

let charts: ChartRef[];

beforeAll(() => {
  const doc = buildDocument(emptyResults(), explainCounterexamples('counterexamples'), join(tmpdir(), 'report'), takeStamp());
  charts = [...chartsOf(doc.main), ...chartsOf(doc.appendix)];
}, 120_000);

async function expectWithinAxes(spec: object): Promise<void> {
  const g = await chartGeometry(spec);
  expect(g.plots).toBeGreaterThan(0);
  expect(g.marks).toBeGreaterThan(0);
  expect(g.strays).toEqual([]);
  expect(g.cut).toEqual([]);
}

describe('every chart the report builds', () => {
  it('draws every mark inside its plot, and its legend and title inside the view box', async () => {
    expect(charts.map((c) => c.file)).toContain('charts/population-outage-2010.svg');
    expect(charts.length).toBeGreaterThan(2);
    for (const chart of charts) {
      const g = await chartGeometry(chart.spec);
      expect({ file: chart.file, strays: g.strays, cut: g.cut, legends: g.legends > 0 }).toEqual({ file: chart.file, strays: [], cut: [], legends: true });
    }
  }, 120_000);
});

describe('markers past the data', () => {
  const hours = [0, 6, 12, 18, 24, 30, 37];
  const points = hours.flatMap((h) => [
    { hours: h, run: 'skype-2010+mega-supernodes', online: Math.min(100, 20 + 2 * h) },
    { hours: h, run: 'fixed', online: 100 },
  ]);

  it('a record reading after the last hour and one at 100% are drawn inside the plot, the axis extended to them, the legend whole', async () => {
    const spec = fidelitySpec(
      'outage-2010',
      points,
      ['skype-2010+mega-supernodes', 'fixed'],
      [
        { hours: 48, online: 90, label: 'record: about 90% the day after' },
        { hours: 0, online: 100, label: 'a reading at the very top left corner' },
        { hours: 37, online: 0, label: 'a reading at the very bottom right corner' },
      ],
    );
    await expectWithinAxes(spec);
  });

  it('fault labels at the last tick, long and merged, stay inside their panel', async () => {
    const series = ['live supernodes', 'online clients', 'overload shutdowns', 'crashes', 'login queue'];
    const panel = (title: string, last: number): Panel => ({
      title,
      points: Array.from({ length: last + 1 }, (_, tick) => series.map((s, i) => ({ tick, series: s, value: tick * i }))).flat(),
      faults: [
        { tick: 0, label: 'crashSupernode(slot 1)' },
        { tick: last, label: 'degradeOfflineMessages(level 3), crashSupernode(slot 2), rebootClients(all), degradeLogin(level 2)' },
        { tick: last + 5, label: 'a fault after the last tick drawn' },
      ],
      violation: { tick: last + 5, label: 'violation' },
    });
    await expectWithinAxes(comparisonSpec([panel('skype-2010: violated', 12), panel('fixed: holds on the same events', 8)]));
  });

  it("a sweep's tipping point, at either end of the range, is drawn inside the plot", async () => {
    for (const median of [1, 10, 12]) {
      const sweep = {
        param: 'supernodeCapacity',
        from: 1,
        to: 10,
        mode: 'bisect',
        target: 'outage-2010',
        variant: 'skype-2010',
        seeds: 2,
        overrides: '',
        outcomeName: 'recovers (yes/no)',
        measureName: 'online at end',
        points: [1, 4, 7, 10].flatMap((value) => [1, 2].map((seed) => ({ value, seed, measure: value * seed * 10, outcome: value > 5 }))),
        tipping: { perSeed: [median, median], median, min: median, max: median, precision: 1 },
      } as unknown as SweepResult;
      await expectWithinAxes(sweepChartSpec(sweep));
    }
  });
});
