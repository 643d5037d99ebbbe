/** Renders real diagrams in headless Chromium (needs /usr/bin/chromium or CHROMIUM_PATH). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagramRenderer, MermaidSyntaxError, placeDiagram, type RenderedDiagram } from '../../../src/render/index.ts';
import { collectIds } from '../../../src/render/svg-ids.ts';
import { PALETTE } from '../../../src/render/config.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'diagram-render-'));
const flowchart = 'flowchart LR\n  accTitle: Pod to pod\n  accDescr: web-1 sends to web-2 through cni0.\n  a["web-1 #40;10.244.1.2#41;"] --> b(["cni0"]) --> c["web-2"]\n';
const sequence = 'sequenceDiagram\n  participant P as Pod\n  participant D as CoreDNS\n  P->>D: A? web\n  D--xP: lost\n';

let renderer: DiagramRenderer;
let flow: RenderedDiagram;
let seq: RenderedDiagram;

beforeAll(async () => {
  renderer = new DiagramRenderer({ cacheDir });
  const result = await renderer.renderAll([{ source: flowchart }, { source: sequence }, { source: flowchart }]);
  expect(result).toEqual({ rendered: 2, cached: 0 });
  flow = await renderer.render({ source: flowchart });
  seq = await renderer.render({ source: sequence });
}, 120_000);

afterAll(async () => {
  await renderer?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('DiagramRenderer', () => {
  it('renders one SVG for both themes, coloured by --mmd-* properties, with what Mermaid parsed', () => {
    expect(flow).toMatchObject({ diagramType: 'flowchart-v2', accTitle: 'Pod to pod', accDescr: 'web-1 sends to web-2 through cni0.' });
    for (const svg of [flow.svg, seq.svg]) {
      expect(svg).toContain('var(--mmd-text)');
      expect(svg).toContain('var(--mmd-node)');
      // No sentinel survives, in any notation.
      for (const { sentinel } of PALETTE) expect(svg.toLowerCase()).not.toContain(sentinel);
      expect(svg).not.toMatch(/rgba?\(\s*1,\s*2,/);
      expect(svg).not.toContain('data-theme');
    }
    expect(flow.width).toBeGreaterThan(100);
  });

  it('drops stylesheet rules that match nothing in the drawing', () => {
    const css = flow.svg.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    // Mermaid's flowchart sheet styles gantt/sequence/er classes too; none of those are drawn here.
    expect(css).not.toMatch(/\.actor\b|\.cluster-label|\.label-container text|\.labelBkg/);
    expect(css).toContain('.node rect');
  });

  it('draws labels as SVG text (no foreignObject HTML) with entity codes decoded', () => {
    const svg = flow.svg;
    expect(svg).not.toContain('<foreignObject');
    const text = svg.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('web-1 (10.244.1.2)');
  });

  it('gives two sequence diagrams on one page disjoint ids, markers included', () => {
    const a = placeDiagram(seq, { idPrefix: 'one', title: 'First' });
    const b = placeDiagram(seq, { idPrefix: 'two', title: 'Second' });
    const idsA = collectIds(a);
    const idsB = collectIds(b);
    expect(idsA.some((id) => id.endsWith('-arrowhead'))).toBe(true);
    expect(idsA.every((id) => id.startsWith('one'))).toBe(true);
    expect(idsB.every((id) => id.startsWith('two'))).toBe(true);
    expect(new Set([...idsA, ...idsB]).size).toBe(idsA.length + idsB.length);
    for (const [, ref] of b.matchAll(/url\(#([^)]+)\)/g)) expect(ref!.startsWith('two')).toBe(true);
    expect(b).not.toContain('mmdroot');
    expect(b).toContain('role="img" aria-labelledby="two-title"');
  });

  it('is byte-stable: rendering the same text again gives the same SVG', async () => {
    const fresh = new DiagramRenderer({ cacheDir: mkdtempSync(join(tmpdir(), 'diagram-render-again-')) });
    try {
      const again = await fresh.render({ source: sequence });
      expect(again.svg).toEqual(seq.svg);
    } finally {
      await fresh.close();
      rmSync(fresh.cache.dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('fails on invalid Mermaid with the page, the line and Mermaid\'s message', async () => {
    const attempt = renderer.render({ source: 'flowchart LR\n  a --> b\n  b --> ]]\n', origin: { file: 'docs/x.mdx', line: 10 } });
    await expect(attempt).rejects.toBeInstanceOf(MermaidSyntaxError);
    await expect(attempt).rejects.toThrow(/^Invalid Mermaid diagram in docs\/x\.mdx:12, line 3 of the diagram:\n {4}.*error on line 3/);
  });

  it('reports every invalid diagram of a batch at once', async () => {
    const attempt = renderer.renderAll([
      { source: 'flowchart LR\n  a -->', origin: { file: 'docs/a.mdx', line: 1 } },
      { source: 'sequenceDiagram\n  A->>>B', origin: { file: 'docs/b.mdx', line: 1 } },
    ]);
    await expect(attempt).rejects.toThrow(/2 Mermaid diagrams failed[\s\S]*docs\/a\.mdx[\s\S]*docs\/b\.mdx/);
  });

  it('warm() starts the browser and loads Mermaid without caching anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diagram-render-warm-'));
    const warmed = new DiagramRenderer({ cacheDir: dir });
    try {
      expect(warmed.browserOpen).toBe(false);
      await warmed.warm();
      expect(warmed.browserOpen).toBe(true);
      expect(warmed.renderedCount).toBe(0);
      expect(warmed.cache.pruneOlderThan(Date.now() + 10_000)).toEqual([]);
    } finally {
      await warmed.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a warm rebuild renders nothing and starts no browser', async () => {
    const warm = new DiagramRenderer({ cacheDir });
    const result = await warm.renderAll([{ source: flowchart }, { source: sequence }]);
    expect(result).toEqual({ rendered: 0, cached: 2 });
    expect(warm.renderedCount).toBe(0);
    expect(warm.browserOpen).toBe(false);
  });
});
