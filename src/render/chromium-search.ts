/**
 * Where a Chromium-family browser may be installed, per platform, in the order we look. Pure: the
 * platform, environment, home folder and file system come in as a {@link SearchHost}, so the order
 * can be tested for Linux, macOS and Windows on any machine.
 *
 * Install paths follow each vendor's installer; the Playwright and Puppeteer cache layouts follow
 * their own sources (playwright-core 1.65 `EXECUTABLE_PATHS` and `computeDefaultCacheDirectory` in
 * lib/coreBundle.js; @puppeteer/browsers `Cache.installationDir` and `relativeExecutablePath`).
 */
import { posix, win32 } from 'node:path';

/** What the search may know about the machine. */
export interface SearchHost {
  platform: NodeJS.Platform;
  /** `process.arch`: picks the arm64 or x64 folder in browser caches. */
  arch: string;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  /** Resolves a relative PLAYWRIGHT_BROWSERS_PATH, as Playwright does (INIT_CWD first). */
  cwd: string;
  /** playwright-core's package folder, for PLAYWRIGHT_BROWSERS_PATH=0. */
  playwrightPackageDir?: string;
  exists(path: string): boolean;
  /** Entries of a folder; [] when it does not exist. */
  listDir(path: string): string[];
}

/** One place we look: a description for error messages and the executables it may hold. */
export interface SearchPlace {
  where: string;
  candidates: string[];
}

/** Linux install paths, most specific first: Debian's chromium, then Chrome, Edge, the snap. */
const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/opt/microsoft/msedge/msedge',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

/** Below %PROGRAMFILES%, %PROGRAMFILES(X86)% and %LOCALAPPDATA% (per-user installs). */
const WINDOWS_APPS = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];

const POSIX_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const WINDOWS_COMMANDS = ['chrome.exe', 'msedge.exe'];

/** Playwright browser folders (`chromium-1255`, `chromium_headless_shell-1255`), newest revision first. */
const PLAYWRIGHT_DIR = /^(chromium|chromium_headless_shell)-(\d+)$/;

/** Puppeteer install folders (`linux-131.0.6778.85`); the browser folder also holds `.metadata`. */
const PUPPETEER_DIR = /^(?:linux|linux_arm|mac|mac_arm|win32|win64)-[\d.]+$/;

type Os = 'linux' | 'mac' | 'win';

function osOf(platform: NodeJS.Platform): Os {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'win' : 'linux';
}

/**
 * Executable inside a Playwright browser folder: today's Chrome-for-Testing layout, then the
 * older Chromium-snapshot layout that caches from earlier Playwright versions still hold.
 */
function playwrightSubpaths(kind: string, os: Os, arm: boolean): string[][] {
  const shell = kind === 'chromium_headless_shell';
  switch (os) {
    case 'linux':
      return shell
        ? [[`chrome-headless-shell-${arm ? 'linux-arm64' : 'linux64'}`, 'chrome-headless-shell'], ['chrome-linux', 'headless_shell']]
        : [[arm ? 'chrome-linux-arm64' : 'chrome-linux64', 'chrome'], ['chrome-linux', 'chrome']];
    case 'mac': {
      const cft = arm ? 'mac-arm64' : 'mac-x64';
      return shell
        ? [[`chrome-headless-shell-${cft}`, 'chrome-headless-shell'], ['chrome-mac', 'headless_shell']]
        : [[`chrome-${cft}`, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'], ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium']];
    }
    case 'win':
      return shell
        ? [['chrome-headless-shell-win64', 'chrome-headless-shell.exe'], ['chrome-win', 'headless_shell.exe']]
        : [['chrome-win64', 'chrome.exe'], ['chrome-win', 'chrome.exe']];
  }
}

/** Puppeteer's `<browser>/<platform>-<buildId>/<folder>/<executable>`, for its two Chromium builds. */
function puppeteerSubpaths(browser: string, os: Os, arm: boolean): string[] {
  const folder = os === 'linux' ? (arm ? 'linux-arm64' : 'linux64') : os === 'mac' ? (arm ? 'mac-arm64' : 'mac-x64') : 'win64';
  if (browser === 'chrome-headless-shell') return [`chrome-headless-shell-${folder}`, os === 'win' ? 'chrome-headless-shell.exe' : 'chrome-headless-shell'];
  if (os === 'mac') return [`chrome-${folder}`, 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'];
  return [`chrome-${folder}`, os === 'win' ? 'chrome.exe' : 'chrome'];
}

/** Folders that hold `prefix-<number>` style children, numerically newest first. */
function newestFirst(names: string[], pattern: RegExp): RegExpMatchArray[] {
  return names
    .map((name) => name.match(pattern))
    .filter((match): match is RegExpMatchArray => match !== null)
    .sort((a, b) => Number(b[2]) - Number(a[2]) || a[1]!.localeCompare(b[1]!));
}

/**
 * `CHROMIUM_SEARCH_ROOT` (for tests and demonstrations only) makes the search, and a download,
 * act as if the file system started at that folder: a machine with no browser, without
 * uninstalling anything.
 */
function rootedIn(root: string | undefined, path: typeof posix): (p: string) => string {
  if (!root) return (p) => p;
  return (p) => path.join(root, p.replace(/^[A-Za-z]:/, ''));
}

/**
 * Playwright's browser cache, where `playwright install` puts browsers: PLAYWRIGHT_BROWSERS_PATH,
 * else the platform cache folder + `ms-playwright` (playwright-core `registryDirectory`).
 */
export function playwrightCacheDir(host: SearchHost): string {
  const path = host.platform === 'win32' ? win32 : posix;
  const at = rootedIn(host.env.CHROMIUM_SEARCH_ROOT, path);
  const configured = host.env.PLAYWRIGHT_BROWSERS_PATH;
  if (configured === '0' && host.playwrightPackageDir) return at(path.join(host.playwrightPackageDir, '.local-browsers'));
  if (configured && configured !== '0') return at(path.resolve(host.env.INIT_CWD || host.cwd, configured));
  switch (osOf(host.platform)) {
    case 'linux':
      return at(path.join(host.env.XDG_CACHE_HOME || path.join(host.home, '.cache'), 'ms-playwright'));
    case 'mac':
      return at(path.join(host.home, 'Library', 'Caches', 'ms-playwright'));
    case 'win':
      return at(path.join(host.env.LOCALAPPDATA || path.join(host.home, 'AppData', 'Local'), 'ms-playwright'));
  }
}

/** Every place to look, in order. CHROMIUM_PATH, when set, is the only place. */
export function searchPlaces(host: SearchHost): SearchPlace[] {
  if (host.env.CHROMIUM_PATH) return [{ where: `CHROMIUM_PATH=${host.env.CHROMIUM_PATH}`, candidates: [host.env.CHROMIUM_PATH] }];
  const os = osOf(host.platform);
  const arm = host.arch === 'arm64';
  const path = os === 'win' ? win32 : posix;
  const at = rootedIn(host.env.CHROMIUM_SEARCH_ROOT, path);
  const places: SearchPlace[] = [];
  const single = (file: string) => places.push({ where: file, candidates: [file] });

  if (os === 'linux') LINUX_PATHS.map(at).forEach(single);
  if (os === 'mac') for (const dir of ['/Applications', path.join(host.home, 'Applications')]) MAC_APPS.map((app) => at(path.join(dir, app))).forEach(single);
  if (os === 'win') {
    const prefixes = [host.env.PROGRAMFILES, host.env['PROGRAMFILES(X86)'], host.env.LOCALAPPDATA].filter((p): p is string => Boolean(p));
    for (const prefix of prefixes) WINDOWS_APPS.map((app) => at(path.join(prefix, app))).forEach(single);
  }

  const commands = os === 'win' ? WINDOWS_COMMANDS : POSIX_COMMANDS;
  const pathDirs = (host.env.PATH ?? host.env.Path ?? '').split(os === 'win' ? ';' : ':').filter(Boolean).map(at);
  places.push({
    where: `${commands.join(', ')} on PATH`,
    candidates: commands.flatMap((command) => pathDirs.map((dir) => path.join(dir, command))),
  });

  const playwright = playwrightCacheDir(host);
  places.push({
    where: `Playwright's browser cache ${playwright} (chromium-*, chromium_headless_shell-*)`,
    candidates: newestFirst(host.listDir(playwright), PLAYWRIGHT_DIR).flatMap(([dir, kind]) =>
      playwrightSubpaths(kind!, os, arm).map((parts) => path.join(playwright, dir!, ...parts)),
    ),
  });

  const puppeteer = at(host.env.PUPPETEER_CACHE_DIR || path.join(host.home, '.cache', 'puppeteer'));
  places.push({
    where: `Puppeteer's browser cache ${puppeteer} (chrome, chrome-headless-shell)`,
    candidates: ['chrome', 'chrome-headless-shell'].flatMap((browser) =>
      // Folders are `<platform>-<buildId>` with a dotted version: sort by it, newest first.
      host
        .listDir(path.join(puppeteer, browser))
        .filter((name) => PUPPETEER_DIR.test(name))
        .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
        .map((build) => path.join(puppeteer, browser, build, ...puppeteerSubpaths(browser, os, arm))),
    ),
  });
  return places;
}

/** Every existing executable, in search order (a path reached twice, e.g. via PATH, counts once). */
export function findChromiums(host: SearchHost, places: SearchPlace[] = searchPlaces(host)): string[] {
  const found = places.flatMap((place) => place.candidates).filter((candidate) => host.exists(candidate));
  return [...new Set(found)];
}
