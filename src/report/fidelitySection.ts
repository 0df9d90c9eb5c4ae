/**
 * The population section: both outages at population scale set against the public record, figure
 * by figure (median and range over seeds, tolerance, within or not), and the curves of online users
 * with the record's readings marked, so a reviewer can judge how far the model reproduces them.
 */
import type { FidelityReport, OutageObservation } from '../results/fidelity.ts';
import { cell, type Block, type ChartRef } from './blocks.ts';
import { fidelitySpec, type RecordMark } from './chartSpecs.ts';
import { count, showFigure } from './format.ts';
import { defaultConfig } from '../model/config.ts';

const FULL_PEERS = defaultConfig('population').peers;

/** The record's readings of online users, in hours after the trigger (DOMAIN.md; times approximate). */
const MARKS: Record<'outage-2010' | 'outage-2007', RecordMark[]> = {
  'outage-2010': [
    { hours: 2, online: 24, label: 'record: 24% two hours in' },
    { hours: 48, online: 90, label: 'record: about 90% the day after' },
  ],
  'outage-2007': [{ hours: 24, online: 55, label: 'record: about 55% a day later' }],
};

export function fidelitySection(report: FidelityReport): Block[] {
  const c = report.config;
  const seeds = report.seeds.length === 1 ? `seed ${report.seeds[0]}` : `seeds ${report.seeds[0]} to ${report.seeds[report.seeds.length - 1]}`;
  return [
    { kind: 'heading', level: 2, text: 'Population scale: the two outages next to the public record' },
    {
      kind: 'paragraph',
      text: `${count(c.peers)} peers, ${count(c.supernodes)} supernodes${c.peers < FULL_PEERS ? ` (the population reduced ${Math.round(FULL_PEERS / c.peers)} times, every capacity with it, so shares and loads keep their shape)` : ''}, one tick for ${c.tickSeconds} s of protocol time (parameters and their sources: README, Calibration). Each outage runs on its base with the operator's recovery (\`${report.plan['record-2010'].variant}\` for ${report.plan['record-2010'].hours} h, \`${report.plan['record-2007'].variant}\` for ${report.plan['record-2007'].hours} h), and on \`fixed\` (${report.plan['fixed-2010'].hours} h), over ${seeds}. \`npx cascade fidelity --seeds 5\` prints the same table over five seeds at full scale.`,
    },
    {
      kind: 'table',
      header: ['figure', 'record', 'tolerance', 'model (median)', 'range over seeds', ''],
      rows: report.figures.map((f) => [
        cell(f.label),
        cell(f.record),
        cell(f.tolerance),
        cell(showFigure(f.unit, f.median)),
        cell(`${showFigure(f.unit, f.min)} to ${showFigure(f.unit, f.max)}`),
        cell(f.within ? 'within' : `outside${f.note ? `: ${f.note}` : ''}`, f.within ? 'holds' : 'violated'),
      ]),
    },
    {
      kind: 'paragraph',
      className: report.within === report.figures.length ? 'status' : 'warning',
      text: `${report.within} of ${report.figures.length} figures within tolerance.`,
    },
    {
      kind: 'charts',
      charts: [
        curves('outage-2010', report.runs['record-2010'][0]!, report.runs['fixed-2010'][0]!),
        curves('outage-2007', report.runs['record-2007'][0]!, report.runs['fixed-2007'][0]!),
      ],
    },
  ];
}

function curves(scenario: 'outage-2010' | 'outage-2007', record: OutageObservation, fixed: OutageObservation): ChartRef {
  // `fixed` names all six fixes on the 2010 base; the legend says it in one word.
  const names = [record.variant, 'fixed'];
  const points = [record, fixed].flatMap((run, i) =>
    run.samples.map((s) => ({ hours: Math.round(s.hours * 100) / 100, run: names[i]!, online: Math.round(s.onlineShare * 1000) / 10 })),
  );
  return {
    file: `charts/population-${scenario}.svg`,
    alt: `${scenario} at population scale, seed ${record.seed}: users online per hour after the trigger, ${record.variant} against ${fixed.variant}, the record's readings marked`,
    spec: fidelitySpec(`${scenario}: ${record.variant} against fixed (seed ${record.seed})`, points, names, MARKS[scenario]),
  };
}
