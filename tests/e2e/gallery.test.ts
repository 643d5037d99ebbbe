/**
 * The built diagram gallery shows every cluster definition x every view, titled from the cluster
 * itself, checked against the definitions loaded and validated in Node (the registry that
 * `npm run diagrams -- --check` uses).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { VIEW_NAMES } from '../../src/mermaid/views.ts';
import { loadClusterRegistry } from '../../src/model/load.ts';
import type { ClusterRegistry } from '../../src/model/registry.ts';
import { launchBrowser } from './support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let registry: ClusterRegistry;

interface GalleryContent {
  sections: Array<{ id: string; title: string; file: string; figures: Array<{ id: string; caption: string }> }>;
  summary: string;
}

let gallery: GalleryContent;

beforeAll(async () => {
  registry = await loadClusterRegistry(process.cwd());
  browser = await launchBrowser();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}reference/diagram-gallery/`);
  gallery = await page.evaluate(() => ({
    sections: [...document.querySelectorAll('section.gallery-cluster')].map((section) => ({
      id: section.querySelector('h2')?.id ?? '',
      title: section.querySelector('h2')?.textContent?.trim() ?? '',
      file: section.querySelector('.gallery-source code')?.textContent ?? '',
      figures: [...section.querySelectorAll('figure.mmd-figure')].map((figure) => ({
        id: figure.id,
        caption: figure.querySelector('figcaption span')?.textContent ?? '',
      })),
    })),
    summary:
      [...document.querySelectorAll('main p')].map((p) => p.textContent?.replace(/\s+/g, ' ') ?? '').find((text) => / diagrams from \d+ cluster definitions/.test(text)) ?? '',
  }));
  await context.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('diagram gallery', () => {
  it('has one section per cluster definition, titled with the cluster title and naming its file', () => {
    expect(gallery.sections.map((s) => s.id)).toEqual(registry.ids().map((id) => `definition-${id}`));
    for (const [index, { file, cluster }] of registry.entries().entries()) {
      expect(gallery.sections[index]).toMatchObject({ title: cluster.title, file });
    }
  });

  it('shows every view of every cluster, captioned with the view title', () => {
    for (const [index, { id, cluster }] of registry.entries().entries()) {
      const figures = gallery.sections[index]!.figures;
      expect(figures.map((f) => f.id).sort()).toEqual(VIEW_NAMES.map((view) => `cd-${id}-${view}-figure`).sort());
      expect(figures.find((f) => f.id === `cd-${id}-topology-figure`)?.caption).toBe(`${cluster.title}: topology`);
    }
    const total = registry.ids().length * VIEW_NAMES.length;
    expect(gallery.summary).toContain(`${total} diagrams from ${registry.ids().length} cluster definitions`);
  });
});
