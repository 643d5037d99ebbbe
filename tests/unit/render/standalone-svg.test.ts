import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterViews, explain } from '../../../src/explain/explain.ts';
import { DiagramRenderer, PALETTE } from '../../../src/render/index.ts';
import { loadThemeTokens, parseThemeTokens, resolveValue, standaloneSvg } from '../../../src/render/standalone-svg.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/kubectl', name), 'utf8');

/** `--mmd-*` properties a stylesheet fragment defines. */
const definedIn = (css: string) => new Set([...css.matchAll(/(--mmd-[\w-]+):/g)].map((m) => m[1]!));

describe('theme tokens from Starlight', () => {
  const theme = loadThemeTokens();

  it('resolves both themes from props.css, light on top of dark', () => {
    // Values as Starlight's props.css writes them: "white" is the strongest text colour of each theme.
    expect(resolveValue('var(--sl-color-white)', theme.dark)).toBe('hsl(0, 0%, 100%)');
    expect(resolveValue('var(--sl-color-white)', theme.light)).toBe('hsl(224, 10%, 10%)');
    // --sl-color-bg is var(--sl-color-black), which light redefines; the hue variables only dark defines.
    expect(resolveValue('var(--sl-color-bg)', theme.light)).toBe('hsl(0, 0%, 100%)');
    expect(resolveValue('var(--sl-color-orange-low)', theme.light)).toBe('hsl(41, 90%, 88%)');
  });

  it('reports an unknown token and a cycle instead of writing a broken colour', () => {
    const tokens = parseThemeTokens(":root,\n::backdrop { --a: var(--b); --b: var(--a); }\n:root[data-theme='light'] { --c: red; }");
    expect(() => resolveValue('var(--a)', tokens.dark)).toThrow(/cycle/);
    expect(() => resolveValue('var(--nope)', tokens.light)).toThrow(/--nope/);
    expect(resolveValue('var(--c)', tokens.light)).toBe('red');
  });
});

describe('standaloneSvg', () => {
  let renderer: DiagramRenderer;
  beforeAll(() => {
    renderer = new DiagramRenderer({ cacheDir: mkdtempSync(join(tmpdir(), 'standalone-svg-')) });
  });
  afterAll(async () => {
    await renderer.close();
  });

  it('defines, in light and in dark, every --mmd-* colour the explain CLI output uses', async () => {
    const list = JSON.parse(fixture('kubeadm-flannel-3node.json')) as { items: unknown[] };
    const policies = parse(fixture('shop-networkpolicies.yaml')) as { items: unknown[] };
    const { cluster } = explain(JSON.stringify({ ...list, items: [...list.items, ...policies.items] }));
    const theme = loadThemeTokens();
    for (const view of clusterViews(cluster!)) {
      const rendered = await renderer.render({ source: view.mermaid });
      const svg = standaloneSvg(rendered, { idPrefix: `explain-${view.view}`, title: view.title }, theme);
      const used = new Set([...svg.matchAll(/var\((--mmd-[\w-]+)\)/g)].map((m) => m[1]!));
      expect(used.size, view.view).toBeGreaterThan(2);
      const style = svg.match(/^<svg\b[^>]*\bid="([^"]+)"[^>]*><style>([^<]*)<\/style>/);
      expect(style, view.view).not.toBeNull();
      const [light, dark] = style![2]!.split('@media (prefers-color-scheme: dark)');
      expect(light!.startsWith(`#${style![1]}{`)).toBe(true);
      for (const name of used) {
        expect(definedIn(light!).has(name), `${view.view} light ${name}`).toBe(true);
        expect(definedIn(dark!).has(name), `${view.view} dark ${name}`).toBe(true);
      }
      // Colours only: no token left for a page to define.
      expect(style![2]).not.toMatch(/var\(/);
      const text = PALETTE.find((p) => p.role === 'text')!;
      expect(light).toContain(`--mmd-text:${resolveValue(`var(${text.token})`, theme.light)}`);
      expect(dark).toContain(`--mmd-text:${resolveValue(`var(${text.token})`, theme.dark)}`);
    }
  }, 120_000);
});
