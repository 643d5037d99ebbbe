/**
 * Mermaid's entity codes (`&#40;`, `&#x28;`), which src/mermaid/escape.ts produces for every
 * character with a meaning to Mermaid. Mermaid decodes them in node labels and messages, but with
 * SVG labels it leaves subgraph titles as the literal text `&#40;`. svg-root.ts decodes what is
 * left in the serialised markup, for the build-time renderer and for the diagrams the "Your
 * cluster" page draws in the browser alike, so both show the same text.
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

// A code cut off at the end of one piece, and the digits that finish it at the start of the next.
const PARTIAL_AT_END = /&#(x[0-9a-fA-F]*|\d*)$/;
const REST_AT_START = /^([0-9a-fA-F]*);/;

function decodeWhole(text: string, emit: (char: string) => string): string {
  return text.replace(ENTITY_CODE, (whole, code: string) => {
    const char = entityCodeChar(code);
    return char === undefined ? whole : emit(char);
  });
}

/**
 * Decodes the codes in a run of text pieces, in document order. Mermaid draws an SVG label as one
 * tspan per word piece, and a code can straddle two pieces (`fd00:10:244&#58` + `;/64`, from the
 * `::` of an IPv6 range): its character joins the first piece. `emit` writes a decoded character
 * (identity for DOM text, XML escaping for serialised markup).
 */
export function decodeEntityCodePieces(pieces: readonly string[], emit: (char: string) => string = (char) => char): string[] {
  const out = [...pieces];
  for (let i = 0; i < out.length; i++) {
    const text = out[i]!;
    const partial = PARTIAL_AT_END.exec(text);
    const next = out[i + 1];
    const rest = partial && next !== undefined ? REST_AT_START.exec(next) : null;
    const joined = partial && rest ? entityCodeChar(partial[1]! + rest[1]!) : undefined;
    if (partial && rest && joined !== undefined) {
      out[i] = decodeWhole(text.slice(0, partial.index), emit) + emit(joined);
      out[i + 1] = next!.slice(rest[0].length);
    } else {
      out[i] = decodeWhole(text, emit);
    }
  }
  return out;
}

/** Plain text (a DOM text node's data) with every numeric entity code replaced by its character. */
export function decodeEntityCodeText(text: string): string {
  return decodeEntityCodePieces([text])[0]!;
}
