/**
 * The command that replays a counterexample file, as a user types it: the path, and `--suite` with the
 * suite file a user's counterexample needs (a suite file is code: cascade runs one only when named).
 * Shared by the runner's printed lines and the report, so that both say the same command.
 */

/** A word quoted for a POSIX shell when it needs it. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `npx cascade replay FILE [--suite SUITE_FILE]`; `suiteFile` as the user names it from where they run it. */
export function replayCommand(file: string, suiteFile?: string): string {
  return `npx cascade replay ${shellWord(file)}${suiteFile === undefined ? '' : ` --suite ${shellWord(suiteFile)}`}`;
}
