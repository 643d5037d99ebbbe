/**
 * The topology view's phone variant: the same node boxes, devices and pods as topology-view.ts,
 * laid out to fit a ~340 px phone column at 70% scale (figure.ts), i.e. <= ~480 px natural width.
 * The desktop picture is wide because of lanes: every edge from the hub above to a node box, and
 * from a bridge to a pod, runs beside the boxes above its target, and a labelled edge's lane is as
 * wide as its label. So here:
 * - the node network is a group around the node boxes instead of a hub with an edge to each, and
 *   the inter-node path the edge said ("VXLAN UDP 8472 to 10.244.1.0/24") is a line of the node's
 *   title;
 * - a node's pods stand in one column, in a group linked once to the device their veths end on
 *   (host-network pods in a group of their own under eth0), instead of a line per pod;
 * - a device's name and detail go on two lines.
 * Nothing is dropped: every label of the desktop view is in this one too.
 */
import { networkPlugin } from '../plugins/index.ts';
import type { Cluster, Node } from '../model/types.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { nodeGroupId, podColumnId, podId } from './ids.ts';
import { wrapText } from './labels.ts';
import { drawDevices, NETWORK_ID, nodeTitle, podLabel } from './topology-view.ts';

/** Characters per node title line for the inter-node path: ~210 px of 16 px text. */
export const PHONE_TITLE_WIDTH = 26;

/** Titles of a node's pod groups: pods with a veth each, and pods in the node's own network namespace. */
export const POD_GROUP_TITLES = { veth: 'pods, a veth each', hostNetwork: 'hostNetwork pods' } as const;

/** The title lines saying how the plugin carries pod traffic to `node` (none on a one-node cluster). */
export function interNodeTitle(cluster: Cluster, node: Node): string[] {
  const link = cluster.nodes.length > 1 ? networkPlugin(cluster.plugin).interNode : undefined;
  return link ? wrapText(`node network: ${link.edgeLabel(node)}`, PHONE_TITLE_WIDTH) : [];
}

/**
 * A node's pods in one column, in up to two groups each linked once: pods with their own veth
 * under the hub device, host-network pods (the node's eth0, no veth) under eth0.
 */
function drawPodGroups(chart: FlowchartBuilder, node: Node, eth0: string, hub: string): void {
  let above: string | undefined;
  for (const kind of ['veth', 'hostNetwork'] as const) {
    const pods = node.pods.filter((pod) => pod.hostNetwork === (kind === 'hostNetwork'));
    if (pods.length === 0) continue;
    const group = podColumnId(node, kind);
    chart.subgraph(group, POD_GROUP_TITLES[kind], () => {
      pods.forEach((pod, i) => {
        const id = chart.node(podId(pod), podLabel(pod), 'round', 'pod');
        // Invisible links stack the pods one under another.
        if (i > 0) chart.edge(podId(pods[i - 1]!), id, undefined, 'invisible');
      });
    }, 'TB');
    chart.edge(kind === 'veth' ? hub : eth0, group, undefined, 'line');
    if (above) chart.edge(above, group, undefined, 'invisible');
    above = group;
  }
}

/** Mermaid source of the topology view's phone variant. */
export function topologyPhoneView(cluster: Cluster): string {
  const chart = new FlowchartBuilder('TB');
  chart.subgraph(NETWORK_ID, `node network ${cluster.network.nodeCIDR}`, () => {
    cluster.nodes.forEach((node, i) => {
      chart.subgraph(nodeGroupId(node), [...nodeTitle(node), ...interNodeTitle(cluster, node)], () => {
        const { eth0, hub } = drawDevices(chart, cluster, node, (name, detail) => [name, detail]);
        drawPodGroups(chart, node, eth0, hub);
      }, 'TB');
      // Group to group: a link from a pod inside would let the layout shift each node sideways.
      if (i > 0) chart.edge(nodeGroupId(cluster.nodes[i - 1]!), nodeGroupId(node), undefined, 'invisible');
    });
  }, 'TB');
  return chart.toString();
}
