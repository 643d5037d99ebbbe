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

/** Escapes free text for use inside a quoted flowchart label or a sequence message. */
export function escapeMermaidText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(SPECIAL, entity);
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
