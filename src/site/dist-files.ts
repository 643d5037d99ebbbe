/**
 * Reading a built site (dist/): its HTML files and the pages its sitemap lists. Shared by the
 * build-end checks (links, CSP), the browser tests and the benchmark.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.html` file under `dir`, recursively. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** `<loc>` URLs of a sitemap (or sitemap index), in document order. */
export function sitemapLocations(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => decodeXml(m[1]!));
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** URL paths (base path included) of every page in `distDir`'s `sitemap-N.xml` files, sorted, no repeats. */
export function sitemapPaths(distDir: string): string[] {
  const sitemaps = readdirSync(distDir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  const paths = new Set<string>();
  for (const sitemap of sitemaps) {
    for (const loc of sitemapLocations(readFileSync(join(distDir, sitemap), 'utf8'))) paths.add(new URL(loc).pathname);
  }
  return [...paths].sort();
}
