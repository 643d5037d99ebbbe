// The topology view's phone variant, for every cluster in diagrams/: the same content as the desktop
// view in one narrow column (no labelled edges, one pod per row, the inter-node path in each title).
import { beforeAll, describe, expect, it } from 'vitest';
import { podIPs } from '../../../src/model/ip-families.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { podName } from '../../../src/mermaid/labels.ts';
import { POD_GROUP_TITLES, topologyPhoneView } from '../../../src/mermaid/topology-phone-view.ts';
import { nodeTitle, topologyView } from '../../../src/mermaid/topology-view.ts';
import { networkPlugin } from '../../../src/plugins/index.ts';
import { exampleRegistry } from './clusters.ts';
import { parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

const oneLine = (text: string): string => text.replace(/\n/g, ' ');

let clusters: Array<{ id: string; cluster: Cluster; phone: ParsedFlowchart; desktop: ParsedFlowchart }>;
beforeAll(async () => {
  clusters = (await exampleRegistry()).entries().map(({ id, cluster }) => ({
    id,
    cluster,
    phone: parseFlowchart(topologyPhoneView(cluster)),
    desktop: parseFlowchart(topologyView(cluster)),
  }));
});

/** The subgraph of a node box, found by the title's first line. */
function nodeBox(chart: ParsedFlowchart, name: string) {
  const box = [...chart.subgraphs.values()].find((s) => s.title.split('\n')[0]!.replace(' (control plane)', '') === name);
  if (!box) throw new Error(`no box for ${name}`);
  return box;
}

describe('topology phone view of every cluster', () => {
  it('covers every cluster in diagrams/', () => {
    expect(clusters.length).toBeGreaterThan(10);
  });

  it('has no labelled edges: the hub edges and hostNetwork labels are gone', () => {
    for (const { id, phone, desktop } of clusters) {
      expect(phone.edges.filter((e) => e.label), id).toEqual([]);
      // The desktop view does label them (so the phone one moved something).
      if (desktop.edges.some((e) => e.arrow === '<==>')) expect(desktop.edges.some((e) => e.label), id).toBe(true);
    }
  });

  it('puts every node box in one node-network group, its title saying how pod traffic reaches the node', () => {
    for (const { id, cluster, phone } of clusters) {
      const link = cluster.nodes.length > 1 ? networkPlugin(cluster.plugin).interNode : undefined;
      const network = [...phone.subgraphs.values()].find((s) => s.title === `node network ${cluster.network.nodeCIDR}`);
      expect(network, id).toBeDefined();
      expect(network!.parent, id).toBeUndefined();
      for (const node of cluster.nodes) {
        const box = nodeBox(phone, node.name);
        expect(box.parent, `${id} ${node.name}`).toBe(network!.id);
        expect(box.title.split('\n').slice(0, nodeTitle(node).length), `${id} ${node.name}`).toEqual(nodeTitle(node));
        const rest = oneLine(box.title.split('\n').slice(nodeTitle(node).length).join('\n'));
        expect(rest, `${id} ${node.name}`).toBe(link ? `node network: ${link.edgeLabel(node)}` : '');
      }
    }
  });

  it('stacks the node boxes with invisible links, in definition order', () => {
    for (const { id, cluster, phone } of clusters) {
      const boxes = cluster.nodes.map((node) => nodeBox(phone, node.name).id);
      const links = phone.edges.filter((e) => e.arrow === '~~~' && boxes.includes(e.from)).map((e) => [e.from, e.to]);
      expect(links, id).toEqual(boxes.slice(1).map((box, i) => [boxes[i], box]));
    }
  });

  it('stands pods one per row, in a group per kind linked once: veth pods from the hub device, host-network pods from eth0', () => {
    for (const { id, cluster, phone } of clusters) {
      for (const node of cluster.nodes) {
        const box = nodeBox(phone, node.name).id;
        const groups = [...phone.subgraphs.values()].filter((s) => s.parent === box);
        const kinds = (['veth', 'hostNetwork'] as const).filter((kind) => node.pods.some((p) => p.hostNetwork === (kind === 'hostNetwork')));
        expect(groups.map((g) => g.title), `${id} ${node.name}`).toEqual(kinds.map((kind) => POD_GROUP_TITLES[kind]));
        for (const [i, group] of groups.entries()) {
          const pods = node.pods.filter((p) => p.hostNetwork === (kinds[i] === 'hostNetwork'));
          const boxes = [...phone.nodes.values()].filter((n) => n.parent === group.id);
          expect(boxes.map((b) => b.label), `${id} ${group.id}`).toEqual(pods.map((p) => [podName(p), p.ip, ...podIPs(p).slice(1)].join('\n')));
          // One per row: each pod is linked (invisibly) under the one before, and nothing else links to a pod.
          const ids = boxes.map((b) => b.id);
          const intoPods = phone.edges.filter((e) => ids.includes(e.to));
          expect(intoPods.map((e) => [e.from, e.arrow, e.to]), `${id} ${group.id}`).toEqual(ids.slice(1).map((to, k) => [ids[k], '~~~', to]));
          // One line into the group, from eth0 for host-network pods, else from the device the veths end on.
          const into = phone.edges.filter((e) => e.to === group.id && e.arrow === '---');
          expect(into, `${id} ${group.id}`).toHaveLength(1);
          const from = phone.nodes.get(into[0]!.from)!;
          expect(from.parent).toBe(box);
          if (kinds[i] === 'hostNetwork') expect(from.label.startsWith(`eth0 ${node.ip}`)).toBe(true);
          else expect(from.label.startsWith('eth0')).toBe(false);
        }
      }
    }
  });

  it('keeps every label of the desktop view: boxes (lines may break differently), hub and edge labels', () => {
    for (const { id, phone, desktop } of clusters) {
      const phoneLabels = new Set([...phone.nodes.values()].map((n) => oneLine(n.label)));
      const titles = [...phone.subgraphs.values()].map((s) => oneLine(s.title)).join(' | ');
      for (const node of desktop.nodes.values()) {
        if (node.id === 'net_nodes') expect(titles, id).toContain(node.label);
        else expect(phoneLabels.has(oneLine(node.label)), `${id}: ${node.label}`).toBe(true);
      }
      for (const label of new Set(desktop.edges.flatMap((e) => (e.label ? [e.label] : [])))) expect(titles, id).toContain(label);
      for (const box of desktop.subgraphs.values()) expect(titles, id).toContain(oneLine(box.title));
    }
  });
});
