/**
 * The public record (../shared/DOMAIN.md) as figures the model is measured against: what was
 * reported, and the tolerance within which a model figure counts as reproducing it.
 */

/** Which runs a figure is read from: the outage on its base with the operator's recovery, or `fixed`. */
export type FigureRun = 'record-2010' | 'record-2007' | 'fixed';

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

export const FIGURES: readonly Figure[] = [
  {
    id: 'crashed-buggy-users',
    runs: 'record-2010',
    label: '2010 buggy-release users crashed',
    record: 'about 40% of them (20% of all users)',
    tolerance: '30 to 50%',
    unit: 'share',
    low: 0.3,
    high: 0.5,
  },
  {
    id: 'supernodes-lost-to-crash',
    runs: 'record-2010',
    label: '2010 supernodes lost to the crash',
    record: '25 to 30% of all public supernodes',
    tolerance: '20 to 35%',
    unit: 'share',
    low: 0.2,
    high: 0.35,
  },
  {
    id: 'peak-supernode-traffic',
    runs: 'record-2010',
    label: '2010 peak traffic per live supernode',
    record: 'about 100x the normal level',
    tolerance: '30x to 300x',
    unit: 'ratio',
    low: 30,
    high: 300,
  },
  {
    id: 'online-two-hours-in',
    runs: 'record-2010',
    label: '2010 online two hours after the trigger',
    record: 'about 5 of 21 million (24%)',
    tolerance: '15 to 35%',
    unit: 'share',
    low: 0.15,
    high: 0.35,
  },
  {
    id: 'recovery-90',
    runs: 'record-2010',
    label: '2010 recovery with the operator: 30, 60, 80, 90% crossed (90% at)',
    record: '30%, 60%, 80% the next day, about 90% the day after',
    tolerance: 'each crossed in order; 90% between 24 and 72 hours',
    unit: 'hours',
    low: 24,
    high: 72,
  },
  {
    id: 'lowest-online-2007',
    runs: 'record-2007',
    label: '2007 lowest online share',
    record: 'a few hundred thousand of 5 to 6 million (3 to 10%)',
    tolerance: '1 to 15%',
    unit: 'share',
    low: 0.01,
    high: 0.15,
  },
  {
    id: 'online-day-later-2007',
    runs: 'record-2007',
    label: '2007 online one day later',
    record: 'about 3 of 5.5 million (about 55%)',
    tolerance: '35 to 75%',
    unit: 'share',
    low: 0.35,
    high: 0.75,
  },
  {
    id: 'signalling-traffic-2007',
    runs: 'record-2007',
    label: '2007 signalling traffic (peak hour)',
    record: 'about 3x normal (campus study)',
    tolerance: '2x to 5x',
    unit: 'ratio',
    low: 2,
    high: 5,
  },
  {
    id: 'peers-contacted-2007',
    runs: 'record-2007',
    label: '2007 peers contacted per client (peak hour)',
    record: 'about 10x normal (campus study)',
    tolerance: '5x to 20x',
    unit: 'ratio',
    low: 5,
    high: 20,
  },
  {
    id: 'fixed-online',
    runs: 'fixed',
    label: '`fixed`, both triggers: lowest online share after the first hour',
    record: '(the fixes: no collapse)',
    tolerance: 'at least 90%, and no overload collapse',
    unit: 'share',
    low: 0.9,
    high: 1,
  },
];

/** A figure's value in its unit: a share in percent, a ratio as Nx, a time in hours ('never' for none). */
export function showFigure(unit: Figure['unit'], value: number | null): string {
  if (value === null) return 'never';
  switch (unit) {
    case 'share':
      return `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
    case 'ratio':
      return `${value.toFixed(value < 10 ? 1 : 0)}x`;
    case 'hours':
      return `${value.toFixed(0)} h`;
  }
}
