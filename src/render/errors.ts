/**
 * Errors a person can act on: where the diagram came from, which line, what Mermaid said,
 * and how to fix the environment when no browser is available.
 */

/** Where a piece of Mermaid text came from, for error messages. */
export interface DiagramOrigin {
  /** File a reader can open: the MDX page or the generated view / cluster definition. */
  file: string;
  /** 1-based line in `file` where the Mermaid text starts (the first line inside the fence). */
  line?: number;
  /** Extra context, e.g. `cluster flannel-vxlan, view topology (from diagrams/flannel-vxlan.ts)`. */
  context?: string;
}

/** Mermaid rejected the source. */
export class MermaidSyntaxError extends Error {
  override readonly name = 'MermaidSyntaxError';
  constructor(
    /** Mermaid's own message, unchanged. */
    readonly mermaidMessage: string,
    /** 1-based line inside the Mermaid text, when Mermaid reported one. */
    readonly diagramLine: number | undefined,
    readonly origin: DiagramOrigin | undefined,
  ) {
    super(formatSyntaxError(mermaidMessage, diagramLine, origin));
  }
}

function formatSyntaxError(message: string, diagramLine: number | undefined, origin: DiagramOrigin | undefined): string {
  const where: string[] = [];
  if (origin) {
    const fileLine =
      origin.line !== undefined && diagramLine !== undefined ? origin.line + diagramLine - 1 : origin.line;
    where.push(fileLine !== undefined ? `${origin.file}:${fileLine}` : origin.file);
    if (origin.context) where.push(`(${origin.context})`);
  } else {
    where.push('<mermaid text>');
  }
  const lineNote = diagramLine !== undefined ? ` line ${diagramLine} of the diagram` : '';
  return `Invalid Mermaid diagram in ${where.join(' ')}${lineNote ? `,${lineNote}` : ''}:\n${indent(message)}`;
}

function indent(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** No Chromium to render with. */
export class BrowserNotFoundError extends Error {
  override readonly name = 'BrowserNotFoundError';
  constructor(tried: readonly string[], cause?: unknown) {
    super(
      [
        'Cannot render Mermaid diagrams: no Chromium browser was found (or it failed to start).',
        `Tried: ${tried.length ? tried.join(', ') : '(nothing)'}`,
        cause ? `Launch error: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}` : '',
        'Get one of these:',
        '  - set CHROMIUM_PATH=/path/to/chromium (any Chromium or Chrome build)',
        '  - Debian/Ubuntu: sudo apt-get install chromium',
        '  - or: npx playwright install chromium',
        'Diagrams already in .cache/diagrams/ are reused without a browser.',
      ]
        .filter(Boolean)
        .join('\n'),
      { cause },
    );
  }
}
