import { expect, it } from 'vitest';
import { compareReadable } from '../../../bench/page-load.ts';
import { buildTable, diagramRenderLine, pageWeightTable, scaleTable, searchTable } from '../../../bench/report.ts';
import { pagefindKind } from '../../../bench/search.ts';
import { pageWeight } from '../../../bench/weight.ts';

it('prints one page-weight row per page type, with 0 B of JS needed to read when readable', () => {
  const weight = pageWeight([{ url: 'http://h/', contentType: 'text/html', body: Buffer.from('<figure><svg></svg></figure>') }]);
  const table = pageWeightTable(
    [
      { type: 'home', label: 'home', pathname: '/', weight, requests: 5, failedRequests: 0, jsNeededToRead: 0, noJsProblems: [] },
      { type: 'diagrams', label: 'content + diagrams', pathname: '/x/', weight, requests: 9, failedRequests: 1, jsNeededToRead: 2000, noJsProblems: ['no <h1>'] },
    ],
    '2 pages',
  );
  const lines = table.split('\n');
  expect(lines[0]).toBe('1. Page weight by page type (2 pages)');
  expect(lines[2]).toMatch(/^\| page type +\| page \(heaviest of type\) +\| +HTML raw \/ gz \|/);
  expect(lines[4]).toMatch(/^\| home .*\| +5 \| +0 B \|$/);
  expect(lines[5]).toMatch(/\| +1 · 11 B \/ \d+ B \|/);
  expect(lines[5]).toMatch(/\| 9 \(1 failed\) \| +2\.0 kB \(!\) \|$/);
});

it('prints search costs, first and later, with the largest parts', () => {
  const table = searchTable([
    { query: 'ndots', bytes: 161_000, requests: 8, results: 2, byKind: { js: 90_200, wasm: 59_800, pf_index: 6_500, pf_meta: 300 } },
    { query: 'kube-proxy', bytes: 4_600, requests: 2, results: 5, byKind: { pf_fragment: 4_600 } },
  ]);
  expect(table).toContain('| first (loads Pagefind) | ndots      |        161 kB |        8 |       2 | js 90.2 kB, wasm 59.8 kB, pf_index 6.5 kB |');
  expect(table).toContain('| later                  | kube-proxy |        4.6 kB |');
  expect(pagefindKind('http://h/pagefind/wasm.en.pagefind')).toBe('wasm');
  expect(pagefindKind('http://h/pagefind/fragment/en_a1.pf_fragment')).toBe('pf_fragment');
});

it('prints builds with ratios to the cold build, and the reproducibility verdict', () => {
  const table = buildTable(
    [
      { label: 'cold (clean)', ok: true, ms: 60_000, distFiles: 120, distBytes: 2_500_000, treeHash: 'a'.repeat(64) },
      { label: 'warm (caches kept)', ok: true, ms: 30_000 },
      { label: 'second clean build', ok: false, ms: 5_000 },
    ],
    ['Reproducible: yes'],
  );
  expect(table).toMatch(/\| cold \(clean\) +\| +60\.0 s \| +1\.00x \| +120 \| +2\.5 MB \| a{16} +\|/);
  expect(table).toMatch(/\| warm \(caches kept\) +\| +30\.0 s \| +0\.50x \|/);
  expect(table).toMatch(/\| second clean build +\| FAILED after 5\.0 s \| +- \|/);
  expect(table.endsWith('\n\nReproducible: yes')).toBe(true);
});

it('prints the scale run with growth relative to the smallest size', () => {
  const table = scaleTable([
    { size: { pages: 100, diagrams: 30 }, cold: { ok: true, ms: 40_000 }, warm: { ok: true, ms: 20_000 }, htmlPages: 101, distBytes: 5e6, diagramLog: '48 diagrams: 48 rendered, 0 from cache' },
    { size: { pages: 300, diagrams: 90 }, cold: { ok: true, ms: 100_000 }, warm: { ok: false, ms: 1_000 } },
    { size: { pages: 1000, diagrams: 300 } },
  ]);
  expect(table).toMatch(/\| 100 +\| +30 \| +40\.0 s \| +20\.0 s \| +0\.50x \| +- \| +1\.00x \| +101 \| +5\.0 MB \| 48 diagrams/);
  expect(table).toMatch(/\| 300 +\| +90 \| +100\.0 s \| FAILED \(1\.0 s\) \| +- \| +300 ms \| +2\.50x \|/);
  expect(table).toMatch(/\| 1000 +\| +300 \| +- \| +- \|/);
});

it('finds the diagram render summary in a build log', () => {
  expect(diagramRenderLine(['12:00 [vite] x', '12:01 [k8s:mermaid] 22 diagrams: 21 rendered, 1 from cache (77932 ms)'])).toBe('22 diagrams: 21 rendered, 1 from cache');
  expect(diagramRenderLine(['nothing'])).toBeUndefined();
});

it('calls a page readable without JavaScript only when text, title and diagrams are all there', () => {
  const full = { textLength: 1000, h1: 'Pod networking', diagramSvgs: 4, drawnDiagrams: 4 };
  expect(compareReadable(full, full)).toEqual([]);
  expect(compareReadable(full, { ...full, textLength: 950 })).toEqual([]);
  expect(compareReadable(full, { ...full, textLength: 500 })).toEqual(['main text 500 chars without JavaScript vs 1000 with it']);
  expect(compareReadable(full, { ...full, h1: '' })).toEqual(['no <h1> without JavaScript']);
  expect(compareReadable(full, { ...full, diagramSvgs: 2, drawnDiagrams: 2 })).toEqual(['2 of 4 diagram SVGs without JavaScript']);
  expect(compareReadable(full, { ...full, drawnDiagrams: 3 })).toEqual(['1 diagram SVG(s) empty without JavaScript']);
});
