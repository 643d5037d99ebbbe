/** Every page in the sitemap loads cleanly: HTTP 200, no console errors, no failed or cross-origin requests. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from './support/browser.ts';
import { sitemapPaths } from './support/site-pages.ts';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('every page in the sitemap', () => {
  const paths = sitemapPaths();

  it('lists the home page and the DNS page', () => {
    const base = new URL(baseUrl).pathname;
    expect(paths).toContain(base);
    expect(paths).toContain(`${base}dns/name-resolution/`);
  });

  it.each(paths)('%s loads with no errors and no other-origin requests', async (path) => {
    const page = await browser.newPage();
    const problems = watchPage(page, origin);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    const response = await page.goto(origin + path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    // Served under dist/_headers' policy, as a host would serve it.
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(await page.locator('h1').count()).toBeGreaterThan(0);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.otherOrigins).toEqual([]);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0).toBeGreaterThan(20);
    // Stylesheets load from <head> (src/site/code-block-assets.ts), and code blocks are still styled.
    expect(await page.locator('body link[rel="stylesheet"]').count()).toBe(0);
    const codeLine = page.locator('.expressive-code .ec-line').first();
    if ((await codeLine.count()) > 0) expect(await codeLine.evaluate((el) => getComputedStyle(el).display)).toBe('grid');
    await page.close();
  });
});

describe('a missing page', () => {
  it('answers 404 with the site 404 page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('Page not found');
    await page.close();
  });
});

describe('the DNS page', () => {
  it('shows its Sources section, last-updated date and edit link', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}dns/name-resolution/`);
    const sources = page.locator('section.page-sources li a');
    expect(await sources.count()).toBeGreaterThanOrEqual(3);
    expect(await sources.first().getAttribute('href')).toMatch(/^https:\/\/kubernetes\.io\//);
    const time = await page.locator('time[datetime]').first().getAttribute('datetime');
    expect(Number.isNaN(Date.parse(time ?? ''))).toBe(false);
    const edit = await page.locator('a[href*="/edit/"]').first().getAttribute('href');
    expect(edit).toMatch(/\/edit\/main\/docs\/dns\/name-resolution\.mdx$/);
    await page.close();
  });
});
