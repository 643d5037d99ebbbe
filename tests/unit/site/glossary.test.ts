import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import GithubSlugger from 'github-slugger';
import { GLOSSARY, GLOSSARY_CATEGORIES, matchesOf } from '../../../src/site/glossary.ts';
import { termPattern } from '../../../src/site/rehype-glossary-links.ts';
import { pageFileForSlug } from '../../../src/site/sidebar.ts';

const docsDir = fileURLToPath(new URL('../../../docs/', import.meta.url));

/** Heading ids of a page as Starlight makes them (github-slugger over the heading text). */
function headingIds(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  const ids = new Set<string>();
  for (const [, heading] of text.matchAll(/^#{2,6}\s+(.+)$/gm)) {
    ids.add(slugger.slug(heading!.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim()));
  }
  return ids;
}

describe('glossary data', () => {
  it('has 35 to 90 terms (a page a reader can scan; it grows with the pages)', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(35);
    expect(GLOSSARY.length).toBeLessThanOrEqual(90);
  });

  it('has unique, well-formed anchors that do not collide with the section headings', () => {
    const anchors = GLOSSARY.map((t) => t.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const anchor of anchors) expect(anchor).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const slugger = new GithubSlugger();
    const sectionIds = Object.values(GLOSSARY_CATEGORIES).map((label) => slugger.slug(label));
    for (const anchor of anchors) expect(sectionIds).not.toContain(anchor);
  });

  it('has unique terms and no empty definitions', () => {
    const terms = GLOSSARY.map((t) => t.term);
    expect(new Set(terms).size).toBe(terms.length);
    for (const t of GLOSSARY) {
      expect(t.term.trim(), t.anchor).not.toBe('');
      expect(t.definition.trim().length, t.term).toBeGreaterThan(30);
      expect(t.definition, t.term).toMatch(/[.!?]$/);
      // One or two sentences (a sentence ends in ". " followed by a capital or backtick).
      expect(t.definition.split(/[.!?] (?=[A-Z`"])/).length, t.term).toBeLessThanOrEqual(3);
    }
  });

  it('matches every string to exactly one term, and never an empty string', () => {
    expect(() => termPattern(GLOSSARY)).not.toThrow();
    for (const t of GLOSSARY) for (const m of matchesOf(t)) expect(m.trim()).toBe(m);
  });

  it('links to pages and headings that exist', () => {
    for (const t of GLOSSARY) {
      if (!t.page) continue;
      const [path, anchor] = t.page.split('#');
      expect(path, t.term).toMatch(/^\/.*\/$/);
      const slug = path!.replace(/^\/|\/$/g, '') || 'index';
      const file = pageFileForSlug(docsDir, slug);
      expect(file, `${t.term}: ${t.page}`).toBeDefined();
      if (anchor) expect([...headingIds(file!)], `${t.term}: ${t.page}`).toContain(anchor);
    }
  });

  it('cites only https sources', () => {
    for (const t of GLOSSARY) if (t.source) expect(t.source, t.term).toMatch(/^https:\/\//);
  });

  it('has a section heading on the glossary page for every category it uses', () => {
    const page = readFileSync(`${docsDir}reference/glossary.mdx`, 'utf8');
    for (const [key, label] of Object.entries(GLOSSARY_CATEGORIES)) {
      expect(page).toContain(`## ${label}`);
      expect(page).toContain(`category="${key}"`);
    }
  });
});
