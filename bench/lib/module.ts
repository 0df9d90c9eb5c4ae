/** The contract between `run.ts` and a benchmark module: a module measures and records, the runner prints. */

/** One measured figure: a throughput, a ratio, a duration or a size, never a verdict. */
export interface Measurement {
  /** The module that measured it, e.g. `model` (set by the runner). */
  bench: string;
  /** Where it was measured: `small`, `population`, `process`, ... */
  scope: string;
  /** Protocol variant, or `-` when the figure does not depend on one. */
  variant: string;
  /** What was measured, e.g. `stepOwned` or `owned / immer`. */
  name: string;
  value: number;
  /** `events/s`, `ticks/s`, `x` (ratio), `ms`, `bytes`, `MB`. */
  unit: string;
  /** Operations measured (events, calls, copies), when the figure is a rate or a mean. */
  count?: number;
  /** Wall time the measurement took, when the figure is a rate or a mean. */
  seconds?: number;
  /** How it was measured: sample, method, caveats. */
  note?: string;
}

/** What a module gets: a way to record figures as it goes. */
export type Record = (m: Omit<Measurement, 'bench'>) => void;

/** A benchmark module: `run.ts` imports its default export. */
export interface BenchModule {
  /** Short name, used in the output and to select modules on the command line. */
  name: string;
  /** One sentence: what it measures. */
  summary: string;
  run(record: Record): void | Promise<void>;
}
