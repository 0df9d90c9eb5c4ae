/**
 * A write or read that cascade refuses (a directory, a device node, a file it would clobber, a
 * committed counterexample as an export target): one line for the user, exit code 2.
 */
export class Refusal extends Error {}
