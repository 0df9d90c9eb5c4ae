/**
 * A model instance: the configuration (parameters) and the protocol switches of one variant.
 * This, with `init`, `enabled`, `step` and the properties, is everything an engine sees.
 */
import type { Config } from './config.ts';
import type { Recorder } from './effects.ts';
import type { Protocol } from './variant.ts';

export interface Model {
  readonly config: Config;
  readonly protocol: Protocol;
  /**
   * Receives the effects each step performs (none by default). Recording never changes the state;
   * the engines leave it out, and the trace generator (`src/trace/trace.ts`) sets it.
   */
  readonly record?: Recorder;
}
