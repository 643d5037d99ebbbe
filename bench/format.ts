/**
 * Plain-text formatting for the benchmark report: byte and duration units and a
 * fixed-width table that reads well in a terminal and pastes into an issue as-is.
 */

/** Bytes in SI units (1 kB = 1000 B), as a reader compares them with a network tab. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '-';
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

/** "raw / gzip" in one cell. */
export function formatRawGzip(raw: number, gzip: number): string {
  return `${formatBytes(raw)} / ${formatBytes(gzip)}`;
}

/** Milliseconds as `850 ms`, `12.3 s` or `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** A ratio such as `3.4x`, or `-` when the denominator is zero. */
export function formatRatio(numerator: number, denominator: number): string {
  if (!(denominator > 0) || !Number.isFinite(numerator)) return '-';
  return `${(numerator / denominator).toFixed(2)}x`;
}

export type Align = 'left' | 'right';

export interface TableColumn {
  header: string;
  /** Numbers read best right-aligned; default left. */
  align?: Align;
}

/** Visible width of a cell: code points, so `…` or `×` count as one column. */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * A Markdown-compatible pipe table padded to fixed widths, e.g.
 *
 * ```
 * | page | HTML   |
 * | :--- | -----: |
 * | home | 1.2 kB |
 * ```
 *
 * Rows shorter than the header are filled with empty cells; longer rows are an error.
 * Pipes inside cells are escaped so the table stays a table when pasted into Markdown.
 */
export function renderTable(columns: TableColumn[], rows: string[][], title?: string): string {
  for (const row of rows) {
    if (row.length > columns.length) {
      throw new Error(`renderTable: a row has ${row.length} cells but the table has ${columns.length} columns`);
    }
  }
  const cells = rows.map((row) => columns.map((_, i) => (row[i] ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')));
  const headers = columns.map((c) => c.header.replace(/\|/g, '\\|'));
  const widths = columns.map((_, i) => Math.max(3, width(headers[i]!), ...cells.map((row) => width(row[i]!))));
  const line = (values: string[]) =>
    `| ${values.map((value, i) => pad(value, widths[i]!, columns[i]!.align ?? 'left')).join(' | ')} |`;
  const rule = `| ${widths
    .map((w, i) => (columns[i]!.align === 'right' ? '-'.repeat(w - 1) + ':' : ':' + '-'.repeat(w - 1)))
    .join(' | ')} |`;
  const out = [line(headers), rule, ...cells.map(line)];
  return (title ? `${title}\n\n` : '') + out.join('\n');
}
