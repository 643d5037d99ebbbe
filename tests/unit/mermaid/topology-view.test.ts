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

  it('wires eth0 → flannel.1 → cni0 → each pod on every node, top down', () => {
    const group = nodeGroup(chart, 'node-2').id;
    const cni0 = deviceIn(chart, group, 'cni0');
    const flannel = deviceIn(chart, group, 'flannel.1');
    const eth0 = deviceIn(chart, group, 'eth0');
    expect(cni0.label).toBe('cni0 10.244.1.1/24');
    expect(flannel.label).toBe('flannel.1 10.244.1.0/32, VNI 1');
    expect(edgesBetween(chart, eth0.id, flannel.id)).toHaveLength(1);
    expect(edgesBetween(chart, flannel.id, cni0.id)).toHaveLength(1);
    expect(edgesBetween(chart, cni0.id, nodeByName(chart, 'web-1').id)).toEqual([expect.objectContaining({ arrow: '---' })]);
    expect(edgesBetween(chart, cni0.id, nodeByName(chart, 'client').id)).toEqual([expect.objectContaining({ arrow: '---' })]);
  });

  it('links the node network to every node box with the VXLAN path to that node’s pods', () => {
    const net = nodeByName(chart, 'node network 192.168.1.0/24');
    for (const node of cluster.nodes) {
      expect(edgesBetween(chart, net.id, nodeGroup(chart, node.name).id)).toEqual([expect.objectContaining({ arrow: '<==>', label: `VXLAN UDP 8472 to ${node.podCIDR}` })]);
    }
  });

  it('stacks the nodes: an invisible link from each node to the eth0 of the next', () => {
    const invisible = chart.edges.filter((e) => e.arrow === '~~~').map((e) => [chart.nodes.get(e.from)!.parent, chart.nodes.get(e.to)!.label]);
    expect(invisible).toEqual([
      [nodeGroup(chart, 'node-1').id, 'eth0 192.168.1.12'],
      [nodeGroup(chart, 'node-2').id, 'eth0 192.168.1.13'],
    ]);
  });

  it('leaves Services to the services view', () => {
    expect([...chart.nodes.values()].some((n) => n.label.includes('10.96.'))).toBe(false);
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
    expect(labels).toContain('host routing table\na route per cali* veth');
    expect(chart.edges.map((e) => e.label)).toContain('BGP TCP 179 announces 172.16.0.64/26');
  });

  it('bridge on one node: cni0 and no inter-node path', async () => {
    const chart = parseFlowchart(topologyView(await exampleCluster('bridge-basics')));
    expect(chart.subgraphs.size).toBe(1);
    const net = nodeByName(chart, 'node network 192.168.1.0/24');
    expect(chart.edges.filter((e) => e.from === net.id)).toEqual([expect.objectContaining({ arrow: '---' })]);
    expect(chart.edges.find((e) => e.from === net.id)!.label).toBeUndefined();
  });

  it('puts at most two pods side by side: the third goes under the first', async () => {
    const cluster = await exampleCluster('services-dns');
    const chart = parseFlowchart(topologyView(cluster));
    const pods = cluster.nodes[0]!.pods;
    expect(pods.length).toBeGreaterThanOrEqual(3);
    const first = nodeByName(chart, pods[0]!.namespace === 'default' ? pods[0]!.name : `${pods[0]!.namespace}/${pods[0]!.name}`);
    const third = nodeByName(chart, pods[2]!.namespace === 'default' ? pods[2]!.name : `${pods[2]!.namespace}/${pods[2]!.name}`);
    expect(edgesBetween(chart, first.id, third.id)).toEqual([expect.objectContaining({ arrow: '~~~' })]);
  });
});

describe('topology of a Cilium cluster', () => {
  it('draws cilium_host with the router IP where other plugins have a bridge or the routing table', async () => {
    const c = await exampleCluster('cilium-vxlan');
    const source = topologyView(c);
    expect(source).toContain('cilium_host 10.0.0.183/32');
    expect(source).toContain('eBPF on each lxc* veth');
    expect(source).toContain('cilium_vxlan UDP 8472, VNI = identity');
    expect(source).not.toContain('cni0');
  });
});
