/**
 * Finds and launches the one headless Chromium a build uses (playwright-core, no bundled browser).
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { BrowserNotFoundError } from './errors.ts';

/** Flags for a quiet, offline, sandbox-free headless run (CI containers run as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-dev-shm-usage',
];

/** Candidate executables in the order we try them. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const candidates: string[] = [];
  if (env.CHROMIUM_PATH) candidates.push(env.CHROMIUM_PATH);
  candidates.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable');
  // Browsers installed by `npx playwright install chromium`.
  const playwrightCache = env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  try {
    for (const dir of readdirSync(playwrightCache).filter((d) => d.startsWith('chromium')).sort().reverse()) {
      candidates.push(join(playwrightCache, dir, 'chrome-linux', 'chrome'), join(playwrightCache, dir, 'chrome-linux64', 'chrome'));
    }
  } catch {
    // no Playwright browser cache: fine
  }
  return candidates;
}

/** The first candidate that exists, or a {@link BrowserNotFoundError} explaining how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = chromiumCandidates(env);
  if (env.CHROMIUM_PATH && !existsSync(env.CHROMIUM_PATH)) {
    throw new BrowserNotFoundError([`CHROMIUM_PATH=${env.CHROMIUM_PATH} (does not exist)`]);
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new BrowserNotFoundError(candidates);
  return found;
}

/**
 * Launches headless Chromium. playwright-core is loaded lazily, so a warm build never loads it, and
 * with Node's own `require`: a dynamic `import()` inside astro.config's module graph would go through
 * Vite's module runner, which is already closed when build hooks run.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    throw new BrowserNotFoundError([executablePath], error);
  }
}
