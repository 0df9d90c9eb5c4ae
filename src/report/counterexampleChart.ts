/**
 * A counterexample's metrics per tick, simulated on its own variant and on one its suite says fixes it
 * along the same events, to show side by side what the fix changes.
 */
import { replay } from '../explore/replay.ts';
import { describeEvent, isFault } from '../model/events.ts';
import { init } from '../model/init.ts';
import { metrics } from '../model/metrics.ts';
import { variant } from '../model/variant.ts';
import type { Event, Metrics, Model } from '../model/index.ts';
import { trace } from '../trace/trace.ts';
import type { ChartRef } from './blocks.ts';
import { comparisonSpec, type Marker, type Panel, type Point } from './chartSpecs.ts';
import type { LoadedCounterexample } from './counterexamples.ts';

export function counterexampleChart(c: LoadedCounterexample, file: string): ChartRef {
  const { events } = c.file;
  const own = panel(c.replay.model, events, c.healTicks, c.replay.outcome.violation?.step ?? null, `${c.file.variant}: violated`);
  const panels = [own];
  let alt = `${c.file.property} on ${c.file.variant}: live supernodes, online clients, overload shutdowns, crashes and login queue per tick`;
  if (c.comparison) {
    const other = replay(c.file, c.comparison);
    const step = other.ok ? (other.value.outcome.violation?.step ?? null) : null;
    const model: Model = { config: c.file.config, protocol: variant(c.comparison) };
    panels.push(panel(model, events, c.healTicks, step, `${c.comparison}: ${step === null ? 'holds' : 'violated'} on the same events`));
    alt += `, next to ${c.comparison} on the same events`;
  }
  return { file, alt, spec: comparisonSpec(panels) };
}

/** The metrics after the last step of each tick (the state at tick 0 first), faults and violation marked. */
function panel(model: Model, events: readonly Event[], healTicks: number, violationStep: number | null, title: string): Panel {
  const byTick = new Map<number, Metrics>([[0, metrics(init(model))]]);
  const faults: Marker[] = [];
  let violation: Marker | null = null;
  for (const step of trace(model, events, healTicks)) {
    const m = metrics(step.state);
    byTick.set(m.tick, m);
    if (step.applied && isFault(step.event)) faults.push({ tick: m.tick, label: describeEvent(step.event) });
    if (step.index === violationStep) violation = { tick: m.tick, label: 'violation' };
  }
  const points: Point[] = [];
  for (const [tick, m] of byTick) {
    points.push(
      { tick, series: 'live supernodes', value: m.liveSupernodes },
      { tick, series: 'online clients', value: m.onlineClients },
      { tick, series: 'overload shutdowns', value: m.overloadShutdowns },
      { tick, series: 'crashes', value: m.crashes },
      { tick, series: 'login queue', value: m.loginQueue },
    );
  }
  return { title, points, faults: mergeMarkers(faults), violation };
}

/** One label per tick when several faults land on the same one. */
function mergeMarkers(markers: Marker[]): Marker[] {
  const byTick = new Map<number, string[]>();
  for (const m of markers) byTick.set(m.tick, [...(byTick.get(m.tick) ?? []), m.label]);
  return [...byTick].map(([tick, labels]) => ({ tick, label: labels.join(', ') }));
}
