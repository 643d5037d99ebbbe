import { beforeAll, describe, expect, it } from 'vitest';
import { servicesView } from '../../../src/mermaid/services-view.ts';
import { exampleCluster } from './clusters.ts';
import { nodeByName, parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

describe('services view', () => {
  let chart: ParsedFlowchart;
  beforeAll(async () => {
    chart = parseFlowchart(servicesView(await exampleCluster('services-dns')));
  });

  it('shows kube-proxy on every node, programming the proxied Services', () => {
    const proxies = [...chart.nodes.values()].filter((n) => n.label.startsWith('kube-proxy on'));
    expect(proxies.map((n) => n.label)).toEqual(['kube-proxy on node-1\n192.168.1.11', 'kube-proxy on node-2\n192.168.1.12']);
    const group = [...chart.subgraphs.values()].find((s) => s.title.startsWith('ClusterIPs'))!;
    for (const proxy of proxies) expect(chart.edges).toContainEqual({ from: proxy.id, to: group.id, arrow: '-.->', label: 'programs' });
    const inGroup = [...chart.nodes.values()].filter((n) => n.parent === group.id).map((n) => n.label.split('\n')[0]);
    expect(inGroup).toEqual(['web', 'web-nodeport', 'kube-system/kube-dns']);
  });

  it('balances each Service to its endpoints with the resolved target port', () => {
    const web = nodeByName(chart, 'web');
    expect(web.label).toBe('web\nClusterIP 10.96.0.20\n80/TCP → http');
    const edges = chart.edges.filter((e) => e.from === web.id).map((e) => [chart.nodes.get(e.to)!.label, e.label]);
    expect(edges).toEqual([
      ['web-1\n10.244.0.3', '80/TCP → 8080'],
      ['web-2\n10.244.1.3', '80/TCP → 8080'],
    ]);
    const dns = nodeByName(chart, 'kube-system/kube-dns');
    expect(chart.edges.filter((e) => e.from === dns.id).map((e) => e.label)).toEqual(['53/UDP, 53/TCP, 9153/TCP', '53/UDP, 53/TCP, 9153/TCP']);
  });

  it('keeps headless and ExternalName Services apart from kube-proxy', () => {
    const group = [...chart.subgraphs.values()].find((s) => s.title === 'DNS only, not proxied')!;
    const db = nodeByName(chart, 'db');
    const payments = nodeByName(chart, 'payments');
    expect([db.parent, payments.parent]).toEqual([group.id, group.id]);
    expect(chart.edges.filter((e) => e.from === db.id).map((e) => e.label)).toEqual(['A record 10.244.0.4', 'A record 10.244.1.4']);
    const cname = chart.edges.find((e) => e.from === payments.id)!;
    expect(cname.label).toBe('CNAME');
    expect(chart.nodes.get(cname.to)!.label).toBe('api.payments.example.com');
  });

  it('groups endpoint pods by node and leaves out pods no Service selects', () => {
    const node2 = [...chart.subgraphs.values()].find((s) => s.title === 'endpoints on node-2')!;
    const pods = [...chart.nodes.values()].filter((n) => n.parent === node2.id).map((n) => n.label.split('\n')[0]);
    expect(pods).toEqual(['kube-system/coredns-2', 'web-2', 'db-1']);
  });
});
