/** A value read or parsed from input, or the one line saying why it could not be. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
