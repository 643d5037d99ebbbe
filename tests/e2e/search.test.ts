/** Pagefind search works offline from the built site and ranks the right page first. */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from './support/browser.ts';

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
