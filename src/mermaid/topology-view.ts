/**
 * The `topology` view answers "what is on each node, and how do the nodes reach each other's pods":
 * one box per node, stacked one above another so the picture stays as narrow as the widest node
 * (it has to read in a ~630 px content column, and on a phone). Inside a node: eth0 on top, then
 * the plugin's tunnel device, the bridge (or the host routing table) and the pods at the bottom.
 * Every node box hangs off one node-network hub above the nodes; the edge says how the plugin carries
 * pod traffic to that node. Services are left to the `services` view.
 * A phone has its own variant, topology-phone-view.ts; the two share the node boxes' devices.
 */
import { networkPlugin } from '../plugins/index.ts';
import { nodeIPs, nodePodCIDRs, podIPs } from '../model/ip-families.ts';
import type { Cluster, Node, Pod } from '../model/types.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { deviceId, nodeGroupId, podId } from './ids.ts';
import { podNameLines } from './labels.ts';

/** Id of the node-network hub (the phone variant's enclosing group has the same id). */
export const NETWORK_ID = 'net_nodes';
/** Pods side by side in a node box: three ~190 px pod boxes already fill a phone-sized picture. */
const PODS_PER_ROW = 2;

/** A device's label from its name and detail: one line here, two in the phone variant. */
export type DeviceLabel = (name: string, detail: string) => string | string[];

/** The subgraph title of a node: name and role, eth0 address, pod CIDR. */
export function nodeTitle(node: Node): string[] {
  // Dual-stack: the second family's address and range on lines of their own.
  const [, ...moreIPs] = nodeIPs(node);
  const [, ...moreCIDRs] = nodePodCIDRs(node);
  return [`${node.name}${node.controlPlane ? ' (control plane)' : ''}`, `eth0 ${node.ip}`, ...moreIPs, `podCIDR ${node.podCIDR}`, ...moreCIDRs];
}

/** The devices drawn in a node box, top down, and the two that pods hang off. */
export interface NodeDevices {
  eth0: string;
  /** The bridge, the plugin's host device, or the host routing table: where pods' veths end. */
  hub: string;
}

/** Draws a node's devices top-down (eth0 → tunnel → bridge or host device or routing table). */
export function drawDevices(chart: FlowchartBuilder, cluster: Cluster, node: Node, device: DeviceLabel): NodeDevices {
  const devices = networkPlugin(cluster.plugin).devices(node);
  const eth0 = chart.node(deviceId(node, 'eth0'), [`eth0 ${node.ip}`, ...nodeIPs(node).slice(1)], 'rect', 'device');
  // Calico routes each veth on its own; flannel and bridge attach veths to cni0; Cilium's
  // programs redirect to each lxc veth, with cilium_host as the pods' next hop.
  const hub = devices.bridge
    ? chart.node(deviceId(node, devices.bridge.name), device(devices.bridge.name, devices.bridge.address), 'rect', 'device')
    : devices.host
      ? chart.node(deviceId(node, devices.host.name), [device(devices.host.name, devices.host.address), `eBPF on each ${devices.hostVeth} veth`].flat(), 'rect', 'device')
      : chart.node(deviceId(node, 'routes'), ['host routing table', `a route per ${devices.hostVeth} veth`], 'rect', 'device');
  if (devices.tunnel) {
    const tunnel = chart.node(deviceId(node, devices.tunnel.name), device(devices.tunnel.name, devices.tunnel.detail), 'rect', 'device');
    chart.edge(eth0, tunnel, undefined, 'line');
    chart.edge(tunnel, hub, undefined, 'line');
  } else {
    chart.edge(eth0, hub, undefined, 'line');
  }
  return { eth0, hub };
}

/** A pod's box label: name, address(es). */
export function podLabel(pod: Pod): string[] {
  return [...podNameLines(pod), pod.ip, ...podIPs(pod).slice(1)];
}

/**
 * Draws one node top-down (eth0 → tunnel → bridge → pods); returns the ids of its bottom row, which
 * the next node is stacked under.
 */
function drawNode(chart: FlowchartBuilder, cluster: Cluster, node: Node): string[] {
  const bottom: string[] = [];
  chart.subgraph(nodeGroupId(node), nodeTitle(node), () => {
    const { eth0, hub } = drawDevices(chart, cluster, node, (name, detail) => `${name} ${detail}`);
    node.pods.forEach((pod, i) => {
      const id = chart.node(podId(pod), podLabel(pod), 'round', 'pod');
      // One veth pair per pod; the label would repeat on every edge, so the words say it once.
      if (pod.hostNetwork) chart.edge(eth0, id, 'hostNetwork', 'line');
      else chart.edge(hub, id, undefined, 'line');
      // At most PODS_PER_ROW side by side: a further pod goes under the one PODS_PER_ROW before it.
      if (i >= PODS_PER_ROW) chart.edge(podId(node.pods[i - PODS_PER_ROW]!), id, undefined, 'invisible');
      bottom.push(id);
    });
    if (node.pods.length === 0) bottom.push(hub);
  }, 'TB');
  return bottom;
}

/** Mermaid source of the topology view. */
export function topologyView(cluster: Cluster): string {
  const chart = new FlowchartBuilder('TB');
  chart.node(NETWORK_ID, `node network ${cluster.network.nodeCIDR}`, 'stadium', 'network');
  const link = cluster.nodes.length > 1 ? networkPlugin(cluster.plugin).interNode : undefined;
  let above: string[] = [];
  for (const node of cluster.nodes) {
    // Declared before the node's content so the hub sits above every node.
    const bottom = drawNode(chart, cluster, node);
    // To the node's box, not into it: an edge to eth0 inside would cross the box's title.
    chart.edge(NETWORK_ID, nodeGroupId(node), link?.edgeLabel(node), link ? 'thick-both' : 'line');
    // Invisible links from the node above stack this node under it instead of beside it.
    for (const id of above.slice(0, 1)) chart.edge(id, deviceId(node, 'eth0'), undefined, 'invisible');
    above = bottom;
  }
  return chart.toString();
}
