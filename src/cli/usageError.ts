/**
 * Bad input from the user: printed as one line, exit code 2. A file of its own, so that the
 * supervising thread, which only needs this class, does not load the runner (`args.ts` does).
 */
export class UsageError extends Error {}
