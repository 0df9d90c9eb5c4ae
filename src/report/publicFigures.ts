/**
 * The public record of both outages next to the model's figures computed from the runs, with the
 * README's account of where the model differs, so the comparison never goes stale.
 */
import type { Config } from '../model/index.ts';
import type { Cell } from './blocks.ts';
import { cell } from './blocks.ts';
import { count, percent } from './format.ts';
import { firstBelow, firstShutdown, lateShareRange, lowestShare, minLive, peakTraffic, recoveredAfter, shareAt, type PopulationRun } from './population.ts';

export interface OutageRuns {
  buggy2010: PopulationRun;
  fixed2010: PopulationRun;
  buggy2007: PopulationRun;
  fixed2007: PopulationRun;
}

/** When the 2010 run held up, when it collapsed, and where it ended. */
function usersOnline2010(run: PopulationRun): string {
  const held = firstBelow(run, 0.95);
  const collapsed = firstBelow(run, 0.1);
  const end = run.samples[run.samples.length - 1]!;
  const parts = [held === null ? `95% or more for the whole ${run.horizon}-tick horizon` : `95% or more for ${held - 1} ticks after the trigger while the crashes accumulate`];
  if (collapsed !== null) parts.push(`under 10% from ${collapsed} ticks after it`);
  parts.push(`${percent(end.online / Math.max(1, end.want))} at the end of the ${run.horizon}-tick horizon`);
  return parts.join(', ');
}

/** Rows: what, public figure, model figure. */
export function publicFigureRows(r: OutageRuns): Cell[][] {
  const b10 = r.buggy2010;
  const b07 = r.buggy2007;
  const lost = b10.counters.crashLosses;
  const shut = firstShutdown(b10);
  const min10 = minLive(b10);
  const [lo07, hi07] = lateShareRange(b07);
  const low07 = lowestShare(b07);
  const at = (run: PopulationRun, k: number) => {
    const s = shareAt(run, k);
    return s === null ? 'n/a' : percent(s);
  };
  const back07 = recoveredAfter(r.fixed2007);
  const end = (run: PopulationRun) => run.samples[run.samples.length - 1]!;
  const rows: [string, string, string][] = [
    [
      '2010: share of supernodes lost to the crash',
      '25 to 30% of all public supernodes',
      `${percent(lost / b10.supernodes, 1)} lost to host crashes (${count(lost)} of ${count(b10.supernodes)})${shut === null ? '' : `; the first overload shutdown ${shut} ticks after the trigger`}; the overload then takes down ${percent((b10.supernodes - min10) / b10.supernodes)} (${count(min10)} left serving at the low)`,
    ],
    [
      '2010: share of users who crashed',
      'about 20% of all users (about 40% of the 50% on the buggy release)',
      `${count(b10.counters.crashes)} crashes in ${b10.horizon} ticks, as many as ${percent(b10.counters.crashes / Math.max(1, b10.buggy), 1)} of buggy-release users (some crash more than once)`,
    ],
    [
      'supernode traffic at the peak',
      '2010: about 100x the normal level for the time of day; 2007: about 3x the signalling traffic, 10x the peers contacted (campus study)',
      `${peakTraffic(b10).toFixed(0)}x the normal traffic per serving supernode (connects plus attached clients) in 2010; ${peakTraffic(b07).toFixed(0)}x in the 2007 flood`,
    ],
    [
      '2010: users online',
      'about 21 M normally at that hour, about 5 M (24%) two hours in; 30%, 60%, then 80% over the next day; about 90% the day after',
      usersOnline2010(b10),
    ],
    [
      '2007: users online',
      '5 to 6 M normally (9 M peak), a few hundred thousand at the low, about 3 M a day later',
      `${at(b07, 1)} just after the reboot, ${percent(low07.share)} at the low (${low07.after} ticks after), ${percent(lo07)} to ${percent(hi07)} over the second half of the horizon`,
    ],
    [
      'recovery',
      '2007: the operator forced more supernodes into the network; 2010: "hundreds" of dedicated mega-supernodes, overloaded support servers disabled',
      `\`fixed\`: 2010 keeps ${percent(end(r.fixed2010).online / Math.max(1, end(r.fixed2010).want))} online (never fewer than ${count(minLive(r.fixed2010))} supernodes); 2007 ${back07 === null ? 'not back by the end of the horizon' : `back within ${back07} ticks`} (${count(end(r.fixed2007).live)} supernodes at the end, after promotion)`,
    ],
  ];
  return rows.map((row) => row.map((text) => cell(text)));
}

/**
 * Where the model differs from the record, and why: the README's wording, with its numbers
 * (utilisation, share of supernodes lost, horizon) taken from the config and the runs.
 */
export function differences(r: OutageRuns, config: Config): string[] {
  const clients = config.peers - config.supernodes - config.offlineAtStart;
  const utilisation = clients / (config.supernodes * config.supernodeCapacity);
  const lost = r.buggy2010.counters.crashLosses / r.buggy2010.supernodes;
  const minutes = Math.round((r.buggy2010.horizon * 2) / 60);
  return [
    `**It tips all at once.** At ${percent(utilisation)} utilisation, the survivors absorb the orphans of crashed hosts for a while. Once about ${percent(lost)} of the supernodes are gone, the reconnect storm pushes survivors past capacity, and the buggy protocol, which accepts past capacity, tips over within a few dozen ticks. The real network degraded more gradually (24% online two hours in), with more crashes before it tipped and a larger traffic peak.`,
    '**It has no operator in the buggy variants.** The public recoveries came from the operator (forced supernodes in 2007, mega-supernodes and disabled servers in 2010). The buggy variants have none, so they stay collapsed. The operator\'s recovery is what the `mega-supernodes` fix models.',
    `**Its time scale is compressed.** The public curves span a day; the heal horizon is ${r.buggy2010.horizon} ticks (about ${minutes} minutes). The model reproduces the mechanisms and the shape: trigger, primary losses, reconnect storm, overload shutdowns, collapse that does not heal. It does not reproduce the timeline.`,
  ];
}
