#!/usr/bin/env node
// The `cascade` command. In a checkout (src/ present), the TypeScript sources through tsx's loader,
// so a stale build is never run; in the installed package, the compiled JavaScript of dist/ (built
// by `npm run build`, and before `npm pack`).
import { existsSync } from 'node:fs';

let run;
if (existsSync(new URL('../src/cli.ts', import.meta.url))) {
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
