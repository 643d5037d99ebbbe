import { describe, expect, it } from 'vitest';
import { findChromiums, playwrightCacheDir, searchPlaces, type SearchHost } from '../../../src/render/chromium-search.ts';

/** A machine with exactly `files` on it (folders are derived from the file paths). */
function host(overrides: Partial<SearchHost> & { files?: string[] }): SearchHost {
  const files = new Set(overrides.files ?? []);
  const sep = overrides.platform === 'win32' ? '\\' : '/';
  return {
    platform: 'linux',
    arch: 'x64',
    env: {},
    home: '/home/ada',
    cwd: '/work/site',
    exists: (path) => files.has(path),
    listDir: (dir) => {
      const prefix = dir.endsWith(sep) ? dir : dir + sep;
      const names = [...files].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split(sep)[0]!);
      return [...new Set(names)];
    },
    ...overrides,
  };
}

const candidates = (h: SearchHost) => searchPlaces(h).flatMap((p) => p.candidates);

describe('where we look for Chromium', () => {
  it('uses CHROMIUM_PATH alone when it is set', () => {
    const h = host({ env: { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' }, files: ['/usr/bin/chromium'] });
    expect(searchPlaces(h)).toEqual([{ where: 'CHROMIUM_PATH=/opt/chrome/chrome', candidates: ['/opt/chrome/chrome'] }]);
    expect(findChromiums(h)).toEqual([]);
  });

  it('on Linux: Debian chromium, Chrome, Edge, the snap, then PATH, then Playwright and Puppeteer caches', () => {
    const h = host({ env: { PATH: '/usr/local/bin:/home/ada/bin' } });
    expect(candidates(h).slice(0, 8)).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge',
      '/snap/bin/chromium',
      '/opt/google/chrome/chrome',
      '/opt/microsoft/msedge/msedge',
    ]);
    expect(searchPlaces(h).map((p) => p.where).slice(8)).toEqual([
      'chromium, chromium-browser, google-chrome, google-chrome-stable, microsoft-edge on PATH',
      "Playwright's browser cache /home/ada/.cache/ms-playwright (chromium-*, chromium_headless_shell-*)",
      "Puppeteer's browser cache /home/ada/.cache/puppeteer (chrome, chrome-headless-shell)",
    ]);
    expect(candidates(h)).toContain('/home/ada/bin/google-chrome');
  });

  it('finds Google Chrome where GitHub runners install it, and prefers Debian chromium when both exist', () => {
    expect(findChromiums(host({ files: ['/usr/bin/google-chrome'] }))).toEqual(['/usr/bin/google-chrome']);
    expect(findChromiums(host({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] }))).toEqual(['/usr/bin/chromium', '/usr/bin/google-chrome']);
  });

  it('finds a browser only on PATH, and lists a path reached twice once', () => {
    expect(findChromiums(host({ env: { PATH: '/home/ada/bin' }, files: ['/home/ada/bin/chromium'] }))).toEqual(['/home/ada/bin/chromium']);
    expect(findChromiums(host({ env: { PATH: '/usr/bin' }, files: ['/usr/bin/chromium'] }))).toEqual(['/usr/bin/chromium']);
  });

  it("reads Playwright's cache newest revision first, in today's and the older layout", () => {
    const cache = '/home/ada/.cache/ms-playwright';
    const files = [
      `${cache}/chromium-1200/chrome-linux/chrome`,
      `${cache}/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell`,
      `${cache}/chromium-1255/chrome-linux64/chrome`,
      `${cache}/ffmpeg-1013/ffmpeg-linux`,
      `${cache}/webkit-2388/pw_run.sh`,
    ];
    expect(findChromiums(host({ files }))).toEqual([
      `${cache}/chromium-1255/chrome-linux64/chrome`,
      `${cache}/chromium_headless_shell-1255/chrome-headless-shell-linux64/chrome-headless-shell`,
      `${cache}/chromium-1200/chrome-linux/chrome`,
    ]);
  });

  it("follows Playwright's own cache folder rules", () => {
    expect(playwrightCacheDir(host({}))).toBe('/home/ada/.cache/ms-playwright');
    expect(playwrightCacheDir(host({ env: { XDG_CACHE_HOME: '/var/cache/ada' } }))).toBe('/var/cache/ada/ms-playwright');
    expect(playwrightCacheDir(host({ env: { PLAYWRIGHT_BROWSERS_PATH: '/srv/browsers' } }))).toBe('/srv/browsers');
    expect(playwrightCacheDir(host({ env: { PLAYWRIGHT_BROWSERS_PATH: 'browsers' } }))).toBe('/work/site/browsers');
    expect(playwrightCacheDir(host({ env: { PLAYWRIGHT_BROWSERS_PATH: 'browsers', INIT_CWD: '/elsewhere' } }))).toBe('/elsewhere/browsers');
    expect(playwrightCacheDir(host({ env: { PLAYWRIGHT_BROWSERS_PATH: '0' }, playwrightPackageDir: '/work/site/node_modules/playwright-core' }))).toBe(
      '/work/site/node_modules/playwright-core/.local-browsers',
    );
    expect(playwrightCacheDir(host({ platform: 'darwin', home: '/Users/ada' }))).toBe('/Users/ada/Library/Caches/ms-playwright');
    expect(playwrightCacheDir(host({ platform: 'win32', home: 'C:\\Users\\ada', env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' } }))).toBe(
      'C:\\Users\\ada\\AppData\\Local\\ms-playwright',
    );
  });

  it("reads Puppeteer's cache (PUPPETEER_CACHE_DIR or ~/.cache/puppeteer), newest build first, skipping .metadata", () => {
    const cache = '/home/ada/.cache/puppeteer';
    const files = [
      `${cache}/chrome/.metadata`,
      `${cache}/chrome/linux-99.0.4844.51/chrome-linux64/chrome`,
      `${cache}/chrome/linux-131.0.6778.85/chrome-linux64/chrome`,
      `${cache}/chrome-headless-shell/linux-131.0.6778.85/chrome-headless-shell-linux64/chrome-headless-shell`,
    ];
    expect(findChromiums(host({ files }))).toEqual([
      `${cache}/chrome/linux-131.0.6778.85/chrome-linux64/chrome`,
      `${cache}/chrome/linux-99.0.4844.51/chrome-linux64/chrome`,
      `${cache}/chrome-headless-shell/linux-131.0.6778.85/chrome-headless-shell-linux64/chrome-headless-shell`,
    ]);
    const moved = host({ env: { PUPPETEER_CACHE_DIR: '/srv/pptr' }, files: ['/srv/pptr/chrome/linux-131.0.6778.85/chrome-linux64/chrome'] });
    expect(findChromiums(moved)).toEqual(['/srv/pptr/chrome/linux-131.0.6778.85/chrome-linux64/chrome']);
  });

  it('on macOS: the apps in /Applications and ~/Applications, and arm64 cache folders', () => {
    const h = host({ platform: 'darwin', arch: 'arm64', home: '/Users/ada', files: ['/Users/ada/Library/Caches/ms-playwright/chromium-1255/x'] });
    const list = candidates(h);
    expect(list.slice(0, 3)).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]);
    expect(list).toContain('/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(list).toContain(
      '/Users/ada/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    );
  });

  it('on Windows: Chrome, Chromium and Edge under PROGRAMFILES, PROGRAMFILES(X86) and LOCALAPPDATA, then PATH', () => {
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
      Path: 'C:\\Tools;C:\\Windows',
    };
    const h = host({ platform: 'win32', home: 'C:\\Users\\ada', env });
    const list = candidates(h);
    expect(list.slice(0, 9)).toEqual([
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe',
      'C:\\Users\\ada\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe',
    ]);
    expect(list).toContain('C:\\Tools\\chrome.exe');
    const cached = host({ platform: 'win32', home: 'C:\\Users\\ada', env, files: ['C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium_headless_shell-1255\\chrome-headless-shell-win64\\chrome-headless-shell.exe'] });
    expect(findChromiums(cached)).toEqual(['C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium_headless_shell-1255\\chrome-headless-shell-win64\\chrome-headless-shell.exe']);
  });

  it('CHROMIUM_SEARCH_ROOT moves every place (caches and PATH included) under one folder, so tests can fake an empty machine', () => {
    const h = host({ env: { CHROMIUM_SEARCH_ROOT: '/tmp/empty', PATH: '/usr/bin' }, files: ['/usr/bin/chromium', '/tmp/empty/usr/bin/google-chrome'] });
    expect(candidates(h)[0]).toBe('/tmp/empty/usr/bin/chromium');
    expect(candidates(h)).toContain('/tmp/empty/usr/bin/chromium-browser');
    expect(candidates(h).some((c) => !c.startsWith('/tmp/empty/'))).toBe(false);
    expect(playwrightCacheDir(h)).toBe('/tmp/empty/home/ada/.cache/ms-playwright');
    expect(findChromiums(h)).toEqual(['/tmp/empty/usr/bin/google-chrome']);
  });
});
