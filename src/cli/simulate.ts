/**
 * `cascade simulate --scenario S --variant V [--scale small|population] [--ticks N] [--seed S] [--json]`:
 * replays a scripted outage and prints one line (or JSON object) per tick.
 */
import { derivedQuantities, readOverrides, SCENARIO_NAMES, scenarioRun, type ScenarioRow } from '../runner/index.ts';
import { integer, oneOf, parse, UsageError } from './args.ts';

export const simulateHelp = `Usage: cascade simulate --scenario ${SCENARIO_NAMES.join('|')} --variant V [options]

Replays a scripted outage on one protocol variant and prints the metrics after every tick.

Options:
  --scenario S   ${SCENARIO_NAMES.join(' or ')} (required)
  --variant V    base plus fixes, e.g. skype-2010, skype-2007+backoff-jitter, fixed (required)
  --scale S      small (default) or population (100,000 clients, 1,000 supernodes)
  --ticks N      ticks after the trigger (default: the scenario's heal phase)
  --seed N       protocol PRNG seed (default 1; also --set seed=N)
  --set K=V      a model parameter (repeatable), e.g. --set buggyReleasePercent=30
  --config FILE  parameters from a JSON object (--set wins over it)
  --json         one JSON object per tick
  --help         this text`;

const COLUMNS: (keyof ScenarioRow)[] = [
  'tick',
  'liveSupernodes',
  'onlineClients',
  'wantOnline',
  'loginQueue',
  'crashes',
  'overloadShutdowns',
  'attemptsPerClient',
];
/** `--json` rows carry, besides the table's columns, what comparing with the public figures needs. */
const JSON_FIELDS: (keyof ScenarioRow)[] = [
  ...COLUMNS,
  'onlineShare',
  'liveCapacity',
  'connectAttempts',
  'supernodeRequests',
  'injectedCrashes',
  'supernodesLostToCrashes',
  'supernodesLostToFaults',
  'supernodesLostToOverload',
  'promotions',
  'megaSupernodesAdded',
  'supernodeTraffic',
];

export function simulateCommand(argv: string[], out: (line: string) => void, err: (line: string) => void): number {
  const { values } = parse(argv, {
    scenario: { type: 'string' },
    variant: { type: 'string' },
    scale: { type: 'string' },
    ticks: { type: 'string' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true },
    config: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' },
  });
  if (values.help) {
    out(simulateHelp);
    return 0;
  }
  if (values.scenario === undefined) throw new UsageError('--scenario is required (outage-2010 or outage-2007)');
  if (values.variant === undefined) throw new UsageError('--variant is required (e.g. skype-2010, fixed)');
  const scale = oneOf('scale', values.scale, ['small', 'population'] as const, 'small');
  const overrides = readOverrides(values.config, values.set ?? []);
  if (values.seed !== undefined) overrides.seed = integer('seed', values.seed, 1, 0, 0xffffffff);
  const ticks = values.ticks === undefined ? undefined : integer('ticks', values.ticks, 0, 0, 1_000_000);
  const run = scenarioRun({ scenario: values.scenario, variant: values.variant, scale, ticks, overrides });
  if (Object.keys(overrides).length > 0) err(`parameters: ${derivedQuantities(run.config)}`);
  if (!values.json) out(COLUMNS.join('\t'));
  for (const row of run.rows) {
    if (values.json) out(JSON.stringify(pick(row)));
    else out(COLUMNS.map((c) => format(row[c])).join('\t'));
  }
  return 0;
}

function pick(row: ScenarioRow): Record<string, number> {
  return Object.fromEntries(JSON_FIELDS.map((c) => [c, Number(row[c].toFixed(4))]));
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
