import { beforeAll, describe, expect, it } from 'vitest';
import { describeServices } from '../../../src/mermaid/describe.ts';
import { kubeProxyReplacement, servicesView } from '../../../src/mermaid/services-view.ts';
import { exampleCluster } from './clusters.ts';
import { nodeByName, parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

describe('services view', () => {
  let chart: ParsedFlowchart;
  beforeAll(async () => {
    chart = parseFlowchart(servicesView(await exampleCluster('services-dns')));
  });

  it('names kube-proxy and its nodes in the title of the proxied Services group', () => {
    expect([...chart.nodes.values()].some((n) => n.label.startsWith('kube-proxy on'))).toBe(false);
    const group = [...chart.subgraphs.values()].find((s) => s.title.startsWith('ClusterIPs'))!;
    expect(group.title).toBe('ClusterIPs: kube-proxy\n(iptables mode) programs the\nsame rules on node-1 and node-2');
    const inGroup = [...chart.nodes.values()].filter((n) => n.parent === group.id).map((n) => n.label.split('\n')[0]);
    expect(inGroup).toEqual(['web', 'web-nodeport', 'kube-system/kube-dns']);
  });

  it('does not claim the same rules on every node when a Service prefers close endpoints', async () => {
    const cluster = await exampleCluster('traffic-distribution');
    const group = [...parseFlowchart(servicesView(cluster)).subgraphs.values()].find((s) => s.title.startsWith('ClusterIPs'))!;
    expect(group.title).toBe('ClusterIPs: kube-proxy\n(iptables mode) on node-1, node-2 and node-3\nprefers close endpoints');
    expect(describeServices(cluster)).toContain('for web, cache and api, whose trafficDistribution prefers close endpoints, each node keeps the endpoints of its own zone or node.');
    expect(describeServices(await exampleCluster('services-dns'))).toContain('programs the same rules for every Service with a ClusterIP on each node.');
  });

  it('balances each Service to its endpoints; a port mapping all endpoints share is said once, in the Service', () => {
    const web = nodeByName(chart, 'web');
    // targetPort "http" resolves to 8080 on both pods (their container port named http).
    expect(web.label).toBe('web\nClusterIP 10.96.0.20\n80/TCP → 8080');
    const edges = chart.edges.filter((e) => e.from === web.id).map((e) => [chart.nodes.get(e.to)!.label, e.label]);
    expect(edges).toEqual([
      ['web-1\n10.244.0.3', undefined],
      ['web-2\n10.244.1.3', undefined],
    ]);
    expect(nodeByName(chart, 'web-nodeport').label).toBe('web-nodeport\nNodePort 10.96.0.30\n80/TCP → 8080\nNodePort 30080\non every node');
  });

  it('labels the edges when a named target port resolves differently per pod', async () => {
    // A copy: the example registry is shared with the other tests.
    const cluster = structuredClone(await exampleCluster('services-dns'));
    const web2 = cluster.nodes.flatMap((n) => n.pods).find((p) => p.name === 'web-2')!;
    web2.ports = [{ ...web2.ports[0]!, containerPort: 9090 }];
    const chart = parseFlowchart(servicesView(cluster));
    const web = nodeByName(chart, 'web');
    expect(web.label).toBe('web\nClusterIP 10.96.0.20\n80/TCP → http');
    expect(chart.edges.filter((e) => e.from === web.id).map((e) => e.label)).toEqual(['80/TCP → 8080', '80/TCP → 9090']);
  });

  it('keeps headless and ExternalName Services apart from kube-proxy', () => {
    const group = [...chart.subgraphs.values()].find((s) => s.title === 'DNS only, not proxied')!;
    const db = nodeByName(chart, 'db');
    const payments = nodeByName(chart, 'payments');
    expect([db.parent, payments.parent]).toEqual([group.id, group.id]);
    expect(db.label).toBe('db\nheadless: clusterIP None\n5432/TCP\nDNS: an A record per pod');
    expect(chart.edges.filter((e) => e.from === db.id).map((e) => [chart.nodes.get(e.to)!.label, e.arrow])).toEqual([
      ['db-0\n10.244.0.4', '-.->'],
      ['db-1\n10.244.1.4', '-.->'],
    ]);
    const cname = chart.edges.find((e) => e.from === payments.id)!;
    expect(payments.label).toBe('payments\nExternalName\nCNAME api.payments.example.com');
    expect(chart.nodes.get(cname.to)!.label).toBe('api.payments.example.com');
  });

  it('groups endpoint pods by node and leaves out pods no Service selects', () => {
    const node2 = [...chart.subgraphs.values()].find((s) => s.title === 'endpoints on node-2')!;
    const pods = [...chart.nodes.values()].filter((n) => n.parent === node2.id).map((n) => n.label.split('\n')[0]);
    expect(pods).toEqual(['kube-system/coredns-2', 'web-2', 'db-1']);
  });
});

describe('services view of a cluster without kube-proxy', () => {
  it('names Cilium socket-LB instead of kube-proxy only when kube-proxy is replaced', async () => {
    const replaced = await exampleCluster('cilium-vxlan');
    const kept = await exampleCluster('cilium-native');
    expect(kubeProxyReplacement(replaced)?.by).toBe('Cilium socket-LB');
    expect(kubeProxyReplacement(kept)).toBeUndefined();
    expect(servicesView(replaced)).toContain('Cilium socket-LB #40;eBPF#41; on');
    expect(servicesView(replaced)).not.toContain('kube-proxy<br>');
    expect(servicesView(kept)).toContain('ClusterIPs#58; kube-proxy<br>#40;iptables mode#41; programs the');
  });
});
