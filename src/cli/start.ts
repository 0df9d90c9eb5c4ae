/** `cascade start`: the main job (for now: both scenarios, buggy and fixed, side by side). */
export function startCommand(_argv: string[], out: (line: string) => void): number {
  out('start: not yet');
  return 0;
}
