/**
 * Where the built site serves the question-answering search module: `<base>search/pagefind.js`, a
 * sibling of Pagefind's own `<base>pagefind/`. The file name must be `pagefind.js`: Pagefind's UI
 * imports `${bundlePath}pagefind.js` (@pagefind/default-ui, svelte/ui.svelte, `init`).
 */
export const ANSWER_MODULE_DIR = 'search';

/** Starlight's bundle path (`<base>pagefind/`) -> the directory of the answering module (`<base>search/`). */
export function answerBundlePath(pagefindBundlePath: string): string {
  const withSlash = pagefindBundlePath.endsWith('/') ? pagefindBundlePath : `${pagefindBundlePath}/`;
  return withSlash.replace(/pagefind\/$/, `${ANSWER_MODULE_DIR}/`);
}

/**
 * Pagefind options the search dialog adds to Starlight's (the relevance tests pass the same).
 * `noWorker`: search on the main thread. The index is small, and the web worker would cost one more
 * 43 KB script (pagefind-worker.js) on the first search (pagefind.app/docs/search-config, "Disable web worker").
 */
export const PAGEFIND_EXTRA_OPTIONS = { noWorker: true } as const;
