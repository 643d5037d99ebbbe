import { expect, it } from 'vitest';
import { countDiagrams, lighthouseTargets, readLighthouseResult, type PageDiagrams } from '../../../bench/lighthouse.ts';
import { lighthouseTable } from '../../../bench/report.ts';

const figure = (svgs: number) => `<figure>${'<svg><rect/></svg>'.repeat(svgs)}</figure>`;

it('counts diagrams as figures holding an inline SVG, not icons; bytes are the diagram SVG markup', () => {
  // A figure with two SVGs (one per colour theme) is one diagram; an icon outside a figure is none.
  const html = `<button><svg></svg></button>${figure(2)}<p>x</p>${figure(1)}<figure><pre>code</pre></figure>`;
  expect(countDiagrams(html)).toEqual({ diagrams: 2, diagramBytes: 3 * '<svg><rect/></svg>'.length });
  // An "<svg" in a script string is not a diagram.
  expect(countDiagrams('<script>const s = "<figure><svg></svg></figure>";</script>')).toEqual({ diagrams: 0, diagramBytes: 0 });
});

it('audits home, the three pages with most diagrams, the gallery index and its heaviest cluster page, computed', () => {
  const page = (pathname: string, diagrams: number, diagramBytes = diagrams * 1000, htmlBytes = 50_000 + diagramBytes): PageDiagrams => ({
    pathname,
    diagrams,
    diagramBytes,
    htmlBytes,
  });
  const pages: PageDiagrams[] = [
    page('/', 9),
    page('/reference/diagram-gallery/', 0),
    // Cluster pages: more diagrams than any guide page would be, yet audited in their own row only;
    // the heaviest by HTML size, not by diagram count.
    page('/reference/diagram-gallery/big/', 20, 20_000, 90_000),
    page('/reference/diagram-gallery/heavy/', 2, 60_000, 140_000),
    page('/reference/diagram-gallery/small/', 2, 1000, 60_000),
    page('/404.html', 12),
    page('/a/', 3),
    page('/b/', 7),
    page('/c/', 5, 4000),
    page('/d/', 5, 4000),
    page('/e/', 5, 9000),
    page('/f/', 0),
  ];
  expect(lighthouseTargets(pages, '/')).toEqual([
    { label: 'home', pathname: '/' },
    { label: '7 diagrams', pathname: '/b/' },
    { label: '5 diagrams', pathname: '/e/' }, // as many diagrams as /c/ and /d/, more SVG bytes
    { label: '5 diagrams', pathname: '/c/' }, // same bytes as /d/: path decides
    { label: 'gallery index', pathname: '/reference/diagram-gallery/' },
    { label: 'gallery cluster page, 2 diagrams, 137 kB HTML', pathname: '/reference/diagram-gallery/heavy/' },
  ]);
});

it('keeps the base path and copes with a site without gallery or few diagram pages', () => {
  const pages: PageDiagrams[] = [
    { pathname: '/k8s/', diagrams: 0, diagramBytes: 0, htmlBytes: 10 },
    { pathname: '/k8s/x/', diagrams: 2, diagramBytes: 50, htmlBytes: 100 },
    { pathname: '/k8s/y/', diagrams: 0, diagramBytes: 0, htmlBytes: 10 },
  ];
  expect(lighthouseTargets(pages, 'k8s').map((t) => t.pathname)).toEqual(['/k8s/', '/k8s/x/']);
  const withGallery: PageDiagrams[] = [
    ...pages,
    { pathname: '/k8s/reference/diagram-gallery/', diagrams: 0, diagramBytes: 0, htmlBytes: 30 },
    { pathname: '/k8s/reference/diagram-gallery/a/', diagrams: 2, diagramBytes: 40, htmlBytes: 300 },
    { pathname: '/k8s/reference/diagram-gallery/b/', diagrams: 2, diagramBytes: 40, htmlBytes: 300 },
  ];
  // Equal sizes: the path decides.
  expect(lighthouseTargets(withGallery, 'k8s').map((t) => t.pathname)).toEqual([
    '/k8s/',
    '/k8s/x/',
    '/k8s/reference/diagram-gallery/',
    '/k8s/reference/diagram-gallery/a/',
  ]);
});

it('reads score, TBT, CLS and LCP from a Lighthouse result and rejects a failed run', () => {
  const lhr = {
    categories: { performance: { score: 0.874 } },
    audits: {
      'total-blocking-time': { numericValue: 412.5 },
      'cumulative-layout-shift': { numericValue: 0.0123 },
      'largest-contentful-paint': { numericValue: 2950.2 },
    },
  };
  expect(readLighthouseResult(lhr)).toEqual({ score: 87, tbtMs: 412.5, cls: 0.0123, lcpMs: 2950.2 });
  expect(() => readLighthouseResult({ ...lhr, runtimeError: { code: 'NO_FCP', message: 'no paint' } })).toThrow(/NO_FCP no paint/);
  expect(() => readLighthouseResult({ ...lhr, categories: { performance: { score: null } } })).toThrow(/no performance score/);
  expect(() => readLighthouseResult({ ...lhr, audits: {} })).toThrow(/total-blocking-time/);
});

it('prints the table with the load average and failures', () => {
  const text = lighthouseTable({
    rows: [
      { label: 'home', pathname: '/', metrics: { score: 91, tbtMs: 120.4, cls: 0, lcpMs: 2100 } },
      { label: 'gallery index', pathname: '/g/', error: 'timed out' },
    ],
    loadAtStart: [3.14, 2, 1.5],
    cpus: 2,
    chromePath: '/usr/bin/chromium',
  });
  expect(text).toMatch(/\| \/ +\| home +\|/);
  expect(text).toMatch(/\| +91 \| +120 ms \| 0\.000 \| 2\.1 s \|/);
  expect(text).toMatch(/\| \/g\/ +\| gallery index +\| +FAILED \|/);
  expect(text).toContain('Load average at start 3.1 / 2.0 / 1.5 on 2 CPU(s)');
  expect(text).toMatch(/loaded machine inflates it/);
  expect(text).toContain('note: /g/: timed out');
});
