/**
 * The HTML report as a reader sees it in Debian's headless Chromium (matrix, charts, every diagram
 * drawn, no error, no network), with a full-page screenshot to look at.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/writeReport.ts';
import { smallResults } from './fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('browser test skipped: /usr/bin/chromium not found (apt-get install chromium)');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  it('renders the matrix, the charts and every diagram offline, without errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cascade-report-browser-'));
    const files = await writeReport(smallResults(join(dir, 'counterexamples')), join(dir, 'report'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });
      await page.waitForFunction(() => [...document.querySelectorAll('pre.mermaid')].every((el) => el.querySelector('svg') !== null), null, { timeout: 90_000 });

      await expect.poll(() => page.locator('table.matrix').isVisible()).toBe(true);
      expect(await page.locator('figure.chart svg').first().isVisible()).toBe(true);
      const diagrams = await page.locator('pre.mermaid').count();
      expect(diagrams).toBe(files.counterexamples);
      expect(await page.locator('pre.mermaid svg').count()).toBeGreaterThanOrEqual(diagrams);
      expect(await page.locator('pre.mermaid', { hasText: /syntax error/i }).count()).toBe(0);
      expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
      expect(errors).toEqual([]);

      const screenshot = join(dir, 'report', 'screenshot.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      mkdirSync('report', { recursive: true });
      copyFileSync(screenshot, join('report', 'screenshot.png'));
    } finally {
      await browser.close();
    }
  });
});
