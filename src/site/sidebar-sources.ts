/**
 * What the sidebar is derived from, read from the pages folder: each page's sidebar fields
 * (frontmatter) and each folder's `_group.yml`. Runs in astro.config, before content collections
 * load, so it parses the frontmatter itself: the block is found as Astro finds it
 * (`extractFrontmatter`) and read with the `yaml` package. Shapes are checked here, with messages
 * that name the file; what the fields mean for the sidebar is decided in `sidebar.ts`.
 */
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';

/** The file in a folder of docs/ that names the folder's sidebar group. */
export const GROUP_FILE = '_group.yml';

/** A page as the sidebar sees it. */
export interface SidebarPage {
  /** The page file, as shown in messages (relative to the working directory when inside it). */
  file: string;
  /** Slug: path under the pages folder without extension or trailing `/index`, e.g. `dns/records`. */
  slug: string;
  /** Folder of the file under the pages folder (`dns`), or `''` for a top-level page. */
  folder: string;
  /** Frontmatter `title`. */
  title?: string;
  /** Frontmatter `sidebar.order`: position among its siblings. */
  order?: number;
  /** Frontmatter `sidebar.label`: the link text, when not the title. */
  label?: string;
  /** Frontmatter `sidebar.hidden`: left out of the sidebar. */
  hidden: boolean;
  /** Frontmatter `sidebarGroup`: label of the one-page group a top-level page forms. */
  sidebarGroup?: string;
}

/** A folder's sidebar group, from its `_group.yml`. */
export interface SidebarFolder {
  /** The `_group.yml` file, as shown in messages. */
  file: string;
  /** Folder under the pages folder, e.g. `dns`. */
  folder: string;
  /** Group heading in the sidebar. */
  label: string;
  /** Position of the group among the top-level groups. */
  order: number;
}

/** Everything the sidebar is derived from, plus the problems found while reading it. */
export interface SidebarSources {
  pages: SidebarPage[];
  folders: SidebarFolder[];
  /** One line per problem, each starting with the file it is about. */
  problems: string[];
}

// The subset of Starlight's frontmatter (plus our `sidebarGroup`) that places a page; Starlight
// validates the whole page again when the content collection loads.
const pageFields = z.object({
  title: z.string().optional(),
  sidebar: z
    .object({
      order: z.number().optional(),
      label: z.string().optional(),
      hidden: z.boolean().optional(),
    })
    .optional(),
  sidebarGroup: z.string().trim().min(1, 'must not be empty').optional(),
});

const groupFields = z.strictObject({
  label: z.string().trim().min(1, 'must not be empty'),
  order: z.number(),
});

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : file;
}

function issuesOf(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
}

function parseYamlText(file: string, text: string, problems: string[]): unknown {
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    problems.push(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** A page file's slug: its path under `docsDir` without extension or trailing `/index`, e.g. `dns/records`. */
export function slugOfPageFile(docsDir: string, path: string): string {
  return relative(docsDir, path).split('\\').join('/').replace(/(\/index)?\.mdx?$/, '');
}

/** Reads one page's sidebar fields; pushes problems and returns what could be read. */
export function readSidebarPage(path: string, docsDir: string, problems: string[]): SidebarPage {
  const file = displayPath(path);
  const rel = relative(docsDir, path).split('\\').join('/');
  const slug = slugOfPageFile(docsDir, path);
  const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  const page: SidebarPage = { file, slug, folder, hidden: false };
  const raw = extractFrontmatter(readFileSync(path, 'utf8'));
  if (raw === undefined) {
    problems.push(`${file}: no frontmatter (a --- block with title, description and sidebar)`);
    return page;
  }
  const data = parseYamlText(file, raw, problems);
  if (data === undefined) return page;
  const parsed = pageFields.safeParse(data);
  if (!parsed.success) {
    problems.push(...issuesOf(file, parsed.error));
    return page;
  }
  const { title, sidebar = {}, sidebarGroup } = parsed.data;
  return {
    ...page,
    ...(title !== undefined ? { title } : {}),
    ...(sidebar.order !== undefined ? { order: sidebar.order } : {}),
    ...(sidebar.label !== undefined ? { label: sidebar.label } : {}),
    hidden: sidebar.hidden ?? false,
    ...(sidebarGroup !== undefined ? { sidebarGroup } : {}),
  };
}

/** Reads a folder's `_group.yml`; pushes problems and returns undefined when it is unusable. */
export function readSidebarFolder(path: string, folder: string, problems: string[]): SidebarFolder | undefined {
  const file = displayPath(path);
  const data = parseYamlText(file, readFileSync(path, 'utf8'), problems);
  if (data === undefined) return undefined;
  const parsed = groupFields.safeParse(data);
  if (!parsed.success) {
    problems.push(...issuesOf(file, parsed.error));
    return undefined;
  }
  return { file, folder, ...parsed.data };
}

/** Page files under `docsDir` (files starting with `_` are partials), sorted. */
export function pageFiles(docsDir: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return walk(path);
        return /\.mdx?$/.test(name) && !name.startsWith('_') ? [path] : [];
      });
  return walk(docsDir);
}

/** Every folder under `docsDir` (relative, `/`-separated), sorted. */
function folders(docsDir: string, dir = docsDir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (!statSync(path).isDirectory()) return [];
      return [relative(docsDir, path).split('\\').join('/'), ...folders(docsDir, path)];
    });
}

/** Reads every page's sidebar fields and every folder's `_group.yml` under `docsDir`. */
export function readSidebarSources(docsDir: string): SidebarSources {
  const problems: string[] = [];
  const pages = pageFiles(docsDir).map((path) => readSidebarPage(path, docsDir, problems));
  const groups = folders(docsDir).flatMap((folder) => {
    const path = join(docsDir, folder, GROUP_FILE);
    if (!existsSync(path)) return [];
    const group = readSidebarFolder(path, folder, problems);
    return group ? [group] : [];
  });
  return { pages, folders: groups, problems };
}
