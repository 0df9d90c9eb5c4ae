/**
 * The engines see only the model contract (src/engines/contract.ts): no file under src/engines/
 * imports the protocol model, the properties, the suites, the runner or the report. They may use
 * each other, fast-check, Node's own modules and the thread pool's plumbing (src/parallel/pool.ts,
 * collectGarbage.ts), which knows nothing of any model either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINES = 'src/engines';
const files = readdirSync(ENGINES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(ENGINES, f));

function imports(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)].map((m) => (m[1] ?? m[2])!);
}

/** Whether an import of `file` stays where the engines may reach. */
function allowed(file: string, spec: string): boolean {
  if (spec.startsWith('node:') || spec === 'fast-check') return true;
  if (!spec.startsWith('.')) return false;
  const target = relative('.', resolve(dirname(file), spec));
  return target.startsWith(`${ENGINES}/`) || target === 'src/parallel/pool.ts' || target === 'src/parallel/collectGarbage.ts';
}

describe('the engines import no module of the protocol model', () => {
  it('has files to check', () => expect(files.length).toBeGreaterThanOrEqual(10));
  for (const file of files) {
    it(`${file}`, () => {
      const text = readFileSync(file, 'utf8');
      expect(imports(text).filter((spec) => !allowed(file, spec))).toEqual([]);
      // Nor through a type written inline: import('...') of the model.
      expect(text).not.toMatch(/import\(['"][^'"]*(model|properties)\//);
    });
  }
  it('neither does the thread plumbing they use', () => {
    for (const file of ['src/parallel/pool.ts', 'src/parallel/collectGarbage.ts']) {
      const bad = imports(readFileSync(file, 'utf8')).filter((spec) => /model|properties|propertyLanguage|runner|report|search/.test(spec));
      expect(bad, file).toEqual([]);
    }
  });
});
