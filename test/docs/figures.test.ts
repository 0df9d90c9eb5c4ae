/**
 * The docs' figures come from generated files, never from prose: the pages under docs/figures are
 * exactly what `npm run docs:figures` writes now from the manifest and the bench's data file; the
 * hand-written pages quote no wall time or rate, and any state count they quote is a manifest row's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docFiles, proseLines, type DocFile } from './docFiles.ts';
import type { ManifestRow } from '../../src/runner/manifest.ts';
import { benchPage, FIGURES_COMMAND, FIGURES_DIR, figurePages, manifestRows, statesPage } from './figures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('docs/figures', () => {
  const pages = figurePages(root);

  it.each([...pages.keys()])('%s is what the generator writes now', (path) => {
    const committed = readFileSync(join(root, path), 'utf8');
    expect(committed, `${path} is out of date: run ${FIGURES_COMMAND}`).toBe(pages.get(path));
  });

  it('holds only generated pages', () => {
    const present = readdirSync(join(root, FIGURES_DIR))
      .map((f) => `${FIGURES_DIR}/${f}`)
      .sort();
    expect(present).toEqual([...pages.keys()].sort());
  });

  it('the states page has one table row for every manifest row, with its count', () => {
    const rows = manifestRows(root);
    const page = statesPage(rows);
    const tableRows = page.split('\n').filter((l) => /^\| [a-z0-9-]+ \| `/.test(l));
    expect(tableRows).toHaveLength(rows.length);
    for (const r of rows) expect(page).toContain(`| ${r.suite} | \`${r.property}\` | \`${r.variant}\` | ${r.horizon} | ${r.verdict}`);
    // A changed count changes the page, so the comparison above catches a manifest that moved.
    const moved = statesPage(rows.map((r, i) => (i === 0 ? { ...r, states: r.states + 1 } : r)));
    expect(moved).not.toBe(page);
  });

  it('the bench page says how to measure when there is no data file', () => {
    const empty = fileURLToPath(new URL('.', import.meta.url)); // test/docs: no bench/results.json below it
    expect(benchPage(empty)).toContain('Not measured yet: run `npm run bench`, then `npm run docs:figures`.');
  });
});

/**
 * Wall times and rates as a page would write them by hand. Protocol time (a tick is a minute, a
 * client waits 10 minutes) is the model's and stays; what gives a wall time away is its unit
 * abbreviated, a rate, a speed-up, a machine's cores, or a verb of running before it.
 */
const TIMING: readonly RegExp[] = [
  /\b\d+(?:[.,]\d+)*\s?(?:ms|µs|s|sec|min)\b/, // 5 s, 56 s, 3 min, 17 ms
  /\d\s*(?:k|thousand|million)?\s*[a-z]+\s?\/\s?s\b/, // 624,000 states/s
  /\b\d+\.\d+x\b/, // 1.69x
  /\bon (?:\d+|one|two|four|eight)[ -]cores?\b/, // about 5 minutes on 2 cores
  /\b(?:took|takes|taking|lasted|lasts|ran for|runs for)\s+(?:about\s+|under\s+|over\s+|nearly\s+|almost\s+)?(?:\d[\d,.]*|a few|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:seconds|minutes|hours)\b/, // took 12 minutes
];

describe('README.md and docs/', () => {
  const files = docFiles(root);

  it('the pages exist and the README is a door (at most 250 lines)', () => {
    expect(files.map((f) => f.path)).toContain('README.md');
    expect(files.length).toBeGreaterThan(5);
    expect(files.find((f) => f.path === 'README.md')!.text.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('quote no wall time or rate by hand (the generated figures aside)', () => {
    const found = files.flatMap((f) =>
      proseLines(f.text)
        .filter((l) => TIMING.some((t) => t.test(l.text)))
        .map((l) => `${f.path}:${l.line}: ${l.text.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('the timing patterns catch what they are for', () => {
    for (const line of [
      'took 41.2 s on one worker',
      'about 5 minutes on 2 cores',
      '624,000 states/s',
      'two workers give 1.24x',
      '3 min 8 s',
      'the bench takes about 12 minutes',
    ]) {
      expect(
        TIMING.some((t) => t.test(line)),
        line,
      ).toBe(true);
    }
    for (const line of [
      'a tick is a minute',
      'within 40 ticks',
      '1 MB for a counterexample',
      'five hours (300 one-minute ticks)',
      'takes 1 event',
      'uniform in [1, min(cap, base * 2^retries)] ticks',
      'the 2007 client waits 10 minutes',
    ]) {
      expect(
        TIMING.some((t) => t.test(line)),
        line,
      ).toBe(false);
    }
  });

  it('quote, next to a suite, property or variant, only state counts the manifest holds', () => {
    expect(unpinnedCounts(files, manifestRows(root))).toEqual([]);
  });

  it('the state-count check tells a pinned count from one that is not', () => {
    const rows = manifestRows(root);
    const row = rows.find((r) => r.states >= 1000)!;
    const page = (n: number) => [{ path: 'x.md', text: `${row.suite} / ${row.property} on ${row.variant}: ${n.toLocaleString('en-US')} states` }];
    expect(unpinnedCounts(page(row.states), rows)).toEqual([]);
    expect(unpinnedCounts(page(row.states + 1), rows)).toHaveLength(1);
    expect(unpinnedCounts([{ path: 'x.md', text: 'a search under 1,001 states is small' }], rows)).toEqual([]);
  });
});

/** The state counts (1,000 or more) quoted on a line naming a suite, property or variant that no manifest row holds. */
function unpinnedCounts(files: readonly DocFile[], rows: readonly ManifestRow[]): string[] {
  const counts = new Set(rows.map((r) => r.states));
  const names = [...new Set(rows.flatMap((r) => [r.suite, r.property, r.variant]))];
  const named = (text: string) => names.some((n) => new RegExp(`(^|[^\\w-])${n.replace(/[+]/g, '\\+')}($|[^\\w-])`).test(text));
  return files.flatMap((f) =>
    proseLines(f.text)
      .filter((l) => named(l.text))
      .flatMap((l) =>
        [...l.text.matchAll(/\b(\d{1,3}(?:,\d{3})+|\d{4,})\s+(?:distinct\s+)?states\b/g)].map((m) => ({
          at: `${f.path}:${l.line}`,
          n: Number(m[1]!.replace(/,/g, '')),
        })),
      )
      .filter((q) => !counts.has(q.n))
      .map((q) => `${q.at}: ${q.n.toLocaleString('en-US')} states is no manifest row's count`),
  );
}
