import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cleanBuildState, copyCheckout, shouldCopy } from '../../../bench/workdir.ts';
import { lineTail } from '../../../bench/build.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bench-workdir-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content = 'x'): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

it('copies sources but not build output, caches or packages', () => {
  const source = join(root, 'checkout');
  expect(shouldCopy(source, join(source, 'docs', 'index.mdx'))).toBe(true);
  expect(shouldCopy(source, join(source, 'dist'))).toBe(false);
  expect(shouldCopy(source, join(source, '.cache', 'diagrams'))).toBe(false);
  expect(shouldCopy(source, join(source, 'node_modules', 'astro'))).toBe(false);
  // Only top-level folders are excluded: a "dist" deeper down is a source.
  expect(shouldCopy(source, join(source, 'src', 'dist', 'a.ts'))).toBe(true);
});

it('makes a buildable copy: sources, linked packages, no caches', () => {
  const source = join(root, 'checkout');
  write(join(source, 'package.json'), '{}');
  write(join(source, 'docs', 'index.mdx'), 'home');
  write(join(source, 'dist', 'index.html'), 'old build');
  write(join(source, '.cache', 'diagrams', 'a.svg'));
  write(join(source, 'node_modules', 'astro', 'package.json'), '{"name":"astro"}');
  write(join(source, 'node_modules', '.astro', 'data-store.json'));
  write(join(source, 'node_modules', '.vite', 'deps', 'x.js'));
  const dest = join(root, 'copy');
  copyCheckout(source, dest);
  expect(readFileSync(join(dest, 'docs', 'index.mdx'), 'utf8')).toBe('home');
  expect(existsSync(join(dest, 'dist'))).toBe(false);
  expect(existsSync(join(dest, '.cache'))).toBe(false);
  expect(readFileSync(join(dest, 'node_modules', 'astro', 'package.json'), 'utf8')).toBe('{"name":"astro"}');
  // Hard link (same inode) on the same file system, so no disk is spent on packages.
  expect(statSync(join(dest, 'node_modules', 'astro', 'package.json')).ino).toBe(statSync(join(source, 'node_modules', 'astro', 'package.json')).ino);
  expect(existsSync(join(dest, 'node_modules', '.astro'))).toBe(false);
  expect(existsSync(join(dest, 'node_modules', '.vite'))).toBe(false);
});

it('refuses to copy a checkout into itself', () => {
  const source = join(root, 'checkout');
  write(join(source, 'node_modules', 'a', 'index.js'));
  expect(() => copyCheckout(source, join(source, 'docs', 'copy'))).toThrow(/must be outside/);
});

it('cleans build state, keeping named .cache entries', () => {
  const dir = join(root, 'work');
  for (const path of ['dist/index.html', '.astro/types.d.ts', '.generated/diagrams/a.mmd', '.cache/diagrams/a.svg', '.cache/bench-site/index.mdx', 'node_modules/.astro/data-store.json', 'node_modules/.vite/deps/x.js', 'node_modules/astro/package.json', 'docs/index.mdx']) {
    write(join(dir, path));
  }
  cleanBuildState(dir, ['bench-site']);
  expect(existsSync(join(dir, '.cache', 'bench-site', 'index.mdx'))).toBe(true);
  for (const gone of ['dist', '.astro', '.generated', '.cache/diagrams', 'node_modules/.astro', 'node_modules/.vite']) expect(existsSync(join(dir, gone)), gone).toBe(false);
  expect(existsSync(join(dir, 'node_modules', 'astro', 'package.json'))).toBe(true);
  expect(existsSync(join(dir, 'docs', 'index.mdx'))).toBe(true);
  cleanBuildState(dir);
  expect(existsSync(join(dir, '.cache'))).toBe(false);
});

it('keeps the last lines of a build log across chunk boundaries', () => {
  const tail = lineTail(2);
  tail.push('one\ntw');
  tail.push('o\nthree\nfou');
  expect(tail.lines()).toEqual(['three', 'fou']);
  tail.push('r\n');
  expect(tail.lines()).toEqual(['three', 'four']);
});
