/** Runs searches through Pagefind's own JavaScript API inside a page of the built site. */
import type { Page } from 'playwright-core';
import { SEARCH_RANKING } from '../../../src/site/constants.ts';

// Sent as source text: Vitest rewrites `import()` in test code, which the browser would not understand.
const SEARCH_IN_PAGE = `async ({ baseUrl, query, limit, ranking }) => {
  if (!window.__pagefind) {
    const pagefind = await import(baseUrl + 'pagefind/pagefind.js');
    await pagefind.options({ baseUrl: new URL(baseUrl).pathname, ranking });
    await pagefind.init();
    window.__pagefind = pagefind;
  }
  const { results } = await window.__pagefind.search(query);
  const top = await Promise.all(results.slice(0, limit).map((r) => r.data()));
  return top.map((d) => new URL(d.url, baseUrl).pathname);
}`;

/** Result page paths (base path included), best first, for `query`. */
export async function pagefindSearch(page: Page, baseUrl: string, query: string, limit = 3): Promise<string[]> {
  // The same ranking the site's search UI passes to Pagefind.
  const args = JSON.stringify({ baseUrl, query, limit, ranking: SEARCH_RANKING });
  return page.evaluate(`(${SEARCH_IN_PAGE})(${args})`) as Promise<string[]>;
}
