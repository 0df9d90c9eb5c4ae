/**
 * Relative links from the report's directory to project files (counterexamples), so they work both in
 * the rendered Markdown and in a browser.
 */
import { relative, resolve, sep } from 'node:path';

export function linkFrom(outDir: string, file: string): string {
  return encodeURI(relative(resolve(outDir), resolve(file)).split(sep).join('/'));
}
