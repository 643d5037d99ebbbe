/**
 * Mermaid's entity codes (`&#40;`, `&#x28;`), which src/mermaid/escape.ts produces for every
 * character with a meaning to Mermaid. Mermaid decodes them in node labels and messages, but with
 * SVG labels it leaves subgraph titles as the literal text `&#40;`. Both the build-time renderer
 * (on serialised markup, svg-root.ts) and the browser-side drawing on the "Your cluster" page (on
 * DOM text nodes) decode what is left with this one rule, so both show the same text.
 *
 * Decoding is one pass and yields characters, never markup: a user's own `&#40;` was escaped to
 * `#38;#35;40#59;`, which one pass turns back into the literal `&#40;` they typed.
 */

const ENTITY_CODE = /&#(x[0-9a-fA-F]+|\d+);/g;

/** The character a numeric entity code (`40`, `x28`) stands for, or `undefined` if it is none. */
export function entityCodeChar(code: string): string | undefined {
  const point = code.startsWith('x') ? parseInt(code.slice(1), 16) : Number(code);
  if (!Number.isInteger(point) || point <= 0 || point > 0x10ffff) return undefined;
  return String.fromCodePoint(point);
}

/** Plain text (a DOM text node's data) with every numeric entity code replaced by its character. */
export function decodeEntityCodeText(text: string): string {
  return text.replace(ENTITY_CODE, (whole, code: string) => entityCodeChar(code) ?? whole);
}

/**
 * Decodes the entity codes left in the text nodes under `root` (an SVG Mermaid drew in the
 * browser). Works on text nodes only, so decoded `<` or `&` stay text and cannot become markup.
 */
export function decodeEntityCodesInTree(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.includes('&#')) text.data = decodeEntityCodeText(text.data);
  }
}
