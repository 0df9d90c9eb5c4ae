/**
 * Where a path really is: symbolic links in its existing part resolved, dangling ones included (a
 * link to a directory not made yet leads there once a write makes it), and the missing rest kept as
 * written. Checks that a target is not inside a directory compare these, not the path text, so a
 * link (`out -> counterexamples`) cannot lead a write into a directory the tool never writes to.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Links followed before giving up (as the system's own ELOOP limit). */
const MAX_LINKS = 40;

/** The real path of `path`, which need not exist. */
export function realPath(path: string, links = 0): string {
  let at = resolve(path);
  const tail: string[] = [];
  for (;;) {
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink() && links < MAX_LINKS) {
      let target: string;
      try {
        target = realpathSync(at);
      } catch {
        // Dangling: follow the link's own text, then keep going from where it points.
        return realPath(join(resolve(dirname(at), readlinkSync(at)), ...tail), links + 1);
      }
      return join(target, ...tail);
    }
    if (stat !== undefined || dirname(at) === at) break;
    tail.unshift(at.slice(dirname(at).length).replace(/^[\\/]+/, ''));
    at = dirname(at);
  }
  let real = at;
  try {
    real = realpathSync(at);
  } catch {
    // Not readable: compare the path as written.
  }
  return join(real, ...tail);
}

/** Whether `path` is `dir` or inside it, comparing real paths. */
export function isInside(path: string, dir: string): boolean {
  const inside = relative(realPath(dir), realPath(path));
  return inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}
