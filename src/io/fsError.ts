/**
 * Turns a file-system error into the one line the user sees: the path, what cascade was doing and
 * why it failed. Any error with a system error code (EACCES, EISDIR, ENOTDIR, EROFS, ENOSPC, ...) is
 * the user's environment speaking, not a bug in cascade, so it is exit code 2 and no stack trace.
 */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'no such file or directory',
  EEXIST: 'already exists',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EBUSY: 'busy',
  ETXTBSY: 'busy',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EXDEV: 'on another device',
  EINVAL: 'invalid path',
  EIO: 'input/output error',
  ENOTEMPTY: 'directory not empty',
};

const VERBS: Readonly<Record<string, string>> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the directory',
  rename: 'rename into place',
  unlink: 'remove',
  rm: 'remove',
  scandir: 'list',
  stat: 'inspect',
  lstat: 'inspect',
  access: 'access',
};

/** What a system error code means, in a few words (the code itself when it is not one of these). */
export function reasonFor(code: string | undefined): string {
  return code === undefined ? 'error' : Object.hasOwn(REASONS, code) ? REASONS[code]! : code;
}

/** The one-line description of a file-system error, or null when `error` is not one. */
export function describeFsError(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof e.code !== 'string' || typeof e.syscall !== 'string' || !/^E[A-Z]+$/.test(e.code)) return null;
  const reason = reasonFor(e.code);
  const verb = Object.hasOwn(VERBS, e.syscall) ? VERBS[e.syscall] : e.syscall;
  const where = e.path === undefined ? '' : `${e.dest !== undefined && e.syscall === 'rename' ? e.dest : e.path}: `;
  return `${where}cannot ${verb} (${reason})`;
}
