/**
 * Diagrams in the built site: inline SVG rendered at build time, so no Mermaid JavaScript reaches
 * the browser, diagrams show with JavaScript off, both themes are styled and readable, and ids never
 * clash between two diagrams on one page. One SVG per figure follows the theme toggle (a second,
 * a cluster view's phone variant, is shown only in a narrow column), and pages do not shift while
 * they stream in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const DIST = 'dist';

/** Built pages with at least one diagram, most diagrams first. */
function diagramPages(): { path: string; figures: number }[] {
  const pages: { path: string; figures: number }[] = [];
  for (const file of readdirSync(DIST, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('index.html')) continue;
    const figures = (readFileSync(join(DIST, file), 'utf8').match(/<figure class="mmd-figure"/g) ?? []).length;
    if (figures > 0) pages.push({ path: relative('.', file).split(sep).slice(0, -1).map((p) => `${p}/`).join(''), figures });
  }
  return pages.sort((a, b) => b.figures - a.figures || a.path.localeCompare(b.path));
}

const pages = diagramPages();
/** Browser work per page is slow on a busy 2-core runner: heavy checks take a sample of pages. */
const SAMPLE = pages.slice(0, 4);
const SLOW = 300_000;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean; theme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1280, height: 900 } });
  if (options.theme) {
    // Starlight reads the stored choice before first paint.
    await context.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), options.theme);
  }
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  return page;
}

it('the site has pages with diagrams, one with at least two', () => {
  expect(pages.length).toBeGreaterThan(0);
  expect(pages[0]!.figures).toBeGreaterThanOrEqual(2);
});

describe('no Mermaid at runtime', () => {
  it('diagram pages load no Mermaid JavaScript', async () => {
    for (const { path } of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scriptUrls: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scriptUrls.push(request.url());
      });
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
      const inline = await page.$$eval('script:not([src])', (nodes) => nodes.map((n) => n.textContent ?? ''));
      const external = await Promise.all(scriptUrls.map(async (url) => `${url}\n${await (await fetch(url)).text()}`));
      for (const code of [...external, ...inline]) {
        expect(code, `${path} loads Mermaid`).not.toMatch(/mermaid\.(min\.)?js|mermaidAPI|securityLevel|flowchart-v2|sequenceDiagram/);
      }
      await context.close();
    }
  }, SLOW);
});

describe('with JavaScript disabled', () => {
  it('every diagram is a visible inline SVG with role="img", a title, a caption and its words', async () => {
    for (const { path, figures } of pages) {
      const page = await open(path, { javaScriptEnabled: false });
      const found = await page.$$eval('figure.mmd-figure', (nodes) =>
        nodes.map((figure) => {
          const svg = [...figure.querySelectorAll('svg[role="img"]')].find((s) => getComputedStyle(s.parentElement!).display !== 'none');
          const box = svg?.getBoundingClientRect();
          const titleId = svg?.getAttribute('aria-labelledby');
          return {
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            title: titleId ? (document.getElementById(titleId)?.textContent ?? '') : '',
            caption: figure.querySelector('figcaption')?.textContent?.trim() ?? '',
            words: figure.parentElement?.querySelector(':scope > details.mmd-words')?.textContent?.trim() ?? '',
            text: [...(svg?.querySelectorAll('text') ?? [])].map((t) => t.textContent).join(' ').trim(),
          };
        }),
      );
      expect(found, path).toHaveLength(figures);
      for (const figure of found) {
        expect(figure.width, `${path}: ${figure.caption}`).toBeGreaterThan(100);
        expect(figure.height, `${path}: ${figure.caption}`).toBeGreaterThan(30);
        expect(figure.title.length, path).toBeGreaterThan(0);
        expect(figure.caption.length, path).toBeGreaterThan(0);
        expect(figure.words.length, path).toBeGreaterThan(20);
        expect(figure.text.length, `${path}: SVG labels are text`).toBeGreaterThan(0);
      }
      await page.context().close();
    }
  }, SLOW);

  it('"View full size" opens the diagram at natural size without JavaScript', async () => {
    const page = await open(pages[0]!.path, { javaScriptEnabled: false });
    const link = page.locator('a.mmd-open:visible').first();
    if ((await link.count()) === 0) {
      await page.context().close();
      return; // no diagram on the site is wider than the column
    }
    const href = (await link.getAttribute('href'))!;
    const before = await page.locator(`${href} svg`).first().boundingBox();
    await link.click();
    const frame = page.locator('.mmd-frame:target');
    await expect.poll(() => frame.count()).toBe(1);
    expect(await frame.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    const svg = frame.locator('svg').first();
    const natural = Number(await svg.getAttribute('width'));
    expect((await svg.boundingBox())!.width).toBeCloseTo(natural, 0);
    expect(natural).toBeGreaterThanOrEqual(before!.width);
    await frame.locator('a.mmd-close').click();
    expect(await page.locator('.mmd-frame:target').count()).toBe(0);
    await page.context().close();
  });
});

describe('phone variants of cluster views', () => {
  it('a 390 px phone shows the phone variant of a view too wide for it, sized by its own dimensions; "View full size" shows the full view', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}network-plugins/`);
    const figure = page.locator('figure.mmd-figure:has(.mmd-phone)').first();
    expect(await figure.count()).toBe(1);
    const state = () =>
      figure.evaluate((f) => {
        const shown = (el: Element | null) => (el ? getComputedStyle(el).display !== 'none' : false);
        const main = f.querySelector('.mmd-main');
        const phone = f.querySelector('.mmd-phone');
        const block = f.closest('.mmd-block')!;
        const svg = (el: Element | null) => el?.querySelector('svg');
        return {
          main: shown(main),
          phone: shown(phone),
          phoneWidth: Math.round(svg(phone)!.getBoundingClientRect().width),
          phoneNatural: Number(svg(phone)!.getAttribute('width')),
          mainNatural: Number(svg(main)!.getAttribute('width')),
          mainShownWidth: Math.round(svg(main)!.getBoundingClientRect().width),
          frame: f.querySelector('.mmd-scroll.mmd-phone')!.scrollWidth <= f.querySelector('.mmd-scroll.mmd-phone')!.clientWidth + 1,
          reservedWidth: getComputedStyle(block).getPropertyValue('--mmd-shown-w').trim(),
          phoneWidthVar: getComputedStyle(block).getPropertyValue('--mmd-phone-w').trim(),
        };
      });
    const before = await state();
    expect(before).toMatchObject({ main: false, phone: true, frame: true });
    expect(before.phoneNatural).toBeLessThan(before.mainNatural);
    // At least 70% of natural size, so labels stay >= 11 px, without scrolling sideways.
    expect(before.phoneWidth).toBeGreaterThanOrEqual(before.phoneNatural * 0.7 - 1);
    expect(before.reservedWidth).toBe(before.phoneWidthVar);
    await figure.locator('a.mmd-open').click();
    await expect.poll(() => page.locator('.mmd-frame:target').count()).toBe(1);
    const full = await state();
    expect(full).toMatchObject({ main: true, phone: false });
    expect(full.mainShownWidth).toBeCloseTo(full.mainNatural, 0);
    await context.close();
  });
});

/** WCAG contrast ratio of two computed CSS colours (`rgb(...)`). */
function contrast(a: string, b: string): number {
  const luminance = (color: string): number => {
    const [r, g, bl] = color.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('themes', () => {
  it('diagrams follow the light and dark theme, with readable labels in both', async () => {
    const samples: Record<string, { page: string; text: string; shape: string }[]> = {};
    for (const theme of ['light', 'dark'] as const) {
      samples[theme] = [];
      for (const { path } of SAMPLE) {
        const page = await open(path, { theme });
        expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
        const colours = await page.$$eval('figure.mmd-figure svg[role="img"]', (svgs) =>
          svgs
            .filter((svg) => getComputedStyle(svg.parentElement!).display !== 'none')
            .map((svg) => {
              const body = getComputedStyle(document.body).backgroundColor;
              // A label inside a node or actor box, and that box's fill.
              const labelled = svg.querySelector('.node, g:has(> rect.actor)') ?? svg;
              const shape = labelled.querySelector('rect, polygon, path');
              // Glyphs are drawn by the innermost element: the tspan when there is one.
              const text = labelled.querySelector('tspan') ?? labelled.querySelector('text') ?? svg.querySelector('text');
              return { body, text: text ? getComputedStyle(text).fill : '', shape: shape ? getComputedStyle(shape).fill : body };
            }),
        );
        for (const c of colours) {
          expect(contrast(c.text, c.shape), `${theme} ${path}: label on its box`).toBeGreaterThanOrEqual(4.5);
          samples[theme]!.push({ page: path, text: c.text, shape: c.shape });
        }
        await page.context().close();
      }
    }
    expect(samples.light!.length).toBeGreaterThan(0);
    expect(samples.light!.map((s) => s.text)).not.toEqual(samples.dark!.map((s) => s.text));
  }, SLOW);

  it('one SVG shown per figure, recoloured in place by the theme toggle through --mmd-* properties', async () => {
    const page = await open(pages[0]!.path);
    // Not one SVG per theme. A cluster view too wide for a phone carries its phone variant too:
    // display: none here (at 1280 px), and left out of search.
    const perFigure = await page.$$eval('figure.mmd-figure', (figures) =>
      figures.map((f) => {
        const svgs = [...f.querySelectorAll('svg[role="img"]')];
        const phone = f.querySelector('.mmd-phone');
        return {
          shown: svgs.filter((s) => getComputedStyle(s.parentElement!).display !== 'none').length,
          hidden: svgs.filter((s) => getComputedStyle(s.parentElement!).display === 'none').map((s) => phone !== null && s.parentElement === phone && phone.hasAttribute('data-pagefind-ignore')),
        };
      }),
    );
    expect(perFigure.map((f) => f.shown)).not.toContain(0);
    expect(perFigure.map((f) => f.shown)).not.toContain(2);
    expect(perFigure.flatMap((f) => f.hidden)).not.toContain(false);
    const paint = () =>
      page.$eval('figure.mmd-figure svg[role="img"]', (svg) => {
        const shape = svg.querySelector('.node rect, .node path, rect.actor')!;
        return { fill: getComputedStyle(shape).fill, text: getComputedStyle(svg.querySelector('text')!).fill, inline: shape.outerHTML.includes('var(--mmd-') || (svg.querySelector('style')?.textContent ?? '').includes('var(--mmd-') };
      });
    const select = page.locator('starlight-theme-select select').first();
    await select.selectOption('dark');
    const dark = await paint();
    await select.selectOption('light');
    const light = await paint();
    expect(dark.inline).toBe(true);
    expect(light.fill).not.toBe(dark.fill);
    expect(light.text).not.toBe(dark.text);
    await page.context().close();
  });
});

describe('layout stability', () => {
  /**
   * A long page reaches the browser in pieces and is painted as it arrives. This serves each page
   * in two parts (everything before Starlight's main pane, then the rest 600 ms later), the way a
   * slow link does, and sums the layout shifts (CLS) at desktop and phone widths.
   */
  it('no layout shift while a diagram page streams in, at any width', async () => {
    const { createServer } = await import('node:http');
    const server = createServer(async (req, res) => {
      const upstream = await fetch(new URL(req.url!.slice(1), baseUrl));
      const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
      res.writeHead(upstream.status, { 'content-type': type });
      const body = Buffer.from(await upstream.arrayBuffer());
      const cut = type.startsWith('text/html') ? body.indexOf('class="main-pane') : -1;
      if (cut < 0) return void res.end(body);
      res.write(body.subarray(0, cut - 5));
      await new Promise((resolve) => setTimeout(resolve, 600));
      res.end(body.subarray(cut - 5));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const basePath = new URL(baseUrl).pathname;
    try {
      // The page with most diagrams, and a diagram gallery cluster page (generated outside docs/,
      // laid out without a table of contents).
      const gallery = pages.find((p) => p.path.includes('diagram-gallery/')) ?? pages[0]!;
      for (const { path } of [pages[0]!, gallery]) {
        for (const [width, height] of [[1280, 800], [1600, 900], [1024, 768], [390, 844]] as const) {
          const context = await browser.newContext({ viewport: { width, height } });
          await context.addInitScript({
            content: `window.__cls = 0; new PerformanceObserver(function (list) { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });`,
          });
          const page = await context.newPage();
          await page.goto(`${origin}${basePath.slice(1)}${path}`, { waitUntil: 'load' });
          await page.waitForTimeout(800);
          const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
          // Tiny shifts from Starlight's header scripts (< 0.005) are not what this guards.
          expect(cls, `${path} at ${width}x${height}`).toBeLessThan(0.01);
          await context.close();
        }
      }
    } finally {
      server.close();
    }
  }, SLOW);
});

describe('ids', () => {
  it('two diagrams on one page share no id, marker or style, and every reference resolves inside its own SVG', async () => {
    const { path } = pages[0]!;
    const page = await open(path);
    const report = await page.evaluate(() => {
      const all = [...document.querySelectorAll('[id]')].map((el) => el.id);
      const svgs = [...document.querySelectorAll('figure.mmd-figure svg[role="img"]')];
      const perSvg = svgs.map((svg) => {
        const own = new Set([svg.id, ...[...svg.querySelectorAll('[id]')].map((el) => el.id)]);
        const html = svg.outerHTML;
        const refs = [...html.matchAll(/url\(#([^)"'&]+)\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
        const selectors = [...(svg.querySelector('style')?.textContent ?? '').matchAll(/#([A-Za-z][\w-]*)[ .{:[]/g)].map((m) => m[1]!);
        return {
          id: svg.id,
          markers: svg.querySelectorAll('marker').length,
          unresolved: refs.filter((ref) => !own.has(ref) && !ref.includes('-x-')),
          foreignSelectors: [...new Set(selectors)].filter((s) => !s.startsWith(svg.id)),
        };
      });
      return { all, perSvg };
    });
    expect(report.perSvg.length).toBeGreaterThanOrEqual(2);
    const duplicates = report.all.filter((id, i) => report.all.indexOf(id) !== i);
    expect(duplicates, `${path}: duplicate ids`).toEqual([]);
    // Arrowheads are per-diagram markers, the likeliest ids to clash; a diagram drawn with plain
    // lines has none (unused markers are pruned), but the page as a whole must have some to check.
    expect(report.perSvg.filter((svg) => svg.markers > 0).length, `${path}: no diagram with markers`).toBeGreaterThanOrEqual(2);
    for (const svg of report.perSvg) {
      expect(svg.unresolved, `${svg.id}: references to other diagrams' ids`).toEqual([]);
      expect(svg.foreignSelectors, `${svg.id}: CSS reaching outside its diagram`).toEqual([]);
    }
    await page.context().close();
  });
});
