/**
 * Page-weight accounting: what a page load costs, split by kind (HTML, CSS, JS, SVG), raw and
 * gzip. Pure: the browser part (bench/page-load.ts) hands in the bytes it saw.
 *
 * Conventions, so the numbers can be compared run to run:
 * - gzip is node:zlib at its default level (6), per resource, as a static host compresses each
 *   response on its own; inline parts are compressed as one concatenated blob per kind.
 * - The HTML column is the whole document, inline SVG, CSS and JS included; the other columns add
 *   inline parts of the document to the files fetched for that kind. So columns overlap with HTML
 *   by design and only "total" is a sum of what went over the wire.
 * - `<style>` inside an inline `<svg>` (Mermaid themes each diagram) counts as SVG, not CSS.
 */
import { constants, gzipSync } from 'node:zlib';

export interface SizePair {
  raw: number;
  gzip: number;
}

export const ZERO: SizePair = Object.freeze({ raw: 0, gzip: 0 });

/** Bytes of `data` gzip-compressed at zlib's default level. Strings are measured as UTF-8. */
export function gzipSize(data: string | Uint8Array): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (bytes.length === 0) return 0;
  return gzipSync(bytes, { level: constants.Z_DEFAULT_COMPRESSION }).length;
}

/** Raw UTF-8 length and gzip size of `data`. */
export function sizeOf(data: string | Uint8Array): SizePair {
  const raw = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
  return { raw, gzip: gzipSize(data) };
}

export function addSizes(...pairs: SizePair[]): SizePair {
  return pairs.reduce((sum, p) => ({ raw: sum.raw + p.raw, gzip: sum.gzip + p.gzip }), { raw: 0, gzip: 0 });
}

/** A half-open character range [start, end) of the document. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Outermost `<tag …>…</tag>` elements of `html`, nesting-aware (an `<svg>` inside an `<svg>` is part
 * of its parent). An unclosed element runs to the end of the document.
 */
export function elementSpans(html: string, tag: string): Span[] {
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  for (const match of html.matchAll(pattern)) {
    const closing = match[1] === '/';
    const selfClosing = !closing && match[0].endsWith('/>');
    if (!closing) {
      if (depth === 0) start = match.index;
      if (selfClosing) {
        if (depth === 0) spans.push({ start, end: match.index + match[0].length });
        continue;
      }
      depth += 1;
    } else if (depth > 0) {
      depth -= 1;
      if (depth === 0) spans.push({ start, end: match.index + match[0].length });
    }
  }
  if (depth > 0) spans.push({ start, end: html.length });
  return spans;
}

function inside(span: Span, outer: Span[]): boolean {
  return outer.some((o) => span.start >= o.start && span.end <= o.end);
}

/** `html` with the given spans blanked out (same length, so offsets stay valid). */
function mask(html: string, spans: Span[]): string {
  let out = html;
  for (const { start, end } of spans) out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  return out;
}

const NON_SCRIPT_TYPES = /type\s*=\s*["']?(application\/(ld\+)?json|importmap|text\/template)/i;

/** Inline parts of one HTML document, each kind concatenated. */
export interface InlineParts {
  /** Every inline `<svg>` element, markup included. */
  svg: string;
  /** The inline `<svg>` elements inside a `<figure>`: the diagrams. */
  diagramSvg: string;
  /**
   * Number of diagrams: `<figure>` elements holding at least one inline `<svg>` (a figure may hold
   * one SVG per colour theme; it is still one diagram).
   */
  diagrams: number;
  /** Contents of `<style>` elements outside SVG. */
  css: string;
  /** Contents of executable inline `<script>` elements (JSON data blocks excluded). */
  js: string;
}

function body(html: string, span: Span): string {
  const element = html.slice(span.start, span.end);
  const open = element.indexOf('>') + 1;
  const close = element.lastIndexOf('</');
  return close >= open ? element.slice(open, close) : element.slice(open);
}

export function inlineParts(html: string): InlineParts {
  // Scripts first: their text may mention "<svg" or "<style" in strings.
  const scriptSpans = elementSpans(html, 'script');
  const scripts = scriptSpans
    .filter((s) => !NON_SCRIPT_TYPES.test(html.slice(s.start, html.indexOf('>', s.start) + 1)))
    .map((s) => body(html, s));
  const withoutScripts = mask(html, scriptSpans);
  const svgSpans = elementSpans(withoutScripts, 'svg');
  const figures = elementSpans(withoutScripts, 'figure');
  const diagramSpans = svgSpans.filter((s) => inside(s, figures));
  const diagramFigures = figures.filter((f) => diagramSpans.some((s) => inside(s, [f])));
  const rest = mask(withoutScripts, svgSpans);
  const styles = elementSpans(rest, 'style').map((s) => body(rest, s));
  return {
    svg: svgSpans.map((s) => html.slice(s.start, s.end)).join(''),
    diagramSvg: diagramSpans.map((s) => html.slice(s.start, s.end)).join(''),
    diagrams: diagramFigures.length,
    css: styles.join(''),
    js: scripts.join(''),
  };
}

export type ResourceKind = 'html' | 'css' | 'js' | 'svg' | 'font' | 'image' | 'data' | 'wasm' | 'other';

const BY_EXTENSION: Record<string, ResourceKind> = {
  html: 'html',
  htm: 'html',
  css: 'css',
  js: 'js',
  mjs: 'js',
  svg: 'svg',
  woff: 'font',
  woff2: 'font',
  ttf: 'font',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  webp: 'image',
  avif: 'image',
  gif: 'image',
  ico: 'image',
  json: 'data',
  xml: 'data',
  pf_meta: 'data',
  pf_index: 'data',
  pf_fragment: 'data',
  wasm: 'wasm',
};

/** Kind of a fetched resource from its URL's extension, else its content type; `/` paths are HTML. */
export function resourceKind(url: string, contentType = ''): ResourceKind {
  const path = new URL(url, 'http://x/').pathname;
  const name = path.split('/').pop() ?? '';
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const known = BY_EXTENSION[ext];
  if (known) return known;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html') return 'html';
  if (type === 'text/css') return 'css';
  if (type.includes('javascript')) return 'js';
  if (type === 'image/svg+xml') return 'svg';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('font/')) return 'font';
  if (type === 'application/wasm') return 'wasm';
  if (path.endsWith('/') || ext === '') return 'html';
  return 'other';
}

/** One response a page load received. */
export interface LoadedResource {
  url: string;
  contentType?: string;
  body: Uint8Array;
}

export interface PageWeight {
  /** The HTML document, everything inline included. */
  html: SizePair;
  /** Stylesheets fetched plus inline `<style>` outside SVG. */
  css: SizePair;
  /** Scripts fetched plus executable inline `<script>`. */
  js: SizePair;
  /** Inline `<svg>` (icons and diagrams) plus SVG files fetched (e.g. the favicon). */
  svg: SizePair;
  /** The part of `svg` that is diagrams (inline `<svg>` inside `<figure>`). */
  diagramSvg: SizePair;
  diagrams: number;
  /** Fonts, images, data and anything else fetched. */
  other: SizePair;
  /** Every response body, each gzipped on its own: what crossed the wire. */
  total: SizePair;
  /** Responses received. */
  responses: number;
}

/**
 * Weight of one page load. `resources` are the responses in the order received; the first HTML
 * resource is the document.
 */
export function pageWeight(resources: LoadedResource[]): PageWeight {
  const sized = resources.map((r) => ({ kind: resourceKind(r.url, r.contentType), size: sizeOf(r.body) }));
  const documentIndex = sized.findIndex((r) => r.kind === 'html');
  const documentResource = documentIndex >= 0 ? resources[documentIndex] : undefined;
  const html = documentResource ? Buffer.from(documentResource.body).toString('utf8') : '';
  const inline = inlineParts(html);
  const fetched = (kind: ResourceKind) => addSizes(...sized.filter((r, i) => r.kind === kind && i !== documentIndex).map((r) => r.size));
  const inlineSize = (text: string): SizePair => (text.length > 0 ? sizeOf(text) : ZERO);
  return {
    html: documentIndex >= 0 ? sized[documentIndex]!.size : ZERO,
    css: addSizes(fetched('css'), inlineSize(inline.css)),
    js: addSizes(fetched('js'), inlineSize(inline.js)),
    svg: addSizes(fetched('svg'), inlineSize(inline.svg)),
    diagramSvg: inlineSize(inline.diagramSvg),
    diagrams: inline.diagrams,
    other: addSizes(...sized.filter((r, i) => i !== documentIndex && !['css', 'js', 'svg'].includes(r.kind)).map((r) => r.size)),
    total: addSizes(...sized.map((r) => r.size)),
    responses: resources.length,
  };
}
