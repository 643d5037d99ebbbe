/**
 * Mermaid text -> themed, accessible, id-scoped inline SVG, rendered at build time.
 * Knows nothing about Kubernetes or Astro; see DESIGN.md ("src/render").
 */
import type { RenderedDiagram } from './cache.ts';
import { ID_TOKEN } from './renderer.ts';
import { instantiateSvg, type InstanceOptions } from './svg-root.ts';

export { DiagramRenderer, ID_TOKEN, normalizeSource, mermaidVersion, type DiagramRequest, type RendererOptions } from './renderer.ts';
export { sharedRenderer, closeSharedRenderer } from './shared.ts';
export { MermaidSyntaxError, BrowserNotFoundError, type DiagramOrigin } from './errors.ts';
export { CHROMIUM_ARGS, launchChromium, resolveChromium } from './browser.ts';
export { mermaidConfig, PALETTE, type PaletteRole } from './config.ts';
export type { RenderedDiagram } from './cache.ts';

/**
 * Turns a cached render into the SVG markup for one place on one page: ids prefixed, with
 * role="img", <title> and <desc>; colours follow the page's theme through `--mmd-*` properties.
 */
export function placeDiagram(diagram: RenderedDiagram, options: InstanceOptions): string {
  return instantiateSvg(diagram.svg, ID_TOKEN, options);
}

/** A short, stable, id-safe hash of a diagram's cache key, for default id prefixes. */
export function shortId(diagram: RenderedDiagram): string {
  return `mmd-${diagram.key.slice(0, 8)}`;
}
