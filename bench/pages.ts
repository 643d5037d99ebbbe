/**
 * Which pages the benchmark weighs: every page in the sitemap plus 404.html, each classified by
 * type, and one representative (the heaviest) per type. Pure: callers read the files.
 */
import { posix } from 'node:path';
import { inlineParts } from './weight.ts';

export type PageType = 'home' | 'dns-explorer' | 'diagrams' | 'content' | '404';

/** Display order and labels of the page types. */
export const PAGE_TYPES: { type: PageType; label: string }[] = [
  { type: 'home', label: 'home' },
  { type: 'diagrams', label: 'content + diagrams' },
  { type: 'dns-explorer', label: 'DNS + explorer' },
  { type: 'content', label: 'content, no diagram' },
  { type: '404', label: '404' },
];

// One sitemap reader for the site, the tests and the benchmark.
export { sitemapLocations } from '../src/site/dist-files.ts';

/** Normalises a base path to `/` or `/x/y/` (leading and trailing slash). */
export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Path of a page's file under dist/ for a URL path served under `base`:
 * `/base/dns/x/` -> `dns/x/index.html`, `/base/404.html` -> `404.html`. Undefined when the path is
 * outside `base` or escapes dist/.
 */
export function distFileForPath(pathname: string, base: string): string | undefined {
  const prefix = normaliseBase(base);
  const path = decodeURIComponent(pathname);
  if (!(path + '/').startsWith(prefix) && path !== prefix.slice(0, -1)) return undefined;
  let rest = path.slice(prefix.length - 1).replace(/^\/+/, '');
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';
  else if (!posix.extname(rest)) rest += '/index.html';
  const normal = posix.normalize(rest);
  if (normal.startsWith('..') || posix.isAbsolute(normal)) return undefined;
  return normal;
}

/**
 * Markers of the DNS explorer island. DnsExplorer.astro is the source of truth; these cover the
 * attribute it uses plus the generic shapes an Astro island or custom element would take, so the
 * classification keeps working if the component changes its markup.
 */
export const DNS_EXPLORER_MARKERS: RegExp[] = [
  /\sdata-dns-explorer[\s=>]/i,
  /<dns-explorer[\s>]/i,
  /<astro-island[^>]*component-url="[^"]*DnsExplorer/i,
];

export function hasDnsExplorer(html: string): boolean {
  return DNS_EXPLORER_MARKERS.some((marker) => marker.test(html));
}

/** True when a `<figure>` contains an inline `<svg>`: a diagram. */
export function hasDiagram(html: string): boolean {
  return inlineParts(html).diagrams > 0;
}

/** Type of the page at `pathname` (served under `base`) with the given HTML. */
export function classifyPage(pathname: string, html: string, base: string): PageType {
  const prefix = normaliseBase(base);
  if (pathname === prefix || pathname === prefix + 'index.html' || pathname === prefix.slice(0, -1)) return 'home';
  if (/\/404(\.html|\/)?$/.test(pathname)) return '404';
  if (hasDnsExplorer(html)) return 'dns-explorer';
  if (hasDiagram(html)) return 'diagrams';
  return 'content';
}

export interface SitePage {
  /** URL path as served, e.g. `/dns/name-resolution/`. */
  pathname: string;
  /** File under dist/, e.g. `dns/name-resolution/index.html`. */
  file: string;
  type: PageType;
  /** Size of the HTML file in bytes. */
  bytes: number;
}

/**
 * The page chosen to stand for each type: the largest HTML of its type (the worst case a reader
 * meets), ties broken by path for stable output. Types with no page are absent.
 */
export function representatives(pages: SitePage[]): Map<PageType, SitePage> {
  const chosen = new Map<PageType, SitePage>();
  const sorted = [...pages].sort((a, b) => b.bytes - a.bytes || a.pathname.localeCompare(b.pathname));
  for (const page of sorted) if (!chosen.has(page.type)) chosen.set(page.type, page);
  return chosen;
}
