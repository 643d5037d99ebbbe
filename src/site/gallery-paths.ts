/**
 * Where the diagram gallery's pages live: the index (docs/reference/diagram-gallery.mdx) and one
 * generated page per cluster definition (src/pages/reference/diagram-gallery/[cluster].astro).
 * One place for the paths, so the pages, the tests and the benchmark agree.
 */

/** Slug of the gallery index page. */
export const GALLERY_SLUG = 'reference/diagram-gallery';

/** Root-relative URL of the gallery index (no base path). */
export const GALLERY_HREF = `/${GALLERY_SLUG}/`;

/** Root-relative URL of the gallery page of cluster `id` (no base path). */
export function clusterPageHref(id: string): string {
  return `${GALLERY_HREF}${id}/`;
}

/**
 * The element id of the figure showing view `view` of cluster `id`: the id ClusterDiagram gives
 * MermaidFigure (`cd-<cluster>-<view>`, other characters as `-`) plus MermaidFigure's `-figure`.
 */
export function viewFigureId(id: string, view: string): string {
  return `${`cd-${id}-${view}`.replace(/[^\w-]/g, '-')}-figure`;
}

/** Whether a URL path (base path included or not, `base` given) is one of the per-cluster pages. */
export function isClusterPagePath(pathname: string, base = '/'): boolean {
  const prefix = base.replace(/\/+$/, '');
  const path = prefix && pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
  return path.startsWith(GALLERY_HREF) && /^[^/]+\/?$/.test(path.slice(GALLERY_HREF.length));
}
