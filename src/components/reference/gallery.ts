/**
 * What the gallery pages share: the views in the order the gallery lists them, and which docs
 * pages show each view (the gallery itself left out, so "Explained in" only names real pages).
 */
import { VIEW_NAMES, type ViewName } from '../../mermaid/views.ts';
import { diagramUsageInDocs, viewKey, type DiagramPage } from '../../site/diagram-usage.ts';
import { docsDirectory } from '../../site/docs-dir.ts';
import { GALLERY_SLUG } from '../../site/gallery-paths.ts';

/** Every view, alphabetical (services before topology): the order the gallery has always used. */
export const GALLERY_VIEWS: readonly ViewName[] = [...VIEW_NAMES].sort();

/** The docs pages that show each cluster view, looked up with `pagesShowing`. */
export interface GalleryUsage {
  pagesShowing(cluster: string, view: string): DiagramPage[];
}

/** Scans the docs pages once (per call) for the diagrams they show. */
export function galleryUsage(): GalleryUsage {
  const usage = diagramUsageInDocs(docsDirectory(process.env), [GALLERY_SLUG]);
  return { pagesShowing: (cluster, view) => usage.get(viewKey(cluster, view)) ?? [] };
}
