/**
 * User text made safe to echo in a one-line message. A name, key or path the user typed (or a
 * config file holds) can carry a newline, which would split the message, or a terminal escape,
 * which would act on the terminal (clear it, retitle it) instead of being shown. Control characters
 * and the characters that reorder or break lines are shown as `\uXXXX`; other text is kept as is.
 */

/** Control characters (C0, DEL, C1), line and paragraph separators, and bidirectional overrides. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with every unprintable character escaped, cut to `max` characters (with `...`) when longer. */
export function shown(text: string, max = 80): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text;
  return escapeUnprintable(cut);
}

/** A whole message line with every unprintable character escaped: the last guard before stderr. */
export function escapeUnprintable(line: string): string {
  return line.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
