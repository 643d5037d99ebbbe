/**
 * `npm run bench`: runs the measurements in order and returns the printed report. scripts/bench.ts
 * is the command-line entry point; it injects the static server and the browser so this module
 * stays free of test-support imports.
 *
 * Order of a full run, all in one work folder (a temporary copy of the checkout by default):
 *   clean -> build (cold, hashed) -> build (warm) -> clean -> build (hashed, compared with the cold one)
 *   -> page weight, search and Lighthouse on that dist/ -> scale run on generated sites.
 * Ratios within one run are what to compare: the machine is shared, absolute times vary.
 */
import { cpSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runAstroBuild, type BuildResult } from './build.ts';
import { describeDiff, diffHashes, firstDifference, hashDir, isIdentical, treeHash, type DistHashes } from './dist-hash.ts';
import { generateScaleSite, writeScaleSite } from './generate.ts';
import type { BenchOptions } from './options.ts';
import { measureLighthouse } from './lighthouse.ts';
import { checkReadableWithoutJs, loadPage } from './page-load.ts';
import { classifyPage, distFileForPath, normaliseBase, PAGE_TYPES, representatives, type SitePage } from './pages.ts';
import { sitemapPaths } from '../src/site/dist-files.ts';
import { buildTable, diagramRenderLine, lighthouseTable, pageWeightTable, scaleTable, searchTable, type BuildRow, type PageWeightRow, type ScaleRow } from './report.ts';
import { measureSearch } from './search.ts';
import { pageWeight } from './weight.ts';
import { cleanBuildState, copyCheckout, removeWorkdir, temporaryCopy } from './workdir.ts';

export interface BenchDependencies {
  /** Serves `distDir` under `base`; `url` is origin + base with a trailing slash. */
  serve(distDir: string, base: string): Promise<{ url: string; close(): Promise<void> }>;
  launchBrowser(): Promise<Browser>;
  /** Progress messages (stderr). */
  log(message: string): void;
}

/** The folder with generated scale pages, relative to the work folder (git-ignored via .cache/). */
export const SCALE_DOCS_DIR = '.cache/bench-site';

/** Copy of the cold build's dist/ under .cache/, to show how a second clean build differs. */
const COLD_DIST_COPY = 'bench-cold-dist';

/** Queries for the search measurement: a term on the DNS page, then a different one. */
export const SEARCH_QUERIES = ['ndots', 'kube-proxy'];

/** Every HTML page of a built site: sitemap pages plus 404.html, classified. */
export function sitePages(distDir: string, base: string): SitePage[] {
  const paths = new Set<string>(sitemapPaths(distDir));
  if (existsSync(join(distDir, '404.html'))) paths.add(`${normaliseBase(base)}404.html`);
  const pages: SitePage[] = [];
  for (const pathname of paths) {
    const file = distFileForPath(pathname, base);
    if (!file || !existsSync(join(distDir, file))) continue;
    const html = readFileSync(join(distDir, file), 'utf8');
    pages.push({ pathname, file, type: classifyPage(pathname, html, base), bytes: Buffer.byteLength(html) });
  }
  return pages;
}

function distStats(hashes: DistHashes, distDir: string): { files: number; bytes: number } {
  let bytes = 0;
  for (const path of hashes.keys()) bytes += statSync(join(distDir, path)).size;
  return { files: hashes.size, bytes };
}

function failure(label: string, result: BuildResult): string {
  return [`${label} failed (exit ${result.exitCode}); last lines of its output:`, ...result.tail.map((l) => `    ${l}`)].join('\n');
}

async function measurePages(distDir: string, base: string, options: BenchOptions, deps: BenchDependencies, browser: Browser): Promise<string[]> {
  const pages = sitePages(distDir, base);
  const chosen = representatives(pages);
  const counts = PAGE_TYPES.map(({ type, label }) => `${label} ${pages.filter((p) => p.type === type).length}`).join(', ');
  const notes: string[] = [];
  if (!chosen.has('dns-explorer')) {
    // No page carries the explorer island yet: weigh the DNS page anyway, under its own label.
    const dns = pages.filter((p) => p.pathname.includes('/dns/')).sort((a, b) => b.bytes - a.bytes)[0];
    if (dns) notes.push(`No page has the DNS explorer island yet (markers: data-dns-explorer, <dns-explorer>, DnsExplorer island); the DNS row is ${dns.pathname}.`);
    if (dns) chosen.set('dns-explorer', { ...dns, type: 'dns-explorer' });
  }
  const server = await deps.serve(distDir, base);
  const rows: PageWeightRow[] = [];
  try {
    for (const { type, label } of PAGE_TYPES) {
      const page = chosen.get(type);
      if (!page) continue;
      deps.log(`page weight: ${label} ${page.pathname}`);
      const url = new URL(page.pathname.slice(normaliseBase(base).length), server.url).href;
      const load = await loadPage(browser, url);
      const weight = pageWeight(load.resources);
      const readable = await checkReadableWithoutJs(browser, url);
      for (const problem of readable.problems) notes.push(`${page.pathname}: ${problem}`);
      for (const failed of load.failed) notes.push(`${page.pathname}: request failed ${failed}`);
      rows.push({
        type,
        label: type === 'dns-explorer' && !/data-dns-explorer|<dns-explorer|DnsExplorer/.test(readFileSync(join(distDir, page.file), 'utf8')) ? 'DNS (no island yet)' : label,
        pathname: page.pathname,
        weight,
        requests: load.requests,
        failedRequests: load.failed.length,
        jsNeededToRead: readable.readable ? 0 : weight.js.raw,
        noJsProblems: readable.problems,
      });
    }
    const tables = [pageWeightTable(rows, `${pages.length} pages: ${counts}`)];
    tables.push(
      'HTML is the whole document (inline SVG, CSS and JS included); CSS/JS/SVG add inline parts to fetched files;\n' +
        'total sums every response of a first visit, each gzipped alone (zlib level 6). "JS needed to read" is 0 B when,\n' +
        'with JavaScript off, main text (>= 90%), the h1 and every diagram SVG are all present.',
    );
    if (notes.length > 0) tables.push(notes.map((n) => `note: ${n}`).join('\n'));
    deps.log('search: first and later query');
    try {
      const costs = await measureSearch(browser, server.url, SEARCH_QUERIES);
      tables.push(searchTable(costs));
    } catch (error) {
      tables.push(`2. Search: could not measure (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
    if (options.lighthouse) {
      try {
        tables.push(lighthouseTable(await measureLighthouse(distDir, base, server.url, pages, cpus().length, deps.log)));
      } catch (error) {
        tables.push(`2b. Lighthouse: could not run (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      }
    }
    return tables;
  } finally {
    await server.close();
  }
}

async function fullBuilds(workdir: string, options: BenchOptions, deps: BenchDependencies): Promise<{ table: string; distOk: boolean }> {
  const onOutput = options.verbose ? (text: string) => process.stderr.write(text) : undefined;
  const dist = join(workdir, 'dist');
  const rows: BuildRow[] = [];
  const messages: string[] = [];
  const row = (label: string, result: BuildResult, hashes?: DistHashes): void => {
    const stats = hashes ? distStats(hashes, dist) : undefined;
    rows.push({ label, ok: result.ok, ms: result.ms, distFiles: stats?.files, distBytes: stats?.bytes, treeHash: hashes ? treeHash(hashes) : undefined });
    if (!result.ok) messages.push(failure(label, result));
  };

  deps.log('full build 1/3: cold');
  cleanBuildState(workdir);
  const cold = await runAstroBuild(workdir, { onOutput });
  const coldHashes = cold.ok ? hashDir(dist) : undefined;
  row('cold (clean)', cold, coldHashes);
  // Keep the cold build's output to show what differs, if anything, from the second clean build.
  const coldCopy = join(workdir, '.cache', COLD_DIST_COPY);
  rmSync(coldCopy, { recursive: true, force: true });
  if (cold.ok) cpSync(dist, coldCopy, { recursive: true });
  const diagramLine = diagramRenderLine(cold.output.split('\n'));
  if (diagramLine) messages.push(`cold build: ${diagramLine}`);

  deps.log('full build 2/3: warm');
  const warm = await runAstroBuild(workdir, { onOutput });
  const warmHashes = warm.ok ? hashDir(dist) : undefined;
  row('warm (caches kept)', warm, warmHashes);

  deps.log('full build 3/3: clean again, for reproducibility');
  cleanBuildState(workdir, [COLD_DIST_COPY]);
  const again = await runAstroBuild(workdir, { onOutput });
  const againHashes = again.ok ? hashDir(dist) : undefined;
  row('second clean build', again, againHashes);

  if (coldHashes && againHashes) {
    const diff = diffHashes(coldHashes, againHashes);
    messages.push(
      isIdentical(diff)
        ? `Reproducible: two clean builds are byte-identical (${coldHashes.size} files hashed, _headers and pagefind/ included).`
        : `NOT reproducible: two clean builds differ in ${diff.changed.length + diff.added.length + diff.removed.length} file(s):\n` +
            describeDiff(diff).map((line) => `    ${line}`).join('\n') +
            '\n' +
            diff.changed
              .slice(0, 5)
              .map((path) => {
                const d = firstDifference(readFileSync(join(coldCopy, path), 'utf8'), readFileSync(join(dist, path), 'utf8'));
                return d ? `    ${path} at char ${d.offset}:\n      build 1: …${d.first}…\n      build 2: …${d.second}…` : '';
              })
              .join('\n'),
    );
  } else {
    messages.push('Reproducibility: not checked (a clean build failed).');
  }
  if (coldHashes && warmHashes) {
    const diff = diffHashes(coldHashes, warmHashes);
    messages.push(isIdentical(diff) ? 'Warm build output is identical to the cold one.' : `Warm build differs from cold in: ${describeDiff(diff, 10).join('; ')}`);
  }
  return { table: buildTable(rows, messages), distOk: again.ok };
}

async function scaleRun(workdir: string, options: BenchOptions, deps: BenchDependencies): Promise<string> {
  const onOutput = options.verbose ? (text: string) => process.stderr.write(text) : undefined;
  const rows: ScaleRow[] = [];
  const messages: string[] = [];
  const env = { DOCS_DIR: SCALE_DOCS_DIR };
  for (const size of options.sizes) {
    const row: ScaleRow = { size };
    rows.push(row);
    writeScaleSite(join(workdir, SCALE_DOCS_DIR), generateScaleSite(size));
    cleanBuildState(workdir, ['bench-site']);
    deps.log(`scale ${size.pages} pages / ${size.diagrams} diagrams: cold build`);
    const cold = await runAstroBuild(workdir, { env, onOutput });
    row.cold = { ok: cold.ok, ms: cold.ms };
    row.diagramLog = diagramRenderLine(cold.output.split('\n'));
    if (!cold.ok) {
      messages.push(failure(`scale ${size.pages} pages cold build`, cold));
      break; // a bigger site would fail the same way, only slower
    }
    const dist = join(workdir, 'dist');
    const hashes = hashDir(dist);
    row.htmlPages = [...hashes.keys()].filter((p) => p.endsWith('.html')).length;
    row.distBytes = distStats(hashes, dist).bytes;
    deps.log(`scale ${size.pages} pages / ${size.diagrams} diagrams: warm build`);
    const warm = await runAstroBuild(workdir, { env, onOutput });
    row.warm = { ok: warm.ok, ms: warm.ms };
    if (!warm.ok) messages.push(failure(`scale ${size.pages} pages warm build`, warm));
  }
  return [scaleTable(rows), ...messages].join('\n');
}

/** Runs the benchmark as `options` say and returns the report to print. */
export async function runBench(checkout: string, base: string, options: BenchOptions, deps: BenchDependencies): Promise<string> {
  const started = performance.now();
  const sections: string[] = [
    `Kubernetes Networking Concepts benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
      `Node ${process.version}, ${cpus().length} CPU(s), load average at start ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')} (shared machine: compare ratios within this run, not absolute times)`,
  ];

  // Where to build: the given folder (copied from the checkout if missing), else a temporary copy.
  let workdir: string;
  let temporary = false;
  if (options.skipBuild) {
    workdir = options.workdir ?? checkout;
  } else if (options.workdir) {
    workdir = options.workdir;
    if (!existsSync(join(workdir, 'package.json'))) {
      deps.log(`copying the checkout to ${workdir}`);
      copyCheckout(checkout, workdir);
    }
  } else {
    deps.log('copying the checkout to a temporary folder');
    workdir = temporaryCopy(checkout);
    temporary = true;
  }
  deps.log(`work folder: ${workdir}`);

  let browser: Browser | undefined;
  try {
    let distOk = existsSync(join(workdir, 'dist', 'index.html'));
    if (!options.skipBuild && !options.scaleOnly) {
      const builds = await fullBuilds(workdir, options, deps);
      distOk = builds.distOk;
      sections.push(builds.table);
      deps.log(`done:\n${builds.table}`); // so a run cut short still shows what it measured
    }
    if (!options.scaleOnly) {
      // If the copy failed to build (a page mid-edit), weigh the checkout's own dist/ (read only) and say so.
      const fallback = join(checkout, 'dist');
      const distDir = distOk ? join(workdir, 'dist') : existsSync(join(fallback, 'index.html')) ? fallback : undefined;
      if (distDir) {
        browser = await deps.launchBrowser();
        const measured = await measurePages(distDir, base, options, deps, browser);
        if (!distOk) measured.unshift(`note: the build in the work folder failed; sections 1 and 2 measure the checkout's existing ${fallback}`);
        sections.splice(1, 0, ...measured);
        deps.log(`done:\n${measured.join('\n\n')}`);
      } else {
        sections.splice(1, 0, `1./2. Page weight and search: no dist/ to measure in ${workdir}`);
      }
    }
    if (!options.skipBuild) sections.push(await scaleRun(workdir, options, deps));
  } finally {
    await browser?.close();
    if (temporary && !options.keepWorkdir) removeWorkdir(workdir);
    else if (!options.skipBuild) deps.log(`kept work folder ${workdir}`);
  }
  sections.push(`Bench time ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
  return sections.join('\n\n') + '\n';
}
