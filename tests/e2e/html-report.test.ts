/**
 * Opens `ivr audit --format html` in headless Chromium (Debian's chromium,
 * driven by playwright-core) and checks that the grade and the diagram
 * render, with no request leaving the page. Leaves a screenshot in /tmp.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { fakeContext } from '../cli/audit-context.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('HTML audit report in a browser', () => {
  it('renders the grade, the score breakdown and the diagram, offline', async () => {
    expect(existsSync(CHROMIUM), 'chromium is missing: apt-get install -y chromium (.ci/run does it)').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'ivr-html-'));
    const file = join(dir, 'toy.html');
    const context = fakeContext();
    await runCli(['audit', 'tests/fixtures/audit/toy.json', '--format', 'html', '-o', file], context);
    expect(context.exitCode()).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      await page.goto(`file://${file}`);
      const grade = page.getByTestId('grade');
      expect(await grade.textContent()).toMatch(/^[A-F]$/);
      expect(await grade.isVisible()).toBe(true);
      const svg = page.locator('[data-testid="diagram"] svg');
      expect(await svg.count()).toBe(1);
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(200);
      expect(await page.locator('[data-testid="diagram"] svg g.node').count()).toBeGreaterThan(3);
      expect(await page.locator('table').first().textContent()).toContain('A1');
      expect(requests).toEqual([]);
      await page.screenshot({ path: '/tmp/ivr-audit-report.png', fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
