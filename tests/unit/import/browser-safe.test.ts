/**
 * The import runs in the reader's browser: nothing it reaches, through every relative import
 * from src/import/index.ts, may use a Node built-in or a package other than the browser-safe ones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('../../../src/import/index.ts', import.meta.url));
// Both are plain ECMAScript packages without Node built-ins (yaml 2, ip-address).
const BROWSER_SAFE_PACKAGES = ['yaml', 'ip-address'];

function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]!);
}

/** Every module reached from `entry` and every package it names. */
function graph(entry: string): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec));
      else packages.add(spec);
    }
  }
  return { files: [...seen], packages };
}

describe('the import module is browser-safe', () => {
  it('reaches no Node built-in and only browser-safe packages', () => {
    const { files, packages } = graph(ENTRY);
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith('src/model/validate.ts'))).toBe(true);
    expect([...packages].filter((p) => !BROWSER_SAFE_PACKAGES.includes(p))).toEqual([]);
  });

  it('uses no Node globals', () => {
    for (const file of graph(ENTRY).files) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(process\.|Buffer\.|require\(|__dirname|__filename)/);
    }
  });
});
