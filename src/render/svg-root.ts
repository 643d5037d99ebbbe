/**
 * The root `<svg>` element: what Mermaid writes there (size styles, ARIA, `<title>`/`<desc>`) is
 * replaced by what a page needs (intrinsic size, `role="img"`, our title and description).
 */
import { decodeAttr } from './svg-ids.ts';
import { DISPLAY_FONT_FAMILY, MEASURE_FONT_ALIAS } from './config.ts';
import { compactSvg } from './svg-compact.ts';
import { decodeEntityCodePieces } from './entity-codes.ts';

export interface NormalizedSvg {
  svg: string;
  /** Natural size in CSS pixels, from the viewBox. */
  width: number;
  height: number;
  /** Mermaid's diagram type, e.g. `flowchart-v2`, `sequence`. */
  diagramType: string;
  /** From `accTitle:` in the source, as Mermaid parsed it. */
  accTitle?: string;
  /** From `accDescr:` in the source, as Mermaid parsed it. */
  accDescr?: string;
}

const ROOT_TAG = /^\s*<svg\b[^>]*>/;
const ATTRIBUTE = /\s([^\s=/>"']+)="([^"]*)"/g;
/** Root attributes that describe the page context rather than the drawing. */
const DROPPED_ROOT_ATTRIBUTES = new Set(['width', 'height', 'style', 'role', 'aria-roledescription', 'aria-labelledby', 'aria-describedby']);

function decodeText(text: string): string {
  return decodeAttr(text).replace(/&nbsp;/g, '\u00a0');
}

/** Strips Mermaid's root attributes and accessibility elements, returning what they said. */
export function normalizeRoot(svg: string): NormalizedSvg {
  const root = svg.match(ROOT_TAG);
  if (!root) throw new Error('Mermaid output does not start with an <svg> element');
  const attributes = new Map<string, string>();
  for (const m of root[0].matchAll(ATTRIBUTE)) attributes.set(m[1]!, m[2]!);

  const viewBox = (attributes.get('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const width = Math.ceil(viewBox[2] ?? 0) || 0;
  const height = Math.ceil(viewBox[3] ?? 0) || 0;
  const diagramType = attributes.get('aria-roledescription') ?? 'unknown';

  let body = svg.slice(root[0].length);
  let accTitle: string | undefined;
  let accDescr: string | undefined;
  // Mermaid puts <title>/<desc> first, before its <style>; diagram text never produces these tags.
  body = body.replace(/^(\s*)<title\b[^>]*>([\s\S]*?)<\/title>/, (_m, ws: string, text: string) => {
    accTitle = decodeText(text).trim() || undefined;
    return ws;
  });
  body = body.replace(/^(\s*)<desc\b[^>]*>([\s\S]*?)<\/desc>/, (_m, ws: string, text: string) => {
    accDescr = decodeText(text).trim() || undefined;
    return ws;
  });

  const kept = [...attributes].filter(([name]) => !DROPPED_ROOT_ATTRIBUTES.has(name));
  kept.push(['width', String(width)], ['height', String(height)], ['data-diagram-type', diagramType]);
  const rootTag = `<svg ${kept.map(([n, v]) => `${n}="${v}"`).join(' ')}>`;
  return {
    svg: compactSvg(replaceMeasureFont(decodeEntityCodes(rootTag + body))),
    width,
    height,
    diagramType,
    ...(accTitle ? { accTitle } : {}),
    ...(accDescr ? { accDescr } : {}),
  };
}

/**
 * Decodes the entity codes Mermaid leaves in text content (subgraph titles with SVG labels, codes
 * split between two word tspans; see entity-codes.ts). Works on serialised markup, where Mermaid's
 * `&#40;` text reads `&amp;#40;`; the label box was measured on the longer text, so nothing can clip.
 */
export function decodeEntityCodes(svg: string): string {
  if (!svg.includes('&amp;#')) return svg;
  // Text between tags at even indices (empty ones skipped: they sit between two tspans), tags at odd ones.
  const parts = svg.split(/(<[^>]*>)/);
  const textAt = parts.flatMap((part, i) => (i % 2 === 0 && part !== '' ? [i] : []));
  const pieces = decodeEntityCodePieces(textAt.map((i) => parts[i]!.replace(/&amp;#/g, '&#')), escapeXml);
  // A code that stayed undecoded is written back as the text it was.
  textAt.forEach((at, k) => {
    parts[at] = pieces[k]!.replace(/&#/g, '&amp;#');
  });
  return parts.join('');
}

/** Swaps the measuring font alias for the site's font stack (see `MEASURE_FONT_ALIAS`). */
export function replaceMeasureFont(svg: string): string {
  return svg
    .replace(new RegExp(`${MEASURE_FONT_ALIAS}\\s*,\\s*sans-serif`, 'g'), DISPLAY_FONT_FAMILY)
    .replace(new RegExp(MEASURE_FONT_ALIAS, 'g'), DISPLAY_FONT_FAMILY);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface InstanceOptions {
  /** Unique on the page: every id in the SVG starts with it. Letters, digits, `-`, `_`. */
  idPrefix: string;
  /** Accessible name (`<title>`). */
  title: string;
  /** Accessible description (`<desc>`). */
  description?: string;
}

/**
 * Puts one cached SVG on a page: replaces the id placeholder with `idPrefix` and adds
 * `role="img"` with a `<title>`/`<desc>` pair referenced by `aria-labelledby`/`aria-describedby`.
 */
export function instantiateSvg(cached: string, token: string, options: InstanceOptions): string {
  if (!/^[A-Za-z][\w-]*$/.test(options.idPrefix)) {
    throw new Error(`Diagram id prefix "${options.idPrefix}" must start with a letter and contain only letters, digits, "-" and "_"`);
  }
  const svg = cached.split(token).join(options.idPrefix);
  const rootId = svg.match(/^<svg\b[^>]*\sid="([^"]+)"/)?.[1] ?? options.idPrefix;
  const titleId = `${rootId}-title`;
  const descId = `${rootId}-desc`;
  const aria = [`role="img"`, `aria-labelledby="${titleId}"`];
  let accessible = `<title id="${titleId}">${escapeXml(options.title)}</title>`;
  if (options.description) {
    aria.push(`aria-describedby="${descId}"`);
    accessible += `<desc id="${descId}">${escapeXml(options.description)}</desc>`;
  }
  return svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => `<svg${attrs} ${aria.join(' ')}>${accessible}`);
}
