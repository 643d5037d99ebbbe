/**
 * Shrinks Mermaid's SVG without changing what it draws: coordinates are rounded to 1/100 px (Mermaid
 * writes 15 significant digits; shape outlines alone can be 40 KB) and `data-points` (base64 edge
 * geometry kept for Mermaid's own interactivity) is dropped, and so is `name` (sequence diagrams
 * put it on <rect>/<line>, where SVG does not allow it: the HTML checker rejects the page).
 */

const NUMERIC_ATTRIBUTES = new Set(['d', 'points', 'transform', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'dx', 'dy', 'viewBox', 'refX', 'refY']);
const DROPPED_ATTRIBUTES = new Set(['data-points', 'name']);
const STYLE_ELEMENT = /(<style\b[^>]*>[\s\S]*?<\/style>)/;
const START_TAG = /<[a-zA-Z][^>]*>/g;
const ATTRIBUTE = /(\s)([^\s=/>"']+)="([^"]*)"/g;
const LONG_DECIMAL = /-?\d+\.\d{3,}(?:e-?\d+)?/g;

function round(value: string): string {
  const n = Math.round(Number(value) * 100) / 100;
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * Removes `<symbol>` definitions nothing references (sequence diagrams always define computer,
 * database and clock icons: ~8 KB). Run after ids are final.
 */
export function dropUnusedSymbols(svg: string): string {
  let out = '';
  let last = 0;
  for (const match of svg.matchAll(/<symbol\b[^>]*>/g)) {
    if (match.index < last || match[0].endsWith('/>')) continue;
    const id = match[0].match(/\sid="([^"]+)"/)?.[1];
    const end = svg.indexOf('</symbol>', match.index);
    if (!id || end === -1 || svg.includes(`#${id}"`) || svg.includes(`#${id})`)) continue;
    out += svg.slice(last, match.index);
    last = end + '</symbol>'.length;
  }
  return out + svg.slice(last);
}

export function compactSvg(svg: string): string {
  return svg
    .split(STYLE_ELEMENT)
    .map((part) =>
      part.startsWith('<style')
        ? part
        : part.replace(START_TAG, (tag) =>
            tag.replace(ATTRIBUTE, (whole, space: string, name: string, value: string) => {
              if (DROPPED_ATTRIBUTES.has(name)) return '';
              if (NUMERIC_ATTRIBUTES.has(name)) return `${space}${name}="${value.replace(LONG_DECIMAL, round)}"`;
              return whole;
            }),
          ),
    )
    .join('');
}
