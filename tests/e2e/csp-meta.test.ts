/**
 * GitHub Pages sends no Content-Security-Policy header, so every page carries the policy in a
 * <meta>. Served here with no headers at all, as GitHub Pages serves it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from './support/browser.ts';
import { sitemapPaths } from './support/site-pages.ts';
import { serveStatic, type RunningServer } from './support/static-server.ts';

const base = new URL(inject('baseUrl')).pathname;
let browser: Browser;
let server: RunningServer;
let origin: string;

beforeAll(async () => {
  server = await serveStatic('dist', base, 0, { headers: false });
  origin = new URL(server.url).origin;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWatched(path: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const response = await page.goto(origin + path, { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBeUndefined();
  return {
    page,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

describe('served without headers, like GitHub Pages', () => {
  it.each(sitemapPaths())('%s enforces its <meta> policy and breaks nothing under it', async (path) => {
    const { page, violations } = await openWatched(path);
    const problems = watchPage(page, origin);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    expect(await violations()).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.close();
  });

  it('blocks an inline script that is not one of the hashed ones', async () => {
    const { page, violations } = await openWatched(base);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
    });
    await page.waitForFunction(() => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    expect((await violations())[0]).toMatch(/^script-src/);
    await page.close();
  });

  it('still lets Pagefind search (WebAssembly and same-origin fetches)', async () => {
    const { page, violations } = await openWatched(base);
    await page.locator('site-search button[data-open-modal]').click();
    await page.locator('#starlight__search input.pagefind-ui__search-input').fill('ndots');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
