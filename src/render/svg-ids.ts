/**
 * Makes every id in a Mermaid SVG unique to one diagram instance.
 *
 * Mermaid prefixes some ids with the render id but not all: sequence diagrams emit bare ids such as
 * `arrowhead`, `actor0`, `root-0` and one id per participant name (twice, even). Two diagrams on one
 * page would then share markers and the second would draw with the first one's arrowheads. Mermaid's
 * global counters also depend on render order, which would make output differ between runs.
 *
 * So every id is renamed canonically, in document order: the root `<svg>` gets `token`, the rest
 * `token-<n>-<stem>`, where the stem is the old id without the render id and without a trailing
 * counter (Mermaid's CSS matches markers by suffix, e.g. `[id$="-crosshead"]`), and every reference (`url(#..)`, `href="#.."`, ARIA id lists, CSS
 * `#id` selectors) follows. `token` is a placeholder replaced by a per-page prefix when the SVG is
 * put on a page, so one cached render serves any number of instances.
 */
import { rewriteCss } from './css.ts';

const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g;
const START_TAG = /<[a-zA-Z][^>]*>/g;
const ATTRIBUTE = /(\s)([^\s=/>"']+)="([^"]*)"/g;
const ID_LIST_ATTRIBUTES = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details', 'aria-flowto', 'for']);
const HREF_ATTRIBUTES = new Set(['href', 'xlink:href']);
const URL_REF = /url\(\s*(['"]|&quot;)?#([^)'"&\s]+)(['"]|&quot;)?\s*\)/g;

/** Applies `fn` to every start tag outside `<style>` elements. */
function mapTags(svg: string, fn: (tag: string) => string, styleFn: (css: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of svg.matchAll(STYLE_ELEMENT)) {
    out += svg.slice(last, match.index).replace(START_TAG, fn);
    out += match[1]!.replace(START_TAG, fn) + styleFn(match[2]!) + match[3]!;
    last = match.index + match[0].length;
  }
  out += svg.slice(last).replace(START_TAG, fn);
  return out;
}

/** All `id` attribute values in document order (duplicates included). */
export function collectIds(svg: string): string[] {
  const ids: string[] = [];
  mapTags(
    svg,
    (tag) => {
      for (const m of tag.matchAll(ATTRIBUTE)) if (m[2] === 'id') ids.push(decodeAttr(m[3]!));
      return tag;
    },
    (css) => css,
  );
  return ids;
}

/** The readable, order-independent part of a Mermaid id (see module comment). */
export function idStem(id: string, renderId: string): string {
  let stem = id.startsWith(renderId) ? id.slice(renderId.length) : id;
  stem = stem.replace(/^[-_]+/, '').replace(/[^A-Za-z0-9_-]/g, '_').replace(/[-_]?\d+$/, '');
  return stem.slice(0, 48).replace(/[-_]+$/, '');
}

/** Renames all ids canonically to `token`, `token-1-stem`, `token-2-stem`, ... (see module comment). */
export function canonicalizeIds(svg: string, token: string): string {
  const ids = collectIds(svg);
  const renderId = ids[0] ?? '';
  const mapping = new Map<string, string>();
  const newIdsInOrder: string[] = [];
  ids.forEach((id, index) => {
    const stem = index === 0 ? '' : idStem(id, renderId);
    const renamed = index === 0 ? token : stem ? `${token}-${index}-${stem}` : `${token}-${index}`;
    newIdsInOrder.push(renamed);
    // References to a duplicated id resolve to its first element, as browsers do.
    if (!mapping.has(id)) mapping.set(id, renamed);
  });
  // Mermaid's CSS also names ids its drawing may not contain (e.g. the neo look's gradient): keep
  // those dangling references unique to this diagram too.
  const mapId = (id: string): string | undefined =>
    mapping.get(id) ?? (renderId && id.startsWith(renderId) ? `${token}-x-${idStem(id, renderId)}` : undefined);
  let idIndex = 0;

  const rewriteTag = (tag: string): string =>
    tag.replace(ATTRIBUTE, (whole, space: string, name: string, rawValue: string) => {
      if (name === 'id') return `${space}id="${newIdsInOrder[idIndex++]}"`;
      if (HREF_ATTRIBUTES.has(name) && rawValue.startsWith('#')) {
        const mapped = mapId(decodeAttr(rawValue.slice(1)));
        return mapped ? `${space}${name}="#${mapped}"` : whole;
      }
      if (ID_LIST_ATTRIBUTES.has(name)) {
        const value = rawValue
          .split(/\s+/)
          .map((ref) => mapId(decodeAttr(ref)) ?? ref)
          .join(' ');
        return `${space}${name}="${value}"`;
      }
      if (rawValue.includes('url(')) {
        const value = name === 'style'
          ? rewriteCss(`x{${decodeAttr(rawValue)}}`, { mapId }).slice(2, -1)
          : rawValue.replace(URL_REF, (m, q1: string | undefined, id: string, q2: string | undefined) => {
              const mapped = mapId(decodeAttr(id));
              return mapped ? `url(${q1 ?? ''}#${mapped}${q2 ?? ''})` : m;
            });
        return `${space}${name}="${name === 'style' ? encodeAttr(value) : value}"`;
      }
      return whole;
    });

  return mapTags(svg, rewriteTag, (css) => rewriteCss(css, { mapId, mapKeyframes: (name) => `${token}-${name}` }));
}

function encodeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function decodeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
