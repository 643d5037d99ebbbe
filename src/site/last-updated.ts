/**
 * Last-updated dates from git history. Starlight's own lookup only knows
 * src/content/docs, so pages in docs/ get their date here. A file with no commit
 * (new, uncommitted) or a checkout without git falls back to the file's mtime;
 * a shallow clone still has the tip commit, which is the honest best we know.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

const cache = new Map<string, Date | undefined>();

/** Date of the newest commit touching `file` (relative to `root`), else its mtime, else undefined. */
export function lastUpdatedDate(file: string, root: string = process.cwd()): Date | undefined {
  const absolute = resolve(root, file);
  if (cache.has(absolute)) return cache.get(absolute);
  const date = gitCommitDate(absolute, root) ?? fileModifiedDate(absolute);
  cache.set(absolute, date);
  return date;
}

function gitCommitDate(absolute: string, root: string): Date | undefined {
  const result = spawnSync('git', ['log', '-1', '--format=%ct', '--', absolute], { cwd: root, encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const seconds = Number.parseInt(result.stdout.trim(), 10);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

function fileModifiedDate(absolute: string): Date | undefined {
  try {
    return statSync(absolute).mtime;
  } catch {
    return undefined;
  }
}
