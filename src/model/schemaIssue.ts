/**
 * The first problem a schema found in an input (a config, a counterexample file, a results file),
 * as the one line the user sees: where it is (the field path) and what is wrong with it.
 */
import type { z } from 'zod';

/** A name quoted for a one-line message: printable ASCII only, cut when long. */
export function quote(name: string): string {
  const cut = name.length > 60 ? `${name.slice(0, 60)}...` : name;
  return JSON.stringify(cut).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `where: what` for the first issue of `error`, raised on `input`. `where` is the field path after
 * `prefix` (or `(top level)`); an unknown field is named, and a missing one says so.
 */
export function firstIssue(error: z.ZodError, input: unknown, prefix?: string): string {
  const issue = error.issues[0]!;
  const where = [...(prefix === undefined ? [] : [prefix]), ...issue.path.map(String)].join('.') || '(top level)';
  let what = issue.message;
  if (issue.code === 'unrecognized_keys') what = `unknown field ${issue.keys.map(quote).join(', ')}`;
  // zod's own message for a missing field says it received undefined (a schema's own message is kept).
  else if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input:') && !present(input, issue.path))
    what = `missing (expected ${issue.expected})`;
  return `${where}: ${what}`;
}

/** Whether the field at `path` is in the input (an own property of its parent). */
function present(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return true;
  let parent = root;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, key)) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  return typeof parent === 'object' && parent !== null && Object.hasOwn(parent, path[path.length - 1]!);
}
