/**
 * Runs searches inside a page of the built site through the module the site's search box uses
 * (`search/pagefind.js`: Pagefind's API with the question-answering `search`, src/search/answer-search.ts),
 * with the options the search box passes: Starlight's ranking (SEARCH_RANKING) and PAGEFIND_EXTRA_OPTIONS.
 */
import type { Page } from 'playwright-core';
import { SEARCH_RANKING } from '../../../src/site/constants.ts';
import { ANSWER_MODULE_DIR, PAGEFIND_EXTRA_OPTIONS } from '../../../src/search/paths.ts';

// Sent as source text: Vitest rewrites `import()` in test code, which the browser would not understand.
const SEARCH_IN_PAGE = `async ({ moduleUrl, baseUrl, query, limit, options }) => {
  if (!window.__pagefind) {
    const pagefind = await import(moduleUrl);
    await pagefind.options({ baseUrl: new URL(baseUrl).pathname, ...options });
    await pagefind.init();
    window.__pagefind = pagefind;
  }
  const { results } = await window.__pagefind.search(query, { filters: {} });
  const top = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  return { total: results.length, top: top.map((d) => new URL(d.url, baseUrl).pathname) };
}`;

export interface SearchAnswer {
  /** How many pages matched. */
  total: number;
  /** Paths (base path included) of the first `limit` pages, best first. */
  top: string[];
}

/** The search box's answer to `query`: how many pages, and the first `limit` page paths. */
export async function siteSearch(page: Page, baseUrl: string, query: string, limit = 3): Promise<SearchAnswer> {
  const args = JSON.stringify({
    moduleUrl: new URL(`${ANSWER_MODULE_DIR}/pagefind.js`, baseUrl).href,
    baseUrl,
    query,
    limit,
    options: { ranking: SEARCH_RANKING, ...PAGEFIND_EXTRA_OPTIONS },
  });
  return page.evaluate(`(${SEARCH_IN_PAGE})(${args})`) as Promise<SearchAnswer>;
}

/** Result page paths (base path included), best first, for `query`. */
export async function pagefindSearch(page: Page, baseUrl: string, query: string, limit = 3): Promise<string[]> {
  return (await siteSearch(page, baseUrl, query, limit)).top;
}
