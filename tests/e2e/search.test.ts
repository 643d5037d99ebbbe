/**
 * Pagefind search works offline from the built site, ranks the right page first, and the first
 * search stays within its download budget.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from './support/browser.ts';
import { measureSearch } from '../../bench/search.ts';

/** Bytes the first search may fetch (Pagefind's script, wasm, index chunks, fragments; issue 15). */
const FIRST_SEARCH_BUDGET = 200 * 1024;

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('lists the DNS page first when searching "ndots"', async () => {
  const page = await browser.newPage();
  const problems = watchPage(page, new URL(baseUrl).origin);
  await page.goto(baseUrl);
  await page.locator('site-search button[data-open-modal]').click();
  const input = page.locator('#starlight__search input.pagefind-ui__search-input');
  await input.fill('ndots');
  const first = page.locator('.pagefind-ui__result-link').first();
  await first.waitFor({ timeout: 15_000 });
  expect(new URL((await first.getAttribute('href'))!, baseUrl).pathname).toBe(
    `${new URL(baseUrl).pathname}dns/name-resolution/`,
  );
  expect(problems.otherOrigins).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
  await page.close();
});

it(`fetches at most ${FIRST_SEARCH_BUDGET / 1024} KB for the first search`, async () => {
  const [first] = await measureSearch(browser, baseUrl, ['ndots']);
  expect(first!.results).toBeGreaterThan(0);
  expect(first!.bytes).toBeLessThanOrEqual(FIRST_SEARCH_BUDGET);
});
