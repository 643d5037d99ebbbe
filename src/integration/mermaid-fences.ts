/**
 * Finds fenced ```mermaid blocks in MDX text without a full MDX parse, so a build can render every
 * diagram up front in one browser session. Follows CommonMark fences: up to three spaces of
 * indentation, three or more backticks or tildes, closed by the same character at least as long.
 * The remark plugin sees the same blocks through the real parser; this scanner only pre-fills the
 * cache, so a block it missed would still render (on demand) and a block it wrongly found would only
 * cost a render.
 */

export interface MermaidFence {
  /** Mermaid text between the fences. */
  code: string;
  /** 1-based line of the first line inside the fence. */
  line: number;
  /** `title="..."` from the fence's meta, if any. */
  title?: string;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;

/** Parses `title="Caption"` (or single quotes) from a fence meta string. */
export function parseFenceTitle(meta: string | null | undefined): string | undefined {
  if (!meta) return undefined;
  const match = meta.match(/(?:^|\s)title=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : value.replace(/\\(.)/g, '$1');
}

export function findMermaidFences(text: string): MermaidFence[] {
  const lines = text.split(/\r?\n/);
  const fences: MermaidFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i]!.match(OPEN);
    if (!open) continue;
    const [, indent, marker, lang, meta] = open as unknown as [string, string, string, string, string];
    if (marker[0] === '`' && (lang + meta).includes('`')) continue; // not a fence (inline code)
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    if (lang.toLowerCase() === 'mermaid') {
      const body = lines
        .slice(i + 1, end)
        .map((l) => removeIndent(l, indent.length))
        .join('\n');
      const title = parseFenceTitle(meta);
      fences.push({ code: body, line: i + 2, ...(title !== undefined ? { title } : {}) });
    }
    i = end; // skip the fence body: a ```mermaid inside another fence is an example, not a diagram
  }
  return fences;
}

function removeIndent(line: string, width: number): string {
  let n = 0;
  while (n < width && line[n] === ' ') n++;
  return line.slice(n);
}
