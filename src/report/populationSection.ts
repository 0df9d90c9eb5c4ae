/**
 * The population-scale section (scenario summaries, the model's curves, the public figures), so a
 * reviewer can judge how far the model's outages resemble the real ones.
 */
import type { ScenarioSummary } from '../explore/scenarioSummary.ts';
import { defaultConfig, SCENARIOS } from '../model/index.ts';
import { cell, type Block, type ChartRef } from './blocks.ts';
import { populationSpec, type CurvePoint } from './chartSpecs.ts';
import { count, percent } from './format.ts';
import type { PopulationRun } from './population.ts';
import { differences, publicFigureRows, type OutageRuns } from './publicFigures.ts';

export function populationSection(scenarios: ScenarioSummary[], runs: OutageRuns): Block[] {
  const c = defaultConfig('population');
  return [
    { kind: 'heading', level: 2, text: 'Population scale: the two outages' },
    {
      kind: 'paragraph',
      text: `Each scenario is 5 quiet ticks, the trigger, then the heal horizon. \`outage-2010\`: ${SCENARIOS['outage-2010']!.summary}. \`outage-2007\`: ${SCENARIOS['outage-2007']!.summary}. Population scale is ${count(c.peers)} peers, ${count(c.supernodes)} supernodes of capacity ${c.supernodeCapacity} (budget ${c.supernodeBudget} connects a tick), ${count(c.eligible)} eligible peers, a login server of ${count(c.loginCapacity)} a tick.`,
    },
    scenarioTable(scenarios),
    { kind: 'charts', charts: [curves('outage-2010', runs.buggy2010, runs.fixed2010), curves('outage-2007', runs.buggy2007, runs.fixed2007)] },
    { kind: 'heading', level: 3, text: 'Next to the public figures' },
    { kind: 'paragraph', text: 'Public figures from the operator\'s post-mortems and measurement studies (see shared/DOMAIN.md); model figures from the population runs above.' },
    { kind: 'table', header: ['', 'public', 'model (population scale)'], rows: publicFigureRows(runs) },
    { kind: 'paragraph', text: 'Where the model differs, and why (as the README puts it, with the current numbers):' },
    { kind: 'list', ordered: false, items: differences(runs, c) },
  ];
}

function scenarioTable(scenarios: ScenarioSummary[]): Block {
  if (scenarios.length === 0) return { kind: 'paragraph', text: 'No scenario summaries in these results.' };
  return {
    kind: 'table',
    header: ['scenario', 'variant', 'scale', 'supernodes start > min > end', 'online at end', 'mean online, 2nd half', 'crashes', 'overload shutdowns', 'back after', 'peak requests per client'],
    rows: scenarios.map((s) => [
      cell(s.scenario),
      cell(`\`${s.variant}\``),
      cell(s.scale),
      cell(`${count(s.startSupernodes)} > ${count(s.minSupernodes)} > ${count(s.endSupernodes)}`),
      cell(`${count(s.endOnline)} of ${count(s.wantOnline)}`, s.endOnline === s.wantOnline ? 'holds' : 'violated'),
      cell(percent(s.lateOnlineShare)),
      cell(count(s.crashes)),
      cell(count(s.overloadShutdowns)),
      cell(s.recoveredAfter === null ? 'never' : `${s.recoveredAfter} ticks`),
      cell(s.peakRequestsPerClient.toFixed(2)),
    ]),
  };
}

function curves(scenario: string, buggy: PopulationRun, fixed: PopulationRun): ChartRef {
  const points: CurvePoint[] = [buggy, fixed].flatMap((run) =>
    run.samples.map((s) => ({ tick: s.tick, variant: run.variant, online: Math.round((1000 * s.online) / Math.max(1, s.want)) / 10, live: s.live })),
  );
  return {
    file: `charts/population-${scenario}.svg`,
    alt: `${scenario} at population scale: clients online and live supernodes per tick, ${buggy.variant} against ${fixed.variant}`,
    spec: populationSpec(`${scenario}: ${buggy.variant} against ${fixed.variant}`, points, [buggy.variant, fixed.variant], buggy.triggerTick),
  };
}
