import { beforeAll, describe, expect, it } from 'vitest';
import { gatewayAttachmentView, meshRouteView } from '../../../src/mermaid/gateway-view.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { exampleCluster } from './clusters.ts';
import { parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

/** Edges as `from -> to: label`, with the first label line of each end (or the subgraph title). */
function edgeTexts(chart: ParsedFlowchart): string[] {
  const name = (id: string) => chart.nodes.get(id)?.label.split('\n')[0] ?? chart.subgraphs.get(id)!.title;
  return chart.edges.map((e) => `${name(e.from)} ${e.arrow} ${name(e.to)}${e.label ? `: ${e.label}` : ''}`);
}

describe('Gateway API views (diagrams/gateway-api.ts)', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await exampleCluster('gateway-api');
  });

  it('draws each accepted route to every listener it attached to, and says in words which host names it serves there', () => {
    const view = gatewayAttachmentView(cluster, 'infra/edge', 'accepted');
    expect(view.description).toContain('HTTPRoute shop/promo attaches to http for *.example.com; https-shop for shop.example.com; https-wildcard for *.example.com');
    const chart = parseFlowchart(view.mermaid);
    expect([...chart.subgraphs.values()].map((s) => s.title)).toEqual(['namespace shop', 'namespace billing', 'Gateway infra/edge']);
    expect(edgeTexts(chart)).toEqual([
      'HTTPRoute storefront --> https-shop',
      'HTTPRoute checkout --> https-shop',
      'HTTPRoute promo --> http',
      'HTTPRoute promo --> https-shop',
      'HTTPRoute promo --> https-wildcard',
      'HTTPRoute reports --> https-wildcard',
      'GRPCRoute catalog --> https-wildcard',
      'TLSRoute postgres --> tls-db',
    ]);
  });

  it('draws refused routes dashed, to the listener they named (or the Gateway), each with its reason', () => {
    const view = gatewayAttachmentView(cluster, 'infra/edge', 'refused');
    const chart = parseFlowchart(view.mermaid);
    expect(edgeTexts(chart)).toEqual([
      'HTTPRoute blog -.-> https-shop',
      'HTTPRoute legacy -.-> https-shop',
      'HTTPRoute admin -.-> Gateway infra/edge',
    ]);
    expect([...chart.nodes.values()].filter((n) => n.label.startsWith('HTTPRoute')).map((n) => n.label.split('\n')[2])).toEqual([
      'refused: NotAllowedByListeners',
      'refused: NoMatchingListenerHostname',
      'refused: NoMatchingParent',
    ]);
    expect([...chart.nodes.values()].filter((n) => n.parent === 'gw_infra_2d_edge').map((n) => n.label.split('\n')[0])).toEqual(['https-shop']);
    expect(view.description).toContain('HTTPRoute shop/admin is refused with NoMatchingParent: Gateway edge has no listener named admin');
  });

  it('draws a GAMMA route between its Service parent and the backends of each rule, with weights', () => {
    const view = meshRouteView(cluster, 'shop/api');
    expect(edgeTexts(parseFlowchart(view.mermaid))).toEqual([
      'client pod --> Service api: HTTP',
      'Service api -.-> HTTPRoute api-canary: mesh applies',
      // Each label wrapped to a narrow column: the three edges leave the route side by side.
      'HTTPRoute api-canary --> Service api-v2: rule 1:\nx-version:\nv2',
      'HTTPRoute api-canary --> Service api: rule 2:\notherwise,\n90%',
      'HTTPRoute api-canary --> Service api-v2: rule 2:\notherwise,\n10%',
    ]);
    expect(() => meshRouteView(cluster, 'shop/web')).toThrow('no route is attached to Service "shop/web"');
  });
});
