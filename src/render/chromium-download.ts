/**
 * The last resort when no browser is installed: Playwright's own installer downloads its Chrome
 * Headless Shell (enough for rendering and the browser tests). We run playwright-core's CLI
 * (`playwright-core install chromium-headless-shell`, the interface it documents) rather than its
 * bundled registry internals, which are not a public API and move between versions.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type DownloadOutcome = { ok: true } | { ok: false; message: string };

/** Downloads a browser into `target` (a Playwright browser cache folder); never throws. */
export type BrowserDownload = (target: string) => Promise<DownloadOutcome>;

/** The command line a person can run themselves for the same download. */
export const DOWNLOAD_COMMAND = 'npx playwright-core install chromium-headless-shell';

/** The installer's own reason for failing: its first `Error:` line, else its last line. */
export function downloadFailure(output: string, exitCode: number | null): string {
  const lines = output
    .replace(/\x1b\[[0-9;]*m/g, '') // colour codes
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const reason = lines.find((line) => line.startsWith('Error:')) ?? lines.at(-1) ?? 'no output';
  return `${reason} (installer exit code ${exitCode ?? 'none'})`;
}

/**
 * Runs the installer with its output (progress lines every 10 % when not on a terminal) passed
 * through to stderr, so a first build shows what it is waiting for.
 */
export const downloadHeadlessShell: BrowserDownload = (target) => {
  let cli: string;
  try {
    cli = join(dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'cli.js');
  } catch (error) {
    return Promise.resolve({ ok: false, message: `playwright-core is not installed (${String(error)})` });
  }
  return new Promise((resolve) => {
    // --no-remove: leave other projects' browsers in a shared cache alone.
    const child = spawn(process.execPath, [cli, 'install', 'chromium-headless-shell', '--no-remove'], {
      env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: target },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const forward = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      process.stderr.write(chunk);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', (error) => resolve({ ok: false, message: `could not run the installer: ${error.message}` }));
    child.on('close', (code) => resolve(code === 0 ? { ok: true } : { ok: false, message: downloadFailure(output, code) }));
  });
};
