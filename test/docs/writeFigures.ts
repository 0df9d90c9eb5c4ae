/**
 * `npm run docs:figures`: writes the generated pages of the docs (docs/figures/*.md) from the
 * manifest and the bench's data file (see figures.ts), each atomically, and says which changed.
 * A project script, not a `cascade` command: the pages document the project itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomically } from '../../src/io/writeAtomically.ts';
import { figurePages } from './figures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let pages: Map<string, string>;
try {
  pages = figurePages(root);
} catch (error) {
  console.error(`docs:figures: ${(error as Error).message}`);
  process.exit(2);
}
for (const [path, text] of pages) {
  const target = join(root, path);
  const same = existsSync(target) && readFileSync(target, 'utf8') === text;
  if (!same) writeAtomically(target, text);
  console.log(`${path}: ${same ? 'unchanged' : 'written'}`);
}
