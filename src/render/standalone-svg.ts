/**
 * A diagram as a file of its own (`npm run explain -- --out DIR`). On the site each `--mmd-<role>`
 * colour is set by the page (src/styles/site.css maps it to a Starlight token); a lone SVG has no
 * page, so it carries a `<style>` with the values itself: the light theme by default, the dark one
 * under `prefers-color-scheme: dark`. The values are not a second colour table: they are resolved
 * from {@link PALETTE} (role -> Starlight token) and Starlight's own props.css, the same two
 * sources the site's colours come from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RenderedDiagram } from './cache.ts';
import { PALETTE } from './config.ts';
import { ID_TOKEN } from './renderer.ts';
import { instantiateSvg, type InstanceOptions } from './svg-root.ts';

export interface ThemeTokens {
  dark: ReadonlyMap<string, string>;
  light: ReadonlyMap<string, string>;
}

/** Starlight's props.css (not in its package exports, so found on disk from `root`). */
export function starlightPropsCssPath(root: string = process.cwd()): string {
  const require = createRequire(join(root, 'package.json'));
  for (const dir of require.resolve.paths('@astrojs/starlight') ?? []) {
    const file = join(dir, '@astrojs', 'starlight', 'dist', 'style', 'props.css');
    if (existsSync(file)) return file;
  }
  throw new Error(`Starlight's style/props.css was not found from ${root} (is @astrojs/starlight installed?)`);
}

/** Custom property declarations of the first rule whose selector list starts with `selector`. */
function declarationsOf(css: string, selector: RegExp): Map<string, string> {
  const block = css.match(new RegExp(`${selector.source}[^{]*\\{([^}]*)\\}`));
  if (!block) throw new Error(`Starlight props.css: no rule for ${selector.source}`);
  const body = block[1]!.replace(/\/\*[\s\S]*?\*\//g, '');
  return new Map([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.replace(/\s+/g, ' ').trim()]));
}

/**
 * Starlight's custom properties per theme: dark is `:root`, light is `:root[data-theme='light']`
 * on top of it (tokens light does not redefine, like the hues, keep their `:root` value).
 */
export function parseThemeTokens(propsCss: string): ThemeTokens {
  const dark = declarationsOf(propsCss, /:root\s*,/);
  const lightOnly = declarationsOf(propsCss, /:root\[data-theme='light'\]/);
  return { dark, light: new Map([...dark, ...lightOnly]) };
}

/** `value` with every `var(--x)` replaced by its value in `tokens`, recursively. */
export function resolveValue(value: string, tokens: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 10) throw new Error(`custom property cycle resolving ${value}`);
  return value.replace(/var\(\s*(--[\w-]+)\s*\)/g, (_m, name: string) => {
    const found = tokens.get(name);
    if (found === undefined) throw new Error(`Starlight props.css does not define ${name}`);
    return resolveValue(found, tokens, depth + 1);
  });
}

/** `--mmd-<role>: <colour>` for every palette role, in one theme. */
export function paletteDeclarations(tokens: ReadonlyMap<string, string>): string {
  return PALETTE.map(({ role, token }) => `--mmd-${role}:${resolveValue(`var(${token})`, tokens)}`).join(';');
}

/** The stylesheet a standalone diagram carries: light by default, dark when the viewer asks. */
export function standaloneStyle(selector: string, theme: ThemeTokens): string {
  return `${selector}{${paletteDeclarations(theme.light)}}@media (prefers-color-scheme: dark){${selector}{${paletteDeclarations(theme.dark)}}}`;
}

/**
 * A cached render as a self-contained SVG file: ids prefixed, `<title>`/`<desc>`, and a `<style>`
 * defining every `--mmd-*` colour (scoped to its root id, so it also behaves when inlined).
 */
export function standaloneSvg(diagram: RenderedDiagram, options: InstanceOptions, theme: ThemeTokens): string {
  const svg = instantiateSvg(diagram.svg, ID_TOKEN, options);
  const rootId = svg.match(/^<svg\b[^>]*\sid="([^"]+)"/)?.[1];
  const selector = rootId ? `#${rootId}` : ':root';
  return svg.replace(/^<svg\b[^>]*>/, (open) => `${open}<style>${standaloneStyle(selector, theme)}</style>`);
}

/** The theme tokens of the installed Starlight, read once per call. */
export function loadThemeTokens(root: string = process.cwd()): ThemeTokens {
  return parseThemeTokens(readFileSync(starlightPropsCssPath(root), 'utf8'));
}
