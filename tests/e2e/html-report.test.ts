/**
 * Opens the HTML reports (`audit --format html` of an English and a Chinese
 * menu, `compare --format html`) and `graph --format svg` in headless
 * Chromium (Debian's chromium, driven by playwright-core) on screen and as
 * printed, and checks what a reader needs: the grade, the breakdown, the
 * diagram, Chinese text drawn with real glyphs, nothing wider than the page,
 * and no request leaving the page. Leaves screenshots in /tmp.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWeights } from '../../src/cli/rule-files.js';
import { runIvr } from '../cli/audit-context.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const dir = mkdtempSync(join(tmpdir(), 'ivr-html-'));
/** Best to worst, as the weights file lists them. */
const GRADE_ORDER = loadWeights().grades.map((g) => g.grade);

async function write(argv: string[], name: string): Promise<string> {
  const file = join(dir, name);
  const context = await runIvr([...argv, '-o', file]);
  expect(context.exitCode(), context.stderr()).toBe(0);
  const text = readFileSync(file, 'utf8');
  expect(text, `${name} loads nothing from outside`).not.toMatch(/<script|<link|@import|url\(|<img|<iframe/i);
  return file;
}

let browser: Browser;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), 'chromium is missing: apt-get install -y chromium (.ci/run does it)').toBe(true);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a file; returns the page and the list of non-file requests it made (must stay empty). */
async function open(file: string, media: 'screen' | 'print' = 'screen', width = 1100): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  await page.emulateMedia({ media });
  await page.goto(`file://${file}`);
  return { page, requests };
}

/**
 * Runs in the page (a string, as the project compiles without DOM types):
 * true when the element's first character is drawn with a real glyph, not
 * the missing-glyph box (tofu). U+E000 is a private-use point no font
 * draws, so it shows the box to compare with.
 */
const DRAWS_GLYPH = `(css) => {
  const element = document.querySelector(css);
  const font = getComputedStyle(element).font;
  const draw = (char) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext('2d');
    context.font = font;
    context.fillText(char, 4, 48);
    return canvas.toDataURL();
  };
  return draw(Array.from(element.textContent || '')[0] || '') !== draw('\\uE000');
}`;

function drawsGlyph(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(`(${DRAWS_GLYPH})(${JSON.stringify(selector)})`) as Promise<boolean>;
}

/** How far the page is wider than the window (0 when nothing overflows). */
function overflowX(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
}

describe('HTML reports in a browser', () => {
  it('English audit: grade, breakdown and diagram render, offline, on screen and printed', async () => {
    const file = await write(['audit', 'menus/demo-bank.json', '--format', 'html'], 'demo-bank.html');
    for (const media of ['screen', 'print'] as const) {
      const { page, requests } = await open(file, media);
      const grade = page.getByTestId('grade');
      expect(await grade.textContent()).toBe('F');
      expect(await grade.isVisible()).toBe(true);
      const svg = page.locator('[data-testid="diagram"] svg');
      expect(await svg.count()).toBe(1);
      expect((await svg.boundingBox())?.width ?? 0).toBeGreaterThan(200);
      expect(await page.locator('[data-testid="diagram"] svg g.node').count()).toBeGreaterThan(3);
      expect(await page.locator('table').first().textContent()).toContain('A1');
      expect(await overflowX(page)).toBe(0);
      expect(requests).toEqual([]);
      await page.screenshot({ path: `/tmp/ivr-audit-report-${media}.png`, fullPage: true });
      await page.close();
    }
  });

  it('Chinese audit: the menu name and the diagram labels are drawn with CJK glyphs', async () => {
    const file = await write(['audit', 'menus/bank-huaxin.json', '--format', 'html'], 'bank-huaxin.html');
    const { page, requests } = await open(file);
    expect(await page.locator('h1').textContent()).toBe('华信银行客户服务热线');
    // The page's own words are English; the menu's are marked as Chinese, so fonts pick Chinese (not Japanese) glyph forms.
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('[data-testid="diagram"]').getAttribute('lang')).toBe('zh-CN');
    expect(await drawsGlyph(page, 'h1'), 'Chinese drawn as boxes: apt-get install -y fonts-wqy-zenhei (.ci/run does it)').toBe(true);
    expect(await page.locator('[data-testid="diagram"] svg text', { hasText: '请输入' }).count()).toBeGreaterThan(0);
    expect(await overflowX(page)).toBe(0);
    expect(requests).toEqual([]);
    await page.screenshot({ path: '/tmp/ivr-audit-report-zh.png', fullPage: true });
    await page.close();
  });

  it('compare: one row per menu with its grade and failed rules; fits a printed page; a narrow window scrolls the table, not the page', async () => {
    const file = await write(['compare', 'menus/', '--format', 'html'], 'compare.html');
    const menus = readdirSync('menus').filter((name) => name.endsWith('.json'));
    for (const [media, width] of [['screen', 1100], ['print', 794], ['screen', 420]] as const) {
      const { page, requests } = await open(file, media, width);
      expect(await page.locator('tbody tr').count()).toBe(menus.length);
      // Ranked from least to most friction: grade first (the weights' order), then score; the first row has the best grade of all.
      const grades = await page.locator('tbody tr .grade-chip').allTextContents();
      const scores = (await page.locator('tbody tr td:nth-child(4)').allTextContents()).map(Number);
      const rank = (grade: string) => GRADE_ORDER.indexOf(grade);
      expect(grades.every((grade) => rank(grade) >= 0), grades.join(' ')).toBe(true);
      expect(rank(grades[0] ?? '')).toBe(Math.min(...grades.map(rank)));
      for (let i = 1; i < grades.length; i++) {
        const order = rank(grades[i] ?? '') - rank(grades[i - 1] ?? '') || (scores[i] ?? 0) - (scores[i - 1] ?? 0);
        expect(order, `row ${i + 1} after row ${i}`).toBeGreaterThanOrEqual(0);
      }
      expect(await page.locator('tbody', { hasText: 'failed: ' }).count()).toBe(1);
      expect(await overflowX(page), `${media} ${width}px`).toBe(0);
      expect(requests).toEqual([]);
      await page.screenshot({ path: `/tmp/ivr-compare-${media}-${width}.png`, fullPage: true });
      await page.close();
    }
  });

  it('graph --format svg opens on its own, offline, with the route drawn', async () => {
    const file = await write(['graph', 'menus/telecom-xinghe.json', '--format', 'svg'], 'xinghe.svg');
    const { page, requests } = await open(file);
    expect(await page.locator('g.node').count()).toBeGreaterThan(5);
    expect(await page.locator('g.node text', { hasText: '您好' }).count()).toBe(1);
    expect(requests).toEqual([]);
    await page.screenshot({ path: '/tmp/ivr-graph.png', timeout: 60_000 });
    await page.close();
  });
});
