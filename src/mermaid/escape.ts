/**
 * Escaping for text that goes into Mermaid source.
 *
 * Any string from a cluster definition (names, labels, descriptions) can contain
 * quotes, brackets, `<script>`, `%%`, `;` or Mermaid keywords. Mermaid decodes
 * `#name;` / `#NNN;` entity codes inside labels, so we replace every character
 * that has a meaning to the parser with its numeric entity: the text shows as
 * text and can never end a label, start a comment or inject markup.
 */

// Characters with a meaning somewhere in Mermaid syntax (labels, messages, comments, entities).
const SPECIAL = /["'`<>&#%;:{}[\]()|\\]/g;

function entity(ch: string): string {
  return `#${ch.codePointAt(0)};`;
}

/**
 * An IPv6 address or range as written in a label (`fd00:10:244::/64`, `::ffff:192.0.2.1`): hex
 * groups with at least two colons, not part of a longer word.
 */
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?:\/\d{1,3})?(?![\w:])/g;

/**
 * Escapes one run of non-space characters. The colons of an IPv6 address stay colons: Mermaid
 * measures SVG label text with entity codes still in it, so each `#58;` counted as five characters,
 * an address looked two to three times its width, and Mermaid broke it over lines mid-address to
 * fit its wrapping width (320 px for nodes, 200 px for edge labels). A colon has no meaning inside a
 * quoted label or after a message's first colon, with one exception: Mermaid's preprocessing strips
 * the last `;` of a line matching `style.*:\S*#.*;` (or `classDef...`), which an entity code after
 * the colon would supply. So a colon stays raw only if nothing escaped follows it in its run.
 */
function escapeRun(run: string): string {
  const keep = new Set<number>();
  for (const m of run.matchAll(IPV6)) for (let i = m.index; i < m.index + m[0].length; i++) if (run[i] === ':') keep.add(i);
  let out = '';
  let escapedAfter = false;
  for (let i = run.length - 1; i >= 0; i--) {
    const ch = run[i]!;
    if (!SPECIAL_CHAR.test(ch) || (keep.has(i) && !escapedAfter)) {
      out = ch + out;
    } else {
      out = entity(ch) + out;
      escapedAfter = true;
    }
  }
  return out;
}

const SPECIAL_CHAR = new RegExp(`^${SPECIAL.source}$`);

/** Escapes free text for use inside a quoted flowchart label or a sequence message. */
export function escapeMermaidText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\S+/g, escapeRun);
}

/** Returns a quoted flowchart label: `"..."` with the text escaped. */
export function mermaidLabel(text: string): string {
  return `"${escapeMermaidText(text)}"`;
}

/**
 * Turns any string into a safe Mermaid node id: ASCII letters, digits and `_` only,
 * prefixed so it never collides with keywords such as `end` or `graph`.
 */
export function mermaidId(prefix: string, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`);
  return `${prefix}_${safe}`;
}

/**
 * Returns a quoted multi-line label: each line escaped, joined with `<br>` (the only markup we
 * emit ourselves, so no text from a definition can add any).
 */
export function mermaidLines(lines: readonly string[]): string {
  return `"${lines.map(escapeMermaidText).join('<br>')}"`;
}
