/**
 * Checks every internal link and `#anchor` in a built site. Runs after each build
 * (see src/site/link-check-integration.ts), so a dead link fails the build with
 * the page and the link, not a reader's 404.
 */
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { htmlFiles } from './dist-files.ts';

/** One dead link: the page it is on (relative to dist) and the href. */
export interface DeadLink {
  page: string;
  href: string;
  reason: string;
}

interface PageInfo {
  ids: Set<string>;
  hrefs: string[];
}


function readPage(file: string): PageInfo {
  const tree = fromHtml(readFileSync(file, 'utf8'));
  const ids = new Set<string>();
  const hrefs: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const id = node.properties?.id;
    if (typeof id === 'string') ids.add(id);
    if (node.tagName === 'a' && typeof node.properties?.name === 'string') ids.add(node.properties.name);
    const href = node.properties?.href;
    if ((node.tagName === 'a' || node.tagName === 'link') && typeof href === 'string') {
      const rel = node.properties?.rel;
      // <link rel="alternate|sitemap|canonical"> point at the public site URL, not at dist.
      if (node.tagName === 'link' && Array.isArray(rel) && !rel.includes('stylesheet') && !rel.includes('icon')) return;
      hrefs.push(href);
    }
  });
  return { ids, hrefs };
}

/** The dist file a URL path maps to, or undefined. */
function targetFile(distDir: string, pathname: string): string | undefined {
  const path = join(distDir, decodeURIComponent(pathname));
  const candidates = pathname.endsWith('/') ? [join(path, 'index.html')] : [path, join(path, 'index.html'), `${path}.html`];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

/**
 * Returns every dead internal link in `distDir`. `base` is the deploy base path:
 * a link outside it is dead too, since the host serves nothing there.
 */
export function findDeadLinks(distDir: string, base = '/'): DeadLink[] {
  const prefix = base.replace(/\/+$/, '');
  const pages = new Map<string, PageInfo>();
  const info = (file: string) => {
    let page = pages.get(file);
    if (!page) pages.set(file, (page = readPage(file)));
    return page;
  };
  const dead: DeadLink[] = [];
  for (const file of htmlFiles(distDir).sort()) {
    const page = relative(distDir, file).split(sep).join('/');
    const selfPath = `${prefix}/${page.replace(/(^|\/)index\.html$/, '$1')}`;
    for (const href of info(file).hrefs) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue; // other origins and mailto:
      const url = new URL(href, `http://site${selfPath}`);
      let target = file;
      if (!(href.startsWith('#'))) {
        if (prefix && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
          dead.push({ page, href, reason: `outside the base path ${base}` });
          continue;
        }
        const found = targetFile(distDir, url.pathname.slice(prefix.length) || '/');
        if (!found) {
          dead.push({ page, href, reason: 'no such page or file' });
          continue;
        }
        target = found;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !info(target).ids.has(anchor)) {
        dead.push({ page, href, reason: `no element with id "${anchor}"` });
      }
    }
  }
  return dead;
}

/** Formats dead links for a build error, one per line. */
export function formatDeadLinks(dead: DeadLink[]): string {
  return dead.map((d) => `  ${d.page}: ${d.href} (${d.reason})`).join('\n');
}
