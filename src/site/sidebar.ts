/**
 * The sidebar, derived from the pages folder: adding a page is adding one file.
 *
 * Starlight 0.42's `autogenerate` finds pages by their path under src/content/docs (its
 * utils/collection.ts: other content folders are not supported yet), and it labels groups with
 * folder names, so the tree is walked here and handed to Starlight as explicit groups:
 * - a folder (`docs/dns/`) is a group; its `_group.yml` gives the group's `label` and `order`;
 * - a top-level page (`docs/pod-networking.mdx`) is a one-page group, labelled with its title;
 *   top-level pages with the same `sidebarGroup` frontmatter share one group of that label, placed
 *   at its pages' smallest order (so a page joins a group without moving, and keeps its URL);
 * - top-level groups are sorted by order (a folder's from `_group.yml`, a top-level page's from its
 *   `sidebar.order`), the pages of a folder by their `sidebar.order`;
 * - the home page (`index.mdx`) opens the first group, labelled with its `sidebar.label`, linking to `/`;
 * - `sidebar.hidden: true` and the 404 page are left out.
 * Anything that would make the order a guess fails the build, naming the file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GROUP_FILE, pageFiles, readSidebarSources, slugOfPageFile, type SidebarFolder, type SidebarPage } from './sidebar-sources.ts';

/** A sidebar group: its label and the slugs of its pages, in reading order. */
export interface SidebarGroupSpec {
  label: string;
  pages: string[];
}

/** A Starlight sidebar item (the subset we produce). */
export type SidebarItem =
  | { slug: string }
  | { label: string; link: string }
  | { label: string; items: SidebarItem[] };

const EXTENSIONS = ['.mdx', '.md'];
const HOME = 'index';
/** Starlight renders docs/404.mdx as the not-found page; it is never in the sidebar. */
const NOT_FOUND = '404';

/** The file that holds a slug's page, or undefined when there is none. */
export function pageFileForSlug(docsDir: string, slug: string): string | undefined {
  const candidates = EXTENSIONS.flatMap((ext) => [join(docsDir, slug + ext), join(docsDir, slug, 'index' + ext)]);
  return candidates.find((file) => existsSync(file));
}

/** Slugs of every page under `docsDir` (files starting with `_` are partials), sorted. */
export function pageSlugs(docsDir: string): string[] {
  return pageFiles(docsDir)
    .map((file) => slugOfPageFile(docsDir, file))
    .sort();
}

/** One top-level entry before sorting: a folder's group or a top-level page's own group. */
interface TopLevelGroup {
  file: string;
  order: number;
  label: string;
  pages: SidebarPage[];
}

/** Fails when two entries share an order: the sidebar would fall back to an order nobody chose. */
function checkDistinctOrders(entries: Array<{ file: string; order: number }>, where: string, problems: string[]): void {
  const byOrder = new Map<number, string[]>();
  for (const { file, order } of entries) byOrder.set(order, [...(byOrder.get(order) ?? []), file]);
  for (const [order, files] of byOrder) {
    if (files.length > 1) problems.push(`${files.join(' and ')}: the same order ${order} ${where}; give each its own`);
  }
}

/**
 * Groups and reading order from the pages' sidebar fields and the folders' `_group.yml`.
 * Pure: `readSidebarSources` does the reading. Throws one error listing every problem.
 */
export function deriveSidebarGroups(pages: SidebarPage[], folders: SidebarFolder[]): SidebarGroupSpec[] {
  const problems: string[] = [];

  // Each page exactly once: `a.mdx`, `a.md` and `a/index.mdx` would all be the page `a`.
  const filesBySlug = new Map<string, string[]>();
  for (const page of pages) filesBySlug.set(page.slug, [...(filesBySlug.get(page.slug) ?? []), page.file]);
  for (const [slug, files] of filesBySlug) {
    if (files.length > 1) problems.push(`${files.sort().join(' and ')}: both are the page "${slug}"; keep one`);
  }

  const listed = pages.filter((page) => !page.hidden && page.slug !== NOT_FOUND);
  const home = listed.find((page) => page.slug === HOME && page.folder === '');
  const topLevel: TopLevelGroup[] = [];
  const folderGroups = new Map(folders.map((f) => [f.folder, { file: f.file, order: f.order, label: f.label, pages: [] as SidebarPage[] }]));
  for (const group of folderGroups.values()) topLevel.push(group);
  const sharedGroups = new Map<string, TopLevelGroup>();

  for (const page of listed) {
    if (page === home) {
      if (page.order !== undefined) problems.push(`${page.file}: sidebar.order has no effect on the home page, which always opens the first group; remove it`);
      if (page.sidebarGroup !== undefined) problems.push(`${page.file}: sidebarGroup has no effect on the home page, which always opens the first group; remove it`);
      continue;
    }
    if (page.order === undefined) {
      problems.push(`${page.file}: sidebar.order is missing; add \`sidebar: { order: <number> }\` to place the page ${page.folder ? `in its group (${page.folder}/)` : 'among the groups'}`);
    }
    if (page.folder === '') {
      if (page.title === undefined) problems.push(`${page.file}: title is missing (a top-level page's sidebar group is labelled with it)`);
      if (page.order === undefined) continue;
      const label = page.sidebarGroup ?? page.title ?? page.slug;
      const shared = page.sidebarGroup === undefined ? undefined : sharedGroups.get(page.sidebarGroup);
      if (shared) {
        shared.pages.push(page);
        shared.order = Math.min(shared.order, page.order);
        continue;
      }
      const group = { file: page.file, order: page.order, label, pages: [page] };
      if (page.sidebarGroup !== undefined) sharedGroups.set(page.sidebarGroup, group);
      topLevel.push(group);
      continue;
    }
    if (page.sidebarGroup !== undefined) {
      problems.push(`${page.file}: sidebarGroup only labels a top-level page's own group; this page is in the group of ${page.folder}/${GROUP_FILE}, remove it`);
    }
    if (page.folder.includes('/')) {
      problems.push(`${page.file}: pages are at most one folder deep (docs/<group>/<page>.mdx); move it up to ${page.folder.split('/')[0]}/`);
      continue;
    }
    const group = folderGroups.get(page.folder);
    if (group) group.pages.push(page);
    else problems.push(`${page.file}: its folder ${page.folder}/ has no ${GROUP_FILE}; create one with the group's \`label:\` and \`order:\``);
  }

  for (const [folder, group] of folderGroups) {
    if (group.pages.length === 0) problems.push(`${group.file}: the group "${group.label}" has no pages in ${folder}/; add a page or delete the file`);
    const ordered = group.pages.flatMap((p) => (p.order === undefined ? [] : [{ file: p.file, order: p.order }]));
    checkDistinctOrders(ordered, `in the group "${group.label}"`, problems);
  }
  for (const group of sharedGroups.values()) {
    checkDistinctOrders(group.pages.map((p) => ({ file: p.file, order: p.order! })), `in the group "${group.label}" (sidebarGroup)`, problems);
    if ([...folderGroups.values()].some((f) => f.label === group.label)) {
      problems.push(`${group.file}: sidebarGroup "${group.label}" is also a folder group's label; put the page in that folder or pick another label`);
    }
  }
  checkDistinctOrders(topLevel, 'among the top-level groups (folders and top-level pages)', problems);

  if (problems.length > 0) throw new Error(`Sidebar problems (derived from the pages' frontmatter and ${GROUP_FILE} files):\n  - ${problems.join('\n  - ')}`);

  const groups = topLevel
    .sort((a, b) => a.order - b.order)
    .map((group) => ({ label: group.label, pages: [...group.pages].sort((a, b) => a.order! - b.order!).map((p) => p.slug) }));
  if (home) {
    if (groups[0]) groups[0].pages.unshift(home.slug);
    else groups.push({ label: home.title ?? HOME, pages: [home.slug] });
  }
  return groups;
}

/** Starlight items for groups; the home page's slug is "index" in files but "/" in URLs. */
export function sidebarItems(groups: SidebarGroupSpec[], homeLabel: string): SidebarItem[] {
  return groups.map((group) => ({
    label: group.label,
    items: group.pages.map((slug): SidebarItem => (slug === HOME ? { label: homeLabel, link: '/' } : { slug })),
  }));
}

/** The link text of the home page: its `sidebar.label`, else its title. */
function homeLabel(pages: SidebarPage[]): string {
  const home = pages.find((page) => page.slug === HOME && page.folder === '');
  return home?.label ?? home?.title ?? 'Home';
}

/** Builds Starlight's `sidebar` option from the pages folder; throws naming every file with a problem. */
export function buildSidebar(docsDir: string): SidebarItem[] {
  const { pages, folders, problems } = readSidebarSources(docsDir);
  if (problems.length > 0) throw new Error(`Sidebar problems (reading the pages' frontmatter and ${GROUP_FILE} files):\n  - ${problems.join('\n  - ')}`);
  return sidebarItems(deriveSidebarGroups(pages, folders), homeLabel(pages));
}

/**
 * A one-group sidebar of every page in a folder other than docs/ (test fixtures, generated
 * benchmark sites). It reads no frontmatter: a fixture with broken frontmatter must fail in
 * Starlight's own validation, which names each bad field.
 */
export function directorySidebar(docsDir: string): SidebarItem[] {
  const slugs = pageSlugs(docsDir).filter((slug) => slug !== NOT_FOUND);
  return sidebarItems([{ label: 'Pages', pages: slugs }], 'Introduction');
}
