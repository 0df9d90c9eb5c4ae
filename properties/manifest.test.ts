/**
 * The state-count manifest (properties/manifest.json, src/runner/manifest.ts): it is exactly what the
 * generator writes, it has a test and a start row for every exhaustive section's pair (every test
 * row's search is run again by exhaustive.test.ts, in one thread, as the manifest counts them), a
 * difference is noticed and named, and the committed counterexamples quote the start rows' figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exhaustiveSections, type ExplorePairResult } from '../src/runner/index.ts';
import { MANIFEST_COMMAND, MANIFEST_PATH, manifestText, parseManifest, rowDrift, rowName, type ManifestRow } from '../src/runner/manifest.ts';
import { manifestDrift } from '../src/runner/manifestDrift.ts';
import { loadCounterexample } from '../src/trace/load.ts';
import { SUITES } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'cascade-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = readFileSync(MANIFEST_PATH, 'utf8');
const parsed = parseManifest(JSON.parse(text));
const rows = parsed.ok ? parsed.value.rows : [];
const pairs = exhaustiveSections(SUITES);
const nameOf = (p: (typeof pairs)[number], budget: 'test' | 'start') => rowName({ suite: p.suite.id, property: p.property, variant: p.variant, budget });

describe('the manifest file', () => {
  it('is valid and exactly as the generator writes it (sorted rows, one key order)', () => {
    expect(parsed.ok ? null : parsed.error).toBeNull();
    expect(text, `${MANIFEST_PATH} is not as ${MANIFEST_COMMAND} writes it`).toBe(manifestText([...rows].reverse()));
  });
  it('has a test and a start row for every pair of every exhaustive section, and no other test or start row', () => {
    const want = pairs.flatMap((p) => [nameOf(p, 'test'), nameOf(p, 'start')]).sort();
    const have = rows
      .filter((r) => r.budget !== 'full')
      .map(rowName)
      .sort();
    expect(have, `rows missing or left over: write them again with ${MANIFEST_COMMAND}`).toEqual(want);
  });
});

// Every test row is searched again in one thread by exhaustive.test.ts, beside its verdict: one
// search for both (the sections' searches are the slowest part of either file).

/** A result carrying a row's figures (only what `manifestRow` reads). */
function resultOf(row: ManifestRow): ExplorePairResult {
  return {
    ...row,
    bound: { horizon: row.horizon, maxStates: row.maxStates, maxMemoryMB: 2048 },
    eventsInCounterexample: row.shortestLength,
  } as unknown as ExplorePairResult;
}

describe('a difference', () => {
  const row = rows.find((r) => r.budget === 'test' && r.transitions > r.states)!;
  it('in a figure is one line naming the row, both values and the command that writes the manifest again', () => {
    const line = rowDrift(row, { ...row, states: row.states + 1, depth: row.depth + 2 }, 1);
    expect(line).toContain(rowName(row));
    expect(line).toContain(`states ${(row.states + 1).toLocaleString('en-US')} (manifest ${row.states.toLocaleString('en-US')})`);
    expect(line).toContain(`depth ${row.depth + 2} (manifest ${row.depth})`);
    expect(line).toContain(`${MANIFEST_COMMAND} -- --budget test`);
    expect(rowDrift(row, { ...row, verdict: 'bound-reached' }, 1)).toContain(`verdict bound-reached (manifest ${row.verdict})`);
    expect(rowDrift(row, { ...row, shortestLength: 99 }, 1)).toContain('shortestLength 99');
  });
  it('in transitions counts in one thread only (on workers the order states are met in changes them)', () => {
    const changed = { ...row, transitions: row.transitions - 1 };
    expect(rowDrift(row, changed, 1)).toContain('transitions');
    expect(rowDrift(row, changed, 2)).toBeNull();
    expect(rowDrift(row, { ...changed, ticks: row.ticks + 1 }, 2)).toContain(`ticks ${row.ticks + 1}`);
  });
  it('a search without a row is named', () => {
    expect(rowDrift(undefined, { ...row, variant: 'skype-2007+robust-client' }, 1)).toMatch(/no row for .* on skype-2007\+robust-client, test budget/);
  });
  it("npm start's comparison reads the same rows as the file (the manifest the build imports)", () => {
    for (const budget of ['test', 'start'] as const) {
      const of = rows.filter((r) => r.budget === budget);
      expect(manifestDrift(of.map(resultOf), budget, 1)).toEqual([]);
      const drifted = manifestDrift([{ ...resultOf(of[0]!), states: of[0]!.states + 1 }], budget, 2);
      expect(drifted).toHaveLength(1);
      expect(drifted[0]).toContain(rowName(of[0]!));
    }
  });
});

describe('the committed counterexamples', () => {
  // The report quotes a stored counterexample's search ("N states searched") from the file: it must be
  // the manifest's start row (the bound `npm start` stores them at).
  it("of the exhaustive engine state the start row's states and shortest length", () => {
    let compared = 0;
    for (const pair of pairs) {
      const file = join('counterexamples', pair.suite.id, `${pair.property}--${pair.variant}.json`);
      const loaded = existsSync(file) ? loadCounterexample(file) : null;
      if (!loaded?.ok || loaded.value.engine !== 'exhaustive' || !loaded.value.search) continue;
      const row = rows.find((r) => rowName(r) === nameOf(pair, 'start'))!;
      const again = `npx cascade explore --suite ${pair.suite.id} --property ${pair.property} --variant ${pair.variant} --budget start --update`;
      expect(
        [loaded.value.search.horizon, loaded.value.search.states, loaded.value.events.length],
        `${file} against ${rowName(row)} (store it again: ${again})`,
      ).toEqual([row.horizon, row.states, row.shortestLength]);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });
});

describe('npm run manifest', () => {
  it('refuses a budget it does not know in one line, exit 2, writing nothing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/manifest/write.ts', '--budget', 'test,nightly'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(["manifest: --budget: 'nightly' is not one of test, start, full"]);
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(text);
  });
});
