import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDeadLinks, formatDeadLinks } from '../../../src/site/link-check.ts';
import { slugOfBuiltPage, withSourceFiles } from '../../../src/site/link-check-integration.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-'));
  for (const [file, html] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

describe('findDeadLinks', () => {
  it('accepts links to pages, files and existing anchors, and ignores other origins', () => {
    const dir = site({
      'index.html': '<a href="/a/">a</a><a href="/a/#part">part</a><a href="#top">top</a><h1 id="top">T</h1><a href="https://kubernetes.io/x">k</a><a href="/favicon.svg">i</a>',
      'a/index.html': '<h2 id="part">P</h2><a href="../">home</a>',
      'favicon.svg': '<svg/>',
    });
    expect(findDeadLinks(dir)).toEqual([]);
  });

  it('reports a missing page and a missing anchor with the page they are on', () => {
    const dir = site({
      'index.html': '<a href="/nope/">x</a><a href="/a/#missing">y</a>',
      'a/index.html': '<h2 id="part">P</h2><a href="#also-missing">z</a>',
    });
    const dead = findDeadLinks(dir);
    expect(dead).toEqual([
      { page: 'a/index.html', href: '#also-missing', reason: 'no element with id "also-missing"' },
      { page: 'index.html', href: '/nope/', reason: 'no such page or file' },
      { page: 'index.html', href: '/a/#missing', reason: 'no element with id "missing"' },
    ]);
    expect(formatDeadLinks(dead)).toContain('index.html: /nope/ (no such page or file)');
  });

  it('resolves links under a base path and flags links that escape it', () => {
    const dir = site({
      'index.html': '<a href="/k8s/a/">a</a><a href="/a/">outside</a>',
      'a/index.html': '<p>a</p>',
    });
    expect(findDeadLinks(dir, '/k8s')).toEqual([{ page: 'index.html', href: '/a/', reason: 'outside the base path /k8s' }]);
  });
});

describe('slugOfBuiltPage and withSourceFiles', () => {
  it('maps built pages back to their slugs', () => {
    expect(slugOfBuiltPage('index.html')).toBe('index');
    expect(slugOfBuiltPage('dns/records/index.html')).toBe('dns/records');
    expect(slugOfBuiltPage('404.html')).toBe('404');
  });

  it('names the MDX file a dead link comes from', () => {
    const root = mkdtempSync(join(tmpdir(), 'root-'));
    mkdirSync(join(root, 'docs', 'dns'), { recursive: true });
    writeFileSync(join(root, 'docs', 'dns', 'records.mdx'), '---\ntitle: x\n---\n');
    const dead = [{ page: 'dns/records/index.html', href: '/x/', reason: 'no such page or file' }];
    expect(withSourceFiles(dead, join(root, 'docs'), root)).toEqual([
      { page: 'docs/dns/records.mdx (built as dns/records/index.html)', href: '/x/', reason: 'no such page or file' },
    ]);
  });
});
