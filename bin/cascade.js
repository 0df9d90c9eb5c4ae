#!/usr/bin/env node
// The `cascade` command: runs the TypeScript command line through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli.ts');
try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`cascade: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 3;
}
