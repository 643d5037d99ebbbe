/**
 * A page's section, for the search filter: the label of the top-level sidebar group holding the
 * link to the current page. Read from the sidebar Starlight built for the page, so the filter
 * always names the group the reader sees it in.
 */

/** The parts of Starlight's sidebar entries (`starlightRoute.sidebar`) this needs. */
export type SidebarEntryLike =
  | { type: 'link'; isCurrent: boolean }
  | { type: 'group'; label: string; entries: SidebarEntryLike[] };

function holdsCurrent(entry: SidebarEntryLike): boolean {
  return entry.type === 'link' ? entry.isCurrent : entry.entries.some(holdsCurrent);
}

/** Label of the top-level group that holds the current page, or undefined (e.g. the 404 page). */
export function sectionOfCurrentPage(sidebar: readonly SidebarEntryLike[]): string | undefined {
  const group = sidebar.find((entry) => entry.type === 'group' && holdsCurrent(entry));
  return group?.type === 'group' ? group.label : undefined;
}
