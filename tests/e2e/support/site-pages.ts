/** The pages of the built site, as listed in its sitemap. */
import { readFileSync, readdirSync } from 'node:fs';

/** URL paths (base path included, e.g. `/dns/name-resolution/`) of every page in dist's sitemap. */
export function sitemapPaths(distDir = 'dist'): string[] {
  const files = readdirSync(distDir).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  if (files.length === 0) throw new Error(`${distDir}: no sitemap-N.xml; is the sitemap integration on?`);
  const locs = files.flatMap((f) =>
    [...readFileSync(`${distDir}/${f}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
  );
  return locs.map((loc) => new URL(loc).pathname).sort();
}
