/**
 * Lighthouse (performance category, its default mobile preset) on a few pages of the built site:
 * home, the three pages with the most diagrams, the diagram gallery's index and its heaviest
 * cluster page. Lighthouse starts its own
 * Chromium through its CLI; which browser is the repo's one choice (src/render/browser.ts).
 *
 * Total Blocking Time is main-thread time measured on this machine, so a loaded (shared) machine
 * inflates it; the report prints the load average next to the numbers.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveChromium } from '../src/render/browser.ts';
import { GALLERY_HREF, isClusterPagePath } from '../src/site/gallery-paths.ts';
import { normaliseBase, type SitePage } from './pages.ts';
import { inlineParts } from './weight.ts';

/** Headless, sandbox-free (CI containers run as root) and offline: no updates or field trials. */
export const LIGHTHOUSE_CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** The diagram gallery's index (base path not included): it links one page per cluster definition. */
export const GALLERY_PATH = GALLERY_HREF.slice(1);

/** How many of the diagram-heaviest pages to audit (besides home and the gallery pages). */
export const HEAVIEST_COUNT = 3;

export interface PageDiagrams {
  pathname: string;
  /** Diagrams inline in the page's HTML (figures holding an inline SVG). */
  diagrams: number;
  /** Their SVG markup in bytes: breaks ties between pages with as many diagrams. */
  diagramBytes: number;
  /** Size of the page's HTML file in bytes: picks the heaviest gallery cluster page. */
  htmlBytes: number;
}

export interface LighthouseTarget {
  label: string;
  pathname: string;
}

/** Diagram count and diagram SVG bytes of an HTML page, as the page-weight table counts them. */
export function countDiagrams(html: string): { diagrams: number; diagramBytes: number } {
  const parts = inlineParts(html);
  return { diagrams: parts.diagrams, diagramBytes: Buffer.byteLength(parts.diagramSvg) };
}

/**
 * Pages to audit: home, the `count` pages with the most diagrams (ties: more diagram SVG bytes, then
 * path; home, the gallery's pages and 404 excluded since they have their own rows or none), then
 * the gallery index and the gallery cluster page with the largest HTML (ties: path) when the site
 * has them.
 */
export function lighthouseTargets(pages: PageDiagrams[], base: string, count = HEAVIEST_COUNT): LighthouseTarget[] {
  const prefix = normaliseBase(base);
  const home = prefix;
  const gallery = prefix + GALLERY_PATH;
  const isGallery = (p: PageDiagrams) => p.pathname === gallery || isClusterPagePath(p.pathname, prefix);
  const targets: LighthouseTarget[] = [];
  if (pages.some((p) => p.pathname === home)) targets.push({ label: 'home', pathname: home });
  const heaviest = pages
    .filter((p) => p.diagrams > 0 && p.pathname !== home && !isGallery(p) && !/\/404(\.html|\/)?$/.test(p.pathname))
    .sort((a, b) => b.diagrams - a.diagrams || b.diagramBytes - a.diagramBytes || a.pathname.localeCompare(b.pathname))
    .slice(0, count);
  for (const page of heaviest) targets.push({ label: `${page.diagrams} diagrams`, pathname: page.pathname });
  if (pages.some((p) => p.pathname === gallery)) targets.push({ label: 'gallery index', pathname: gallery });
  const clusterPage = pages
    .filter((p) => isClusterPagePath(p.pathname, prefix))
    .sort((a, b) => b.htmlBytes - a.htmlBytes || a.pathname.localeCompare(b.pathname))[0];
  if (clusterPage) {
    const kB = Math.round(clusterPage.htmlBytes / 1024);
    targets.push({ label: `gallery cluster page, ${clusterPage.diagrams} diagrams, ${kB} kB HTML`, pathname: clusterPage.pathname });
  }
  return targets;
}

export interface LighthouseMetrics {
  /** Performance category score, 0–100. */
  score: number;
  tbtMs: number;
  cls: number;
  lcpMs: number;
}

function numeric(lhr: Record<string, unknown>, audit: string): number {
  const audits = lhr.audits as Record<string, { numericValue?: unknown }> | undefined;
  const value = audits?.[audit]?.numericValue;
  if (typeof value !== 'number') throw new Error(`Lighthouse result has no numeric ${audit}`);
  return value;
}

/** The four numbers from a Lighthouse result (LHR JSON); throws when the run reported an error. */
export function readLighthouseResult(lhr: unknown): LighthouseMetrics {
  if (typeof lhr !== 'object' || lhr === null) throw new Error('Lighthouse printed no result object');
  const result = lhr as Record<string, unknown>;
  const runtimeError = result.runtimeError as { code?: string; message?: string } | undefined;
  if (runtimeError?.code && runtimeError.code !== 'NO_ERROR') throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message ?? ''}`.trim());
  const performance = (result.categories as Record<string, { score?: unknown }> | undefined)?.performance;
  if (typeof performance?.score !== 'number') throw new Error('Lighthouse result has no performance score');
  return {
    score: Math.round(performance.score * 100),
    tbtMs: numeric(result, 'total-blocking-time'),
    cls: numeric(result, 'cumulative-layout-shift'),
    lcpMs: numeric(result, 'largest-contentful-paint'),
  };
}

function lighthouseCli(): string {
  const packageJson = createRequire(import.meta.url).resolve('lighthouse/package.json');
  const bin = (JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string> }).bin.lighthouse!;
  return join(dirname(packageJson), bin);
}

/** Runs the Lighthouse CLI on `url` with this Node and the given browser; performance only. */
export function runLighthouse(url: string, chromePath: string): Promise<LighthouseMetrics> {
  const args = [
    lighthouseCli(),
    url,
    '--only-categories=performance',
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    `--chrome-path=${chromePath}`,
    `--chrome-flags=${LIGHTHOUSE_CHROME_FLAGS.join(' ')}`,
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 256 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${error.message.split('\n')[0]}${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`));
        return;
      }
      try {
        resolve(readLighthouseResult(JSON.parse(stdout)));
      } catch (parseError) {
        reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
      }
    });
  });
}

export interface LighthouseRow extends LighthouseTarget {
  metrics?: LighthouseMetrics;
  error?: string;
}

export interface LighthouseRun {
  rows: LighthouseRow[];
  /** 1, 5 and 15 minute load averages when the audits started. */
  loadAtStart: number[];
  cpus: number;
  chromePath: string;
}

/** Audits the chosen pages of `distDir`, served at `serverUrl` (origin + base, trailing slash). */
export async function measureLighthouse(
  distDir: string,
  base: string,
  serverUrl: string,
  pages: SitePage[],
  cpus: number,
  log: (message: string) => void,
): Promise<LighthouseRun> {
  const counted = pages.map((p) => {
    const html = readFileSync(join(distDir, p.file), 'utf8');
    return { pathname: p.pathname, htmlBytes: Buffer.byteLength(html), ...countDiagrams(html) };
  });
  const targets = lighthouseTargets(counted, base);
  const chromePath = await resolveChromium({ log });
  const loadAtStart = loadavg();
  const rows: LighthouseRow[] = [];
  for (const target of targets) {
    log(`lighthouse: ${target.pathname}`);
    const url = new URL(target.pathname.slice(normaliseBase(base).length), serverUrl).href;
    try {
      rows.push({ ...target, metrics: await runLighthouse(url, chromePath) });
    } catch (error) {
      rows.push({ ...target, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { rows, loadAtStart, cpus, chromePath };
}
