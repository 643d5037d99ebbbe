import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSidebar, deriveSidebarGroups, directorySidebar, pageFileForSlug, pageSlugs, sidebarItems, type SidebarItem } from '../../../src/site/sidebar.ts';

/** A pages folder from `{ path: content }`; a value without `---` becomes a page with that frontmatter. */
function docsFixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'docs-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    const text = file.endsWith('.yml') || content.startsWith('---') ? content : `---\n${content}\n---\n\nText.\n`;
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const page = (title: string, order?: number, extra = ''): string =>
  `title: ${title}${order === undefined ? '' : `\nsidebar:\n  order: ${order}`}${extra ? `\n${extra}` : ''}`;
const group = (label: string, order: number): string => `label: ${label}\norder: ${order}\n`;

/** Slugs in sidebar order, for checking that every page is listed once. */
function listedSlugs(items: SidebarItem[]): string[] {
  return items.flatMap((item) => ('items' in item ? listedSlugs(item.items) : 'slug' in item ? [item.slug] : ['index']));
}

describe('pageFileForSlug', () => {
  it('finds slug.mdx, slug.md and slug/index.mdx', () => {
    const dir = docsFixture({ 'a.mdx': 'title: a', 'b.md': 'title: b', 'c/index.mdx': 'title: c' });
    expect(pageFileForSlug(dir, 'a')).toBe(join(dir, 'a.mdx'));
    expect(pageFileForSlug(dir, 'b')).toBe(join(dir, 'b.md'));
    expect(pageFileForSlug(dir, 'c')).toBe(join(dir, 'c/index.mdx'));
    expect(pageFileForSlug(dir, 'd')).toBeUndefined();
  });
});

describe('pageSlugs and directorySidebar', () => {
  it('lists every page slug, skipping partials, and builds one group without the 404 page', () => {
    const dir = docsFixture({ 'index.mdx': 'title: x', 'b.md': 'title: x', 'c/index.mdx': 'title: x', 'c/d.mdx': 'title: x', '_partial.mdx': 'title: x', '404.mdx': 'title: x' });
    expect(pageSlugs(dir)).toEqual(['404', 'b', 'c', 'c/d', 'index']);
    expect(directorySidebar(dir)).toEqual([
      { label: 'Pages', items: [{ slug: 'b' }, { slug: 'c' }, { slug: 'c/d' }, { label: 'Introduction', link: '/' }] },
    ]);
  });

  it('reads no frontmatter, so a fixture with broken frontmatter reaches Starlight\'s own validation', () => {
    const dir = docsFixture({ 'index.mdx': 'title: x', 'broken.mdx': 'title: [unclosed' });
    expect(directorySidebar(dir)).toEqual([{ label: 'Pages', items: [{ slug: 'broken' }, { label: 'Introduction', link: '/' }] }]);
  });
});

describe('buildSidebar: groups and order from the pages folder', () => {
  // Names sort differently from the orders, so only the orders can explain the result.
  const dir = docsFixture({
    'index.mdx': page('Welcome', undefined, 'sidebar:\n  label: Introduction'),
    'zeta.mdx': page('Zeta topic', 20),
    'alpha.mdx': page('Alpha topic long title', 40, 'sidebarGroup: Alpha'),
    'basics/_group.yml': group('Basics', 10),
    'basics/second.mdx': page('Second', 20),
    'basics/first.mdx': page('First', 10),
    'dns/_group.yml': `# a comment\n${group('DNS', 30)}`,
    'dns/b.mdx': page('B', 5),
    'dns/a.mdx': page('A', 7),
    'dns/draft.mdx': 'title: Draft\nsidebar:\n  hidden: true',
    'dns/_partial.mdx': 'not a page',
    '404.mdx': 'title: Not found',
    'images/diagram.svg': '<svg/>',
  });

  it('sorts groups and pages by order, opens the first group with the home page, and labels them', () => {
    expect(buildSidebar(dir)).toEqual([
      { label: 'Basics', items: [{ label: 'Introduction', link: '/' }, { slug: 'basics/first' }, { slug: 'basics/second' }] },
      { label: 'Zeta topic', items: [{ slug: 'zeta' }] },
      { label: 'DNS', items: [{ slug: 'dns/b' }, { slug: 'dns/a' }] },
      { label: 'Alpha', items: [{ slug: 'alpha' }] },
    ]);
  });

  it('puts top-level pages with the same sidebarGroup in one group, at their smallest order, pages by order', () => {
    const shared = docsFixture({
      'index.mdx': page('Home'),
      'intro/_group.yml': group('Intro', 1),
      'intro/a.mdx': page('A', 1),
      'late.mdx': page('Late part', 35, 'sidebarGroup: Topic'),
      'main.mdx': page('Main part', 30, 'sidebarGroup: Topic'),
      'between.mdx': page('Between', 32),
      'other.mdx': page('Other', 40, 'sidebarGroup: Other'),
    });
    expect(buildSidebar(shared)).toEqual([
      { label: 'Intro', items: [{ label: 'Home', link: '/' }, { slug: 'intro/a' }] },
      { label: 'Topic', items: [{ slug: 'main' }, { slug: 'late' }] },
      { label: 'Between', items: [{ slug: 'between' }] },
      { label: 'Other', items: [{ slug: 'other' }] },
    ]);
  });

  it('labels the home link with its title when it has no sidebar.label', () => {
    const plain = docsFixture({ 'index.mdx': page('Home page'), 'x/_group.yml': group('X', 1), 'x/y.mdx': page('Y', 1) });
    expect(buildSidebar(plain)).toEqual([{ label: 'X', items: [{ label: 'Home page', link: '/' }, { slug: 'x/y' }] }]);
  });
});

describe('deriveSidebarGroups and sidebarItems', () => {
  it('work on what was read, without the file system', () => {
    const pages = [
      { file: 'docs/b.mdx', slug: 'b', folder: '', title: 'Bee', order: 2, hidden: false },
      { file: 'docs/index.mdx', slug: 'index', folder: '', title: 'Home', hidden: false },
      { file: 'docs/g/a.mdx', slug: 'g/a', folder: 'g', title: 'A', order: 1, hidden: false },
    ];
    const groups = deriveSidebarGroups(pages, [{ file: 'docs/g/_group.yml', folder: 'g', label: 'Gee', order: 1 }]);
    expect(groups).toEqual([
      { label: 'Gee', pages: ['index', 'g/a'] },
      { label: 'Bee', pages: ['b'] },
    ]);
    expect(sidebarItems(groups, 'Start')).toEqual([
      { label: 'Gee', items: [{ label: 'Start', link: '/' }, { slug: 'g/a' }] },
      { label: 'Bee', items: [{ slug: 'b' }] },
    ]);
  });
});

describe('buildSidebar: problems fail the build naming the file', () => {
  const fails = (files: Record<string, string>): string => {
    const dir = docsFixture(files);
    try {
      buildSidebar(dir);
    } catch (error) {
      return (error as Error).message.split(dir).join('docs');
    }
    throw new Error('expected buildSidebar to fail');
  };

  it('a page without sidebar.order', () => {
    expect(fails({ 'a.mdx': page('A'), 'b/_group.yml': group('B', 2), 'b/c.mdx': page('C') })).toMatch(
      /docs\/a\.mdx: sidebar\.order is missing[^\n]*among the groups[\s\S]*docs\/b\/c\.mdx: sidebar\.order is missing[^\n]*in its group \(b\/\)/,
    );
  });

  it('a sidebar field of the wrong type, and frontmatter that is not YAML', () => {
    const message = fails({ 'a.mdx': 'title: A\nsidebar:\n  order: first', 'b.mdx': 'title: [B', 'c.mdx': '---\nno closing line\n' });
    expect(message).toMatch(/docs\/a\.mdx: sidebar\.order: .*expected number/);
    expect(message).toMatch(/docs\/b\.mdx: not valid YAML/);
    expect(message).toMatch(/docs\/c\.mdx: no frontmatter/);
  });

  it('a folder without _group.yml (an unknown group), reported with the page\'s other problems', () => {
    const message = fails({ 'dns/a.mdx': page('A', 1), 'dns/b.mdx': page('B') });
    expect(message).toContain('docs/dns/a.mdx: its folder dns/ has no _group.yml');
    expect(message).toContain('docs/dns/b.mdx: sidebar.order is missing');
    expect(message).toContain('docs/dns/b.mdx: its folder dns/ has no _group.yml');
  });

  it('a _group.yml with a missing, empty or misspelled field', () => {
    const message = fails({ 'a/_group.yml': 'order: 1\n', 'a/p.mdx': page('P', 1), 'b/_group.yml': 'label: " "\norder: 2\nlable: B\n', 'b/p.mdx': page('P', 1) });
    expect(message).toMatch(/docs\/a\/_group\.yml: label: /);
    expect(message).toMatch(/docs\/b\/_group\.yml: label: must not be empty/);
    expect(message).toMatch(/docs\/b\/_group\.yml: \(top level\): .*lable/);
  });

  it('an empty group: a _group.yml whose folder lists no page', () => {
    expect(fails({ 'a.mdx': page('A', 1), 'b/_group.yml': group('B', 2), 'b/hidden.mdx': 'title: H\nsidebar:\n  hidden: true' })).toContain(
      'docs/b/_group.yml: the group "B" has no pages in b/',
    );
  });

  it('one page in two files (every page appears exactly once)', () => {
    expect(fails({ 'a.mdx': page('A', 1), 'a/_group.yml': group('A', 2), 'a/index.mdx': page('A index', 1) })).toContain(
      'docs/a.mdx and docs/a/index.mdx: both are the page "a"',
    );
  });

  it('two siblings with the same order', () => {
    const message = fails({ 'a.mdx': page('A', 10), 'g/_group.yml': group('G', 10), 'g/x.mdx': page('X', 1), 'g/y.mdx': page('Y', 1) });
    expect(message).toContain('docs/g/x.mdx and docs/g/y.mdx: the same order 1 in the group "G"');
    expect(message).toContain('docs/g/_group.yml and docs/a.mdx: the same order 10 among the top-level groups');
  });

  it('two pages of one sidebarGroup with the same order, and a sidebarGroup named like a folder group', () => {
    const message = fails({
      'a.mdx': page('A', 10, 'sidebarGroup: Shared'),
      'b.mdx': page('B', 10, 'sidebarGroup: Shared'),
      'c.mdx': page('C', 30, 'sidebarGroup: G'),
      'g/_group.yml': group('G', 20),
      'g/x.mdx': page('X', 1),
    });
    expect(message).toContain('docs/a.mdx and docs/b.mdx: the same order 10 in the group "Shared" (sidebarGroup)');
    expect(message).toContain('docs/c.mdx: sidebarGroup "G" is also a folder group\'s label');
  });

  it('pages nested two folders deep, and sidebarGroup where it has no effect', () => {
    const message = fails({
      'index.mdx': page('Home', 3, 'sidebarGroup: Start'),
      'g/_group.yml': group('G', 1),
      'g/x.mdx': page('X', 1, 'sidebarGroup: Other'),
      'g/deep/y.mdx': page('Y', 2),
    });
    expect(message).toContain('docs/index.mdx: sidebar.order has no effect on the home page');
    expect(message).toContain('docs/index.mdx: sidebarGroup has no effect on the home page');
    expect(message).toContain('docs/g/x.mdx: sidebarGroup only labels a top-level page');
    expect(message).toContain('docs/g/deep/y.mdx: pages are at most one folder deep');
  });
});

describe('the site sidebar (docs/)', () => {
  const docsDir = 'docs';
  const sidebar = buildSidebar(docsDir);

  it('lists every page in docs/ exactly once (except the 404 page)', () => {
    const onDisk = pageSlugs(docsDir).filter((slug) => slug !== '404');
    expect(listedSlugs(sidebar).sort()).toEqual(onDisk);
  });

  it('keeps the guide\'s reading order: Overview first, opened by the home page, Contributing last', () => {
    const labels = sidebar.map((item) => ('label' in item ? item.label : ''));
    expect(labels).toEqual(['Overview', 'Pod networking', 'Services', 'Network plugins', 'Network policy', 'Ingress and Gateway', 'DNS', 'Your cluster', 'More topics', 'Reference', 'Contributing']);
    const slugsOf = (label: string) => listedSlugs(sidebar.filter((item) => 'label' in item && item.label === label));
    expect(slugsOf('Services')).toEqual(['service-networking', 'dual-stack', 'egress-and-external-services', 'traffic-distribution']);
    expect(slugsOf('Network plugins')).toEqual(['network-plugins', 'ebpf-dataplanes', 'conntrack-and-mtu']);
    expect(slugsOf('Network policy')).toEqual(['network-policy', 'cluster-network-policy']);
    expect(slugsOf('Ingress and Gateway')).toEqual(['ingress-and-gateway', 'gateway-api']);
    expect(sidebar[0]).toEqual({ label: 'Overview', items: [{ label: 'Introduction', link: '/' }, { slug: 'overview/network-model' }] });
    expect(listedSlugs(sidebar.filter((item) => 'label' in item && item.label === 'DNS'))).toEqual([
      'dns/name-resolution',
      'dns/dns-service',
      'dns/coredns-vs-kube-dns',
      'dns/records',
      'dns/dns-policy-and-debugging',
    ]);
  });
});
