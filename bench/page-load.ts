/**
 * Page loads in headless Chromium against a local static server over dist/: every response a load
 * receives (for the weight and request count), and whether the page can be read with JavaScript
 * off (main text and every diagram's SVG present without running a script).
 */
import type { Browser, BrowserContext, Response } from 'playwright-core';
import { settleAfterLoad, trackNetwork } from './network.ts';
import type { LoadedResource } from './weight.ts';

export interface PageLoad {
  /** Responses with their bodies, in the order they finished. */
  resources: LoadedResource[];
  /** Requests the page made (document included) until the network was idle. */
  requests: number;
  /** Requests that failed or got HTTP >= 400. */
  failed: string[];
}

async function collect(response: Response, into: LoadedResource[], failed: string[]): Promise<void> {
  if (response.status() >= 400) failed.push(`${response.url()} (HTTP ${response.status()})`);
  if (response.status() >= 300 && response.status() < 400) return;
  try {
    const body = await response.body();
    into.push({ url: response.url(), contentType: response.headers()['content-type'] ?? '', body });
  } catch (error) {
    failed.push(`${response.url()} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

async function withContext<T>(browser: Browser, javaScriptEnabled: boolean, run: (context: BrowserContext) => Promise<T>): Promise<T> {
  // A new context per load: empty HTTP cache, so every page is measured as a first visit.
  const context = await browser.newContext({ javaScriptEnabled, serviceWorkers: 'block' });
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

/** Loads `url` as a first-time visitor and records every response until the network is idle. */
export function loadPage(browser: Browser, url: string): Promise<PageLoad> {
  return withContext(browser, true, async (context) => {
    const page = await context.newPage();
    const resources: LoadedResource[] = [];
    const failed: string[] = [];
    const pending: Promise<void>[] = [];
    let requests = 0;
    const network = trackNetwork(page);
    page.on('request', () => {
      requests += 1;
    });
    page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
    page.on('response', (response) => {
      pending.push(collect(response, resources, failed));
    });
    await page.goto(url, { waitUntil: 'load' });
    await settleAfterLoad(page, network);
    await Promise.all(pending);
    return { resources, requests, failed };
  });
}

/** What a reader sees in `main`: text length, headings and diagrams. */
export interface ReadableContent {
  textLength: number;
  h1: string;
  /** Outermost `<svg>` elements inside `<figure>` in `main` (the diagrams). */
  diagramSvgs: number;
  /** Diagram SVGs that contain drawn text or shapes (not an empty placeholder). */
  drawnDiagrams: number;
}

async function readContent(browser: Browser, url: string, javaScriptEnabled: boolean): Promise<ReadableContent> {
  return withContext(browser, javaScriptEnabled, async (context) => {
    const page = await context.newPage();
    const network = trackNetwork(page);
    await page.goto(url, { waitUntil: 'load' });
    if (javaScriptEnabled) await settleAfterLoad(page, network);
    return page.evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      const figures = [...main.querySelectorAll('figure svg')].filter((svg) => !svg.parentElement?.closest('svg'));
      const drawn = figures.filter((svg) => svg.querySelector('path, rect, text, foreignObject, line, polygon') !== null);
      return {
        textLength: (main.textContent ?? '').replace(/\s+/g, ' ').trim().length,
        h1: (document.querySelector('h1')?.textContent ?? '').trim(),
        diagramSvgs: figures.length,
        drawnDiagrams: drawn.length,
      };
    });
  });
}

export interface NoJsCheck {
  readable: boolean;
  withJs: ReadableContent;
  withoutJs: ReadableContent;
  /** Why the page is not readable without JavaScript, empty when it is. */
  problems: string[];
}

/** Share of the main text that must be there without JavaScript (scripts may add a few labels). */
export const NO_JS_TEXT_SHARE = 0.9;

/** Compares what a reader gets with and without JavaScript; pure, for tests. */
export function compareReadable(withJs: ReadableContent, withoutJs: ReadableContent): string[] {
  const problems: string[] = [];
  if (!withoutJs.h1) problems.push('no <h1> without JavaScript');
  if (withoutJs.textLength < withJs.textLength * NO_JS_TEXT_SHARE) {
    problems.push(`main text ${withoutJs.textLength} chars without JavaScript vs ${withJs.textLength} with it`);
  }
  if (withoutJs.diagramSvgs < withJs.diagramSvgs) problems.push(`${withoutJs.diagramSvgs} of ${withJs.diagramSvgs} diagram SVGs without JavaScript`);
  if (withoutJs.drawnDiagrams < withoutJs.diagramSvgs) problems.push(`${withoutJs.diagramSvgs - withoutJs.drawnDiagrams} diagram SVG(s) empty without JavaScript`);
  return problems;
}

/** Loads `url` with JavaScript on and off and checks the content is all there without it. */
export async function checkReadableWithoutJs(browser: Browser, url: string): Promise<NoJsCheck> {
  const withJs = await readContent(browser, url, true);
  const withoutJs = await readContent(browser, url, false);
  const problems = compareReadable(withJs, withoutJs);
  return { readable: problems.length === 0, withJs, withoutJs, problems };
}
