import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, downloadAllowed, nextChromiumStep, resolveChromium, withChromium, type ChromiumState } from '../../../src/render/browser.ts';
import { downloadFailure, type BrowserDownload } from '../../../src/render/chromium-download.ts';
import type { SearchHost } from '../../../src/render/chromium-search.ts';
import { BrowserNotFoundError } from '../../../src/render/errors.ts';

const state = (overrides: Partial<ChromiumState>): ChromiumState => ({ found: [], failed: [], downloadAllowed: true, downloadTried: false, ...overrides });

describe('what the launcher does next', () => {
  it('starts the first browser found that has not failed', () => {
    expect(nextChromiumStep(state({ found: ['/a', '/b'] }))).toEqual({ action: 'start', path: '/a' });
    expect(nextChromiumStep(state({ found: ['/a', '/b'], failed: ['/a'] }))).toEqual({ action: 'start', path: '/b' });
  });

  it('downloads once when nothing is found, or nothing found starts', () => {
    expect(nextChromiumStep(state({}))).toEqual({ action: 'download' });
    expect(nextChromiumStep(state({ found: ['/a'], failed: ['/a'] }))).toEqual({ action: 'download' });
    expect(nextChromiumStep(state({ downloadTried: true }))).toEqual({ action: 'give up' });
  });

  it('never downloads instead of a CHROMIUM_PATH that is missing or broken, nor when downloads are off', () => {
    expect(nextChromiumStep(state({ explicit: '/opt/chrome' }))).toEqual({ action: 'give up' });
    expect(nextChromiumStep(state({ explicit: '/opt/chrome', found: ['/opt/chrome'], failed: ['/opt/chrome'] }))).toEqual({ action: 'give up' });
    expect(nextChromiumStep(state({ downloadAllowed: false }))).toEqual({ action: 'give up' });
  });

  it("honours Playwright's PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", () => {
    expect(downloadAllowed({})).toBe(true);
    expect(downloadAllowed({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' })).toBe(false);
    expect(downloadAllowed({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '0' })).toBe(true);
    expect(downloadAllowed({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: 'false' })).toBe(true);
  });
});

/** A Linux machine whose files can change (a download adds some). */
function machine(files: string[], env: Record<string, string> = {}): SearchHost & { files: Set<string> } {
  const set = new Set(files);
  return {
    files: set,
    platform: 'linux',
    arch: 'x64',
    env,
    home: '/home/ada',
    cwd: '/work/site',
    exists: (path) => set.has(path),
    listDir: (dir) => [...new Set([...set].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]!))],
  };
}

const SHELL = '/home/ada/.cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell';

describe('finding, starting and downloading a browser', () => {
  it('uses the found browser without downloading', async () => {
    const download: BrowserDownload = () => Promise.reject(new Error('must not download'));
    await expect(resolveChromium({ host: machine(['/usr/bin/google-chrome']), download, log: () => {} })).resolves.toBe('/usr/bin/google-chrome');
  });

  it('moves on to the next browser when one does not start (a snap wrapper, say)', async () => {
    const logged: string[] = [];
    const start = async (path: string) => {
      if (path === '/usr/bin/chromium-browser') throw new Error('Command requires the chromium snap to be installed\nmore');
      return path;
    };
    const host = machine(['/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
    await expect(withChromium(start, { host, log: (l) => logged.push(l) })).resolves.toBe('/usr/bin/google-chrome');
    expect(logged).toEqual(['Chromium: /usr/bin/chromium-browser did not start (Command requires the chromium snap to be installed); trying the next one']);
  });

  it("downloads Playwright's headless shell into Playwright's cache when nothing is found, says so, and uses it", async () => {
    const host = machine([]);
    const targets: string[] = [];
    const logged: string[] = [];
    const download: BrowserDownload = async (target) => {
      targets.push(target);
      host.files.add(SHELL);
      return { ok: true };
    };
    await expect(resolveChromium({ host, download, log: (l) => logged.push(l) })).resolves.toBe(SHELL);
    expect(targets).toEqual(['/home/ada/.cache/ms-playwright']);
    expect(logged[0]).toMatch(/^Chromium: none found in 11 places; downloading Playwright's Chrome Headless Shell into \/home\/ada\/\.cache\/ms-playwright/);
    expect(logged[1]).toBe(`Chromium: downloaded ${SHELL}`);
  });

  it('gives up with where it looked, why the download failed and how to fix it', async () => {
    const download: BrowserDownload = async () => ({ ok: false, message: 'Error: getaddrinfo ENOTFOUND cdn.playwright.dev (installer exit code 1)' });
    const attempt = resolveChromium({ host: machine([], { PATH: '/usr/bin' }), download, log: () => {} });
    await expect(attempt).rejects.toThrow(BrowserNotFoundError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain('  - /usr/bin/chromium\n');
    expect(message).toContain('  - chromium, chromium-browser, google-chrome, google-chrome-stable, microsoft-edge on PATH\n');
    expect(message).toContain("  - Playwright's browser cache /home/ada/.cache/ms-playwright");
    expect(message).toContain("Download of Playwright's Chrome Headless Shell: failed: Error: getaddrinfo ENOTFOUND cdn.playwright.dev");
    expect(message).toContain('sudo apt-get install chromium');
    expect(message).toContain('CHROMIUM_PATH=');
    expect(message).toContain('npx playwright-core install chromium-headless-shell');
  });

  it('reports a missing CHROMIUM_PATH without trying anything else', async () => {
    const download: BrowserDownload = () => Promise.reject(new Error('must not download'));
    const attempt = resolveChromium({ host: machine(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nonexistent/chromium' }), download, log: () => {} });
    await expect(attempt).rejects.toThrow(/Looked in:\n {2}- CHROMIUM_PATH=\/nonexistent\/chromium\nGet one of these/);
  });

  it('says when the download was turned off', async () => {
    const attempt = resolveChromium({ host: machine([], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }), log: () => {} });
    await expect(attempt).rejects.toThrow(/Download of Playwright's Chrome Headless Shell: not tried: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set/);
  });
});

describe('the download', () => {
  it("reports the installer's first error line, without colour codes", () => {
    const output = 'Downloading Chrome Headless Shell\x1b[2m from https://cdn\x1b[22m\nError: getaddrinfo ENOTFOUND cdn.playwright.dev\n    at x\nFailed to install browsers\n';
    expect(downloadFailure(output, 1)).toBe('Error: getaddrinfo ENOTFOUND cdn.playwright.dev (installer exit code 1)');
    expect(downloadFailure('killed\n', null)).toBe('killed (installer exit code none)');
  });
});

it('starts every browser with one flag list', () => {
  expect(CHROMIUM_ARGS).toEqual(['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage']);
});
