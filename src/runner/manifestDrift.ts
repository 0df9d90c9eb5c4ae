/**
 * What `npm start` (and `report`, when it runs the suites) says of its exhaustive searches against
 * the state-count manifest this build was made with (see manifest.ts). The file is imported, so
 * that the package carries it beside the suites.
 */
import committed from '../../properties/manifest.json' with { type: 'json' };
import type { ExplorePairResult } from '../results/results.ts';
import { findRow, MANIFEST_COMMAND, manifestRow, parseManifest, rowDrift } from './manifest.ts';

/**
 * A line per search whose figures differ from its row (transitions only in one thread) or that has no
 * row, or the one line saying the manifest cannot be read; none when all agree.
 */
export function manifestDrift(results: readonly ExplorePairResult[], budget: 'test' | 'start', workers: number): string[] {
  const manifest = parseManifest(committed);
  if (!manifest.ok) return [`state-count manifest: ${manifest.error} (write it again: ${MANIFEST_COMMAND})`];
  return results.flatMap((r) => {
    const actual = manifestRow(r, budget);
    const drift = rowDrift(findRow(manifest.value, actual), actual, workers);
    return drift === null ? [] : [drift];
  });
}
