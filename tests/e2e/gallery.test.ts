/**
 * The built diagram gallery: an index listing every cluster definition with every view (no
 * diagrams of its own), and one page per cluster showing all its views, titled from the cluster
 * itself. Checked against the definitions loaded and validated in Node (the registry that
 * `npm run diagrams -- --check` uses) and the pages that show each view.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { renderView, VIEW_LABELS, VIEW_NAMES } from '../../src/mermaid/views.ts';
import { loadClusterRegistry } from '../../src/model/load.ts';
import type { ClusterRegistry } from '../../src/model/registry.ts';
import { diagramUsageInDocs, viewKey } from '../../src/site/diagram-usage.ts';
import { clusterPageHref, GALLERY_HREF, GALLERY_SLUG, viewFigureId } from '../../src/site/gallery-paths.ts';
import { launchBrowser } from './support/browser.ts';
import { siteSearch } from './support/pagefind.ts';

const baseUrl = inject('baseUrl');
const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
let browser: Browser;
let context: BrowserContext;
let registry: ClusterRegistry;

interface IndexContent {
  sections: Array<{
    id: string;
    title: string;
    href: string;
    file: string;
    views: Array<{ label: string; href: string; used: string }>;
  }>;
  summary: string;
  figures: number;
}

interface ClusterPageContent {
  status: number;
  h1: string;
  file: string;
  galleryLinks: number;
  figures: Array<{ id: string; caption: string; used: string }>;
}

let index: IndexContent;
const clusterPages = new Map<string, ClusterPageContent>();
const usage = diagramUsageInDocs('docs', [GALLERY_SLUG]);

beforeAll(async () => {
  registry = await loadClusterRegistry(process.cwd());
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${GALLERY_HREF.slice(1)}`);
  index = await page.evaluate(() => ({
    sections: [...document.querySelectorAll('section.gallery-cluster')].map((section) => ({
      id: section.querySelector('h2')?.id ?? '',
      title: section.querySelector('h2')?.textContent?.trim() ?? '',
      href: section.querySelector('h2 a')?.getAttribute('href') ?? '',
      file: section.querySelector('.gallery-source code')?.textContent ?? '',
      views: [...section.querySelectorAll('.gallery-views li')].map((li) => ({
        label: li.querySelector('a')?.textContent?.trim() ?? '',
        href: li.querySelector('a')?.getAttribute('href') ?? '',
        used: li.querySelector('.gallery-used')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      })),
    })),
    summary:
      [...document.querySelectorAll('main p')].map((p) => p.textContent?.replace(/\s+/g, ' ') ?? '').find((text) => / diagrams from \d+ cluster definitions/.test(text)) ?? '',
    // Figures, and SVGs that are not a link's or a button's icon.
    figures: document.querySelectorAll('main figure').length + [...document.querySelectorAll('main svg')].filter((svg) => !svg.closest('a, button')).length,
  }));
  for (const { href } of index.sections) {
    const response = await page.goto(new URL(href, baseUrl).href);
    const content = await page.evaluate((galleryHref) => ({
      h1: document.querySelector('h1')?.textContent?.trim() ?? '',
      file: document.querySelector('main .gallery-source code')?.textContent ?? '',
      galleryLinks: [...document.querySelectorAll('main a')].filter((a) => a.getAttribute('href') === galleryHref).length,
      figures: [...document.querySelectorAll('figure.mmd-figure')].map((figure) => ({
        id: figure.id,
        caption: figure.querySelector('figcaption span')?.textContent ?? '',
        used: figure.closest('.gallery-item')?.querySelector('.gallery-used')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      })),
    }), `${basePath}${GALLERY_HREF}`);
    clusterPages.set(href, { status: response?.status() ?? 0, ...content });
  }
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('diagram gallery index', () => {
  it('has one section per cluster definition, titled with the cluster title, linking its page and naming its file', () => {
    expect(index.sections.map((s) => s.id)).toEqual(registry.ids().map((id) => `definition-${id}`));
    for (const [i, { id, file, cluster }] of registry.entries().entries()) {
      expect(index.sections[i]).toMatchObject({ title: cluster.title, file, href: `${basePath}${clusterPageHref(id)}` });
    }
  });

  it('lists every view of every cluster, linked to its figure, with the pages that explain it', () => {
    for (const [i, { id }] of registry.entries().entries()) {
      const views = index.sections[i]!.views;
      expect(views.map((v) => v.label).sort()).toEqual(VIEW_NAMES.map((view) => VIEW_LABELS[view]).sort());
      for (const view of VIEW_NAMES) {
        const listed = views.find((v) => v.label === VIEW_LABELS[view])!;
        expect(listed.href).toBe(`${basePath}${clusterPageHref(id)}#${viewFigureId(id, view)}`);
        const pages = usage.get(viewKey(id, view)) ?? [];
        if (pages.length === 0) expect(listed.used).toBe('Not shown on any page yet.');
        else for (const page of pages) expect(listed.used).toContain(page.title);
      }
    }
  });

  it('counts the diagrams and shows none itself', () => {
    const total = registry.ids().length * VIEW_NAMES.length;
    expect(index.summary).toContain(`${total} diagrams from ${registry.ids().length} cluster definitions`);
    expect(index.figures).toBe(0);
  });
});

describe('diagram gallery cluster pages', () => {
  it('every index link opens a page titled with the cluster, naming its file and linking back', () => {
    expect(clusterPages.size).toBe(registry.ids().length);
    for (const { id, file, cluster } of registry.entries()) {
      const page = clusterPages.get(`${basePath}${clusterPageHref(id)}`);
      expect(page, id).toMatchObject({ status: 200, h1: cluster.title, file });
      expect(page!.galleryLinks, `${id}: link back to the index`).toBeGreaterThan(0);
    }
  });

  it('shows every view, captioned with the view title, with the figure ids the index links to', () => {
    for (const [i, { id, cluster }] of registry.entries().entries()) {
      const page = clusterPages.get(`${basePath}${clusterPageHref(id)}`)!;
      expect(page.figures.map((f) => f.id).sort()).toEqual(VIEW_NAMES.map((view) => viewFigureId(id, view)).sort());
      for (const view of VIEW_NAMES) {
        const figure = page.figures.find((f) => f.id === viewFigureId(id, view))!;
        expect(figure.caption).toBe(renderView(cluster, view).title);
        // The index and the page agree on who explains the view.
        expect(figure.used).toBe(index.sections[i]!.views.find((v) => v.label === VIEW_LABELS[view])!.used);
      }
    }
  });
});

describe('diagram gallery in search', () => {
  it("finds each cluster page by a pod address its diagrams show, with the site's search", async () => {
    const searchContext = await browser.newContext();
    const page = await searchContext.newPage();
    await page.goto(baseUrl);
    const missing: string[] = [];
    for (const { id, cluster } of registry.entries()) {
      // An address the diagrams (and their "Diagram in words") show: the last pod's.
      const ip = cluster.nodes.flatMap((node) => node.pods.map((p) => p.ip)).at(-1);
      if (!ip) continue;
      const { top } = await siteSearch(page, baseUrl, ip, 500);
      if (!top.includes(`${basePath}${clusterPageHref(id)}`)) missing.push(`${id} (searched "${ip}")`);
    }
    await searchContext.close();
    expect(missing).toEqual([]);
  }, 120_000);
});
