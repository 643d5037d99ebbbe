/** Runs searches through Pagefind's own JavaScript API inside a page of the built site. */
import type { Page } from 'playwright-core';

/** Result page paths (base path included), best first, for `query`. */
export async function pagefindSearch(page: Page, baseUrl: string, query: string, limit = 3): Promise<string[]> {
  return page.evaluate(
    async ({ baseUrl, query, limit }) => {
      type Pagefind = {
        options(o: object): Promise<void>;
        init(): Promise<void>;
        search(q: string): Promise<{ results: Array<{ data(): Promise<{ url: string }> }> }>;
      };
      const w = window as unknown as { __pagefind?: Pagefind };
      if (!w.__pagefind) {
        const pagefind = (await import(/* @vite-ignore */ `${baseUrl}pagefind/pagefind.js`)) as Pagefind;
        await pagefind.options({ baseUrl: new URL(baseUrl).pathname });
        await pagefind.init();
        w.__pagefind = pagefind;
      }
      const { results } = await w.__pagefind.search(query);
      const top = await Promise.all(results.slice(0, limit).map((r) => r.data()));
      return top.map((d) => new URL(d.url, baseUrl).pathname);
    },
    { baseUrl, query, limit },
  );
}
