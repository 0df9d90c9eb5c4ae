/** The properties of MODEL.md by stable id, and the machinery to check them along a run. */
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
export { PROPERTIES, PROPERTY_IDS } from './builtIn.ts';
