/** The theme select switches the whole page between light and dark. */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const background = (page: import('playwright-core').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

it('switches light and dark from the theme select, and remembers the choice', async () => {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}dns/name-resolution/`);
  const select = page.locator('starlight-theme-select select').first();

  await select.selectOption('dark');
  expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  const dark = await background(page);

  await select.selectOption('light');
  expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
  const light = await background(page);
  expect(light).not.toBe(dark);

  await select.selectOption('dark');
  await page.reload();
  expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  await context.close();
});
