/**
 * `npm run manifest [-- --budget test,start]`: writes the state-count manifest (properties/manifest.json,
 * see src/runner/manifest.ts) by searching every exhaustive section of the built-in suites at each
 * named budget's bound, in this one thread, exactly as `explore` does (counterexamples go to a
 * temporary directory, never over committed ones). The rows of budgets not named are kept. `full`
 * searches the full tiers (minutes and gigabytes each), so it is named only on purpose.
 * A project script, not a `cascade` command: the manifest pins the project's own suites.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUITES, type ExhaustiveBudget } from '../../properties/index.ts';
import { explorePair, fullTierMemoryMB } from '../../src/runner/explorePair.ts';
import { exhaustiveSections } from '../../src/runner/select.ts';
import { MANIFEST_COMMAND, MANIFEST_PATH, manifestRow, manifestText, parseManifest, rowName, type ManifestRow } from '../../src/runner/manifest.ts';
import { writeAtomically } from '../../src/io/writeAtomically.ts';

const BUDGETS: readonly ExhaustiveBudget[] = ['test', 'start', 'full'];

function refuse(line: string): never {
  console.error(`manifest: ${line}`);
  process.exit(2);
}

/** The budgets named by `--budget a,b` (default test and start). */
function budgetsOf(argv: string[]): ExhaustiveBudget[] {
  if (argv.length === 0) return ['test', 'start'];
  if (argv.length !== 2 || argv[0] !== '--budget') refuse(`usage: ${MANIFEST_COMMAND} [-- --budget test,start,full]`);
  const named = argv[1]!.split(',');
  const bad = named.find((b) => !BUDGETS.includes(b as ExhaustiveBudget));
  if (bad !== undefined) refuse(`--budget: '${bad}' is not one of ${BUDGETS.join(', ')}`);
  return BUDGETS.filter((b) => named.includes(b));
}

const budgets = budgetsOf(process.argv.slice(2));
const sections = exhaustiveSections(SUITES);
const pairsOf = (budget: ExhaustiveBudget) => (budget === 'full' ? sections.filter((p) => p.suite.exhaustive.full) : sections);

// The rows of budgets not searched now are kept, for pairs the sections still have; a damaged file is
// refused before any search, unless every budget it could hold is written again.
let kept: ManifestRow[] = [];
if (existsSync(MANIFEST_PATH)) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  } catch (error) {
    json = { error: (error as Error).message };
  }
  const old = parseManifest(json);
  if (old.ok) {
    const names = new Set(BUDGETS.flatMap((b) => pairsOf(b).map((p) => rowName({ suite: p.suite.id, property: p.property, variant: p.variant, budget: b }))));
    kept = old.value.rows.filter((r) => !budgets.includes(r.budget) && names.has(rowName(r)));
  } else if (budgets.length < BUDGETS.length) {
    refuse(`${old.error}: its other rows cannot be kept (name every budget: --budget ${BUDGETS.join(',')})`);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cascade-manifest-'));
const rows: ManifestRow[] = [];
try {
  for (const budget of budgets) {
    const pairs = pairsOf(budget);
    for (const [i, pair] of pairs.entries()) {
      const started = performance.now();
      const result = explorePair(pair, { budget, maxMemoryMB: budget === 'full' ? fullTierMemoryMB(SUITES) : 4096, dir, update: false });
      const row = manifestRow(result, budget);
      rows.push(row);
      const shortest = row.shortestLength === null ? '' : `, ${row.shortestLength} event${row.shortestLength === 1 ? '' : 's'}`;
      console.log(
        `[${budget} ${i + 1}/${pairs.length}] ${rowName(row)}: ${row.verdict}${shortest}, ${row.states.toLocaleString('en-US')} states, ${row.transitions.toLocaleString('en-US')} transitions, depth ${row.depth}, tick ${row.ticks} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeAtomically(MANIFEST_PATH, manifestText([...kept, ...rows]));
console.log(`${MANIFEST_PATH}: ${rows.length} rows written (${budgets.join(', ')}), ${kept.length} kept`);
