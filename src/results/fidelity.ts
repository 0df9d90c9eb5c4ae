/**
 * The model against the public record, as the results keep it: each figure of the record with the
 * model's value per seed and whether its median is within tolerance, and every population run's
 * curves. `start` computes it (runner/fidelity.ts) and the report draws it; nothing here runs.
 */
import type { Config } from '../model/config.ts';

/** Which runs a figure is read from: the outage on its base with the operator's recovery, or `fixed`. */
export type FigureRun = 'record-2010' | 'record-2007' | 'fixed';

/** The four runs behind the figures. */
export type FidelityRunName = 'record-2010' | 'record-2007' | 'fixed-2010' | 'fixed-2007';

/** One figure of the public record and the tolerance within which a model figure reproduces it. */
export interface Figure {
  id: string;
  runs: FigureRun;
  /** What is measured, in a few words. */
  label: string;
  /** What the record says. */
  record: string;
  /** The tolerance, in words. */
  tolerance: string;
  unit: 'share' | 'ratio' | 'hours';
  /** Inclusive bounds of the tolerance on the median. */
  low: number;
  high: number;
}

export interface FigureResult extends Figure {
  /** The figure per seed, in seed order (null: not reached, e.g. a recovery level never crossed). */
  values: (number | null)[];
  median: number | null;
  min: number | null;
  max: number | null;
  within: boolean;
  /** A condition besides the bounds that failed, in words (e.g. levels crossed out of order). */
  note?: string;
}

/** One point of a run's curves (every few minutes of protocol time, and at the trigger). */
export interface OutageSample {
  /** Hours since the trigger. */
  hours: number;
  onlineShare: number;
  liveSupernodes: number;
  /** Messages per serving supernode in the hour so far, over the normal level. */
  supernodeTraffic: number;
}

export interface OutageObservation {
  scenario: string;
  variant: string;
  seed: number;
  /** Hours observed after the trigger (fewer than asked when stopped at recovery). */
  hours: number;
  /** Distinct buggy-release users whose client crashed, over buggy users who wanted to be online. */
  crashedBuggyShare: number;
  /** Distinct supernodes serving at the trigger whose host crashed, over those serving. */
  supernodesLostToCrashShare: number;
  /** Highest hourly messages per serving supernode, over the normal level. */
  peakSupernodeTraffic: number;
  /** Highest hourly signalling messages sent by all clients, over the normal level. */
  peakSignalling: number;
  /**
   * Highest hourly peers contacted per client, over the normal level: an online client contacts its
   * supernode; a client that tries to connect contacts one peer per attempt, at most its host cache's
   * entries in an hour (the same entries come round again).
   */
  peakPeersContacted: number;
  /** Lowest hourly online share (see `onlineAtHour`). */
  lowestOnlineShare: number;
  /** Lowest online share in any tick from one hour after the trigger to the end. */
  lowestOnlineAfterFirstHour: number;
  /**
   * Online share per hour after the trigger: index h is the mean over the ticks of hour h (from h - 1
   * to h hours after it), index 0 the share at the trigger. The record's figures are such hourly
   * readings ("two hours in", "a day later"), and the mean smooths the minute-scale cycles of restart
   * and overload.
   */
  onlineAtHour: number[];
  /** Hours after the trigger at which the hourly online share, after its lowest hour, first reached 30, 60, 80 and 90% (null: never). */
  recoveryHours: (number | null)[];
  overloadShutdowns: number;
  supernodes: number;
  samples: OutageSample[];
}

/** What one of the four runs is: the scenario, the variant and the hours after the trigger asked for. */
export interface FidelityRun {
  scenario: string;
  variant: string;
  hours: number;
}

export interface FidelityReport {
  seeds: number[];
  /** The four runs made per seed. */
  plan: Record<FidelityRunName, FidelityRun>;
  config: Config;
  figures: FigureResult[];
  within: number;
  /** Every run's observation, per seed, for the curves. */
  runs: Record<FidelityRunName, OutageObservation[]>;
}
