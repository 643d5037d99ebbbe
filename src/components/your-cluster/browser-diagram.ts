/**
 * Mermaid in the reader's browser, made to look like the diagrams the build draws: the same pinned
 * configuration (src/render/config.ts: sentinel palette, fonts, ELK, label wrapping), labels
 * measured with the same wide font, and the same post-processing of the SVG (root sizing, compact
 * numbers, ids scoped to the figure, rough.js outlines as rects, sentinel colours turned into
 * `var(--mmd-<role>)`). So the drawn figures follow the theme toggle with CSS only, as build-time
 * ones do, and are sized for the column by the build's rule (figure-size.ts).
 *
 * Not done here: pruning stylesheet rules that match nothing (the build asks its render page;
 * keeping every rule changes nothing that is drawn).
 */
import type { Mermaid } from 'mermaid';
import { MEASURE_FONT_ALIAS, MEASURE_FONT_LOCAL_SOURCES, mermaidConfig } from '../../render/config.ts';
import { finishSvg, ID_TOKEN } from '../../render/finish-svg.ts';
import { instantiateSvg, normalizeRoot, type InstanceOptions } from '../../render/svg-root.ts';
import { figureSize, type FigureSize } from '../diagram/figure-size.ts';

export interface PlacedSvg extends FigureSize {
  /** SVG markup for one place on the page: ids prefixed, `role="img"` with title and description. */
  svg: string;
  /** Natural size in CSS pixels, from the viewBox. */
  width: number;
  height: number;
}

/** Mermaid's SVG text -> the markup a page shows, by the build's own steps (renderer.ts). */
export function placeMermaidSvg(raw: string, options: InstanceOptions): PlacedSvg {
  const root = normalizeRoot(raw);
  const svg = instantiateSvg(finishSvg(root.svg, null), ID_TOKEN, options);
  return { svg, width: root.width, height: root.height, ...figureSize(root.width, root.height) };
}

/**
 * The measuring font alias the configuration names, from the reader's own fonts (as the build's
 * render page declares it). If none of them is installed the alias fails to load and Mermaid
 * measures with the `sans-serif` after it; the drawn labels use the site's font stack either way.
 */
async function loadMeasureFont(): Promise<void> {
  if ([...document.fonts].some((face) => face.family === MEASURE_FONT_ALIAS)) return;
  const face = new FontFace(MEASURE_FONT_ALIAS, MEASURE_FONT_LOCAL_SOURCES.map((name) => `local('${name}')`).join(', '));
  document.fonts.add(face);
  await face.load().catch(() => undefined);
}

/** Mermaid (a lazily loaded same-origin chunk), initialised with the build's configuration. */
export async function loadMermaid(): Promise<Mermaid> {
  const [{ default: mermaid }] = await Promise.all([import('mermaid'), loadMeasureFont()]);
  mermaid.initialize(mermaidConfig());
  return mermaid;
}
