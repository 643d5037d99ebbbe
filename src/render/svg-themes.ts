/**
 * Light and dark in one SVG, switched by Starlight's `[data-theme]` with CSS only.
 *
 * Why not CSS variables in one render: Mermaid derives many colours from the theme variables
 * (lighten/darken/invert in JS), so a sentinel-to-variable mapping would miss derived colours.
 * Why not always two SVGs: twice the bytes and every label twice in the DOM (and in the search
 * index). Instead we render each theme, check that the two drawings are identical apart from their
 * `<style>` (Mermaid applies theme colours through that stylesheet, and CSS rules win over the
 * presentation attributes it also writes), and ship one SVG carrying both stylesheets, each scoped
 * to its theme. If a diagram type ever differs beyond the stylesheet, we fall back to shipping
 * both SVGs and showing one with CSS (`variants` with `theme: 'light' | 'dark'`).
 *
 * Starlight without `data-theme` (JavaScript off) shows its dark palette, so dark is the default
 * and light applies under `[data-theme='light']`: the diagram always matches the page around it.
 */
import { canonicalizeIds } from './svg-ids.ts';
import { dropUnusedSymbols } from './svg-compact.ts';
import { rewriteCss, topLevelRules } from './css.ts';

export const LIGHT_SCOPE = ":root[data-theme='light']";
export const DARK_SCOPE = ":root:not([data-theme='light'])";

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/g;

export type VariantTheme = 'all' | 'light' | 'dark';

export interface SvgVariant {
  /** `all`: one SVG styled for both themes; otherwise shown only in that theme. */
  theme: VariantTheme;
  /** SVG markup with ids still carrying the placeholder token. */
  svg: string;
}

function stylesOf(svg: string): string {
  return [...svg.matchAll(STYLE_ELEMENT)].map((m) => m[1]).join('');
}

function withoutStyles(svg: string): string {
  return svg.replace(STYLE_ELEMENT, '');
}

/** Presentation attributes that may differ between themes: moved into the themed stylesheets. */
const COLOR_ATTRIBUTES = new Set(['fill', 'stroke', 'stop-color', 'flood-color', 'lighting-color', 'color']);
const TAG_OR_TEXT = /<[^>]*>|[^<]+/g;
const ATTRIBUTE = /\s([^\s=/>"']+)="([^"]*)"/g;

interface Attributes {
  name: string;
  list: [string, string][];
}

function parseTag(tag: string): Attributes | undefined {
  const name = tag.match(/^<([a-zA-Z][\w:-]*)/)?.[1];
  if (!name) return undefined;
  return { name, list: [...tag.matchAll(ATTRIBUTE)].map((m) => [m[1]!, m[2]!] as [string, string]) };
}

/**
 * Merges two drawings that differ only in colour attributes (e.g. gradient stops Mermaid writes
 * from theme variables): such elements get a class and their colours become themed CSS rules.
 * Returns `undefined` when the drawings differ in anything else.
 */
function mergeDrawings(light: string, dark: string, token: string): { svg: string; lightCss: string; darkCss: string } | undefined {
  if (light === dark) return { svg: light, lightCss: '', darkCss: '' };
  const a = light.match(TAG_OR_TEXT) ?? [];
  const b = dark.match(TAG_OR_TEXT) ?? [];
  if (a.length !== b.length) return undefined;
  let lightCss = '';
  let darkCss = '';
  let counter = 0;
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) {
      out.push(a[i]!);
      continue;
    }
    const ta = parseTag(a[i]!);
    const tb = parseTag(b[i]!);
    if (!ta || !tb || ta.name !== tb.name || ta.list.length !== tb.list.length) return undefined;
    const className = `${token}-c${counter++}`;
    let lightDecl = '';
    let darkDecl = '';
    for (let j = 0; j < ta.list.length; j++) {
      const [nameA, valueA] = ta.list[j]!;
      const [nameB, valueB] = tb.list[j]!;
      if (nameA !== nameB) return undefined;
      if (valueA === valueB) continue;
      if (!COLOR_ATTRIBUTES.has(nameA)) return undefined;
      lightDecl += `${nameA}:${valueA};`;
      darkDecl += `${nameA}:${valueB};`;
    }
    lightCss += `#${token} .${className}{${lightDecl}}`;
    darkCss += `#${token} .${className}{${darkDecl}}`;
    const hasClass = ta.list.some(([n]) => n === 'class');
    out.push(
      hasClass
        ? a[i]!.replace(/\sclass="([^"]*)"/, (_m, c: string) => ` class="${c} ${className}"`)
        : a[i]!.replace(/^<([a-zA-Z][\w:-]*)/, `<$1 class="${className}"`),
    );
  }
  return { svg: out.join(''), lightCss, darkCss };
}

/**
 * One stylesheet for both themes. Most of Mermaid's rules do not depend on the theme (sizes, dash
 * patterns, keyframes): when both sheets list the same rules in the same order, a rule identical in
 * both is kept once, unscoped, and only rules that differ are scoped to their theme.
 */
export function themedStylesheet(lightCss: string, darkCss: string): string {
  const lightRules = topLevelRules(lightCss);
  const darkRules = topLevelRules(darkCss);
  const selector = (rule: string): string => rule.slice(0, rule.indexOf('{'));
  const aligned = lightRules.length === darkRules.length && lightRules.every((rule, i) => selector(rule) === selector(darkRules[i]!));
  if (!aligned) return rewriteCss(lightCss, { scope: LIGHT_SCOPE }) + rewriteCss(darkCss, { scope: DARK_SCOPE });
  let shared = '';
  let lightOnly = '';
  let darkOnly = '';
  lightRules.forEach((rule, i) => {
    if (rule === darkRules[i]) shared += rule;
    else {
      lightOnly += rule;
      darkOnly += darkRules[i];
    }
  });
  return shared + rewriteCss(lightOnly, { scope: LIGHT_SCOPE }) + rewriteCss(darkOnly, { scope: DARK_SCOPE });
}

/** Combines the light and dark renders of one diagram (see module comment). */
export function combineThemes(lightSvg: string, darkSvg: string, token: string): SvgVariant[] {
  const light = dropUnusedSymbols(canonicalizeIds(lightSvg, token));
  const dark = dropUnusedSymbols(canonicalizeIds(darkSvg, token));
  const merged = mergeDrawings(withoutStyles(light), withoutStyles(dark), token);
  if (merged) {
    const css = themedStylesheet(stylesOf(light) + merged.lightCss, stylesOf(dark) + merged.darkCss);
    // Mermaid's <style> is the first child after <title>/<desc>: put the combined one there.
    const svg = merged.svg.replace(/^(<svg\b[^>]*>)/, `$1<style>${css}</style>`);
    return [{ theme: 'all', svg }];
  }
  return [
    { theme: 'light', svg: dropUnusedSymbols(canonicalizeIds(lightSvg, `${token}l`)) },
    { theme: 'dark', svg: dropUnusedSymbols(canonicalizeIds(darkSvg, `${token}d`)) },
  ];
}
