import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTE, mermaidConfig } from '../../../src/render/config.ts';
import { applyPalette, unthemedColors } from '../../../src/render/svg-palette.ts';

describe('PALETTE', () => {
  it('gives every role its own sentinel, and Mermaid only sentinel colours', () => {
    expect(new Set(PALETTE.map((p) => p.sentinel)).size).toBe(PALETTE.length);
    const variables = (mermaidConfig() as { themeVariables: Record<string, unknown> }).themeVariables;
    const sentinels = new Set(PALETTE.map((p) => p.sentinel));
    const colours = Object.entries(variables).filter(([, v]) => typeof v === 'string' && v.startsWith('#'));
    expect(colours.length).toBeGreaterThan(20);
    for (const [name, value] of colours) expect(sentinels.has(value as string), name).toBe(true);
  });

  it('is what the site stylesheet defines: each --mmd-<role> follows its Starlight token', () => {
    const css = readFileSync(join(import.meta.dirname, '../../../src/styles/site.css'), 'utf8');
    for (const { role, token } of PALETTE) expect(css).toContain(`--mmd-${role}: var(${token});`);
    const defined = [...css.matchAll(/--mmd-([a-z-]+):/g)].map((m) => m[1]);
    expect(defined.sort()).toEqual(PALETTE.map((p) => p.role).sort());
  });
});

describe('applyPalette', () => {
  const node = PALETTE.find((p) => p.role === 'node')!;
  const text = PALETTE.find((p) => p.role === 'text')!;

  it('replaces sentinels in CSS and attributes, in hex of either case and rgb() notation', () => {
    const svg = `<svg><style>#a .node rect{fill:${node.sentinel};stroke:${node.sentinel.toUpperCase()}}</style><text fill="rgb(1, 2, 4)"/><rect fill="${text.sentinel}"/></svg>`;
    expect(applyPalette(svg)).toBe('<svg><style>#a .node rect{fill:var(--mmd-node);stroke:var(--mmd-node)}</style><text fill="var(--mmd-text)"/><rect fill="var(--mmd-text)"/></svg>');
  });

  it('leaves longer hex values and other colours alone', () => {
    expect(applyPalette(`<rect fill="${node.sentinel}ff"/><rect fill="#ff0000"/>`)).toBe(`<rect fill="${node.sentinel}ff"/><rect fill="#ff0000"/>`);
  });
});

describe('unthemedColors', () => {
  it('lists colour literals outside text, not id references or entity codes', () => {
    const svg = '<svg><style>#d10{fill:var(--mmd-text)}#d10 .a{fill:#eaeaea;stroke:var(--mmd-line)}</style><path marker-end="url(#d10-1-arrow)" stroke="rgb(0, 0, 0)"/><text>#40 &#40;x&#41; #fff</text></svg>';
    expect(unthemedColors(svg)).toEqual(['#eaeaea', 'rgb(0, 0, 0)']);
  });
});
