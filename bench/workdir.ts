/**
 * Where the benchmark builds: a copy of the checkout, so timing a cold build never deletes a
 * developer's own dist/ or caches while they (or other engineers) are building.
 *
 * The copy has its own node_modules/ folder, hard-linked to the checkout's packages (a few seconds,
 * no extra disk), except the build caches (node_modules/.astro, node_modules/.vite), which start
 * empty in the copy: a cold build can then delete them without touching anyone else's.
 *
 * Why not a symlink to the checkout's node_modules/: packages then resolve (by real path) outside
 * the project root, and Astro 7's build fails on Starlight's styles ("No cached compile metadata
 * found for .../Page.astro?astro&type=style"). Hard links keep every package inside the root.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

/** Top-level folders never copied: installed packages, build output, caches, test artefacts. */
export const NOT_COPIED = ['node_modules', 'dist', '.astro', '.cache', '.generated', 'test-results', 'screenshots'];

/** Entries of node_modules/ that are build caches: created fresh in the copy, never linked. */
export const LOCAL_NODE_MODULES = ['.astro', '.vite', '.cache'];

/** What a clean build removes: build output and every cache the build reads. */
export const BUILD_STATE = ['dist', '.astro', '.cache', '.generated', 'node_modules/.astro', 'node_modules/.vite'];

/** True when `path` (inside `source`) should be copied. */
export function shouldCopy(source: string, path: string): boolean {
  const rel = relative(source, path);
  if (rel === '') return true;
  const top = rel.split(sep)[0]!;
  return !NOT_COPIED.includes(top);
}

/** Copies the checkout at `source` into `dest` (created if missing) and links its packages. */
export function copyCheckout(source: string, dest: string): void {
  const from = resolve(source);
  const to = resolve(dest);
  if (to === from || to.startsWith(from + sep)) {
    // A copy inside the checkout would copy itself; .cache/ is excluded, so allow it only there.
    const top = relative(from, to).split(sep)[0];
    if (to === from || !top || !NOT_COPIED.includes(top)) throw new Error(`bench: work folder ${to} must be outside ${from} (or under one of ${NOT_COPIED.join(', ')})`);
  }
  mkdirSync(to, { recursive: true });
  // preserveTimestamps: uncommitted pages take their "last updated" date from their mtime.
  cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, filter: (path) => shouldCopy(from, path) });
  const modules = join(from, 'node_modules');
  if (!existsSync(modules)) throw new Error(`bench: ${modules} is missing; run npm ci first`);
  linkPackages(modules, join(to, 'node_modules'));
}

/** Hard-links every entry of `from` (a node_modules/ folder) into `to`, build caches excepted; copies if linking fails. */
function linkPackages(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  const entries = readdirSync(from)
    .filter((entry) => !LOCAL_NODE_MODULES.includes(entry) && !existsSync(join(to, entry)))
    .map((entry) => join(from, entry));
  if (entries.length === 0) return;
  // GNU cp: -a keeps symlinks (node_modules/.bin) as they are, -l hard-links files.
  const linked = spawnSync('cp', ['-al', '-t', to, ...entries], { encoding: 'utf8' });
  if (linked.status === 0) return;
  for (const entry of entries) cpSync(entry, join(to, entry.slice(from.length + 1)), { recursive: true, verbatimSymlinks: true, force: false });
}

/** A fresh temporary copy of the checkout; the caller removes it with {@link removeWorkdir}. */
export function temporaryCopy(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-bench-'));
  copyCheckout(source, dir);
  return dir;
}

/**
 * Deletes the build output and caches in `workdir` (see {@link BUILD_STATE}); `keepInCache` names
 * entries of .cache/ to leave in place (the generated scale site lives in .cache/bench-site).
 */
export function cleanBuildState(workdir: string, keepInCache: string[] = []): void {
  for (const entry of BUILD_STATE) {
    const path = join(workdir, entry);
    if (entry === '.cache' && keepInCache.length > 0 && existsSync(path)) {
      for (const child of readdirSync(path)) {
        if (!keepInCache.includes(child)) rmSync(join(path, child), { recursive: true, force: true });
      }
      continue;
    }
    rmSync(path, { recursive: true, force: true });
  }
}

export function removeWorkdir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
