import { describe, expect, it } from 'vitest';
import { DISPLAY_FONT_FAMILY } from '../../../src/render/config.ts';
import { compactSvg, dropUnusedDefs } from '../../../src/render/svg-compact.ts';
import { decodeEntityCodes, instantiateSvg, normalizeRoot } from '../../../src/render/svg-root.ts';

const mermaidOutput =
  '<svg id="mmdroot" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" style="max-width: 688.46875px;" ' +
  'viewBox="0 0 688.46875 156.94" role="graphics-document document" aria-roledescription="flowchart-v2" ' +
  'aria-describedby="chart-desc-mmdroot" aria-labelledby="chart-title-mmdroot">' +
  '<title id="chart-title-mmdroot">Two &amp; nodes</title><desc id="chart-desc-mmdroot">A talks to B</desc>' +
  '<style>#mmdroot{font-family:mmd-measure, sans-serif;}</style><g><text>Services&amp;#58; x</text></g></svg>';

describe('normalizeRoot', () => {
  const result = normalizeRoot(mermaidOutput);

  it('reads size, type, accTitle and accDescr, and drops Mermaid\'s page-level attributes', () => {
    expect(result).toMatchObject({ width: 689, height: 157, diagramType: 'flowchart-v2', accTitle: 'Two & nodes', accDescr: 'A talks to B' });
    expect(result.svg).toMatch(/^<svg id="mmdroot" xmlns="http:\/\/www.w3.org\/2000\/svg" class="flowchart" viewBox="0 0 688.5 156.9" width="689" height="157"/);
    expect(result.svg).not.toMatch(/role=|aria-|max-width|<title|<desc/);
  });

  it('swaps the measuring font alias for the site font stack', () => {
    expect(result.svg).toContain(`font-family:${DISPLAY_FONT_FAMILY};`);
    expect(result.svg).not.toContain('mmd-measure');
  });

  it('decodes entity codes Mermaid left as text', () => {
    expect(result.svg).toContain('<text>Services: x</text>');
    expect(decodeEntityCodes('<t>&amp;#60;b&amp;#62;</t>')).toBe('<t>&lt;b&gt;</t>');
    // A code split between two word tspans (an IPv6 `::` in an edge label), and one left as text.
    expect(decodeEntityCodes('<text><tspan>fd00&amp;#58;10&amp;#58;&amp;#58</tspan><tspan>;/64 &amp;#9999999;</tspan></text>')).toBe('<text><tspan>fd00:10::</tspan><tspan>/64 &amp;#9999999;</tspan></text>');
  });
});

describe('instantiateSvg', () => {
  const variant = '<svg id="TOK" viewBox="0 0 1 1"><g id="TOK-1-x"/></svg>';

  it('prefixes ids and adds role="img" with title and description', () => {
    const svg = instantiateSvg(variant, 'TOK', { idPrefix: 'fig-a', title: 'A <b> & "c"', description: 'Words' });
    expect(svg).toBe(
      '<svg id="fig-a" viewBox="0 0 1 1" role="img" aria-labelledby="fig-a-title" aria-describedby="fig-a-desc">' +
        '<title id="fig-a-title">A &lt;b&gt; &amp; &quot;c&quot;</title><desc id="fig-a-desc">Words</desc><g id="fig-a-1-x"/></svg>',
    );
  });

  it('omits the description reference when there is none, and rejects unsafe prefixes', () => {
    expect(instantiateSvg(variant, 'TOK', { idPrefix: 'p', title: 't' })).not.toContain('aria-describedby');
    expect(() => instantiateSvg(variant, 'TOK', { idPrefix: '1"x', title: 't' })).toThrow(/id prefix/);
  });
});

describe('compaction', () => {
  it('rounds coordinates to 1/10 px, drops data-points, and keeps styles untouched', () => {
    const out = compactSvg('<svg><style>.a{x:1.23456}</style><path d="M1.25678 -0.0000001 L2 3.5 L4.04" data-points="abc" class="e"/></svg>');
    expect(out).toBe('<svg><style>.a{x:1.23456}</style><path d="M1.3 0 L2 3.5 L4" class="e"/></svg>');
  });

  it('drops Mermaid data attributes and empty styles, unless the stylesheet selects on them', () => {
    expect(compactSvg('<svg><style>.a{x:1}</style><path data-et="edge" data-look="classic" style=";" class="e"/></svg>')).toBe('<svg><style>.a{x:1}</style><path class="e"/></svg>');
    expect(compactSvg('<svg><style>[data-look=neo] .a{x:1}</style><path data-look="neo" data-id="p"/></svg>')).toBe('<svg><style>[data-look=neo] .a{x:1}</style><path data-look="neo"/></svg>');
  });

  it('removes symbols, markers and filters nothing references, then empty groups and defs', () => {
    const out = dropUnusedDefs(
      '<svg><symbol id="a"><path/></symbol><symbol id="b"/><symbol id="c"><p/></symbol><use href="#c"/>' +
        '<defs><marker id="m1"><path/></marker></defs><g><marker id="m2"/></g><defs><filter id="f"><x/></filter></defs>' +
        '<path marker-end="url(#m2)"/><g id="keep"></g></svg>',
    );
    expect(out).toBe('<svg><symbol id="c"><p/></symbol><use href="#c"/><g><marker id="m2"/></g><path marker-end="url(#m2)"/><g id="keep"></g></svg>');
  });
});
