/**
 * Every diagram on every page (the gallery's pages aside: they show full-size views on purpose) must
 * read in the content column without zooming, measured the way a reader meets it:
 * - the smallest label shown is at least 12 CSS px at a 1280 px wide viewport and 11 px at 390 px
 *   (a label's size = its computed font-size x the SVG's scale, i.e. rendered width / viewBox width;
 *   SVG <text> and the HTML inside <foreignObject> labels both count);
 * - at 1280 px no diagram scrolls sideways inside the column (at 390 px a figure may, but its
 *   labels must still be legible).
 * The summary per width (diagrams, how many under the limit, median smallest label, how many
 * scroll) is printed, so a change can be compared before and after.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { sitemapPaths } from './support/site-pages.ts';

const baseUrl = inject('baseUrl');
/** The gallery's index and its per-cluster pages. */
const GALLERY = /\/reference\/diagram-gallery\/([^/]+\/)?$/;

/** Viewport widths and the smallest label size each must show (CSS px). */
const WIDTHS = [
  { width: 1280, minLabel: 12, mayScroll: false },
  { width: 390, minLabel: 11, mayScroll: true },
] as const;

/** What one figure measures in the browser. */
interface FigureMeasure {
  figure: string;
  caption: string;
  /** Smallest rendered label (CSS px); Infinity when the figure shows no text. */
  smallest: number;
  /** The label that is smallest, for the failure message. */
  smallestText: string;
  /** Some box between the figure and its SVG scrolls sideways, or the SVG overflows the figure. */
  scrolls: boolean;
  /** Rendered SVG width and its natural (viewBox) width, px. */
  shownWidth: number;
  naturalWidth: number;
}

// Sent as source text: Vitest rewrites helpers in test code that the page would not know.
const MEASURE_FIGURES = `() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const ownText = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
  return [...document.querySelectorAll('figure.mmd-figure')].map((figure) => {
    const svgs = [...figure.querySelectorAll('svg')].filter((svg) => !svg.parentElement.closest('svg') && visible(svg));
    let smallest = Infinity;
    let smallestText = '';
    let scrolls = false;
    let shownWidth = 0;
    let naturalWidth = 0;
    for (const svg of svgs) {
      const rect = svg.getBoundingClientRect();
      const viewBox = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg.viewBox.baseVal.width : rect.width;
      const scale = rect.width / viewBox;
      shownWidth = Math.max(shownWidth, rect.width);
      naturalWidth = Math.max(naturalWidth, viewBox);
      const labels = [
        ...svg.querySelectorAll('text, tspan'),
        ...[...svg.querySelectorAll('foreignObject *')],
      ].filter((el) => ownText(el) !== '' && visible(el));
      for (const el of labels) {
        const size = parseFloat(getComputedStyle(el).fontSize) * scale;
        if (size < smallest) {
          smallest = size;
          smallestText = ownText(el).slice(0, 40);
        }
      }
      // Any box from the SVG up to the figure that scrolls sideways, or an SVG wider than the figure.
      for (let box = svg.parentElement; box && box !== figure.parentElement; box = box.parentElement) {
        const overflow = getComputedStyle(box).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && box.scrollWidth > box.clientWidth + 1) scrolls = true;
      }
      if (rect.right > figure.getBoundingClientRect().right + 1) scrolls = true;
    }
    return {
      figure: figure.id,
      caption: (figure.querySelector('figcaption span') || figure.querySelector('figcaption') || {}).textContent || '',
      smallest,
      smallestText,
      scrolls,
      shownWidth: Math.round(shownWidth),
      naturalWidth: Math.round(naturalWidth),
    };
  });
}`;

let browser: Browser;
const pages = sitemapPaths().filter((path) => !GALLERY.test(path));

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

it('finds the pages, the gallery left out', () => {
  expect(pages.length).toBeGreaterThan(5);
  expect(pages.some((p) => p.includes('/reference/diagram-gallery/'))).toBe(false);
  expect(GALLERY.test('/reference/diagram-gallery/flannel-vxlan/')).toBe(true);
  expect(GALLERY.test('/reference/glossary/')).toBe(false);
});

describe.each(WIDTHS)('at $width px wide', ({ width, minLabel, mayScroll }) => {
  it(`every diagram shows labels of at least ${minLabel} px${mayScroll ? '' : ' and none scrolls sideways'}`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const measured: Array<FigureMeasure & { path: string }> = [];
    for (const path of pages) {
      await page.goto(`${baseUrl}${path.replace(/^\//, '')}`, { waitUntil: 'load' });
      const figures = (await page.evaluate(`(${MEASURE_FIGURES})()`)) as FigureMeasure[];
      measured.push(...figures.map((f) => ({ ...f, path })));
    }
    await context.close();

    const tooSmall = measured.filter((m) => m.smallest < minLabel);
    const scrolling = measured.filter((m) => m.scrolls);
    const finite = measured.map((m) => m.smallest).filter(Number.isFinite);
    console.log(
      `legibility at ${width} px: ${measured.length} diagrams on ${new Set(measured.map((m) => m.path)).size} pages; ` +
        `${tooSmall.length} with a label under ${minLabel} px (median smallest label ${median(finite).toFixed(1)} px, ` +
        `min ${Math.min(...finite).toFixed(1)} px); ${scrolling.length} scroll sideways`,
    );
    // Allowed at this width, but worth seeing: which figures a reader has to scroll.
    if (mayScroll) for (const m of scrolling) console.log(`  scrolls at ${width} px: ${m.path} ${m.figure} (SVG ${m.naturalWidth} px shown at ${m.shownWidth} px)`);
    const failures = [
      ...tooSmall.map((m) => `${m.path} ${m.figure} "${m.caption}": smallest label ${m.smallest.toFixed(1)} px ("${m.smallestText}"), SVG ${m.naturalWidth} px shown at ${m.shownWidth} px`),
      ...(mayScroll ? [] : scrolling.map((m) => `${m.path} ${m.figure} "${m.caption}": scrolls sideways (SVG ${m.naturalWidth} px shown at ${m.shownWidth} px)`)),
    ];
    expect(measured.length, 'no diagrams found on the pages').toBeGreaterThan(10);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);
});
