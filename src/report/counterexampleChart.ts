/**
 * A counterexample's metrics per tick on its own variant and on one its suite says fixes it, along
 * the same events (walked by the runner: runner/explainCounterexamples.ts), to show side by side what
 * the fix changes.
 */
import { describeEvent, isFault } from '../model/events.ts';
import type { Metrics } from '../model/index.ts';
import type { ChartRef } from './blocks.ts';
import { comparisonSpec, type Marker, type Panel, type Point } from './chartSpecs.ts';
import type { ExplainedCounterexample, MetricsWalk } from './counterexamples.ts';

export function counterexampleChart(c: ExplainedCounterexample, file: string): ChartRef {
  const own = panel(c.own, `${c.file.variant}: violated`);
  const panels = [own];
  let alt = `${c.file.property} on ${c.file.variant}: live supernodes, online clients, overload shutdowns, crashes and login queue per tick`;
  if (c.comparison !== null && c.compared !== null) {
    panels.push(panel(c.compared, `${c.comparison}: ${c.compared.violationStep === null ? 'holds' : 'violated'} on the same events`));
    alt += `, next to ${c.comparison} on the same events`;
  }
  return { file, alt, spec: comparisonSpec(panels) };
}

/** The metrics after the last step of each tick (the state at tick 0 first), faults and violation marked. */
function panel(walk: MetricsWalk, title: string): Panel {
  const byTick = new Map<number, Metrics>([[0, walk.initial]]);
  const faults: Marker[] = [];
  let violation: Marker | null = null;
  for (const step of walk.steps) {
    const m = step.metrics;
    byTick.set(m.tick, m);
    if (step.applied && isFault(step.event)) faults.push({ tick: m.tick, label: describeEvent(step.event) });
    if (step.index === walk.violationStep) violation = { tick: m.tick, label: 'violation' };
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
