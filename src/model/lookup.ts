/**
 * Every name a user gives (variant, fix, scenario, property, suite, command) is looked up here, as an
 * own property of its table: a bare `table[name]` would answer `constructor` or `__proto__` with
 * something from `Object.prototype`.
 */
export function lookup<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
