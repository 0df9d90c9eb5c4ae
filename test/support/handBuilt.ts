/**
 * Hand-built states for the rule tests: a validated small config with the numbers a test needs, its
 * initial state at a chosen tick, and the exact set of fields an action changed.
 */
import { init, parseConfig, smallConfig, variant, type Config, type Model, type State } from '../../src/model/index.ts';

/** `smallConfig` with `overrides` (validated) on variant `name`, and its initial state at `tick`. */
export function handBuilt(name: string, overrides: Partial<Config> = {}, tick = 0): { model: Model; state: State } {
  const parsed = parseConfig({ ...smallConfig, ...overrides });
  if (!parsed.ok) throw new Error(parsed.error);
  const model: Model = { config: parsed.value, protocol: variant(name) };
  const state = init(model);
  state.tick = tick;
  return { model, state };
}

/** Every leaf that differs between two JSON values, by path: `{ 'peers.4.status': ['online', 'crashed'] }`. */
export function changes(before: unknown, after: unknown, path = ''): Record<string, [unknown, unknown]> {
  if (typeof before === 'object' && before !== null && typeof after === 'object' && after !== null) {
    const out: Record<string, [unknown, unknown]> = {};
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) Object.assign(out, changes(b[k], a[k], path ? `${path}.${k}` : k));
    return out;
  }
  return Object.is(before, after) ? {} : { [path]: [before, after] };
}

/** Runs `action` on `state` and returns its result and what it changed. */
export function changedBy<T>(state: State, action: () => T): { result: T; changed: Record<string, [unknown, unknown]> } {
  const before = structuredClone(state);
  const result = action();
  return { result, changed: changes(before, state) };
}
