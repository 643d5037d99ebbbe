/**
 * Mermaid draws rounded node shapes (stadium `([..])`, rounded rectangle `(..)`) with rough.js even
 * in the classic look: a fill path and a stroke path, each sampled into hundreds of tiny Bézier
 * segments, the stroke drawn twice. One stadium is ~10 KB of path data, about 40% of a topology
 * view's gzipped size. The outline is a rectangle with rounded corners, so it is redrawn as one
 * `<rect rx>` with the same box. Anything that does not look exactly like that is left alone.
 */

const ROUGH_PAIR = /<g class="(basic label-container[^"]*)"([^>]*)><path d="([^"]{400,})"([^>]*)><\/path><path d="([^"]{400,})"([^>]*)><\/path><\/g>/g;
const NUMBER = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;

function attribute(attrs: string, name: string): string | undefined {
  return attrs.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
}

export interface RoundedBox {
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
}

/**
 * The box of a rough.js rounded-rectangle outline: it starts at the left end of the straight top
 * edge and its first segment runs along that edge, so the corner radius is the distance from
 * either end of that edge to the box's side. `undefined` when the path is not of that form.
 */
export function roundedBoxOf(d: string): RoundedBox | undefined {
  if (!/^M\s*-?[\d.]+\s+-?[\d.]+\s*C/.test(d)) return undefined;
  const numbers = (d.match(NUMBER) ?? []).map(Number);
  if (numbers.length < 8 || numbers.length % 2 !== 0) return undefined;
  const xs = numbers.filter((_n, i) => i % 2 === 0);
  const ys = numbers.filter((_n, i) => i % 2 === 1);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [x0, y0] = [numbers[0]!, numbers[1]!];
  const [x1, y1] = [numbers[6]!, numbers[7]!];
  const height = maxY - minY;
  const width = maxX - minX;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.5;
  // First segment: straight along the top edge, left to right.
  if (!near(y0, minY) || !near(y1, minY) || !(x1 > x0)) return undefined;
  const left = x0 - minX;
  const right = maxX - x1;
  if (!near(left, right) || left < 0 || left > height / 2 + 0.5) return undefined;
  const round = (n: number): number => Math.round(n * 10) / 10;
  return { x: round(minX), y: round(minY), width: round(width), height: round(height), radius: round(Math.min(left, height / 2)) };
}

/** Replaces each rough.js rounded outline (fill path + stroke path) with an equivalent `<rect>`. */
export function simplifyRoughShapes(svg: string): string {
  return svg.replace(ROUGH_PAIR, (whole, cls: string, gAttrs: string, fillD: string, fillAttrs: string, strokeD: string, strokeAttrs: string) => {
    const box = roundedBoxOf(fillD);
    const strokeBox = roundedBoxOf(strokeD);
    if (!box || !strokeBox || Math.abs(box.width - strokeBox.width) > 1 || Math.abs(box.height - strokeBox.height) > 1) return whole;
    const paint: string[] = [];
    const fill = attribute(fillAttrs, 'fill');
    if (fill) paint.push(`fill="${fill}"`);
    for (const name of ['stroke', 'stroke-width', 'stroke-dasharray']) {
      const value = attribute(strokeAttrs, name);
      if (value && !(name === 'stroke-dasharray' && value === '0 0')) paint.push(`${name}="${value}"`);
    }
    const style = attribute(strokeAttrs, 'style');
    if (style) paint.push(`style="${style}"`);
    const r = box.radius;
    return `<g class="${cls}"${gAttrs}><rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${r}" ry="${r}" ${paint.join(' ')}></rect></g>`;
  });
}
