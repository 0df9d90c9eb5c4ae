/**
 * A scenario's outcome in a few numbers: what a reviewer compares between a buggy variant and a
 * fixed one on the same events.
 */
import { lookup, SCENARIOS, scenarioEvents, type Model, type Scale } from '../model/index.ts';
import { simulate, type SimulationStep } from './simulate.ts';

export interface ScenarioSummary {
  scenario: string;
  variant: string;
  scale: Scale;
  startSupernodes: number;
  minSupernodes: number;
  endSupernodes: number;
  endOnline: number;
  wantOnline: number;
  /** Mean share of wanting clients online over the second half of the heal phase. */
  lateOnlineShare: number;
  crashes: number;
  overloadShutdowns: number;
  /** Ticks after the trigger from which everyone who wants to be online stays online; null if not at the end. */
  recoveredAfter: number | null;
  /** Peak connect requests reaching supernodes in a tick, per client that wants to be online. */
  peakRequestsPerClient: number;
}

export function summarizeScenario(model: Model, name: string, scale: Scale): ScenarioSummary {
  const scenario = lookup(SCENARIOS, name)!;
  const events = scenarioEvents(scenario, model.config, scale);
  const triggerAt = events.findIndex((e) => e.kind !== 'tick');
  let start = 0,
    min = Infinity,
    peak = 0,
    lateSum = 0,
    lateCount = 0;
  let recoveredAfter: number | null = null;
  let last: SimulationStep | undefined;
  for (const step of simulate(model, events)) {
    const m = step.metrics;
    if (step.index === 0) start = m.liveSupernodes;
    if (step.index > triggerAt) {
      min = Math.min(min, m.liveSupernodes);
      peak = Math.max(peak, m.supernodeRequests / Math.max(1, m.wantOnline));
      if (m.onlineClients !== m.wantOnline) recoveredAfter = null;
      else if (recoveredAfter === null) recoveredAfter = step.index - triggerAt;
      if (step.index - triggerAt > scenario.healTicks[scale] / 2) {
        lateSum += m.onlineClients / Math.max(1, m.wantOnline);
        lateCount++;
      }
    }
    last = step;
  }
  const m = last!.metrics;
  return {
    scenario: name,
    variant: model.protocol.name,
    scale,
    startSupernodes: start,
    minSupernodes: min,
    endSupernodes: m.liveSupernodes,
    endOnline: m.onlineClients,
    wantOnline: m.wantOnline,
    lateOnlineShare: lateCount === 0 ? 1 : lateSum / lateCount,
    crashes: m.crashes,
    overloadShutdowns: m.overloadShutdowns,
    recoveredAfter,
    peakRequestsPerClient: peak,
  };
}
