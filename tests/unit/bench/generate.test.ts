import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramSource, generateScaleSite, pageOfDiagram, pageSlug, writeScaleSite, type GeneratedFile } from '../../../bench/generate.ts';

/** Frontmatter as the site's schema sees it: each value is a YAML double-quoted scalar (JSON-compatible). */
function frontmatter(file: GeneratedFile): Record<string, string> {
  const match = file.content.match(/^---\n([\s\S]*?)\n---\n/);
  if (!match) throw new Error(`${file.path}: no frontmatter block`);
  const data: Record<string, string> = {};
  for (const line of match[1]!.split('\n')) {
    const field = line.match(/^([a-z]+): (".*")$/);
    if (!field) throw new Error(`${file.path}: unexpected frontmatter line ${line}`);
    data[field[1]!] = JSON.parse(field[2]!) as string;
  }
  return data;
}

function fences(file: GeneratedFile): string[] {
  return [...file.content.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}

describe('scale site generator', () => {
  const size = { pages: 120, diagrams: 37 };
  const files = generateScaleSite(size);

  it('writes one MDX page per requested page, home first, in section folders', () => {
    expect(files).toHaveLength(120);
    expect(files[0]!.path).toBe('index.mdx');
    expect(files[1]!.path).toBe('section-01/page-0001.mdx');
    expect(files[51]!.path).toBe('section-02/page-0051.mdx');
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
  });

  it('gives every page valid frontmatter: a title and a description of at least 20 characters', () => {
    for (const file of files) {
      const data = frontmatter(file);
      expect(Object.keys(data).sort()).toEqual(['description', 'title']);
      expect(data.title!.length).toBeGreaterThan(0);
      expect(data.description!.length).toBeGreaterThanOrEqual(20);
    }
  });

  it('spreads exactly the requested number of distinct diagrams evenly, none on the home page', () => {
    const perPage = files.map((f) => fences(f).length);
    expect(perPage.reduce((a, b) => a + b, 0)).toBe(37);
    expect(perPage[0]).toBe(0);
    expect(Math.max(...perPage)).toBeLessThanOrEqual(1);
    const all = files.flatMap(fences);
    expect(new Set(all).size).toBe(all.length);
    // Every fence is closed: the number of ``` lines is even on every page.
    for (const file of files) expect((file.content.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  it('puts several diagrams on a page when there are more diagrams than pages', () => {
    const dense = generateScaleSite({ pages: 3, diagrams: 7 });
    expect(dense.map((f) => fences(f).length)).toEqual([0, 4, 3]);
    expect(pageOfDiagram(0, { pages: 1, diagrams: 2 })).toBe(0);
  });

  it('links each page to the previous one, which exists', () => {
    const routes = new Set(files.map((f) => (f.path === 'index.mdx' ? '/' : `/${f.path.replace(/\.mdx$/, '')}/`)));
    for (const file of files.slice(1)) {
      const link = file.content.match(/\[previous page\]\(([^)]+)\)/)?.[1];
      expect(link, file.path).toBeDefined();
      expect(routes.has(link!), `${file.path} -> ${link}`).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(generateScaleSite(size)).toEqual(files);
    expect(pageSlug(0)).toBe('index');
  });

  it('writes diagrams Mermaid recognises by their first line, with an accessible title and description', () => {
    for (let d = 0; d < 6; d++) {
      const source = diagramSource(d);
      expect(source.split('\n')[0]).toMatch(/^(flowchart LR|sequenceDiagram)$/);
      expect(source).toMatch(/\n {2}accTitle: .+\n {2}accDescr: .+/);
      // Labels need no escaping: no <, > or & once the arrows are taken out.
      expect(source.replace(/-->>|->>|-->|--/g, '')).not.toMatch(/[<>&]/);
    }
    expect(diagramSource(0)).not.toBe(diagramSource(3));
  });

  it('rejects impossible sizes', () => {
    expect(() => generateScaleSite({ pages: 0, diagrams: 1 })).toThrow(/positive integer/);
    expect(() => generateScaleSite({ pages: 2, diagrams: -1 })).toThrow(/non-negative/);
  });

  it('replaces the folder it writes to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-gen-'));
    try {
      writeScaleSite(dir, generateScaleSite({ pages: 60, diagrams: 2 }));
      writeScaleSite(dir, generateScaleSite({ pages: 3, diagrams: 1 }));
      expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.mdx')).sort()).toEqual([
        'index.mdx',
        'section-01/page-0001.mdx',
        'section-01/page-0002.mdx',
      ]);
      expect(readFileSync(join(dir, 'index.mdx'), 'utf8')).toMatch(/^---\ntitle: "Scale test home"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
