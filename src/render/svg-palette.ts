/**
 * Light and dark from one render: Mermaid draws with the sentinel palette (config.ts `PALETTE`),
 * and each sentinel colour in the SVG, in its stylesheet and in presentation attributes alike,
 * becomes `var(--mmd-<role>)`. The page defines those properties from Starlight's theme tokens
 * (src/styles/site.css), so `[data-theme]` on `<html>` restyles every diagram with CSS only.
 *
 * `var()` is valid in SVG presentation attributes: they are parsed as CSS property values
 * (SVG 2, "Presentation attributes", https://www.w3.org/TR/SVG2/styling.html#PresentationAttributes).
 */
import { PALETTE } from './config.ts';

/** `#rrggbb` and the `rgb(r, g, b)` form browsers serialise colours to. */
function forms(hex: string): RegExp[] {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return [new RegExp(`${hex}(?![0-9a-f])`, 'gi'), new RegExp(`rgba?\\(\\s*${r}\\s*,\\s*${g}\\s*,\\s*${b}\\s*(?:,\\s*1\\s*)?\\)`, 'g')];
}

const REPLACEMENTS = PALETTE.flatMap(({ role, sentinel }) => forms(sentinel).map((pattern) => ({ pattern, value: `var(--mmd-${role})` })));

/** Replaces every sentinel colour with its role's custom property. */
export function applyPalette(svg: string): string {
  return REPLACEMENTS.reduce((out, { pattern, value }) => out.replace(pattern, value), svg);
}

const COLOR_LITERAL = /#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])|\b(?:rgba?|hsla?)\([^)]*\)/g;

/**
 * Colour literals left in the SVG after {@link applyPalette}: colours Mermaid derived or
 * hard-coded. Those in presentation attributes may still be overridden by a stylesheet rule
 * (sequence diagrams write `fill="#eaeaea"` on actors that `.actor{fill:...}` repaints).
 * Entity references (`&#40;`) and CSS id selectors are not colours.
 */
export function unthemedColors(svg: string): string[] {
  // Declaration blocks only: `#d10{` in a selector is an id, not a colour.
  const css = [...svg.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].flatMap((m) => m[1]!.match(/\{[^{}]*\}/g) ?? []).join('\n');
  const markup = svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '').replace(/&#x?[0-9a-fA-F]+;/g, '').replace(/>[^<]*</g, '><');
  return [...new Set([...(css.match(COLOR_LITERAL) ?? []), ...(markup.match(COLOR_LITERAL) ?? [])])];
}
