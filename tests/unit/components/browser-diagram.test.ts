/**
 * The diagrams the "Your cluster" page draws in the browser are finished by the build's steps: the
 * same root sizing, ids scoped to the figure, palette variables and column sizing as build-time
 * figures.
 */
import { describe, expect, it } from 'vitest';
import { placeMermaidSvg } from '../../../src/components/your-cluster/browser-diagram.ts';
import { figureSize } from '../../../src/components/diagram/figure-size.ts';
import { DISPLAY_FONT_FAMILY, PALETTE } from '../../../src/render/config.ts';

const sentinel = (role: string): string => PALETTE.find((p) => p.role === role)!.sentinel;

// The shape of Mermaid's output for a flowchart, with the sentinel palette and the measuring font.
const mermaidOutput =
  '<svg id="yc-render-0" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" style="max-width: 844.7890625px;" ' +
  'viewBox="4 4 844.7890625 1320" role="graphics-document document" aria-roledescription="flowchart-v2">' +
  `<style>#yc-render-0{font-family:mmd-measure, sans-serif;fill:${sentinel('text')};}#yc-render-0 .node rect{fill:${sentinel('node')};stroke:${sentinel('node-line')};}</style>` +
  '<g><marker id="yc-render-0_flowchart-v2-pointEnd"><path/></marker><marker id="yc-render-0_flowchart-v2-unused"><path/></marker>' +
  '<path marker-end="url(#yc-render-0_flowchart-v2-pointEnd)" d="M1.123456,2.987654L3,4"/>' +
  `<g class="node" id="yc-render-0-flowchart-pod_web-3"><rect fill="rgb(1, 2, 5)" width="100.456789"/><text>fd00&amp;#58;10&amp;#58;244&amp;#58;&amp;#58;/64</text></g></g></svg>`;

describe('placeMermaidSvg', () => {
  const placed = placeMermaidSvg(mermaidOutput, { idPrefix: 'yc-view-0', title: 'Imported cluster: topology' });

  it('sizes the root from the viewBox and scopes every id to the figure', () => {
    expect(placed).toMatchObject({ width: 845, height: 1320 });
    expect(placed.svg).toMatch(/^<svg id="yc-view-0" [^>]*width="845" height="1320"[^>]*role="img" aria-labelledby="yc-view-0-title"><title id="yc-view-0-title">Imported cluster: topology<\/title>/);
    expect(placed.svg).not.toMatch(/max-width|yc-render-0|width="100%"/);
    expect(placed.svg).toContain('#yc-view-0 .node rect{');
    const ids = [...placed.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.every((id) => id!.startsWith('yc-view-0'))).toBe(true);
    // The marker the edge uses is kept and followed; the unused one is dropped.
    const marker = /<marker id="([^"]+)"/.exec(placed.svg)![1];
    expect(placed.svg).toContain(`marker-end="url(#${marker})"`);
    expect(placed.svg.match(/<marker/g)).toHaveLength(1);
  });

  it('draws with the palette variables and the site font, and decodes entity codes', () => {
    expect(placed.svg).toContain('fill:var(--mmd-node);stroke:var(--mmd-node-line)');
    expect(placed.svg).toContain('<rect fill="var(--mmd-node)"');
    for (const { sentinel: s } of PALETTE) expect(placed.svg).not.toContain(s);
    expect(placed.svg).not.toContain('rgb(1, 2, 5)');
    expect(placed.svg).toContain(`font-family:${DISPLAY_FONT_FAMILY};`);
    expect(placed.svg).toContain('<text>fd00:10:244::/64</text>');
    expect(placed.svg).toContain('d="M1.1,3L3,4"');
  });

  it('is sized for the column by the build-time rule', () => {
    expect(placed).toMatchObject(figureSize(845, 1320));
  });
});

describe('figureSize', () => {
  it('keeps 16px labels at least 11.2px: never narrower than 70% of the natural width', () => {
    expect(figureSize(845, 1320)).toEqual({ large: true, minWidth: 592, mayScroll: true });
    expect(figureSize(400, 300)).toEqual({ large: false, minWidth: 280, mayScroll: false });
  });

  it('lets a diagram scroll on a 340px phone column once 70% of it is wider', () => {
    expect(figureSize(485, 100).mayScroll).toBe(false);
    expect(figureSize(486, 100).mayScroll).toBe(true);
    expect(figureSize(700, 901).large).toBe(true);
  });
});
