/**
 * Where the pages are: `docs/`, unless `DOCS_DIR` points elsewhere. Only tests and
 * benchmarks set it (broken-input fixtures, generated scale runs); the site is docs/.
 */
export const DEFAULT_DOCS_DIR = 'docs';

/** The pages folder, relative to the project root, without a trailing slash. */
export function docsDirectory(env: Record<string, string | undefined>): string {
  const dir = env.DOCS_DIR?.trim();
  return dir ? dir.replace(/\/+$/, '') : DEFAULT_DOCS_DIR;
}
