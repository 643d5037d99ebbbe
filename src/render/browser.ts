/**
 * The one Chromium launcher for the build, the browser tests and the benchmarks: search the usual
 * install places (chromium-search.ts), start the first browser that starts, and on a machine with
 * none, download Playwright's headless shell (chromium-download.ts) before giving up with an error
 * that says where we looked and how to fix it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, homedir } from 'node:os';
import { dirname } from 'node:path';
import type { Browser } from 'playwright-core';
import { downloadHeadlessShell, type BrowserDownload } from './chromium-download.ts';
import { findChromiums, playwrightCacheDir, searchPlaces, type SearchHost } from './chromium-search.ts';
import { BrowserNotFoundError, type FailedStart } from './errors.ts';

/** Flags for a quiet, offline, sandbox-free headless run (CI containers run as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  // Containers often give /dev/shm only 64 MB; Chromium then crashes on big pages.
  '--disable-dev-shm-usage',
];

/** What the launcher knows at one point of its search. */
export interface ChromiumState {
  /** CHROMIUM_PATH: when set, the only browser we may use. */
  explicit?: string;
  /** Executables that exist, in search order. */
  found: readonly string[];
  /** Executables that failed to start. */
  failed: readonly string[];
  downloadAllowed: boolean;
  downloadTried: boolean;
}

export type ChromiumStep = { action: 'start'; path: string } | { action: 'download' } | { action: 'give up' };

/**
 * The next thing to do: start the first found browser not yet failed; when none is left, download
 * once (not when CHROMIUM_PATH names a browser: that is a setting to fix, not to work around).
 */
export function nextChromiumStep(state: ChromiumState): ChromiumStep {
  const next = state.found.find((path) => !state.failed.includes(path));
  if (next) return { action: 'start', path: next };
  if (state.explicit === undefined && state.downloadAllowed && !state.downloadTried) return { action: 'download' };
  return { action: 'give up' };
}

/** PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD (Playwright's own switch) turns the download off. */
export function downloadAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  const skip = env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD;
  return !skip || skip === '0' || skip.toLowerCase() === 'false';
}

/** This machine, as the search sees it. */
export function systemSearchHost(env: NodeJS.ProcessEnv = process.env): SearchHost {
  let playwrightPackageDir: string | undefined;
  try {
    playwrightPackageDir = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  } catch {
    // not installed: PLAYWRIGHT_BROWSERS_PATH=0 then has no meaning
  }
  return {
    platform: process.platform,
    arch: arch(),
    env,
    home: homedir(),
    cwd: process.cwd(),
    playwrightPackageDir,
    exists: existsSync,
    listDir: (path) => {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  };
}

export interface ChromiumOptions {
  host?: SearchHost;
  download?: BrowserDownload;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** Runs `start` with the first browser that starts, downloading one if none is installed. */
export async function withChromium<T>(start: (executablePath: string) => Promise<T>, options: ChromiumOptions = {}): Promise<T> {
  const host = options.host ?? systemSearchHost();
  const download = options.download ?? downloadHeadlessShell;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const explicit = host.env.CHROMIUM_PATH || undefined;
  const allowed = downloadAllowed(host.env);
  let places = searchPlaces(host);
  let found = findChromiums(host, places);
  const failures: FailedStart[] = [];
  let downloadTried = false;
  let downloadNote: string | undefined = allowed ? undefined : 'not tried: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set';

  for (;;) {
    const step = nextChromiumStep({ explicit, found, failed: failures.map((f) => f.path), downloadAllowed: allowed, downloadTried });
    if (step.action === 'start') {
      try {
        return await start(step.path);
      } catch (error) {
        failures.push({ path: step.path, message: firstLine(error) });
        if (!explicit) log(`Chromium: ${step.path} did not start (${firstLine(error)}); trying the next one`);
      }
    } else if (step.action === 'download') {
      downloadTried = true;
      const target = playwrightCacheDir(host);
      log(`Chromium: none found in ${places.length} places; downloading Playwright's Chrome Headless Shell into ${target} (about 100 MB, once) ...`);
      const outcome = await download(target);
      places = searchPlaces(host);
      found = findChromiums(host, places);
      if (!outcome.ok) downloadNote = `failed: ${outcome.message}`;
      else if (found.length === 0) downloadNote = `finished, but no browser appeared in ${target}`;
      else log(`Chromium: downloaded ${found[0]}`);
    } else {
      throw new BrowserNotFoundError({ looked: places.map((p) => p.where), failures, download: downloadNote });
    }
  }
}

/** Path of a browser that exists (downloading one if need be), for tools that start it themselves. */
export function resolveChromium(options?: ChromiumOptions): Promise<string> {
  return withChromium(async (path) => path, options);
}

/**
 * Launches headless Chromium. playwright-core is loaded lazily, so a warm build never loads it, and
 * with Node's own `require`: a dynamic `import()` inside astro.config's module graph would go through
 * Vite's module runner, which is already closed when build hooks run.
 */
export function launchChromium(options?: ChromiumOptions): Promise<Browser> {
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  return withChromium((executablePath) => chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }), options);
}
