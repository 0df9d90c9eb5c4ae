/** A scripted outage on one variant, with the user's parameters: the metrics after every tick. */
import { simulate } from '../search/simulate.ts';
import {
  defaultConfig,
  lookup,
  parseVariant,
  SCENARIO_NAMES,
  SCENARIOS,
  scenarioEvents,
  supernodeMessages,
  type Config,
  type Metrics,
  type Scale,
} from '../model/index.ts';
import { Refusal } from '../io/refusal.ts';
import { applyOverrides, type Overrides } from './overrides.ts';

export interface ScenarioRunOptions {
  scenario: string;
  variant: string;
  scale: Scale;
  /** Ticks after the trigger (default: the scenario's heal phase at this scale). */
  ticks?: number;
  overrides: Overrides;
}

/**
 * What a tick of a scenario run reports: the metrics, and the running totals the public figures are
 * compared with (supernodes lost by cause, crashes by cause, promotions, dedicated capacity added).
 * Traffic is measured in messages per serving supernode against the level of the steady state the
 * run starts from (src/model/signalling.ts).
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
  /** Messages per serving supernode in the tick (signalling of its clients, connect requests), over the steady state's level. */
  supernodeTraffic: number;
}

/** Checks the run's inputs (a Refusal names the first problem) and returns its config and its ticks' rows, lazily. */
export function scenarioRun(options: ScenarioRunOptions): { config: Config; ticks: number; rows: Iterable<ScenarioRow> } {
  const scenario = lookup(SCENARIOS, options.scenario);
  if (!scenario) throw new Refusal(`unknown scenario '${options.scenario.slice(0, 80)}': choose ${SCENARIO_NAMES.join(' or ')}`);
  const protocol = parseVariant(options.variant);
  if (!protocol.ok) throw new Refusal(protocol.error);
  const config = applyOverrides(defaultConfig(options.scale), options.overrides, options.scale, `the ${options.scale} scale`);
  const ticks = options.ticks ?? scenario.healTicks[options.scale];
  const model = { config, protocol: protocol.value };
  function* rows(): Generator<ScenarioRow> {
    let normal = 0;
    for (const { event, metrics: m, state } of simulate(model, scenarioEvents(scenario!, config, options.scale, ticks))) {
      if (event.kind !== 'tick') continue;
      const c = state.counters;
      const sn = supernodeMessages(state, config.tickSeconds);
      const perSupernode = sn.messages / Math.max(1, sn.live);
      if (normal === 0) normal = perSupernode; // the first quiet tick: the steady state
      const traffic = normal === 0 ? 0 : perSupernode / normal;
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
        supernodeTraffic: traffic,
      };
    }
  }
  return { config, ticks, rows: rows() };
}
