/**
 * Shrinks Mermaid's SVG without changing what it draws: coordinates are rounded to 1/10 px (Mermaid
 * writes 15 significant digits; shape outlines alone can be 40 KB) and `data-points` (base64 edge
 * geometry kept for Mermaid's own interactivity) is dropped, and so is `name` (sequence diagrams
 * put it on <rect>/<line>, where SVG does not allow it: the HTML checker rejects the page), with
 * Mermaid's other data attributes and empty `style` attributes.
 */

const NUMERIC_ATTRIBUTES = new Set(['d', 'points', 'transform', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'dx', 'dy', 'viewBox', 'refX', 'refY']);
/**
 * `data-et`, `data-id`, `data-look`, `data-edge`, `data-node`: Mermaid's hooks for its own
 * interactivity; dropped unless the diagram's stylesheet selects on one (then it stays).
 */
const DROPPED_ATTRIBUTES = new Set(['data-points', 'name', 'data-et', 'data-id', 'data-look', 'data-edge', 'data-node']);
const EMPTY_STYLE = /^[\s;]*$/;
const STYLE_ELEMENT = /(<style\b[^>]*>[\s\S]*?<\/style>)/;
const START_TAG = /<[a-zA-Z][^>]*>/g;
const ATTRIBUTE = /(\s)([^\s=/>"']+)="([^"]*)"/g;

const LONG_DECIMAL_OUT = /-?\d+\.\d{2,}(?:e-?\d+)?/g;

/** 1/10 px: a tenth of a CSS pixel at natural size, less once the diagram is scaled to the column. */
function round(value: string): string {
  const n = Math.round(Number(value) * 10) / 10;
  return Object.is(n, -0) ? '0' : String(n);
}

/**
 * Removes `<symbol>`, `<marker>`, `<filter>` and gradient definitions nothing references (sequence diagrams always define
 * computer, database and clock icons, ~8 KB; flowcharts define point, circle and cross markers
 * for every edge style whether drawn or not), then `<defs>` and `<g>` left empty. Run after ids
 * are final.
 */
export function dropUnusedDefs(svg: string): string {
  let out = svg;
  for (const tag of ['symbol', 'marker', 'filter', 'linearGradient', 'radialGradient']) {
    let next = '';
    let last = 0;
    for (const match of out.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))) {
      if (match.index < last) continue;
      const id = match[0].match(/\sid="([^"]+)"/)?.[1];
      const selfClosing = match[0].endsWith('/>');
      const end = selfClosing ? match.index + match[0].length : out.indexOf(`</${tag}>`, match.index) + `</${tag}>`.length;
      if (!id || end < match.index || out.includes(`#${id}"`) || out.includes(`#${id})`)) continue;
      next += out.slice(last, match.index);
      last = end;
    }
    out = next + out.slice(last);
  }
  // Empty containers, innermost first, until none is left.
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(/<(defs|g)\b[^>]*>\s*<\/\1>|<(defs|g)\b[^>]*\/>/g, (m: string) => (/\sid="/.test(m) ? m : ''));
  }
  return out;
}

/** True when the SVG's stylesheet selects on attribute `name` (then it must stay). */
function stylesheetSelectsOn(svg: string, name: string): boolean {
  const css = svg.match(STYLE_ELEMENT)?.[1] ?? '';
  return css.includes(`[${name}`);
}

export function compactSvg(svg: string): string {
  const dropped = new Set([...DROPPED_ATTRIBUTES].filter((name) => !stylesheetSelectsOn(svg, name)));
  return svg
    .split(STYLE_ELEMENT)
    .map((part) =>
      part.startsWith('<style')
        ? part
        : part.replace(START_TAG, (tag) =>
            tag.replace(ATTRIBUTE, (whole, space: string, name: string, value: string) => {
              if (dropped.has(name)) return '';
              if (name === 'style' && EMPTY_STYLE.test(value)) return '';
              if (NUMERIC_ATTRIBUTES.has(name)) return `${space}${name}="${value.replace(LONG_DECIMAL_OUT, round)}"`;
              return whole;
            }),
          ),
    )
    .join('');
}
