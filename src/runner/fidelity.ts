/**
 * `cascade fidelity`: both outages at population scale, over seeds, set against the public record.
 * Per seed, four runs: each outage on its base with the operator's recovery (the record: what the
 * network did, operator included), and each on `fixed`. Every figure's median and range over the
 * seeds is judged against its tolerance. The parameters are the population scale's, the same for
 * every seed and both outages.
 */
import { applyOverrides, type Overrides } from './overrides.ts';
import { defaultConfig, parseVariant } from '../model/index.ts';
import { observeOutage } from './observeOutage.ts';
import { FIGURES } from './publicRecord.ts';
import type { FidelityReport, FidelityRunName, Figure, FigureResult, OutageObservation } from '../results/fidelity.ts';

/**
 * The runs behind the figures: scenario, variant and hours after the trigger (the 2010 record run
 * stops once it is back to 90%, the last figure it is read for).
 */
export const FIDELITY_RUNS = {
  'record-2010': { scenario: 'outage-2010', variant: 'skype-2010+mega-supernodes', hours: 72 },
  'record-2007': { scenario: 'outage-2007', variant: 'skype-2007+mega-supernodes', hours: 30 },
  'fixed-2010': { scenario: 'outage-2010', variant: 'fixed', hours: 12 },
  'fixed-2007': { scenario: 'outage-2007', variant: 'fixed', hours: 12 },
} as const satisfies Record<FidelityRunName, { scenario: string; variant: string; hours: number }>;
export type { FidelityRunName } from '../results/fidelity.ts';

/**
 * The population scale shrunk `k` times with the same shape: peers, supernodes and every server's
 * capacity divided by k, so that shares, utilisation and per-supernode loads stay as they are. What
 * `npm test` and the report of `npm start` run (k = 2: 50,000 peers; at k = 5 the 2010 crash share
 * and collapse time drift out of shape); `cascade fidelity` runs k = 1.
 */
export function reducedPopulation(k: number): Overrides {
  const c = defaultConfig('population');
  const keys = [
    'peers',
    'supernodes',
    'eligible',
    'offlineAtStart',
    'loginCapacity',
    'loginQueueLimit',
    'offlineCapacity',
    'offlineQueueLimit',
    'megaCapacity',
    'megaBudget',
    'promotionBatch',
  ] as const;
  return Object.fromEntries(keys.map((key) => [key, Math.max(1, Math.round(c[key] / k))])) as Overrides;
}

export type { FidelityReport, FigureResult } from '../results/fidelity.ts';

export interface FidelityListener {
  run?(name: FidelityRunName, seed: number, done: number, of: number): void;
}

/** Runs the four runs for each seed and judges every figure. */
export function fidelity(seeds: number[], overrides: Overrides = {}, listener: FidelityListener = {}): FidelityReport {
  const config = applyOverrides(defaultConfig('population'), overrides, 'population', 'the population scale');
  const names = Object.keys(FIDELITY_RUNS) as FidelityRunName[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as OutageObservation[]])) as Record<FidelityRunName, OutageObservation[]>;
  let done = 0;
  for (const seed of seeds) {
    for (const name of names) {
      const { scenario, variant, hours } = FIDELITY_RUNS[name];
      const protocol = parseVariant(variant);
      if (!protocol.ok) throw new Error(protocol.error);
      listener.run?.(name, seed, done, seeds.length * names.length);
      runs[name].push(observeOutage({ config: { ...config, seed }, protocol: protocol.value }, scenario, hours, { stopAfterRecovery: name === 'record-2010' }));
      done++;
    }
  }
  const figures = FIGURES.map((f) => judge(f, runs));
  return { seeds, plan: FIDELITY_RUNS, config, figures, within: figures.filter((f) => f.within).length, runs };
}

/** The figure's value in one seed's runs. */
function figureValue(id: string, r10: OutageObservation, r07: OutageObservation, f10: OutageObservation, f07: OutageObservation): number | null {
  switch (id) {
    case 'crashed-buggy-users':
      return r10.crashedBuggyShare;
    case 'supernodes-lost-to-crash':
      return r10.supernodesLostToCrashShare;
    case 'peak-supernode-traffic':
      return r10.peakSupernodeTraffic;
    case 'online-two-hours-in':
      return r10.onlineAtHour[2] ?? null;
    case 'recovery-90':
      return r10.recoveryHours[3] ?? null;
    case 'lowest-online-2007':
      return r07.lowestOnlineShare;
    case 'online-day-later-2007':
      return r07.onlineAtHour[24] ?? null;
    case 'signalling-traffic-2007':
      return r07.peakSignalling;
    case 'peers-contacted-2007':
      return r07.peakPeersContacted;
    case 'fixed-online':
      return Math.min(f10.lowestOnlineAfterFirstHour, f07.lowestOnlineAfterFirstHour);
    default:
      throw new Error(`no measurement for figure '${id}'`);
  }
}

function judge(figure: Figure, runs: Record<FidelityRunName, OutageObservation[]>): FigureResult {
  const n = runs['record-2010'].length;
  const values: (number | null)[] = [];
  const notes: string[] = [];
  for (let i = 0; i < n; i++) {
    const [r10, r07, f10, f07] = [runs['record-2010'][i]!, runs['record-2007'][i]!, runs['fixed-2010'][i]!, runs['fixed-2007'][i]!];
    values.push(figureValue(figure.id, r10, r07, f10, f07));
    if (figure.id === 'recovery-90' && r10.recoveryHours.some((h) => h === null)) notes.push(`seed ${r10.seed}: not every level crossed`);
    if (figure.id === 'fixed-online') {
      for (const run of [f10, f07]) {
        if (run.overloadShutdowns > run.supernodes / 100) notes.push(`seed ${run.seed}, ${run.scenario}: ${run.overloadShutdowns} overload shutdowns`);
      }
    }
  }
  const median = medianOf(values);
  const known = values.filter((v): v is number => v !== null);
  const inBounds = median !== null && median >= figure.low && median <= figure.high;
  // A condition besides the bounds must hold in a majority of seeds, as the median does.
  const conditionHolds = notes.length * 2 < n;
  return {
    ...figure,
    values,
    median,
    min: known.length ? Math.min(...known) : null,
    max: known.length ? Math.max(...known) : null,
    within: inBounds && conditionHolds,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
}

/** The median, a missing value counting as larger than any (a level never crossed is late). */
function medianOf(values: (number | null)[]): number | null {
  const sorted = values.map((v) => v ?? Infinity).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Number.isFinite(m) ? m : null;
}
