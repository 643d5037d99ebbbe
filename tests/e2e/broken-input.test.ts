/**
 * Bad input fails the build with a message naming the file: a page with broken frontmatter,
 * a dead internal link, and an invalid Mermaid block. Each fixture is a tiny site built from
 * tests/fixtures/broken-sites/<case> (via DOCS_DIR) into its own output folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function buildFixture(name: string): { status: number | null; output: string; outDir: string } {
  const outDir = `.cache/broken-build-${name}`;
  rmSync(outDir, { recursive: true, force: true });
  const result = spawnSync('node_modules/.bin/astro', ['build', '--outDir', outDir], {
    env: { ...process.env, DOCS_DIR: `tests/fixtures/broken-sites/${name}`, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

describe('a build with bad input fails and names the file', () => {
  it('broken frontmatter: names the page and each bad field', () => {
    const { status, output } = buildFixture('bad-frontmatter');
    expect(status).not.toBe(0);
    expect(output).toContain('tests/fixtures/broken-sites/bad-frontmatter/broken-page.mdx');
    expect(output).toMatch(/title: Required/);
    expect(output).toMatch(/sources\.0\.url/);
  });

  it('dead internal link: names the source page, the link and the reason', () => {
    const { status, output, outDir } = buildFixture('dead-link');
    expect(status).not.toBe(0);
    expect(existsSync(`${outDir}/index.html`)).toBe(false);
    expect(output).toContain('tests/fixtures/broken-sites/dead-link/links-nowhere.mdx');
    expect(output).toContain('/no-such-page/ (no such page or file)');
    expect(output).toContain('/#no-such-anchor (no element with id "no-such-anchor")');
  });

  it('invalid Mermaid: names the page, the line and Mermaid\'s own message', () => {
    const { status, output, outDir } = buildFixture('bad-mermaid');
    expect(status).not.toBe(0);
    expect(output).toMatch(/tests\/fixtures\/broken-sites\/bad-mermaid\/bad-diagram\.mdx:\d+/);
    expect(output).toMatch(/Parse error on line \d+/);
    // No half-written site: the failed build leaves no finished page behind.
    expect(existsSync(`${outDir}/bad-diagram/index.html`)).toBe(false);
  });
});
