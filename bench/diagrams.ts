/**
 * `npm run bench:diagrams` (entry point scripts/bench-diagrams.ts): renders every diagram of the
 * site (each view of each cluster in diagrams/, plus every ```mermaid fence in docs/) three ways
 * in one run, times side by side:
 *   cold  - our renderer, empty cache: one Chromium, Mermaid loaded once per page, one render per
 *           diagram for both themes (colours are CSS variables)
 *   warm  - our renderer again on the filled cache: no browser at all
 *   mmdc  - mermaid-cli, one `mmdc` call per diagram as a user would script it, Puppeteer pointed
 *           at the same Chromium (one theme per call)
 * plus, per diagram, the inline SVG as placed on a page: bytes, gzipped bytes, and any colour
 * literal left after theming (see `unthemedColors`: attributes may be repainted by CSS). A measurement, not a test: nothing fails on a slow run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { collectFenceDiagrams } from '../src/integration/mermaid.ts';
import { loadClusterRegistry } from '../src/model/load.ts';
import { registryViews } from '../src/mermaid/views.ts';
import { CHROMIUM_ARGS, DiagramRenderer, placeDiagram, resolveChromium } from '../src/render/index.ts';
import { unthemedColors } from '../src/render/svg-palette.ts';
import { processTreeCpuMs } from './process-cpu.ts';

const run = promisify(execFile);

function seconds(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export interface BenchDiagram {
  name: string;
  source: string;
}

/**
 * Every diagram of the site: cluster views first (named `cluster/view`, each followed by its phone
 * variant, `cluster/view (phone)`, which pages carry along where the view is too wide for a phone),
 * then fences (`page:line`).
 */
export async function siteDiagrams(root: string): Promise<BenchDiagram[]> {
  const views = registryViews(await loadClusterRegistry(root)).flatMap((view) => [
    { name: `${view.id}/${view.view}`, source: view.mermaid },
    { name: `${view.id}/${view.view} (phone)`, source: view.phoneMermaid },
  ]);
  const fences = collectFenceDiagrams(root).map((fence) => ({ name: `${fence.origin?.file}:${fence.origin?.line}`, source: fence.source }));
  return [...views, ...fences];
}

/** Runs the comparison on the first `limit` diagrams of the site under `root` and returns the report. */
export async function benchDiagrams(root: string, limit: number, log: (message: string) => void, options: { mmdc?: boolean } = {}): Promise<string> {
  const diagrams = (await siteDiagrams(root)).slice(0, limit);
  const work = mkdtempSync(join(tmpdir(), 'bench-diagrams-'));
  try {
    return await compare(root, diagrams, work, log, options.mmdc ?? true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface SizeRow {
  name: string;
  bytes: number;
  gzip: number;
  unthemed: string[];
}

/** The SVG of one diagram as a page carries it, measured. */
export function measurePlaced(name: string, svg: string): SizeRow {
  return { name, bytes: Buffer.byteLength(svg), gzip: gzipSync(svg).length, unthemed: unthemedColors(svg) };
}

async function compare(root: string, diagrams: BenchDiagram[], work: string, log: (message: string) => void, withMmdc: boolean): Promise<string> {
  const chromium = await resolveChromium();
  log(`${diagrams.length} diagrams, Chromium ${chromium}, ${work}`);

  // Ours, cold: fresh cache, so every diagram is rendered, browser launch included.
  const cacheDir = join(work, 'cache');
  const cold = new DiagramRenderer({ root, cacheDir });
  const cpuBefore = processTreeCpuMs();
  const loadBefore = loadavg()[0]!;
  let started = performance.now();
  await cold.renderAll(diagrams.map((d) => ({ source: d.source })));
  // Read before closing: the browser's processes still exist (see process-cpu.ts).
  const cpuAfter = processTreeCpuMs();
  await cold.close();
  const coldMs = performance.now() - started;
  const coldCpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  log(`cold: ${seconds(coldMs)}${coldCpuMs === undefined ? '' : `, CPU ${seconds(coldCpuMs)}`}`);

  // Ours, warm: same cache, a new renderer as in a second build.
  const warm = new DiagramRenderer({ root, cacheDir });
  started = performance.now();
  const warmResult = await warm.renderAll(diagrams.map((d) => ({ source: d.source })));
  const warmMs = performance.now() - started;
  if (warmResult.rendered !== 0 || warm.browserOpen) throw new Error('warm run rendered something: the cache did not hit');
  log(`warm: ${seconds(warmMs)}`);

  // mermaid-cli: one process per diagram, as `for f in *.mmd; do mmdc -i $f -o ...; done` would.
  const mmdcBytes: number[] = [];
  let mmdcMs = 0;
  if (withMmdc) {
    const puppeteerConfig = join(work, 'puppeteer.json');
    writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: chromium, args: CHROMIUM_ARGS }));
    const mmdc = join(root, 'node_modules', '.bin', 'mmdc');
    started = performance.now();
    for (const [index, diagram] of diagrams.entries()) {
      const input = join(work, `${index}.mmd`);
      const output = join(work, `${index}.svg`);
      writeFileSync(input, diagram.source);
      await run(mmdc, ['-q', '-p', puppeteerConfig, '-i', input, '-o', output], { env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
      mmdcBytes.push(statSync(output).size);
    }
    mmdcMs = performance.now() - started;
    log(`mmdc: ${seconds(mmdcMs)}`);
  }

  const rows = diagrams.map((diagram, index) =>
    measurePlaced(diagram.name, placeDiagram(warm.cached(diagram.source)!, { idPrefix: `d${index}`, title: diagram.name, description: '' })),
  );
  const n = diagrams.length;
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const gz = rows.map((r) => r.gzip);
  const lines = [
    `Diagrams: ${n} (cluster views from diagrams/ and fences in docs/), Mermaid ${JSON.parse(readFileSync(join(root, 'node_modules/mermaid/package.json'), 'utf8')).version}`,
    '',
    // Wall times on a shared machine grow with its load: say what the load was.
    `Machine: ${cpus().length} cores, load average ${loadBefore.toFixed(1)} before the cold run, ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
    '',
    ...(coldCpuMs === undefined
      ? []
      : [`Cold run CPU (Node + Chromium, all processes): ${seconds(coldCpuMs)}, ${(coldCpuMs / n / 1000).toFixed(3)} s per diagram (less sensitive to other users' load than wall time).`, '']),
    '| run | total | per diagram | vs mmdc |',
    '| --- | ---: | ---: | ---: |',
    `| ours, cold (browser launch included, one render per diagram for both themes) | ${seconds(coldMs)} | ${(coldMs / n / 1000).toFixed(3)} s | ${withMmdc ? `${(mmdcMs / coldMs).toFixed(1)}x faster` : '-'} |`,
    `| ours, warm (cache, no browser) | ${seconds(warmMs)} | ${(warmMs / n).toFixed(1)} ms | ${withMmdc ? `${(mmdcMs / warmMs).toFixed(0)}x faster` : '-'} |`,
    ...(withMmdc ? [`| mmdc, one call per diagram (one theme) | ${seconds(mmdcMs)} | ${(mmdcMs / n / 1000).toFixed(3)} s | 1x |`] : []),
    '',
    `| diagram | our inline SVG | gzipped | colour literals left |${withMmdc ? ' mmdc SVG |' : ''}`,
    `| --- | ---: | ---: | --- |${withMmdc ? ' ---: |' : ''}`,
    ...rows.map((r, i) => `| ${r.name} | ${kib(r.bytes)} | ${kib(r.gzip)} | ${r.unthemed.join(' ') || '-'} |${withMmdc ? ` ${kib(mmdcBytes[i]!)} |` : ''}`),
    `| mean | ${kib(mean(rows.map((r) => r.bytes)))} | ${kib(mean(gz))} (max ${kib(Math.max(...gz))}) | ${rows.filter((r) => r.unthemed.length > 0).length} with any |${withMmdc ? ` ${kib(mean(mmdcBytes))} |` : ''}`,
    '',
  ];
  return lines.join('\n');
}
