/**
 * `npm run test:deep [RESULTS]`: every set the report's first page and `npm start`'s finding call
 * enough (RESULTS, default report/results.json, as `npm start` saves them) is searched again by
 * `cascade explore`, every property of the suite (every suite, for a set enough for every suite),
 * at the bound the results state (for the sets enough for every suite, the bound they were verified
 * at: each suite's start horizon and state bound; for a suite's own sets, its analysis's). Fails when
 * a search finds a violation or gives no verdict, or when its horizon is not the one named. Then each
 * candidate the verification dropped as violated is searched at its bound, and must be violated
 * there (as short as the results say, for an exhaustive counterexample). Minutes, not seconds: it is
 * not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadResults } from '../src/results/loadResults.ts';
import { depthWords } from '../src/report/enough.ts';
import { enoughClaims } from './support/enoughClaims.ts';

const path = process.argv[2] ?? 'report/results.json';
const loaded = loadResults(path);
if (!loaded.ok) {
  console.error(`test:deep: ${loaded.error} (run npm start first, or name a results file)`);
  process.exit(2);
}
const results = loaded.value;
const claims = enoughClaims(results);
if (claims.length === 0) {
  console.error(`test:deep: ${path} names no set as enough: nothing to check`);
  process.exit(1);
}
const dropped = (results.enough ?? []).flatMap((e) =>
  e.verified.filter((v) => v.outcome === 'violated' && v.failed?.counterexample).map((v) => ({ e, v, c: v.failed! })),
);
console.log(
  `${claims.length} (suite, set) pairs named enough in ${path}, ${results.enough ? `for every suite ${depthWords(results.enough.flatMap((e) => e.suites))}, each suite's own ` : ''}${depthWords(results.fixSets)}; ${dropped.length} candidates dropped at depth`,
);
const dir = mkdtempSync(join(tmpdir(), 'cascade-deep-'));
let bad = 0;
let searches = 0;
const started = performance.now();
try {
  for (const c of claims) {
    // The bound the analysis names: its horizon and state bound when one for all its checks, else its budget's keyed bounds.
    const { horizon, maxStates } = c.depth;
    const bound =
      horizon.least === horizon.most && maxStates.least === maxStates.most ? ['--horizon', String(horizon.most), '--max-states', String(maxStates.most)] : [];
    const args = ['bin/cascade.js', 'explore', '--suite', c.suite, '--variant', c.variant, '--budget', c.budget, ...bound, '--json', '--dir', dir];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    const rows = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { kind: string; property?: string; verdict?: string; states?: number; bound?: { horizon: number } });
    const pairs = rows.filter((r) => r.kind === 'exhaustive');
    searches += pairs.length;
    const wrong = pairs.filter(
      (r) =>
        (r.verdict !== 'holds' && r.verdict !== 'holds-within-horizon') || r.bound!.horizon < c.depth.horizon.least || r.bound!.horizon > c.depth.horizon.most,
    );
    const ok = run.status !== null && pairs.length > 0 && wrong.length === 0 && (run.status === 0 || run.status === 4);
    if (!ok) bad++;
    const said = pairs.map((r) => `${r.property} ${r.verdict} within ${r.bound!.horizon} ticks (${(r.states ?? 0).toLocaleString('en-US')} states)`).join(', ');
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${c.suite} on ${c.variant} (enough for ${c.as}): ${said || `no result, exit ${run.status}: ${run.stderr.trim().split('\n')[0] ?? ''}`}`,
    );
    if (!ok) console.log(`     npx cascade ${args.slice(1, -2).join(' ')}`);
  }
  // Each candidate the verification dropped as violated is violated there: explore at its bound finds it.
  for (const { e, v, c } of dropped) {
    const depth = e.suites.find((s) => s.suite === c.suite)!.depth;
    const bound =
      depth.horizon.least === depth.horizon.most && depth.maxStates.least === depth.maxStates.most
        ? ['--horizon', String(depth.horizon.most), '--max-states', String(depth.maxStates.most)]
        : [];
    const args = [
      'bin/cascade.js',
      'explore',
      '--suite',
      c.suite,
      '--property',
      c.property,
      '--variant',
      v.variant,
      '--budget',
      e.budget,
      ...bound,
      '--json',
      '--dir',
      dir,
    ];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    const row = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { kind: string; verdict?: string; eventsInCounterexample?: number | null })
      .find((r) => r.kind === 'exhaustive');
    searches++;
    // The exhaustive engine's own counterexample is the shortest: explore finds one as short; a random one is at least as long as the shortest.
    const ok = row?.verdict === 'violated' && (c.counterexample!.engine !== 'exhaustive' || row.eventsInCounterexample === c.counterexample!.events);
    if (!ok) bad++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} dropped at depth: ${c.suite} / ${c.property} on ${v.variant}: ${row ? `${row.verdict}${row.eventsInCounterexample ? ` in ${row.eventsInCounterexample} events` : ''}` : `no result, exit ${run.status}`} (the results say ${c.counterexample!.events}, ${c.counterexample!.engine})`,
    );
    if (!ok) console.log(`     npx cascade ${args.slice(1, -2).join(' ')}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `${claims.length} pairs and ${dropped.length} dropped candidates, ${searches} searches in ${((performance.now() - started) / 1000).toFixed(0)} s: ${bad === 0 ? 'no violation, every search reached a verdict' : `${bad} FAILED`}`,
);
process.exitCode = bad === 0 ? 0 : 1;
