/**
 * Which pages show which generated diagram: scans MDX for `<ClusterDiagram cluster="X" view="Y" />`
 * (attributes in any order, over several lines). The diagram gallery uses it to link each diagram
 * to the pages that explain it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageSlugs, pageFileForSlug } from './sidebar.ts';

/** One `<ClusterDiagram>` on a page. */
export interface DiagramUse {
  cluster: string;
  view: string;
}

/** A page that shows a diagram. */
export interface DiagramPage {
  /** Page slug, e.g. `dns/name-resolution`. */
  slug: string;
  /** The page's frontmatter title (the slug when it has none). */
  title: string;
}

/** Key of a cluster view in the usage map. */
export function viewKey(cluster: string, view: string): string {
  return `${cluster}/${view}`;
}

/** `<ClusterDiagram ... />` uses in MDX text, in order; fenced code and comments are ignored. */
export function findDiagramUses(mdx: string): DiagramUse[] {
  const text = mdx.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  const uses: DiagramUse[] = [];
  for (const [, attributes] of text.matchAll(/<ClusterDiagram\b([^>]*?)\/?>/g)) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*["'\`]([^"'\`]*)["'\`]\\s*\\})`).exec(attributes ?? '');
    const cluster = attr('cluster');
    const view = attr('view');
    if (!cluster || !view) continue;
    uses.push({ cluster: cluster[1] ?? cluster[2] ?? cluster[3] ?? '', view: view[1] ?? view[2] ?? view[3] ?? '' });
  }
  return uses;
}

/** The frontmatter `title` of an MDX page, if any. */
export function pageTitle(mdx: string): string | undefined {
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(mdx)?.[1];
  const title = frontmatter && /^title:\s*(.+)$/m.exec(frontmatter)?.[1]?.trim();
  return title ? title.replace(/^(['"])(.*)\1$/, '$2') : undefined;
}

/** Pages by cluster view (`viewKey`), from MDX texts keyed by slug; each page listed once per view. */
export function diagramUsage(pages: Array<{ slug: string; mdx: string }>): Map<string, DiagramPage[]> {
  const usage = new Map<string, DiagramPage[]>();
  for (const { slug, mdx } of pages) {
    const title = pageTitle(mdx) ?? slug;
    for (const use of findDiagramUses(mdx)) {
      const key = viewKey(use.cluster, use.view);
      const list = usage.get(key) ?? [];
      if (!list.some((p) => p.slug === slug)) list.push({ slug, title });
      usage.set(key, list);
    }
  }
  return usage;
}

/** {@link diagramUsage} for every page in `docsDir`, leaving out `exclude` (e.g. the gallery itself). */
export function diagramUsageInDocs(docsDir: string, exclude: string[] = []): Map<string, DiagramPage[]> {
  const pages = pageSlugs(docsDir)
    .filter((slug) => !exclude.includes(slug))
    .map((slug) => ({ slug, mdx: readFileSync(pageFileForSlug(docsDir, slug) ?? join(docsDir, `${slug}.mdx`), 'utf8') }));
  return diagramUsage(pages);
}

/** Root-relative URL of a page slug. */
export function pageHref(slug: string): string {
  return slug === 'index' ? '/' : `/${slug}/`;
}
