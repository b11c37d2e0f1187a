import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/fixtures/report/sample-report.ts';
import { writeReport } from './write-report.ts';

const CHROMIUM = '/usr/bin/chromium';
const installed = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';

if (!installed && !inCi) {
  console.warn(
    `src/report/browser.test.ts skipped: no Chromium at ${CHROMIUM}. Install it with: apt-get install chromium`,
  );
}

describe.skipIf(!installed && !inCi)('index.html in headless Chromium', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('renders every figure visibly, offline', async () => {
    expect(installed, `CI=true but no Chromium at ${CHROMIUM}: apt-get install chromium`).toBe(
      true,
    );
    const dir = await mkdtemp(join(tmpdir(), 'rl-objective-report-'));
    dirs.push(dir);
    const report = sampleReport();
    const { html } = await writeReport(report, dir);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      for (const figure of report.figures) {
        const svg = page.locator(`figure[data-figure="${figure.id}"] svg`).first();
        await expect.poll(() => svg.isVisible()).toBe(true);
        const box = await svg.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(200);
        expect(box?.height ?? 0).toBeGreaterThan(150);
        // vega draws each series (each heat cell) as path marks; an empty plot would have none.
        const marks = 'series' in figure ? figure.series.length : figure.panels[0]!.cells.length;
        expect(await svg.locator('path').count()).toBeGreaterThan(marks);
      }
      expect(await page.locator('#summary').textContent()).toContain('2/2 checks agree');
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
