/**
 * Bytes a reader downloads to search: drives Starlight's search dialog in Chromium and sums the
 * Pagefind responses (index chunks, fragments, wasm, the UI script) per query. The first query pays
 * for Pagefind itself; a later one only for the index chunks and fragments it has not seen.
 */
import type { Browser, Page } from 'playwright-core';
import { settleAfterLoad, trackNetwork, type NetworkTracker } from './network.ts';
import { ANSWER_MODULE_DIR } from '../src/search/paths.ts';

export interface SearchCost {
  query: string;
  /** Bytes of Pagefind responses (as served: Pagefind's index files are already compressed). */
  bytes: number;
  requests: number;
  /** Results shown (pages; Pagefind UI shows the first few and loads more on demand). */
  results: number;
  /** Bytes of the biggest kinds of file, e.g. `{ wasm: 50_000, pf_index: 20_000 }`. */
  byKind: Record<string, number>;
}

export const SEARCH_OPEN = 'site-search button[data-open-modal]';
/** The text box; the dialog also holds filter checkboxes, so name the search input itself. */
export const SEARCH_INPUT = '#starlight__search input[type="search"], #starlight__search input.pagefind-ui__search-input';
export const SEARCH_RESULT = '.pagefind-ui__result-link';
export const SEARCH_MESSAGE = '.pagefind-ui__message';
/** One result (a page); its sub-results (headings) are links inside it. */
export const SEARCH_RESULT_ITEM = '.pagefind-ui__result';
export const SEARCH_LOADING = '.pagefind-ui__loading';

/**
 * A response search pays for: Pagefind's bundle (`/pagefind/`) or the site's question-answering
 * module the search dialog loads in front of it (`/search/pagefind.js`, src/search/paths.ts).
 */
export function isSearchResponse(url: string): boolean {
  const path = new URL(url).pathname;
  return path.includes('/pagefind/') || path.endsWith(`/${ANSWER_MODULE_DIR}/pagefind.js`);
}

/** `pf_fragment`, `wasm`, `js`, … for a Pagefind URL. */
export function pagefindKind(url: string): string {
  const name = new URL(url).pathname.split('/').pop() ?? '';
  if (name.startsWith('wasm.')) return 'wasm';
  const ext = name.includes('.') ? name.split('.').pop()! : 'other';
  return ext;
}

interface Recorder {
  network: NetworkTracker;
  take(): { bytes: number; requests: number; byKind: Record<string, number> };
  settle(): Promise<void>;
}

function recordPagefind(page: Page): Recorder {
  let bytes = 0;
  let requests = 0;
  let byKind: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  const network = trackNetwork(page);
  page.on('response', (response) => {
    if (!isSearchResponse(response.url())) return;
    requests += 1;
    pending.push(
      response
        .body()
        .then((body) => {
          bytes += body.length;
          const kind = pagefindKind(response.url());
          byKind[kind] = (byKind[kind] ?? 0) + body.length;
        })
        .catch(() => undefined),
    );
  });
  return {
    network,
    async settle() {
      await network.waitQuiet(750);
      await Promise.all(pending);
    },
    take() {
      const taken = { bytes, requests, byKind };
      bytes = 0;
      requests = 0;
      byKind = {};
      return taken;
    },
  };
}

async function search(page: Page, recorder: Recorder, query: string): Promise<SearchCost> {
  const input = page.locator(SEARCH_INPUT).first();
  await input.fill(query);
  // Pagefind UI debounces input, says "N results for <query>" (or "No results for <query>"), then
  // loads each shown result's fragment, showing a placeholder (.pagefind-ui__loading) until it is in.
  await page.waitForFunction(
    ([message, result, loading, text]) => {
      const said = document.querySelector(message!)?.textContent ?? '';
      if (!said.includes(text!)) return false;
      if (/^\s*no results/i.test(said)) return true;
      return document.querySelectorAll(result!).length > 0 && document.querySelectorAll(loading!).length === 0;
    },
    [SEARCH_MESSAGE, SEARCH_RESULT_ITEM, SEARCH_LOADING, query],
    { timeout: 30_000 },
  );
  await recorder.settle();
  const results = await page.locator(SEARCH_RESULT_ITEM).count();
  return { query, results, ...recorder.take() };
}

/**
 * Opens the home page at `url`, then runs `queries` one after another in the search dialog, as one
 * reader would. Returns the cost of each query; page-load bytes before the first query are excluded.
 */
export async function measureSearch(browser: Browser, url: string, queries: string[]): Promise<SearchCost[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const recorder = recordPagefind(page);
    await page.goto(url, { waitUntil: 'load' });
    await settleAfterLoad(page, recorder.network);
    await recorder.settle();
    recorder.take(); // nothing of search should load before search opens; don't count it if it does
    await page.locator(SEARCH_OPEN).click();
    await page.locator(SEARCH_INPUT).first().waitFor({ state: 'visible' });
    const costs: SearchCost[] = [];
    for (const query of queries) {
      await page.locator(SEARCH_INPUT).first().fill('');
      costs.push(await search(page, recorder, query));
    }
    return costs;
  } finally {
    await context.close();
  }
}
