/**
 * The browser-safe last steps from Mermaid's SVG to what a page shows: string work only, no Node
 * modules, so the build (renderer.ts) and the diagrams the "Your cluster" page draws in the reader's
 * browser (src/components/your-cluster) finish an SVG with the same code.
 */
import { keepRules } from './css.ts';
import { canonicalizeIds } from './svg-ids.ts';
import { dropUnusedDefs } from './svg-compact.ts';
import { applyPalette } from './svg-palette.ts';
import { simplifyRoughShapes } from './svg-shapes.ts';

/** Placeholder for the per-page id prefix in cached SVG (see `svg-ids.ts`). */
export const ID_TOKEN = '__MMDID__';

const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g;

/**
 * From Mermaid's SVG (root normalised, numbers compacted) to what is cached: stylesheet rules that
 * match nothing dropped (`usedRules`, decided in the render page; `null` keeps every rule), ids
 * canonical with {@link ID_TOKEN}, rough.js outlines redrawn as `<rect>`, unreferenced markers and
 * symbols dropped, sentinel colours made CSS variables.
 */
export function finishSvg(svg: string, usedRules: readonly boolean[] | null): string {
  const pruned = svg.replace(STYLE_ELEMENT, (_m, open: string, css: string, close: string) => open + keepRules(css, usedRules) + close);
  return applyPalette(dropUnusedDefs(canonicalizeIds(simplifyRoughShapes(pruned), ID_TOKEN)));
}
