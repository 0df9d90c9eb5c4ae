/**
 * Named scripted scenarios: the two outages as event sequences in the protocol's own terms. They pin
 * the mechanisms; the explorers find such sequences by themselves. Each starts from the steady state
 * of `init`, runs `warmup` quiet ticks, injects its trigger, and then only ticks.
 */
import type { Config, Scale } from './config.ts';
import type { Event } from './events.ts';

export interface Scenario {
  name: string;
  /** One sentence: what the scenario replays. */
  summary: string;
  /** The trigger, chosen from the config's parameter sets. */
  trigger(config: Config): Event;
  /** Ticks after the trigger within which a healthy protocol is back (the heal phase H; not the adversary's horizon T of a search). */
  healTicks: Record<Scale, number>;
}

const WARMUP = 5;

export const SCENARIOS: Record<string, Scenario> = {
  'outage-2010': {
    name: 'outage-2010',
    summary: 'the offline-message cluster degrades; its late replies meet the buggy client release',
    trigger: (config) => ({ kind: 'degradeOfflineMessages', level: Math.max(...config.degradeLevels) }),
    healTicks: { small: 40, population: 300 },
  },
  'outage-2007': {
    name: 'outage-2007',
    summary: 'patch day: a share of all machines reboots at once and every client logs in again',
    trigger: (config) => ({ kind: 'massReboot', percent: Math.max(...config.massRebootPercents) }),
    healTicks: { small: 40, population: 300 },
  },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS);

/** The scenario's events: warmup ticks, the trigger, then `ticks` ticks (default: its heal phase). */
export function scenarioEvents(scenario: Scenario, config: Config, scale: Scale, ticks = scenario.healTicks[scale]): Event[] {
  const tick: Event = { kind: 'tick' };
  return [...Array<Event>(WARMUP).fill(tick), scenario.trigger(config), ...Array<Event>(ticks).fill(tick)];
}
