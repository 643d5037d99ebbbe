/**
 * Mermaid text -> themed, accessible, id-scoped inline SVG, rendered at build time.
 * Knows nothing about Kubernetes or Astro; see DESIGN.md ("src/render").
 */
import type { RenderedDiagram } from './cache.ts';
import { ID_TOKEN } from './renderer.ts';
import { instantiateVariant, type InstanceOptions } from './svg-root.ts';
import type { VariantTheme } from './svg-themes.ts';

export { DiagramRenderer, ID_TOKEN, normalizeSource, mermaidVersion, type DiagramRequest, type RendererOptions } from './renderer.ts';
export { sharedRenderer, closeSharedRenderer } from './shared.ts';
export { MermaidSyntaxError, BrowserNotFoundError, type DiagramOrigin } from './errors.ts';
export { CHROMIUM_ARGS, launchChromium, resolveChromium } from './browser.ts';
export { mermaidConfig, THEMES, type ThemeName } from './config.ts';
export type { RenderedDiagram } from './cache.ts';
export type { VariantTheme } from './svg-themes.ts';

export interface PlacedSvg {
  theme: VariantTheme;
  /** Inline SVG markup, ids prefixed, with role="img", <title> and <desc>. */
  svg: string;
}

/** Turns a cached render into the SVG markup for one place on one page. */
export function placeDiagram(diagram: RenderedDiagram, options: InstanceOptions): PlacedSvg[] {
  return diagram.variants.map((variant) => ({ theme: variant.theme, svg: instantiateVariant(variant, ID_TOKEN, options) }));
}

/** A short, stable, id-safe hash of a diagram's cache key, for default id prefixes. */
export function shortId(diagram: RenderedDiagram): string {
  return `mmd-${diagram.key.slice(0, 8)}`;
}
