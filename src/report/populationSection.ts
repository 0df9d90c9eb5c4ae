/**
 * The population-scale section: the scripted outages' summaries, then the model set against the
 * public record (fidelitySection.ts).
 */
import type { ScenarioSummary } from '../search/scenarioSummary.ts';
import { defaultConfig } from '../model/config.ts';
import { lookup } from '../model/lookup.ts';
import { SCENARIOS } from '../model/scenarios.ts';
import { ALIASES } from '../model/variant.ts';
import type { FidelityReport } from '../results/fidelity.ts';
import { cell, type Block } from './blocks.ts';
import { fidelitySection } from './fidelitySection.ts';
import { count, percent } from './format.ts';

export function populationSection(scenarios: ScenarioSummary[], fidelity: FidelityReport): Block[] {
  const [heading, ...rest] = fidelitySection(fidelity);
  const c = defaultConfig('population');
  return [
    heading!,
    {
      kind: 'paragraph',
      text: `The scripted outages of \`npm start\`: 5 quiet ticks, the trigger, then the heal phase (${SCENARIOS['outage-2010']!.healTicks.small} ticks at small scope, ${SCENARIOS['outage-2010']!.healTicks.population} at population scale, where a tick is ${c.tickSeconds} s). \`outage-2010\`: ${SCENARIOS['outage-2010']!.summary}. \`outage-2007\`: ${SCENARIOS['outage-2007']!.summary}.`,
    },
    scenarioTable(scenarios),
    ...rest,
  ];
}

function scenarioTable(scenarios: ScenarioSummary[]): Block {
  if (scenarios.length === 0) return { kind: 'paragraph', text: 'No scenario summaries in these results.' };
  return {
    kind: 'table',
    header: [
      'scenario',
      'variant',
      'scale',
      'supernodes start > min > end',
      'online at end',
      'mean online, 2nd half',
      'crashes',
      'overload shutdowns',
      'back after',
      'peak requests per client',
    ],
    rows: scenarios.map((s) => [
      cell(s.scenario),
      cell(`\`${showVariant(s.variant)}\``),
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

/** A variant's name, `fixed` for all six fixes on the 2010 base (as the command line accepts it). */
function showVariant(name: string): string {
  return lookup(ALIASES, 'fixed') === name ? 'fixed' : name;
}
