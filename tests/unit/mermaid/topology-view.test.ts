import { beforeAll, describe, expect, it } from 'vitest';
import { topologyView } from '../../../src/mermaid/topology-view.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { exampleCluster } from './clusters.ts';
import { edgesBetween, nodeByName, parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

function deviceIn(chart: ParsedFlowchart, subgraph: string, prefix: string) {
  const node = [...chart.nodes.values()].find((n) => n.parent === subgraph && n.label.startsWith(prefix));
  if (!node) throw new Error(`no ${prefix} in ${subgraph}`);
  return node;
}

function nodeGroup(chart: ParsedFlowchart, nodeName: string) {
  const group = [...chart.subgraphs.values()].find((s) => s.title.split('\n')[0]!.startsWith(nodeName));
  if (!group) throw new Error(`no subgraph for ${nodeName}`);
  return group;
}

describe('topology view: flannel vxlan', () => {
  let cluster: Cluster;
  let chart: ParsedFlowchart;
  beforeAll(async () => {
    cluster = await exampleCluster('flannel-vxlan');
    chart = parseFlowchart(topologyView(cluster));
  });

  it('draws each node as a subgraph with its eth0 IP and pod CIDR', () => {
    expect(nodeGroup(chart, 'node-1').title).toBe('node-1 (control plane)\neth0 192.168.1.11\npodCIDR 10.244.0.0/24');
    expect(nodeGroup(chart, 'node-2').title).toBe('node-2\neth0 192.168.1.12\npodCIDR 10.244.1.0/24');
    expect(nodeGroup(chart, 'node-3').title).toBe('node-3\neth0 192.168.1.13\npodCIDR 10.244.2.0/24');
  });

  it('puts each pod, with its IP, inside the node it was declared on', () => {
    const web1 = nodeByName(chart, 'web-1');
    expect(web1.label).toBe('web-1\n10.244.1.2');
    expect(web1.parent).toBe(nodeGroup(chart, 'node-2').id);
    expect(nodeByName(chart, 'kube-system/coredns-2').parent).toBe(nodeGroup(chart, 'node-3').id);
  });

  it('wires pod → veth → cni0 → flannel.1 → eth0 on every node', () => {
    const group = nodeGroup(chart, 'node-2').id;
    const cni0 = deviceIn(chart, group, 'cni0');
    const flannel = deviceIn(chart, group, 'flannel.1');
    const eth0 = deviceIn(chart, group, 'eth0');
    expect(cni0.label).toBe('cni0 10.244.1.1/24');
    expect(flannel.label).toBe('flannel.1 10.244.1.0/32, VNI 1');
    expect(edgesBetween(chart, nodeByName(chart, 'web-1').id, cni0.id)).toEqual([expect.objectContaining({ label: 'eth0 ⇄ veth' })]);
    expect(edgesBetween(chart, cni0.id, flannel.id)).toHaveLength(1);
    expect(edgesBetween(chart, flannel.id, eth0.id)).toHaveLength(1);
  });

  it('links every eth0 to the node network with the VXLAN path to that node’s pods', () => {
    const net = nodeByName(chart, 'node network 192.168.1.0/24');
    for (const node of cluster.nodes) {
      const eth0 = deviceIn(chart, nodeGroup(chart, node.name).id, 'eth0');
      expect(edgesBetween(chart, eth0.id, net.id)).toEqual([expect.objectContaining({ arrow: '<==>', label: `VXLAN UDP 8472 to ${node.podCIDR}` })]);
    }
  });

  it('draws Services as virtual IPs with dashed edges to exactly their endpoints', () => {
    const web = nodeByName(chart, 'web');
    expect(web.label).toBe('web\nClusterIP 10.96.0.20\n80/TCP → 8080');
    const targets = chart.edges.filter((e) => e.from === web.id).map((e) => [chart.nodes.get(e.to)!.label.split('\n')[0], e.arrow]);
    expect(targets).toEqual([
      ['web-1', '-.->'],
      ['web-2', '-.->'],
    ]);
  });

  it('draws the DNS Service with its CoreDNS pods', () => {
    const dns = nodeByName(chart, 'kube-system/kube-dns (CoreDNS)');
    expect(dns.label).toBe('kube-system/kube-dns (CoreDNS)\n10.96.0.10\n53/UDP, 53/TCP, 9153/TCP');
    const targets = chart.edges.filter((e) => e.from === dns.id).map((e) => chart.nodes.get(e.to)!.label.split('\n')[0]);
    expect(targets).toEqual(['kube-system/coredns-1', 'kube-system/coredns-2']);
  });
});

describe('topology view: inter-node paths per plugin', () => {
  it('host-gw: a direct route via the node IP, no tunnel device', async () => {
    const chart = parseFlowchart(topologyView(await exampleCluster('flannel-host-gw')));
    expect(chart.edges.map((e) => e.label).filter(Boolean)).toContain('route 10.244.1.0/24 via 192.168.1.12');
    expect([...chart.nodes.values()].some((n) => n.label.startsWith('flannel.1'))).toBe(false);
  });

  it('calico BGP: no bridge, cali* veths, BGP announcements', async () => {
    const chart = parseFlowchart(topologyView(await exampleCluster('calico-bgp')));
    const labels = [...chart.nodes.values()].map((n) => n.label);
    expect(labels.some((l) => l.startsWith('cni0'))).toBe(false);
    expect(chart.edges.map((e) => e.label)).toEqual(expect.arrayContaining(['eth0 ⇄ cali*', 'BGP TCP 179 announces 172.16.0.64/26']));
  });

  it('bridge on one node: cni0 and no inter-node path; no DNS Service without DNS pods', async () => {
    const chart = parseFlowchart(topologyView(await exampleCluster('bridge-basics')));
    expect(chart.subgraphs.size).toBe(2);
    const net = nodeByName(chart, 'node network 192.168.1.0/24');
    expect(chart.edges.filter((e) => e.to === net.id)).toEqual([expect.objectContaining({ arrow: '---' })]);
    expect(chart.edges.find((e) => e.to === net.id)!.label).toBeUndefined();
    expect([...chart.nodes.values()].some((n) => n.label.includes('kube-dns'))).toBe(false);
  });

  it('headless, NodePort and ExternalName Services say what they are', async () => {
    const chart = parseFlowchart(topologyView(await exampleCluster('services-dns')));
    expect(nodeByName(chart, 'db').label).toBe('db\nheadless: no ClusterIP\n5432/TCP');
    expect(nodeByName(chart, 'web-nodeport').label).toBe('web-nodeport\nNodePort 10.96.0.30\n80/TCP → 8080, NodePort 30080');
    expect(nodeByName(chart, 'payments').label).toBe('payments\nExternalName → api.payments.example.com');
    expect(chart.edges.filter((e) => e.from === nodeByName(chart, 'payments').id)).toEqual([]);
  });
});
