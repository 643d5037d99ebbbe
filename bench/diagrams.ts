/**
 * `npm run bench:diagrams` (entry point scripts/bench-diagrams.ts): renders every cluster view (from
 * the validated definitions in diagrams/) three ways in one run, times side by side:
 *   cold  - our renderer, empty cache: one Chromium, a few pages, light + dark per diagram
 *   warm  - our renderer again on the filled cache: no browser at all
 *   mmdc  - mermaid-cli, one `mmdc` call per diagram as a user would script it, Puppeteer pointed
 *           at the same Chromium (one theme per call, so it does half our work per diagram)
 * plus the inline SVG bytes per diagram. A measurement, not a test: nothing fails on a slow run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadClusterRegistry } from '../src/model/load.ts';
import { registryViews } from '../src/mermaid/views.ts';
import { CHROMIUM_ARGS, DiagramRenderer, placeDiagram, resolveChromium } from '../src/render/index.ts';

const run = promisify(execFile);

function seconds(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Runs the comparison on the first `limit` cluster views under `root` and returns the report. */
export async function benchDiagrams(root: string, limit: number, log: (message: string) => void): Promise<string> {
  const views = registryViews(await loadClusterRegistry(root)).slice(0, limit);
  const diagrams = views.map((view) => ({ name: `${view.id}/${view.view}`, source: view.mermaid }));
  const work = mkdtempSync(join(tmpdir(), 'bench-diagrams-'));
  try {
    return await compare(root, diagrams, work, log);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function compare(root: string, diagrams: { name: string; source: string }[], work: string, log: (message: string) => void): Promise<string> {
  const chromium = await resolveChromium();
  log(`${diagrams.length} diagrams, Chromium ${chromium}, ${work}`);

  // Ours, cold: fresh cache, so every diagram is rendered (both themes).
  const cacheDir = join(work, 'cache');
  const cold = new DiagramRenderer({ root, cacheDir });
  let started = performance.now();
  await cold.renderAll(diagrams.map((d) => ({ source: d.source })));
  await cold.close();
  const coldMs = performance.now() - started;
  log(`cold: ${seconds(coldMs)}`);

  // Ours, warm: same cache, a new renderer as in a second build.
  const warm = new DiagramRenderer({ root, cacheDir });
  started = performance.now();
  const warmResult = await warm.renderAll(diagrams.map((d) => ({ source: d.source })));
  const warmMs = performance.now() - started;
  if (warmResult.rendered !== 0 || warm.browserOpen) throw new Error('warm run rendered something: the cache did not hit');
  log(`warm: ${seconds(warmMs)}`);

  // mermaid-cli: one process per diagram, as `for f in *.mmd; do mmdc -i $f -o ...; done` would.
  const puppeteerConfig = join(work, 'puppeteer.json');
  writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: chromium, args: CHROMIUM_ARGS }));
  const mmdc = join(root, 'node_modules', '.bin', 'mmdc');
  const mmdcBytes: number[] = [];
  started = performance.now();
  for (const [index, diagram] of diagrams.entries()) {
    const input = join(work, `${index}.mmd`);
    const output = join(work, `${index}.svg`);
    writeFileSync(input, diagram.source);
    await run(mmdc, ['-q', '-p', puppeteerConfig, '-i', input, '-o', output], { env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
    mmdcBytes.push(statSync(output).size);
  }
  const mmdcMs = performance.now() - started;
  log(`mmdc: ${seconds(mmdcMs)}`);

  const rows = diagrams.map((diagram, index) => {
    const rendered = warm.cached(diagram.source)!;
    const placed = placeDiagram(rendered, { idPrefix: `d${index}`, title: diagram.name, description: '' });
    const ours = placed.reduce((sum, v) => sum + Buffer.byteLength(v.svg), 0);
    return { name: diagram.name, ours, themes: placed.length === 1 ? 'one SVG, both themes' : 'two SVGs', mmdc: mmdcBytes[index]! };
  });
  const total = (k: 'ours' | 'mmdc'): number => rows.reduce((sum, r) => sum + r[k], 0);
  const n = diagrams.length;
  const lines = [
    `Diagrams: ${n} cluster views (diagrams/), Mermaid ${JSON.parse(readFileSync(join(root, 'node_modules/mermaid/package.json'), 'utf8')).version}`,
    '',
    '| run | total | per diagram | vs mmdc |',
    '| --- | ---: | ---: | ---: |',
    `| ours, cold (1 browser, light + dark) | ${seconds(coldMs)} | ${(coldMs / n).toFixed(0)} ms | ${(mmdcMs / coldMs).toFixed(1)}x faster |`,
    `| ours, warm (cache, no browser) | ${seconds(warmMs)} | ${(warmMs / n).toFixed(1)} ms | ${(mmdcMs / warmMs).toFixed(0)}x faster |`,
    `| mmdc, one call per diagram (light only) | ${seconds(mmdcMs)} | ${(mmdcMs / n).toFixed(0)} ms | 1x |`,
    '',
    '| diagram | our inline SVG | mmdc SVG |',
    '| --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${(r.ours / 1024).toFixed(1)} KiB (${r.themes}) | ${(r.mmdc / 1024).toFixed(1)} KiB |`),
    `| mean | ${(total('ours') / n / 1024).toFixed(1)} KiB | ${(total('mmdc') / n / 1024).toFixed(1)} KiB |`,
    '',
  ];
  return lines.join('\n');
}
