/**
 * The two outages simulated at population scale on the buggy variant and on `fixed`, sampled per tick,
 * for the curves and the figures set next to the public record.
 */
import { simulate } from '../explore/simulate.ts';
import { defaultConfig, init, lookup, SCENARIOS, scenarioEvents, variant, type Counters, type Metrics } from '../model/index.ts';

export interface Sample {
  tick: number;
  online: number;
  want: number;
  live: number;
  /** Connect requests that reached supernodes in the tick, and clients attached to serving ones. */
  requests: number;
  attached: number;
  crashes: number;
  shutdowns: number;
}

export interface PopulationRun {
  scenario: string;
  variant: string;
  /** Tick at which the trigger hit. */
  triggerTick: number;
  /** Heal horizon after the trigger, in ticks. */
  horizon: number;
  /** One sample per tick (the state after the tick's last step), tick 0 first. */
  samples: Sample[];
  /** The state's counters at the end. */
  counters: Counters;
  peers: number;
  supernodes: number;
  /** Peers running the buggy release. */
  buggy: number;
}

/** The scenarios and variants of the report's population section, buggy variant first. */
export const POPULATION_RUNS = [
  ['outage-2010', 'skype-2010'],
  ['outage-2010', 'fixed'],
  ['outage-2007', 'skype-2007'],
  ['outage-2007', 'fixed'],
] as const;

export function runPopulation(scenario: string, variantName: string): PopulationRun {
  const config = defaultConfig('population');
  const model = { config, protocol: variant(variantName) };
  const s = lookup(SCENARIOS, scenario)!;
  const events = scenarioEvents(s, config, 'population');
  const start = init(model);
  const byTick = new Map<number, Sample>();
  const sample = (m: Metrics) =>
    byTick.set(m.tick, { tick: m.tick, online: m.onlineClients, want: m.wantOnline, live: m.liveSupernodes, requests: m.supernodeRequests, attached: m.attachedClients, crashes: m.crashes, shutdowns: m.overloadShutdowns });
  let triggerTick = 0;
  const run = simulate(model, events);
  for (let next = run.next(); ; next = run.next()) {
    if (next.done) {
      return {
        scenario,
        variant: variantName,
        triggerTick,
        horizon: s.horizon.population,
        samples: [...byTick.values()],
        counters: next.value.counters,
        peers: config.peers,
        supernodes: config.supernodes,
        buggy: start.peers.filter((p) => p.release === 'buggy').length,
      };
    }
    const step = next.value;
    if (step.event.kind !== 'tick') triggerTick = step.metrics.tick;
    sample(step.metrics);
  }
}

/** Share of wanting clients online at `after` ticks past the trigger (null past the end). */
export function shareAt(run: PopulationRun, after: number): number | null {
  const s = run.samples.find((x) => x.tick === run.triggerTick + after);
  return s ? s.online / Math.max(1, s.want) : null;
}

/** Lowest and highest online share over the second half of the horizon. */
export function lateShareRange(run: PopulationRun): [number, number] {
  const late = run.samples.filter((s) => s.tick - run.triggerTick > run.horizon / 2).map((s) => s.online / Math.max(1, s.want));
  return [Math.min(...late), Math.max(...late)];
}

/** The lowest online share after the trigger, and how many ticks after it that was first reached. */
export function lowestShare(run: PopulationRun): { share: number; after: number } {
  let best = { share: Infinity, after: 0 };
  for (const s of run.samples) {
    if (s.tick <= run.triggerTick) continue;
    const share = s.online / Math.max(1, s.want);
    if (share < best.share - 1e-9) best = { share, after: s.tick - run.triggerTick };
  }
  return best;
}

/** Fewest live supernodes after the trigger. */
export function minLive(run: PopulationRun): number {
  return Math.min(...run.samples.filter((s) => s.tick > run.triggerTick).map((s) => s.live));
}

/** Ticks after the trigger until the first overload shutdown, or null. */
export function firstShutdown(run: PopulationRun): number | null {
  const s = run.samples.find((x) => x.shutdowns > 0);
  return s ? s.tick - run.triggerTick : null;
}

/** Peak traffic per serving supernode (connects plus attached clients) over its value just before the trigger. */
export function peakTraffic(run: PopulationRun): number {
  const traffic = (s: Sample) => (s.requests + s.attached) / Math.max(1, s.live);
  const normal = run.samples.find((s) => s.tick === run.triggerTick - 1);
  const peak = Math.max(...run.samples.filter((s) => s.tick > run.triggerTick).map(traffic));
  return normal ? peak / Math.max(1e-9, traffic(normal)) : NaN;
}

/** Ticks after the trigger from which everyone who wants to be online stays online; null if not at the end. */
export function recoveredAfter(run: PopulationRun): number | null {
  let from: number | null = null;
  for (const s of run.samples) {
    if (s.tick <= run.triggerTick) continue;
    if (s.online !== s.want) from = null;
    else if (from === null) from = s.tick - run.triggerTick;
  }
  return from;
}

/** Ticks after the trigger at which the online share first fell below `share`, or null. */
export function firstBelow(run: PopulationRun, share: number): number | null {
  const s = run.samples.find((x) => x.tick > run.triggerTick && x.online / Math.max(1, x.want) < share);
  return s ? s.tick - run.triggerTick : null;
}
