import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findView, readManifest } from '../../../src/components/diagram/manifest.ts';
import { collectSiteDiagrams, remarkMermaid } from '../../../src/integration/mermaid.ts';

type AnyNode = { type: string; children?: AnyNode[]; [key: string]: unknown };

describe('remarkMermaid', () => {
  const transform = remarkMermaid({ componentPath: '/site/src/components/diagram/MermaidFigure.astro', root: '/site' });

  it('replaces mermaid code nodes (nested too) with <MermaidFigure> and imports it once', () => {
    const tree: AnyNode = {
      type: 'root',
      children: [
        { type: 'code', lang: 'mermaid', meta: 'title="Pod to pod"', value: 'flowchart LR\n a-->b', position: { start: { line: 9 } } },
        { type: 'code', lang: 'js', value: 'x()' },
        { type: 'mdxJsxFlowElement', name: 'Tabs', children: [{ type: 'code', lang: 'mermaid', value: 'sequenceDiagram', position: { start: { line: 20 } } }] },
      ],
    };
    transform(tree as never, { path: '/site/docs/dns/page.mdx' });
    const [esm, figure, js, tabs] = tree.children!;
    expect(esm!.type).toBe('mdxjsEsm');
    expect(esm!.value).toBe('import __MermaidFigure from "/site/src/components/diagram/MermaidFigure.astro";');
    expect(figure).toMatchObject({
      type: 'mdxJsxFlowElement',
      name: '__MermaidFigure',
      attributes: [
        { name: 'code', value: 'flowchart LR\n a-->b' },
        { name: 'sourceFile', value: 'docs/dns/page.mdx' },
        { name: 'sourceLine', value: '10' },
        { name: 'caption', value: 'Pod to pod' },
      ],
    });
    expect(js!.type).toBe('code');
    expect(tabs!.children![0]).toMatchObject({ type: 'mdxJsxFlowElement', name: '__MermaidFigure' });
    expect(tree.children!.filter((n) => n.type === 'mdxjsEsm')).toHaveLength(1);
  });

  it('leaves a page without diagrams untouched', () => {
    const tree: AnyNode = { type: 'root', children: [{ type: 'paragraph', children: [] }] };
    transform(tree as never, { path: '/site/docs/a.mdx' });
    expect(tree.children).toHaveLength(1);
  });
});

describe('collecting the site\'s diagrams and the generated manifest', () => {
  const root = mkdtempSync(join(tmpdir(), 'mermaid-site-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'docs', 'dns'), { recursive: true });
  writeFileSync(join(root, 'docs', 'dns', 'a.mdx'), '# A\n\n```mermaid\nflowchart LR\n  a-->b\n```\n');
  mkdirSync(join(root, '.generated', 'diagrams', 'tiny'), { recursive: true });
  writeFileSync(join(root, '.generated', 'diagrams', 'tiny', 'topology.mmd'), 'flowchart TB\n  n1\n');
  writeFileSync(
    join(root, '.generated', 'diagrams', 'manifest.json'),
    JSON.stringify({ version: 1, diagrams: [{ cluster: 'tiny', view: 'topology', title: 'T', description: 'D', source: 'diagrams/tiny.ts', mermaid: 'tiny/topology.mmd' }] }),
  );

  it('finds fenced blocks with page and line, and every generated view with its definition file', () => {
    const { requests, warnings } = collectSiteDiagrams(root);
    expect(warnings).toEqual([]);
    expect(requests).toEqual([
      { source: 'flowchart LR\n  a-->b', origin: { file: join('docs', 'dns', 'a.mdx'), line: 4 } },
      { source: 'flowchart TB\n  n1\n', origin: { file: 'diagrams/tiny.ts', context: 'cluster tiny, view topology, generated .generated/diagrams/tiny/topology.mmd' } },
    ]);
  });

  it('reports unknown clusters and views with what exists', () => {
    const manifest = readManifest(root);
    expect(findView(manifest, 'tiny', 'topology').title).toBe('T');
    expect(() => findView(manifest, 'nope', 'topology')).toThrow(/Unknown cluster "nope".*tiny/);
    expect(() => findView(manifest, 'tiny', 'routes')).toThrow(/Unknown view "routes" for cluster "tiny". Views: topology/);
    expect(() => readManifest(join(root, 'missing'))).toThrow(/npm run diagrams/);
  });
});
