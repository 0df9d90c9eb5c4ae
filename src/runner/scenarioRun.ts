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

/**
 * What a tick of a scenario run reports: the metrics, and the running totals the public figures are
 * compared with (supernodes lost by cause, crashes by cause, promotions, dedicated capacity added).
 * Messages per supernode against a normal level are not here: the model has no steady-state
 * signalling (keep-alives, lookups, presence) to measure a normal level by.
 */
export interface ScenarioRow extends Metrics {
  /** Clients online over clients that want to be. */
  onlineShare: number;
  /** Connect attempts in the tick. */
  connectAttempts: number;
  /** Peer crashes injected by faults (`crashes` counts the protocol's own, on the buggy release). */
  injectedCrashes: number;
  /** Supernodes lost, so far: with their host's own crash, to injected faults or leaving users, to overload. */
  supernodesLostToCrashes: number;
  supernodesLostToFaults: number;
  supernodesLostToOverload: number;
  promotions: number;
  megaSupernodesAdded: number;
}

/** Checks the run's inputs (a Refusal names the first problem) and returns its config and its ticks' rows, lazily. */
export function scenarioRun(options: ScenarioRunOptions): { config: Config; ticks: number; rows: Iterable<ScenarioRow> } {
  const scenario = lookup(SCENARIOS, options.scenario);
  if (!scenario) throw new Refusal(`unknown scenario '${options.scenario.slice(0, 80)}': choose ${SCENARIO_NAMES.join(' or ')}`);
  const protocol = parseVariant(options.variant);
  if (!protocol.ok) throw new Refusal(protocol.error);
  const config = applyOverrides(defaultConfig(options.scale), options.overrides, options.scale, `the ${options.scale} scale`);
  const ticks = options.ticks ?? scenario.horizon[options.scale];
  const model = { config, protocol: protocol.value };
  function* rows(): Generator<ScenarioRow> {
    for (const { event, metrics: m, state } of simulate(model, scenarioEvents(scenario!, config, options.scale, ticks))) {
      if (event.kind !== 'tick') continue;
      const c = state.counters;
      yield {
        ...m,
        onlineShare: m.wantOnline === 0 ? 1 : m.onlineClients / m.wantOnline,
        connectAttempts: c.tickAttempts,
        injectedCrashes: c.injectedCrashes,
        supernodesLostToCrashes: c.crashLosses,
        supernodesLostToFaults: c.faultLosses,
        supernodesLostToOverload: c.overloadShutdowns,
        promotions: c.promotions,
        megaSupernodesAdded: c.megaAdded,
      };
    }
  }
  return { config, ticks, rows: rows() };
}
