/** A scripted outage on one variant, with the user's parameters: the metrics after every tick. */
import { simulate } from '../explore/simulate.ts';
import { defaultConfig, lookup, parseVariant, SCENARIO_NAMES, SCENARIOS, scenarioEvents, type Config, type Metrics, type Scale } from '../model/index.ts';
import { Refusal } from '../io/refusal.ts';
import { applyOverrides, type Overrides } from './overrides.ts';

export interface ScenarioRunOptions {
  scenario: string;
  variant: string;
  scale: Scale;
  /** Ticks after the trigger (default: the scenario's heal horizon at this scale). */
  ticks?: number;
  overrides: Overrides;
}

/** Checks the run's inputs (a Refusal names the first problem) and returns its config and its ticks' metrics, lazily. */
export function scenarioRun(options: ScenarioRunOptions): { config: Config; ticks: number; rows: Iterable<Metrics> } {
  const scenario = lookup(SCENARIOS, options.scenario);
  if (!scenario) throw new Refusal(`unknown scenario '${options.scenario.slice(0, 80)}': choose ${SCENARIO_NAMES.join(' or ')}`);
  const protocol = parseVariant(options.variant);
  if (!protocol.ok) throw new Refusal(protocol.error);
  const config = applyOverrides(defaultConfig(options.scale), options.overrides, options.scale, `the ${options.scale} scale`);
  const ticks = options.ticks ?? scenario.horizon[options.scale];
  const model = { config, protocol: protocol.value };
  function* rows(): Generator<Metrics> {
    for (const { event, metrics } of simulate(model, scenarioEvents(scenario!, config, options.scale, ticks))) if (event.kind === 'tick') yield metrics;
  }
  return { config, ticks, rows: rows() };
}
