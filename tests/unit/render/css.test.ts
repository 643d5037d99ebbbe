import { describe, expect, it } from 'vitest';
import { keepRules, rewriteCss, topLevelRules } from '../../../src/render/css.ts';

describe('rewriteCss', () => {
  const css =
    '#root{fill:#333;}#root .node rect,#root .edge>path{stroke:#abc;marker-end:url(#root-arrow);}' +
    '@keyframes dash{to{stroke-dashoffset:0;}}#root .flow{animation:dash 5s linear infinite;}' +
    '@media (min-width: 10px){#root .x{fill:#fff;}}';

  it('renames ids in selectors and url() but never touches colours that look like ids', () => {
    const map = new Map([
      ['root', 'p1'],
      ['root-arrow', 'p1-2-arrow'],
      ['333', 'WRONG'],
      ['abc', 'WRONG'],
    ]);
    const out = rewriteCss(css, { mapId: (id) => map.get(id) });
    expect(out).toContain('#p1{fill:#333;}');
    expect(out).toContain('#p1 .node rect,#p1 .edge>path{stroke:#abc;marker-end:url(#p1-2-arrow);}');
    expect(out).toContain('@media (min-width: 10px){#p1 .x{fill:#fff;}}');
    expect(out).not.toContain('WRONG');
  });

  it('scopes every selector of every rule, inside @media too, but not keyframe steps', () => {
    const out = rewriteCss(css, { scope: ":root[data-theme='light']" });
    expect(out).toContain(":root[data-theme='light'] #root .node rect,:root[data-theme='light'] #root .edge>path{");
    expect(out).toContain("@media (min-width: 10px){:root[data-theme='light'] #root .x{");
    expect(out).toContain('@keyframes dash{to{stroke-dashoffset:0;}}');
  });

  it('renames keyframes and the animations that use them', () => {
    const out = rewriteCss(css, { mapKeyframes: (name) => `p1-${name}` });
    expect(out).toContain('@keyframes p1-dash{');
    expect(out).toContain('animation:p1-dash 5s linear infinite;');
  });

  it('does not split selectors on commas inside :is()', () => {
    const out = rewriteCss('#r :is(.a, .b) text{fill:red}', { scope: 'S' });
    expect(out).toBe('S #r :is(.a, .b) text{fill:red}');
  });
});

describe('topLevelRules', () => {
  it('splits a stylesheet into whole top-level rules', () => {
    expect(topLevelRules('#a{x:1}@keyframes k{from{y:0}}#b{z:"}"}')).toEqual(['#a{x:1}', '@keyframes k{from{y:0}}', '#b{z:"}"}']);
  });
});

describe('keepRules', () => {
  const css = '#r .a{fill:red}@keyframes k{from{x:0}to{x:1}}#r .b{fill:blue}';

  it('keeps the rules flagged as used, in order', () => {
    expect(keepRules(css, [true, false, false])).toBe('#r .a{fill:red}');
    expect(keepRules(css, [false, true, true])).toBe('@keyframes k{from{x:0}to{x:1}}#r .b{fill:blue}');
  });

  it('keeps everything when the flags do not line up with the rules', () => {
    expect(keepRules(css, [true])).toBe(css);
    expect(keepRules(css, null)).toBe(css);
  });
});
