import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramCache, type RenderedDiagram } from '../../../src/render/cache.ts';
import { DiagramRenderer, normalizeSource } from '../../../src/render/renderer.ts';

const dir = mkdtempSync(join(tmpdir(), 'diagram-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (key: string): RenderedDiagram => ({ key, diagramType: 'flowchart-v2', width: 1, height: 1, svg: '<svg/>' });

describe('DiagramCache', () => {
  it('stores and returns entries by key, and ignores missing or corrupt ones', () => {
    const cache = new DiagramCache(join(dir, 'a'));
    expect(cache.get('k1')).toBeUndefined();
    cache.set(entry('k1'));
    expect(cache.get('k1')).toEqual(entry('k1'));
    expect(cache.get('k2')).toBeUndefined();
  });

  it('prunes entries the current build did not touch', () => {
    const cache = new DiagramCache(join(dir, 'b'));
    cache.set(entry('old'));
    cache.set(entry('kept'));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'b', 'old.json'), past, past);
    utimesSync(join(dir, 'b', 'kept.json'), past, past);
    const buildStart = Date.now();
    expect(cache.get('kept')).toBeDefined(); // a read marks it used by this build
    expect(cache.pruneOlderThan(buildStart)).toEqual(['old']);
    expect(readdirSync(join(dir, 'b'))).toEqual(['kept.json']);
  });
});

describe('cache key', () => {
  const renderer = new DiagramRenderer({ cacheDir: join(dir, 'c') });

  it('changes with the diagram text, not with line endings or trailing blanks', () => {
    const key = renderer.keyFor('flowchart LR\n  a --> b\n');
    expect(renderer.keyFor('flowchart LR\r\n  a --> b   \r\n\r\n')).toBe(key);
    expect(renderer.keyFor('flowchart LR\n  a --> c\n')).not.toBe(key);
    expect(normalizeSource('  x  \n')).toBe('x\n');
  });
});
