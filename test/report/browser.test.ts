/**
 * The HTML report as a reader sees it in Debian's headless Chromium: the first page short enough to
 * read (under 15,000 px at 1,400 px wide) with the fix sets, the matrix and the population chart on
 * it; the appendix with every diagram drawn; no error, no network; a full-page screenshot to look at.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/writeReport.ts';
import { reportCounterexamples } from '../../src/runner/counterexampleDirs.ts';
import { fidelity, reducedPopulation } from '../../src/runner/fidelity.ts';
import { smallResults } from './fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('browser test skipped: /usr/bin/chromium not found (apt-get install chromium)');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The first page's height limit at a 1,400 px wide window: a design review reads it in five minutes. */
const MAX_HEIGHT = 15_000;

describe.skipIf(!hasChromium)('the report in headless Chromium', () => {
  it('renders the first page under 15,000 px at 1,400 px wide, with the fix sets, the matrix and the population chart visible, and the appendix with every diagram, offline and without errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cascade-report-browser-'));
    // The population run on a population ten times smaller than the report's own: the same charts, in seconds.
    const results = { ...smallResults(join(dir, 'counterexamples')), fidelity: fidelity([1], reducedPopulation(10)), fidelityReduction: 10 };
    const files = await writeReport(results, reportCounterexamples(results, 'counterexamples', []), join(dir, 'report'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      for (const [name, file] of [
        ['main', files.html],
        ['appendix', files.appendix.html],
      ] as const) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const errors: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.waitForFunction(() => [...document.querySelectorAll('pre.mermaid')].every((el) => el.querySelector('svg') !== null), null, {
          timeout: 90_000,
        });
        const diagrams = await page.locator('pre.mermaid').count();
        expect(await page.locator('pre.mermaid svg').count()).toBeGreaterThanOrEqual(diagrams);
        expect(await page.locator('pre.mermaid', { hasText: /syntax error/i }).count()).toBe(0);
        expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
        expect(errors).toEqual([]);
        if (name === 'main') {
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          expect(height).toBeLessThan(MAX_HEIGHT);
          expect(await page.locator('table.fixsets').first().isVisible()).toBe(true);
          // The sets that are enough are on the first screen, before any scrolling.
          const box = await page.locator('table.fixsets').first().boundingBox();
          expect(box!.y + box!.height).toBeLessThan(900);
          expect(await page.locator('table.fixsets td', { hasText: '{robust-client}' }).first().isVisible()).toBe(true);
          expect(await page.locator('table.matrix.compact').isVisible()).toBe(true);
          expect(await page.locator('figure.chart svg').first().isVisible()).toBe(true);
          expect(await page.locator('figure.chart', { hasText: 'outage-2010' }).first().isVisible()).toBe(true);
          expect(diagrams).toBeGreaterThan(0);
          const screenshot = join(dir, 'report', 'screenshot.png');
          await page.screenshot({ path: screenshot, fullPage: true });
          mkdirSync('report', { recursive: true });
          copyFileSync(screenshot, join('report', 'screenshot.png'));
        } else {
          expect(diagrams).toBe(files.counterexamples);
          expect(await page.locator('table.matrix').first().isVisible()).toBe(true);
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
