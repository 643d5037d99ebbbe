import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeDiff, diffHashes, hashDir, isIdentical, sha256, treeHash } from '../../../bench/dist-hash.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-hash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

it('hashes every file, dot-files and nested folders included, sorted by path', () => {
  write(dir, { 'index.html': 'home', '_headers': 'CSP', '.nojekyll': '', 'pagefind/fragment/en_1.pf_fragment': 'x' });
  const hashes = hashDir(dir);
  expect([...hashes.keys()]).toEqual(['.nojekyll', '_headers', 'index.html', 'pagefind/fragment/en_1.pf_fragment']);
  expect(hashes.get('index.html')).toBe(sha256('home'));
  expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

it('finds no difference between identical trees, and the same tree hash', () => {
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  write(a, { 'index.html': 'home', 'x/y.css': 'body{}' });
  write(b, { 'index.html': 'home', 'x/y.css': 'body{}' });
  const diff = diffHashes(hashDir(a), hashDir(b));
  expect(isIdentical(diff)).toBe(true);
  expect(describeDiff(diff)).toEqual([]);
  expect(treeHash(hashDir(a))).toBe(treeHash(hashDir(b)));
});

it('lists changed, added and removed files', () => {
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  write(a, { 'index.html': 'home', '_headers': 'sha256-A', 'old.html': 'gone' });
  write(b, { 'index.html': 'home', '_headers': 'sha256-B', 'new.html': 'here' });
  const diff = diffHashes(hashDir(a), hashDir(b));
  expect(diff).toEqual({ changed: ['_headers'], added: ['new.html'], removed: ['old.html'] });
  expect(isIdentical(diff)).toBe(false);
  expect(describeDiff(diff)).toEqual(['changed: _headers', 'only in build 2: new.html', 'only in build 1: old.html']);
  expect(treeHash(hashDir(a))).not.toBe(treeHash(hashDir(b)));
});

it('shortens long diffs', () => {
  const diff = { changed: Array.from({ length: 25 }, (_, i) => `f${i}.html`), added: [], removed: [] };
  const lines = describeDiff(diff, 20);
  expect(lines).toHaveLength(21);
  expect(lines.at(-1)).toBe('… and 5 more');
});

it('shows where two versions of a file first differ', async () => {
  const { firstDifference } = await import('../../../bench/dist-hash.ts');
  expect(firstDifference('same', 'same')).toBeUndefined();
  const diff = firstDifference('<time datetime="2026-11-26T14:00">', '<time datetime="2026-11-26T15:00">', 5);
  expect(diff).toEqual({ offset: 28, first: '-26T14:00"', second: '-26T15:00"' });
  expect(firstDifference('abc', 'abcd', 2)).toEqual({ offset: 3, first: 'bc', second: 'bcd' });
});
