/** The pages of the built site, as listed in its sitemap. */
import { sitemapPaths as readSitemapPaths } from '../../../src/site/dist-files.ts';

/** URL paths (base path included, e.g. `/dns/name-resolution/`) of every page in dist's sitemap. */
export function sitemapPaths(distDir = 'dist'): string[] {
  const paths = readSitemapPaths(distDir);
  if (paths.length === 0) throw new Error(`${distDir}: no pages in sitemap-N.xml; is the sitemap integration on?`);
  return paths;
}
