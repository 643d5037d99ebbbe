/**
 * The browser tests start Chromium with the build's own launcher (src/render/browser.ts: one
 * search, one flag list). `watchPage` records what a reader would never want to see: console
 * errors, failed requests, and any request to another origin.
 */
import type { Page } from 'playwright-core';

// Under the name the test files use.
export { launchChromium as launchBrowser } from '../../../src/render/browser.ts';

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  otherOrigins: string[];
}

/** Starts recording problems on `page`; the returned object fills as the page runs. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], otherOrigins: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
  page.on('requestfailed', (req) => problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()} (HTTP ${res.status()})`);
  });
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) problems.otherOrigins.push(req.url());
  });
  return problems;
}
