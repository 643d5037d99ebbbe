/** axe-core finds no WCAG 2.2 A/AA violations on any page, in light and in dark mode. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './support/browser.ts';
import { sitemapPaths } from './support/site-pages.ts';

const origin = new URL(inject('baseUrl')).origin;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  it.each(sitemapPaths())('%s has no axe violations', async (path) => {
    const context = await browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    await page.goto(origin + path, { waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`,
    );
    expect(summary).toEqual([]);
    await context.close();
  });
});
