/**
 * Reproducibility: a SHA-256 of every file under a folder, and the difference between two such
 * listings. Two clean builds of the same sources should give identical listings.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Relative path (always `/`-separated) -> hex SHA-256 of the file's bytes, sorted by path. */
export type DistHashes = Map<string, string>;

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hashes every regular file under `dir` (dot-files such as `_headers` and `.nojekyll` included). */
export function hashDir(dir: string): DistHashes {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  const hashes: [string, string][] = files.map((file) => [relative(dir, file).split(sep).join('/'), sha256(readFileSync(file))]);
  hashes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(hashes);
}

export interface DistDiff {
  /** Files in the first listing only. */
  removed: string[];
  /** Files in the second listing only. */
  added: string[];
  /** Files in both with different contents. */
  changed: string[];
}

export function diffHashes(first: DistHashes, second: DistHashes): DistDiff {
  const removed = [...first.keys()].filter((path) => !second.has(path));
  const added = [...second.keys()].filter((path) => !first.has(path));
  const changed = [...first.keys()].filter((path) => second.has(path) && second.get(path) !== first.get(path));
  return { removed, added, changed };
}

export function isIdentical(diff: DistDiff): boolean {
  return diff.removed.length === 0 && diff.added.length === 0 && diff.changed.length === 0;
}

/** One hash for the whole listing (paths and contents), to print next to a build. */
export function treeHash(hashes: DistHashes): string {
  return sha256([...hashes].map(([path, hash]) => `${hash}  ${path}\n`).join(''));
}

/** Up to `limit` lines describing a diff, e.g. `changed: pagefind/pagefind-entry.json`. */
export function describeDiff(diff: DistDiff, limit = 20): string[] {
  const lines = [
    ...diff.changed.map((p) => `changed: ${p}`),
    ...diff.added.map((p) => `only in build 2: ${p}`),
    ...diff.removed.map((p) => `only in build 1: ${p}`),
  ];
  return lines.length > limit ? [...lines.slice(0, limit), `… and ${lines.length - limit} more`] : lines;
}

/** Where two versions of a file first differ, with some context either side (for the report). */
export interface FirstDifference {
  /** Character offset of the first difference. */
  offset: number;
  first: string;
  second: string;
}

export function firstDifference(a: string, b: string, context = 50): FirstDifference | undefined {
  if (a === b) return undefined;
  let offset = 0;
  while (offset < a.length && offset < b.length && a[offset] === b[offset]) offset++;
  const start = Math.max(0, offset - context);
  const clip = (text: string) => text.slice(start, offset + context).replace(/\s+/g, ' ');
  return { offset, first: clip(a), second: clip(b) };
}
