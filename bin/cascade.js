#!/usr/bin/env node
// The `cascade` command. In the installed package, the compiled JavaScript of dist/ (built before
// `npm pack`). In a checkout (src/ present), dist/ too when it was built (`npm run build`) after
// every source file last changed: compiled, the exhaustive engine runs about a tenth faster and
// workers start in a fifth of the time. Otherwise the TypeScript sources through tsx's loader, so a
// stale build is never run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILT = new URL('../dist/src/cli.js', import.meta.url);

/** Whether dist/ was built after the last change to any file or folder (an added or removed file) under src/ and properties/. */
function buildIsCurrent() {
  if (!existsSync(BUILT)) return false;
  const builtAt = statSync(BUILT).mtimeMs;
  for (const dir of ['../src/', '../properties/']) {
    const root = fileURLToPath(new URL(dir, import.meta.url));
    for (const file of readdirSync(root, { recursive: true })) if (statSync(join(root, String(file))).mtimeMs > builtAt) return false;
  }
  return true;
}

let run;
if (existsSync(new URL('../src/cli.ts', import.meta.url)) && !buildIsCurrent()) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('../src/cli.ts'));
} else ({ run } = await import('../dist/src/cli.js'));
try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`cascade: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 3;
}
