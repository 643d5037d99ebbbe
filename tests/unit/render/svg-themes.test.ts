import { describe, expect, it } from 'vitest';
import { DARK_SCOPE, LIGHT_SCOPE, combineThemes, themedStylesheet } from '../../../src/render/svg-themes.ts';

const drawing = (css: string, stop: string, extra = ''): string =>
  `<svg id="r" viewBox="0 0 10 10"><style>${css}</style><defs><linearGradient id="r-g"><stop offset="0%" stop-color="${stop}"/></linearGradient></defs><rect class="node" width="5"${extra}/><text>hi</text></svg>`;

describe('combineThemes', () => {
  const light = drawing('#r{font-size:16px;}#r .node{fill:#fff;}', '#111');
  const dark = drawing('#r{font-size:16px;}#r .node{fill:#000;}', '#eee');

  it('ships one SVG when the drawings differ only in theme colours', () => {
    const variants = combineThemes(light, dark, 'T');
    expect(variants).toHaveLength(1);
    expect(variants[0]!.theme).toBe('all');
    const svg = variants[0]!.svg;
    expect(svg.match(/<text>hi<\/text>/g)).toHaveLength(1);
    expect(svg.match(/<style>/g)).toHaveLength(1);
    // Shared rule once, unscoped; differing rules scoped to each theme.
    expect(svg).toContain('#T{font-size:16px;}');
    expect(svg).toContain(`${LIGHT_SCOPE} #T .node{fill:#fff;}`);
    expect(svg).toContain(`${DARK_SCOPE} #T .node{fill:#000;}`);
  });

  it('moves colour attributes that differ into themed CSS rules', () => {
    const svg = combineThemes(light, dark, 'T')[0]!.svg;
    const cls = svg.match(/<stop class="(T-c\d+)"/)![1];
    expect(svg).toContain(`${LIGHT_SCOPE} #T .${cls}{stop-color:#111;}`);
    expect(svg).toContain(`${DARK_SCOPE} #T .${cls}{stop-color:#eee;}`);
  });

  it('falls back to two SVGs with distinct ids when the drawings differ in geometry', () => {
    const variants = combineThemes(light, drawing('#r .node{fill:#000;}', '#eee', ' height="9"'), 'T');
    expect(variants.map((v) => v.theme)).toEqual(['light', 'dark']);
    expect(variants[0]!.svg).toContain('id="Tl"');
    expect(variants[1]!.svg).toContain('id="Td"');
  });
});

describe('themedStylesheet', () => {
  it('scopes everything when the two sheets do not line up', () => {
    const css = themedStylesheet('#r .a{fill:red}', '#r .b{fill:blue}#r .c{x:1}');
    expect(css).toBe(`${LIGHT_SCOPE} #r .a{fill:red}${DARK_SCOPE} #r .b{fill:blue}${DARK_SCOPE} #r .c{x:1}`);
  });
});
