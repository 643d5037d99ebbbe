/**
 * Errors a person can act on: where the diagram came from, which line, what Mermaid said,
 * and how to fix the environment when no browser is available.
 */
import { DOWNLOAD_COMMAND } from './chromium-download.ts';

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

/** A browser that was found but did not start, and the first line of why. */
export interface FailedStart {
  path: string;
  message: string;
}

export interface BrowserSearchReport {
  /** Each place searched, as a person would read it (a path, "... on PATH", a cache folder). */
  looked: readonly string[];
  failures?: readonly FailedStart[];
  /** What became of the download fallback, when it was tried or turned off. */
  download?: string;
}

/** No Chromium to run: where we looked, what failed, and how to get one. */
export class BrowserNotFoundError extends Error {
  override readonly name = 'BrowserNotFoundError';
  constructor(readonly report: BrowserSearchReport) {
    const failures = report.failures ?? [];
    super(
      [
        'No Chromium browser could be started (needed to render Mermaid diagrams at build time, and for the browser tests).',
        'Looked in:',
        ...report.looked.map((place) => `  - ${place}`),
        ...(failures.length ? ['Found but did not start:', ...failures.map((f) => `  - ${f.path}: ${f.message}`)] : []),
        ...(report.download ? [`Download of Playwright's Chrome Headless Shell: ${report.download}`] : []),
        'Get one of these:',
        '  - Debian/Ubuntu: sudo apt-get install chromium',
        '  - set CHROMIUM_PATH=/path/to/chrome (any Chromium, Chrome or Edge build)',
        `  - download Playwright's: ${DOWNLOAD_COMMAND}`,
        'Diagrams already in .cache/diagrams/ are reused without a browser.',
      ].join('\n'),
    );
  }
}
