/**
 * Pages generated outside docs/ (the diagram gallery's per-cluster pages) have no sidebar link of
 * their own. Marking the link of their nearest ancestor page as current keeps the reader oriented
 * (the sidebar highlights the section they are in and its group stays open) and files the page
 * under that link's sidebar group for the search filter (src/site/sidebar-section.ts).
 */

/** The parts of Starlight's sidebar entries (`starlightRoute.sidebar`) this needs. */
export type SidebarLinkTree =
  | { type: 'link'; href: string; isCurrent: boolean }
  | { type: 'group'; entries: SidebarLinkTree[] };

type Link = Extract<SidebarLinkTree, { type: 'link' }>;

function links(entries: readonly SidebarLinkTree[]): Link[] {
  return entries.flatMap((entry) => (entry.type === 'link' ? [entry] : links(entry.entries)));
}

const withSlash = (path: string) => (path.endsWith('/') ? path : `${path}/`);

/**
 * When no link is current, marks the link whose path is the longest proper prefix of `pathname`
 * (the home page `base` never counts: every page is under it) and returns it; otherwise changes
 * nothing and returns undefined.
 */
export function markAncestorCurrent(sidebar: readonly SidebarLinkTree[], pathname: string, base = '/'): Link | undefined {
  const all = links(sidebar);
  if (all.some((link) => link.isCurrent)) return undefined;
  const path = withSlash(pathname);
  const home = withSlash(base);
  const ancestor = all
    .filter((link) => link.href.startsWith('/') && withSlash(link.href) !== home && withSlash(link.href) !== path && path.startsWith(withSlash(link.href)))
    .sort((a, b) => withSlash(b.href).length - withSlash(a.href).length)[0];
  if (ancestor) ancestor.isCurrent = true;
  return ancestor;
}
