import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSidebar, directorySidebar, pageFileForSlug, pageSlugs, sectionOfSlug, SIDEBAR_GROUPS } from '../../../src/site/sidebar.ts';

function docsFixture(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'docs-'));
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), '---\ntitle: x\n---\n');
  }
  return dir;
}

describe('pageFileForSlug', () => {
  it('finds slug.mdx, slug.md and slug/index.mdx', () => {
    const dir = docsFixture(['a.mdx', 'b.md', 'c/index.mdx']);
    expect(pageFileForSlug(dir, 'a')).toBe(join(dir, 'a.mdx'));
    expect(pageFileForSlug(dir, 'b')).toBe(join(dir, 'b.md'));
    expect(pageFileForSlug(dir, 'c')).toBe(join(dir, 'c/index.mdx'));
    expect(pageFileForSlug(dir, 'd')).toBeUndefined();
  });
});

describe('buildSidebar', () => {
  it('keeps reading order, links the home page to / and leaves out empty groups', () => {
    const dir = docsFixture(['index.mdx', 'dns/one.mdx', 'dns/two.mdx']);
    const sidebar = buildSidebar(dir, [
      { label: 'Overview', pages: ['index'] },
      { label: 'Empty', pages: [] },
      { label: 'DNS', pages: ['dns/two', 'dns/one'] },
    ]);
    expect(sidebar).toEqual([
      { label: 'Overview', items: [{ label: 'Introduction', link: '/' }] },
      { label: 'DNS', items: [{ slug: 'dns/two' }, { slug: 'dns/one' }] },
    ]);
  });

  it('fails naming every slug without a page and every duplicate', () => {
    const dir = docsFixture(['a.mdx']);
    expect(() =>
      buildSidebar(dir, [
        { label: 'G1', pages: ['a', 'missing-one'] },
        { label: 'G2', pages: ['a', 'missing-two'] },
      ]),
    ).toThrow(/"missing-one" in group "G1" has no page[\s\S]*"a" is listed twice[\s\S]*"missing-two" in group "G2"/);
  });
});

describe('pageSlugs and directorySidebar', () => {
  it('lists every page slug, skipping partials, and builds one group without the 404 page', () => {
    const dir = docsFixture(['index.mdx', 'b.md', 'c/index.mdx', 'c/d.mdx', '_partial.mdx', '404.mdx']);
    expect(pageSlugs(dir)).toEqual(['404', 'b', 'c', 'c/d', 'index']);
    expect(directorySidebar(dir)).toEqual([
      { label: 'Pages', items: [{ slug: 'b' }, { slug: 'c' }, { slug: 'c/d' }, { label: 'Introduction', link: '/' }] },
    ]);
  });
});

describe('the site sidebar', () => {
  const docsDir = 'docs';

  it('lists every page in docs/ exactly once (except the 404 page)', () => {
    const listed = SIDEBAR_GROUPS.flatMap((g) => g.pages).sort();
    const onDisk = pageSlugs(docsDir).filter((slug) => slug !== '404');
    expect(listed).toEqual(onDisk);
  });

  it('builds without errors from the real docs/ folder', () => {
    expect(() => buildSidebar(docsDir)).not.toThrow();
  });
});

describe('sectionOfSlug', () => {
  it('names the sidebar group of a page, or nothing for an unlisted page', () => {
    const groups = [
      { label: 'Overview', pages: ['index'] },
      { label: 'DNS', pages: ['dns/a'] },
    ];
    expect(sectionOfSlug('index', groups)).toBe('Overview');
    expect(sectionOfSlug('dns/a', groups)).toBe('DNS');
    expect(sectionOfSlug('404', groups)).toBeUndefined();
    expect(sectionOfSlug('dns/name-resolution')).toBe('DNS');
  });
});
