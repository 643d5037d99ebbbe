import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagramUsage, diagramUsageInDocs, findDiagramUses, pageHref, pageTitle, viewKey } from '../../../src/site/diagram-usage.ts';

describe('findDiagramUses', () => {
  it('finds uses with attributes in any order, quoted either way or as expressions, over several lines', () => {
    const mdx = [
      '<ClusterDiagram cluster="flannel-vxlan" view="topology" />',
      "<ClusterDiagram view='services' cluster='services-dns' caption=\"A caption\" />",
      '<ClusterDiagram',
      '  caption="x"',
      '  cluster={"calico-bgp"}',
      '  view="topology"',
      '/>',
    ].join('\n');
    expect(findDiagramUses(mdx)).toEqual([
      { cluster: 'flannel-vxlan', view: 'topology' },
      { cluster: 'services-dns', view: 'services' },
      { cluster: 'calico-bgp', view: 'topology' },
    ]);
  });

  it('ignores fenced code, MDX comments, other components and uses without both attributes', () => {
    const mdx = [
      '```mdx',
      '<ClusterDiagram cluster="in-code" view="topology" />',
      '```',
      '{/* <ClusterDiagram cluster="commented" view="topology" /> */}',
      '<ClusterDiagramLegend cluster="x" view="y" />',
      '<ClusterDiagram cluster="no-view" />',
    ].join('\n');
    expect(findDiagramUses(mdx)).toEqual([]);
  });
});

describe('diagramUsage', () => {
  it('maps each cluster view to the pages that show it, once per page, with titles', () => {
    const usage = diagramUsage([
      { slug: 'a', mdx: '---\ntitle: Page A\n---\n<ClusterDiagram cluster="c" view="topology" />\n<ClusterDiagram cluster="c" view="topology" />' },
      { slug: 'b/c', mdx: "---\ntitle: 'Page B'\n---\n<ClusterDiagram cluster=\"c\" view=\"topology\" />" },
    ]);
    expect(usage.get(viewKey('c', 'topology'))).toEqual([
      { slug: 'a', title: 'Page A' },
      { slug: 'b/c', title: 'Page B' },
    ]);
    expect(usage.get(viewKey('c', 'services'))).toBeUndefined();
  });

  it('reads titles and builds hrefs', () => {
    expect(pageTitle('---\ntitle: "Quoted: yes"\ndescription: x\n---\nbody')).toBe('Quoted: yes');
    expect(pageTitle('no frontmatter')).toBeUndefined();
    expect(pageHref('index')).toBe('/');
    expect(pageHref('dns/records')).toBe('/dns/records/');
  });

  it('finds the real uses in docs/ and leaves out excluded pages', () => {
    const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
    const usage = diagramUsageInDocs(docs, ['reference/diagram-gallery']);
    expect(usage.get(viewKey('flannel-vxlan', 'topology'))?.map((p) => p.slug)).toContain('pod-networking');
    for (const pages of usage.values()) for (const p of pages) expect(p.slug).not.toBe('reference/diagram-gallery');
  });
});
