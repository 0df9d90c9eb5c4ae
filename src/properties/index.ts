/** The properties of MODEL.md by stable id, and the machinery to check them along a run. */
import { boundedLoginLoad } from './boundedLoginLoad.ts';
import { consistentDirectory } from './consistentDirectory.ts';
import { loginCompletes } from './loginCompletes.ts';
import { noCascade } from './noCascade.ts';
import { noClientCrash } from './noClientCrash.ts';
import type { Property } from './property.ts';
import { recovers } from './recovers.ts';

export * from './property.ts';
export * from './check.ts';
export {
  defineProperty,
  DefinitionError,
  COUNTER_NAMES,
  MAX_WINDOW_TICKS,
  type PropertySpec,
  type AlwaysSpec,
  type WindowSpec,
  type EventuallySpec,
} from './define.ts';
export { checkDirectory } from './consistentDirectory.ts';

export const PROPERTIES: Record<string, Property> = Object.fromEntries(
  [consistentDirectory, noClientCrash, noCascade, boundedLoginLoad, recovers, loginCompletes].map((p) => [p.id, p]),
);

export const PROPERTY_IDS = Object.keys(PROPERTIES);
