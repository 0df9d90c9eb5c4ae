/**
 * What the report says of each counterexample it explains, as data the runner prepares
 * (runner/explainCounterexamples.ts: each file loaded, replayed, walked and told): the file, the
 * replay's verdict, the numbered narrative, the sequence diagram's steps, and the metrics per tick on
 * its own variant and on the variant compared with it. The report formats this and runs nothing.
 */
import type { Event, Metrics } from '../model/index.ts';
import type { CounterexampleFile } from '../trace/schema.ts';
import type { SequenceTrace, Violation } from './sequenceDiagram.ts';

/** One numbered step of the narrative: the event in words with what it did, and the metrics after it. */
export interface NarrativeLine {
  /** Position from 0 (events, then heal ticks), shown as `index + 1`. */
  index: number;
  text: string;
  metrics: Metrics;
}

/** The metrics along a counterexample's events on one variant: before the first step, after each step, and the step it is violated at. */
export interface MetricsWalk {
  initial: Metrics;
  steps: { index: number; event: Event; applied: boolean; metrics: Metrics }[];
  violationStep: number | null;
}

export interface ExplainedCounterexample {
  /** Path as found under the directory, e.g. `counterexamples/feedback-loop/recovers--skype-2010.json`. */
  path: string;
  file: CounterexampleFile;
  /** The replay on the file's own variant: the violation it found, and whether that is the recorded one (step and sentence). */
  violation: Violation | null;
  reproduces: boolean;
  /** Heal ticks the replay ran before the violation showed (or the whole heal phase). */
  healTicks: number;
  /** A user suite's counterexample: the suite file it came from, as the user named it. */
  suiteFile?: string;
  /** The summary of the property, when the user suite defines it itself. */
  ownPropertySummary?: string;
  /** The variant drawn next to it on the same events: its suite's first one expected to hold, `fixed` first. */
  comparison: string | null;
  /** The numbered narrative on its own variant, events then heal ticks. */
  narrative: NarrativeLine[];
  /** The sequence diagram's steps on its own variant, up to the violation. */
  diagram: SequenceTrace;
  /** The metrics per step on its own variant, and on `comparison` along the same events (null when there is none). */
  own: MetricsWalk;
  compared: MetricsWalk | null;
}

export interface CounterexampleSet {
  loaded: ExplainedCounterexample[];
  /** One line per file that could not be loaded or replayed. */
  problems: string[];
}
