/**
 * A model instance: the configuration (parameters) and the protocol switches of one variant.
 * This, with `init`, `enabled`, `step` and the properties, is everything an engine sees.
 */
import type { Config } from './config.ts';
import type { Protocol } from './variant.ts';

export interface Model {
  readonly config: Config;
  readonly protocol: Protocol;
}
