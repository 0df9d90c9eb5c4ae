/**
 * When, from which source and on which machine a report was written, for its first page: a reviewer
 * cites a report by these. Taken once by `writeReport` and handed to the document as data.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.ts';

export interface ReportStamp {
  /** When the report was written, ISO 8601 in UTC to the second. */
  date: string;
  /** The source: the git commit of cascade's own checkout, or only the package version outside one. */
  source: { version: string; commit: string | null; changed: boolean };
  machine: { cores: number; memoryBytes: number; node: string; platform: string; arch: string };
}

/** cascade's own directory (this file is src/report/stamp.ts, or dist/report/stamp.js installed). */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The stamp now. The date is `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when
 * that is set, else the clock.
 */
export function takeStamp(now: Date = stampDate()): ReportStamp {
  return {
    date: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    source: { version: VERSION, ...checkout(PACKAGE_ROOT) },
    machine: { cores: availableParallelism(), memoryBytes: totalmem(), node: process.version, platform: process.platform, arch: process.arch },
  };
}

function stampDate(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/**
 * The commit checked out in `root` when `root` is the top of a git work tree (not a package installed
 * inside someone's repository), and whether a tracked file differs from it; null without git.
 */
export function checkout(root: string): { commit: string | null; changed: boolean } {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).trim();
  try {
    if (realpathSync(git('rev-parse', '--show-toplevel')) !== realpathSync(root)) return { commit: null, changed: false };
    const commit = git('rev-parse', 'HEAD');
    const changed = git('status', '--porcelain', '--untracked-files=no') !== '';
    return { commit, changed };
  } catch {
    return { commit: null, changed: false };
  }
}

/** The stamp in one line of the report's inline markup. */
export function describeStamp(s: ReportStamp): string {
  const source =
    s.source.commit === null
      ? `cascade ${s.source.version} (not a git checkout)`
      : `commit \`${s.source.commit.slice(0, 12)}\`${s.source.changed ? ' + changes' : ''} (cascade ${s.source.version})`;
  const m = s.machine;
  const memory = `${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB`;
  return `Written ${s.date} from ${source} on ${m.cores} ${m.cores === 1 ? 'core' : 'cores'}, ${memory} memory, Node ${m.node}, ${m.platform} ${m.arch}.`;
}
