/**
 * The printed report: one table per measurement, from plain result objects (pure, so the layout is
 * unit-tested and a partial run still prints what it measured).
 */
import { formatBytes, formatDuration, formatRatio, formatRawGzip, renderTable } from './format.ts';
import type { PageType } from './pages.ts';
import type { LighthouseRun } from './lighthouse.ts';
import type { SearchCost } from './search.ts';
import type { PageWeight } from './weight.ts';
import type { ScaleSize } from './generate.ts';

export interface PageWeightRow {
  type: PageType;
  label: string;
  pathname: string;
  weight: PageWeight;
  requests: number;
  failedRequests: number;
  /** 0 when the page reads fully without JavaScript, else the JS bytes the page loads. */
  jsNeededToRead: number;
  noJsProblems: string[];
}

export function pageWeightTable(rows: PageWeightRow[], pageCount: string): string {
  return renderTable(
    [
      { header: 'page type' },
      { header: 'page (heaviest of type)' },
      { header: 'HTML raw / gz', align: 'right' },
      { header: 'CSS raw / gz', align: 'right' },
      { header: 'JS raw / gz', align: 'right' },
      { header: 'SVG raw / gz', align: 'right' },
      { header: 'of which diagrams', align: 'right' },
      { header: 'total raw / gz', align: 'right' },
      { header: 'requests', align: 'right' },
      { header: 'JS needed to read', align: 'right' },
    ],
    rows.map((row) => [
      row.label,
      row.pathname,
      formatRawGzip(row.weight.html.raw, row.weight.html.gzip),
      formatRawGzip(row.weight.css.raw, row.weight.css.gzip),
      formatRawGzip(row.weight.js.raw, row.weight.js.gzip),
      formatRawGzip(row.weight.svg.raw, row.weight.svg.gzip),
      row.weight.diagrams === 0 ? '-' : `${row.weight.diagrams} · ${formatRawGzip(row.weight.diagramSvg.raw, row.weight.diagramSvg.gzip)}`,
      formatRawGzip(row.weight.total.raw, row.weight.total.gzip),
      String(row.requests) + (row.failedRequests > 0 ? ` (${row.failedRequests} failed)` : ''),
      row.noJsProblems.length === 0 ? '0 B' : `${formatBytes(row.jsNeededToRead)} (!)`,
    ]),
    `1. Page weight by page type (${pageCount})`,
  );
}

export function searchTable(costs: SearchCost[]): string {
  return renderTable(
    [
      { header: 'search' },
      { header: 'query' },
      { header: 'bytes fetched', align: 'right' },
      { header: 'requests', align: 'right' },
      { header: 'results', align: 'right' },
      { header: 'largest parts' },
    ],
    costs.map((cost, i) => [
      i === 0 ? 'first (loads Pagefind)' : 'later',
      cost.query,
      formatBytes(cost.bytes),
      String(cost.requests),
      String(cost.results),
      Object.entries(cost.byKind)
        .sort(([, a], [, b]) => b - a)
        .slice(0, 3)
        .map(([kind, bytes]) => `${kind} ${formatBytes(bytes)}`)
        .join(', '),
    ]),
    '2. Search (Pagefind responses as served; its index files are already compressed)',
  );
}

/** Lighthouse rows, with the load average that inflates TBT on a shared machine. */
export function lighthouseTable(run: LighthouseRun): string {
  const load = run.loadAtStart.map((l) => l.toFixed(1)).join(' / ');
  const table = renderTable(
    [
      { header: 'page' },
      { header: 'chosen as' },
      { header: 'performance', align: 'right' },
      { header: 'TBT', align: 'right' },
      { header: 'CLS', align: 'right' },
      { header: 'LCP', align: 'right' },
    ],
    run.rows.map((row) =>
      row.metrics
        ? [row.pathname, row.label, String(row.metrics.score), `${Math.round(row.metrics.tbtMs)} ms`, row.metrics.cls.toFixed(3), formatDuration(row.metrics.lcpMs)]
        : [row.pathname, row.label, 'FAILED', '-', '-', '-'],
    ),
    '2b. Lighthouse, performance category, mobile preset (simulated throttling)',
  );
  const notes = [
    `Load average at start ${load} on ${run.cpus} CPU(s); Chromium ${run.chromePath}.`,
    'TBT (and with it the score) is main-thread time on this machine: a loaded machine inflates it, so compare pages within one run.',
    ...run.rows.filter((row) => row.error).map((row) => `note: ${row.pathname}: ${row.error}`),
  ];
  return [table, '', ...notes].join('\n');
}

export interface BuildRow {
  label: string;
  ok: boolean;
  ms: number;
  distFiles?: number;
  distBytes?: number;
  treeHash?: string;
}

export function buildTable(rows: BuildRow[], reproducibility: string[]): string {
  const cold = rows.find((r) => r.ok)?.ms ?? 0;
  const table = renderTable(
    [
      { header: 'full site build' },
      { header: 'time', align: 'right' },
      { header: 'vs cold', align: 'right' },
      { header: 'dist files', align: 'right' },
      { header: 'dist bytes', align: 'right' },
      { header: 'dist tree sha256' },
    ],
    rows.map((row) => [
      row.label,
      row.ok ? formatDuration(row.ms) : `FAILED after ${formatDuration(row.ms)}`,
      row.ok ? formatRatio(row.ms, cold) : '-',
      row.distFiles === undefined ? '-' : String(row.distFiles),
      row.distBytes === undefined ? '-' : formatBytes(row.distBytes),
      row.treeHash ? row.treeHash.slice(0, 16) : '-',
    ]),
    '3. Full build (astro build in a copy of the checkout; cold = no dist/, .astro/, .cache/, .generated/, node_modules/.astro|.vite)',
  );
  return [table, '', ...reproducibility].join('\n');
}

export interface ScaleRow {
  size: ScaleSize;
  cold?: { ok: boolean; ms: number };
  warm?: { ok: boolean; ms: number };
  htmlPages?: number;
  distBytes?: number;
  /** "N diagrams: x rendered, y from cache" as the build logged it, if it did. */
  diagramLog?: string;
}

/** Extra cold-build time per extra page from the previous size: the slope, without the fixed cost. */
function marginal(previous: ScaleRow | undefined, row: ScaleRow): string {
  if (!previous?.cold?.ok || !row.cold?.ok || row.size.pages <= previous.size.pages) return '-';
  return formatDuration((row.cold.ms - previous.cold.ms) / (row.size.pages - previous.size.pages));
}

export function scaleTable(rows: ScaleRow[]): string {
  const first = rows.find((r) => r.cold?.ok);
  const time = (run?: { ok: boolean; ms: number }) => (!run ? '-' : run.ok ? formatDuration(run.ms) : `FAILED (${formatDuration(run.ms)})`);
  return renderTable(
    [
      { header: 'pages' },
      { header: 'diagrams', align: 'right' },
      { header: 'cold build', align: 'right' },
      { header: 'warm build', align: 'right' },
      { header: 'warm / cold', align: 'right' },
      { header: 'cold, per added page', align: 'right' },
      { header: 'cold vs smallest', align: 'right' },
      { header: 'HTML pages', align: 'right' },
      { header: 'dist bytes', align: 'right' },
      { header: 'up-front diagram render (cold build log)' },
    ],
    rows.map((row, i) => [
      String(row.size.pages),
      String(row.size.diagrams),
      time(row.cold),
      time(row.warm),
      row.cold?.ok && row.warm?.ok ? formatRatio(row.warm.ms, row.cold.ms) : '-',
      marginal(rows[i - 1], row),
      row.cold?.ok && first?.cold ? formatRatio(row.cold.ms, first.cold.ms) : '-',
      row.htmlPages === undefined ? '-' : String(row.htmlPages),
      row.distBytes === undefined ? '-' : formatBytes(row.distBytes),
      row.diagramLog ?? '-',
    ]),
    '4. Scale run (generated pages with fenced ```mermaid diagrams, DOCS_DIR=.cache/bench-site; warm = same build again, diagram cache kept)',
  );
}

/** "18 diagrams: 18 rendered, 0 from cache" from an astro build log, if the mermaid integration logged it. */
export function diagramRenderLine(lines: string[]): string | undefined {
  for (const line of lines) {
    const match = line.match(/(\d+ diagrams: \d+ rendered, \d+ from cache)/);
    if (match) return match[1];
  }
  return undefined;
}
