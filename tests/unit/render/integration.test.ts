import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mermaidDiagrams, collectClusterViews, collectFenceDiagrams, collectGatewayViews, remarkMermaid } from '../../../src/integration/mermaid.ts';
import { gatewayAttachmentPhoneView } from '../../../src/mermaid/gateway-phone-view.ts';
import { gatewayAttachmentView } from '../../../src/mermaid/gateway-view.ts';
import { exampleRegistry } from '../mermaid/clusters.ts';
import { renderPhoneView, renderView } from '../../../src/mermaid/views.ts';
import { ClusterRegistry, DefinitionErrors } from '../../../src/model/registry.ts';
import goodCluster from '../../fixtures/clusters/definitions/good-cluster.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
type Hook = (options: unknown) => Promise<void>;

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

describe('collecting the site\'s diagrams', () => {
  const root = mkdtempSync(join(tmpdir(), 'mermaid-site-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'docs', 'dns'), { recursive: true });
  writeFileSync(join(root, 'docs', 'dns', 'a.mdx'), '# A\n\n```mermaid\nflowchart LR\n  a-->b\n```\n');

  it('finds fenced blocks with page and line', () => {
    expect(collectFenceDiagrams(root)).toEqual([{ source: 'flowchart LR\n  a-->b', origin: { file: join('docs', 'dns', 'a.mdx'), line: 4 } }]);
    expect(collectFenceDiagrams(root, 'no-such-dir')).toEqual([]);
  });

  it('takes every view of every registered cluster and its phone variant, naming its definition file', () => {
    const registry = ClusterRegistry.fromModules({ '/diagrams/good-cluster.ts': { default: goodCluster } });
    const cluster = registry.get('good-cluster');
    expect(collectClusterViews(registry)).toEqual([
      { source: renderView(cluster, 'topology').mermaid, origin: { file: 'diagrams/good-cluster.ts', context: 'cluster good-cluster, view topology' } },
      { source: renderPhoneView(cluster, 'topology'), origin: { file: 'diagrams/good-cluster.ts', context: 'cluster good-cluster, view topology (phone)' } },
      { source: renderView(cluster, 'services').mermaid, origin: { file: 'diagrams/good-cluster.ts', context: 'cluster good-cluster, view services' } },
      { source: renderPhoneView(cluster, 'services'), origin: { file: 'diagrams/good-cluster.ts', context: 'cluster good-cluster, view services (phone)' } },
    ]);
  });

  it('takes both Gateway attachment views of every Gateway, each with its phone variant, and none for a cluster without Gateways', async () => {
    expect(collectGatewayViews(ClusterRegistry.fromModules({ '/diagrams/good-cluster.ts': { default: goodCluster } }))).toEqual([]);
    const registry = await exampleRegistry();
    const requests = collectGatewayViews(registry);
    const gateways = registry.entries().flatMap(({ cluster }) => cluster.gatewayApi?.gateways ?? []);
    expect(gateways.length).toBeGreaterThan(0);
    expect(requests).toHaveLength(gateways.length * 4);
    const cluster = registry.get('gateway-api');
    const file = 'diagrams/gateway-api.ts';
    expect(requests).toContainEqual({ source: gatewayAttachmentView(cluster, 'infra/edge', 'refused').mermaid, origin: { file, context: 'Gateway infra/edge, refused routes' } });
    expect(requests).toContainEqual({ source: gatewayAttachmentPhoneView(cluster, 'infra/edge', 'accepted'), origin: { file, context: 'Gateway infra/edge, accepted routes (phone)' } });
  });
});

describe('the integration in astro build', () => {
  const temps: string[] = [];
  afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

  it('fails at build start on a broken definition, listing every diagnostic with file, path and hint', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mermaid-broken-'));
    temps.push(root);
    mkdirSync(join(root, 'diagrams'));
    symlinkSync(join(ROOT, 'src'), join(root, 'src'));
    writeFileSync(join(root, 'package.json'), '{"type":"module"}');
    const broken = readFileSync(join(ROOT, 'tests/fixtures/clusters/definitions/broken-cluster.ts'), 'utf8').replace('../../../../src/model', '../src/model');
    writeFileSync(join(root, 'diagrams', 'broken-cluster.ts'), broken);

    const integration = mermaidDiagrams();
    const processor = { name: 'unified', options: { remarkPlugins: [] as unknown[] } };
    await (integration.hooks['astro:config:setup'] as unknown as Hook)({ config: { root: pathToFileURL(`${root}/`), markdown: { processor } } });
    expect(processor.options.remarkPlugins).toHaveLength(1);
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const failure = await (integration.hooks['astro:build:start'] as unknown as Hook)({ logger }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DefinitionErrors);
    const message = (failure as Error).message;
    expect(message).toContain("diagrams/broken-cluster.ts: nodes[1].pods[0].ip: 10.244.9.2 is outside node-2's podCIDR 10.244.1.0/24 (hint: ");
    expect(message).toContain('diagrams/broken-cluster.ts: services[1].ports[0].nodePort: ');
    expect(message).toContain('npm run diagrams -- --check');
    // Nothing was rendered: the failure comes before any browser work.
    expect(logger.info).not.toHaveBeenCalled();
  });
});

describe('astro dev: an edited definition', () => {
  it('recognises cluster definition files under the root, and nothing else', async () => {
    const { definitionFileOf } = await import('../../../src/integration/mermaid.ts');
    const root = resolve('/p/site');
    expect(definitionFileOf(root, join(root, 'diagrams', 'flannel-vxlan.ts'))).toBe('diagrams/flannel-vxlan.ts');
    expect(definitionFileOf(root, join(root, 'diagrams', 'types.d.ts'))).toBeUndefined();
    expect(definitionFileOf(root, join(root, 'diagrams', 'sub', 'x.ts'))).toBeUndefined();
    expect(definitionFileOf(root, join(root, 'docs', 'diagrams', 'x.ts'))).toBeUndefined();
    expect(definitionFileOf(root, join(root, 'diagrams', 'notes.md'))).toBeUndefined();
  });

  it('renders the saved definition\'s views, and none for a definition with errors', async () => {
    const { renderEditedDefinition } = await import('../../../src/integration/mermaid.ts');
    const { sharedRenderer, closeSharedRenderer } = await import('../../../src/render/index.ts');
    const root = resolve(import.meta.dirname, '../../..');
    const cacheDir = mkdtempSync(join(tmpdir(), 'edited-definition-'));
    await closeSharedRenderer();
    const renderer = sharedRenderer({ root, cacheDir });
    try {
      const file = 'tests/fixtures/clusters/definitions/good-cluster.ts';
      const views = collectClusterViews(ClusterRegistry.fromModules({ [file]: { default: goodCluster } }));
      expect(await renderEditedDefinition(root, file)).toBe(views.length);
      for (const view of views) expect(renderer.cached(view.source)).toBeDefined();
      expect(await renderEditedDefinition(root, 'tests/fixtures/clusters/definitions/broken-cluster.ts')).toBe(0);
    } finally {
      await closeSharedRenderer();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }, 120_000);
});
