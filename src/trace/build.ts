/** Building a counterexample file from a search result: the fields in their canonical order. */
import type { Config, Event } from '../model/index.ts';
import type { Bounds, Violation } from '../propertyLanguage/index.ts';
import { VERSION } from '../version.ts';
import { SCHEMA_VERSION, type CounterexampleFile } from './schema.ts';

export interface BuildInput {
  property: string;
  variant: string;
  suite: string;
  /** The suite file a user suite came from, relative to the counterexample's directory. */
  suiteFile?: string;
  engine: 'random' | 'exhaustive';
  seed: number | null;
  path: string | null;
  config: Config;
  bounds: Bounds;
  events: Event[];
  violation: Violation;
  shrink: CounterexampleFile['shrink'];
  search: CounterexampleFile['search'];
}

export function buildCounterexample(input: BuildInput): CounterexampleFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'cascade', version: VERSION },
    property: input.property,
    variant: input.variant,
    suite: input.suite,
    ...(input.suiteFile === undefined ? {} : { suiteFile: input.suiteFile }),
    engine: input.engine,
    seed: input.seed,
    path: input.path,
    config: input.config,
    bounds: input.bounds,
    events: input.events,
    violation: input.violation,
    shrink: input.shrink,
    search: input.search,
  };
}
