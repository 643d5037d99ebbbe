/**
 * The sidebar, declared in one place. Starlight's `autogenerate` cannot see pages
 * outside src/content/docs, so groups list page slugs explicitly, in reading order.
 * A slug with no page file fails the build (a typo must not silently hide a page),
 * and a group with no pages yet is left out so the sidebar never shows empty groups.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A sidebar group: its label and the slugs of its pages, in reading order. */
export interface SidebarGroupSpec {
  label: string;
  pages: string[];
}

/** Reading order of the guide. Add a page's slug here when you add the page. */
export const SIDEBAR_GROUPS: SidebarGroupSpec[] = [
  { label: 'Overview', pages: ['index', 'overview/network-model'] },
  { label: 'Pod networking', pages: ['pod-networking'] },
  { label: 'Service networking', pages: ['service-networking'] },
  { label: 'Network plugins', pages: ['network-plugins'] },
  { label: 'Network policy', pages: ['network-policy'] },
  { label: 'Ingress and Gateway', pages: ['ingress-and-gateway'] },
  { label: 'DNS', pages: ['dns/name-resolution', 'dns/dns-service', 'dns/coredns-vs-kube-dns', 'dns/records', 'dns/dns-policy-and-debugging'] },
  { label: 'Reference', pages: ['reference/glossary', 'reference/cluster-definition', 'reference/diagram-gallery'] },
  { label: 'Contributing', pages: ['contributing'] },
];

const EXTENSIONS = ['.mdx', '.md'];

/** The sidebar group a page belongs to (its "section", used as a search filter), if any. */
export function sectionOfSlug(slug: string, groups: SidebarGroupSpec[] = SIDEBAR_GROUPS): string | undefined {
  return groups.find((group) => group.pages.includes(slug))?.label;
}

/** The file that holds a slug's page, or undefined when there is none. */
export function pageFileForSlug(docsDir: string, slug: string): string | undefined {
  const candidates = EXTENSIONS.flatMap((ext) => [join(docsDir, slug + ext), join(docsDir, slug, 'index' + ext)]);
  return candidates.find((file) => existsSync(file));
}

/** A Starlight sidebar item (the subset we produce). */
export type SidebarItem =
  | { slug: string }
  | { label: string; link: string }
  | { label: string; items: SidebarItem[] };

/** Builds Starlight's `sidebar` option; throws naming every slug that has no page. */
export function buildSidebar(docsDir: string, groups: SidebarGroupSpec[] = SIDEBAR_GROUPS): SidebarItem[] {
  const missing: string[] = [];
  const seen = new Set<string>();
  const items: SidebarItem[] = [];
  for (const group of groups) {
    const pages: SidebarItem[] = [];
    for (const slug of group.pages) {
      if (seen.has(slug)) missing.push(`"${slug}" is listed twice (group "${group.label}")`);
      seen.add(slug);
      if (!pageFileForSlug(docsDir, slug)) {
        missing.push(`"${slug}" in group "${group.label}" has no page (expected ${join(docsDir, slug)}.mdx)`);
        continue;
      }
      // The home page's slug is "index" in files but "/" in URLs.
      pages.push(slug === 'index' ? { label: 'Introduction', link: '/' } : { slug });
    }
    if (pages.length > 0) items.push({ label: group.label, items: pages });
  }
  if (missing.length > 0) {
    throw new Error(`src/site/sidebar.ts: sidebar problems:\n  - ${missing.join('\n  - ')}`);
  }
  return items;
}

/** Slugs of every page under `docsDir` (files starting with `_` are partials), sorted. */
export function pageSlugs(docsDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      if (!/\.mdx?$/.test(name) || name.startsWith('_')) return [];
      return [relative(docsDir, path).split('\\').join('/').replace(/(\/index)?\.mdx?$/, '')];
    });
  return walk(docsDir).sort();
}

/**
 * A one-group sidebar of every page in a folder other than docs/ (test fixtures,
 * generated benchmark sites), where the curated reading order does not apply.
 */
export function directorySidebar(docsDir: string): SidebarItem[] {
  const slugs = pageSlugs(docsDir).filter((slug) => slug !== '404');
  return buildSidebar(docsDir, [{ label: 'Pages', pages: slugs }]);
}
