/**
 * Starlight route middleware: fills in what Starlight cannot compute for pages
 * that live in the top-level docs/ folder.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { lastUpdatedDate } from './last-updated.ts';
import { markAncestorCurrent } from './sidebar-ancestor.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const { entry } = route;
  // Generated pages without a sidebar link (the gallery's cluster pages) highlight their parent's.
  markAncestorCurrent(route.sidebar, context.url.pathname, import.meta.env.BASE_URL);
  // Starlight's git lookup is keyed on src/content/docs and finds nothing for docs/.
  if (entry.data.lastUpdated !== false && !(entry.data.lastUpdated instanceof Date) && entry.filePath) {
    route.lastUpdated = lastUpdatedDate(entry.filePath);
  }
  // The Sources section is rendered after the content; list it in "On this page" too.
  const sources = (entry.data as { sources?: unknown[] }).sources;
  if (route.toc && sources && sources.length > 0) {
    route.toc.items.push({ depth: 2, slug: 'sources', text: 'Sources', children: [] });
  }
});
