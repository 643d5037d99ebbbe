/**
 * The `topology` view: nodes as subgraphs with eth0, pod CIDR, the plugin's devices and pods;
 * the link between nodes; Services as virtual IPs with dashed edges to their endpoints.
 */
import { selectedPods } from '../derive/endpoints.ts';
import { networkPlugin } from '../plugins/index.ts';
import type { Cluster, Node } from '../model/types.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { deviceId, nodeGroupId, podId, serviceId } from './ids.ts';
import { dnsProviderName, isDnsService, isHeadless, podName, portMapping, serviceName } from './labels.ts';

const NETWORK_ID = 'net_nodes';
const SERVICES_ID = 'grp_services';

function drawNode(chart: FlowchartBuilder, cluster: Cluster, node: Node): void {
  const devices = networkPlugin(cluster.plugin).devices(node);
  const title = [`${node.name}${node.controlPlane ? ' (control plane)' : ''}`, `eth0 ${node.ip}`, `podCIDR ${node.podCIDR}`];
  chart.subgraph(nodeGroupId(node), title, () => {
    const eth0 = chart.node(deviceId(node, 'eth0'), `eth0 ${node.ip}`, 'rect', 'device');
    // Calico routes each veth on its own; flannel and bridge attach veths to cni0.
    const hub = devices.bridge
      ? chart.node(deviceId(node, devices.bridge.name), `${devices.bridge.name} ${devices.bridge.address}`, 'rect', 'device')
      : chart.node(deviceId(node, 'routes'), 'host routing table', 'rect', 'device');
    if (devices.tunnel) {
      const tunnel = chart.node(deviceId(node, devices.tunnel.name), `${devices.tunnel.name} ${devices.tunnel.detail}`, 'rect', 'device');
      chart.edge(hub, tunnel, undefined, 'line');
      chart.edge(tunnel, eth0, undefined, 'line');
    } else {
      chart.edge(hub, eth0, undefined, 'line');
    }
    for (const pod of node.pods) {
      const id = chart.node(podId(pod), [podName(pod), pod.ip], 'round', 'pod');
      if (pod.hostNetwork) chart.edge(id, eth0, 'hostNetwork', 'line');
      else chart.edge(id, hub, `eth0 ⇄ ${devices.hostVeth}`, 'line');
    }
  }, 'TB');
}

// Every node hangs off one node network; the edge label says how other nodes reach its pods.
// (Pairwise tunnel edges would stack the nodes vertically; one hub keeps them side by side.)
function drawInterNode(chart: FlowchartBuilder, cluster: Cluster): void {
  chart.node(NETWORK_ID, `node network ${cluster.network.nodeCIDR}`, 'stadium', 'network');
  const link = cluster.nodes.length > 1 ? networkPlugin(cluster.plugin).interNode : undefined;
  for (const node of cluster.nodes) {
    chart.edge(deviceId(node, 'eth0'), NETWORK_ID, link?.edgeLabel(node), link ? 'thick-both' : 'line');
  }
}

function drawServices(chart: FlowchartBuilder, cluster: Cluster): void {
  const shown = cluster.services.filter((s) => !isDnsService(s) || cluster.dns.pods.length > 0);
  if (shown.length === 0) return;
  chart.subgraph(SERVICES_ID, `Services: virtual IPs from ${cluster.network.serviceCIDR}`, () => {
    for (const svc of shown) {
      const ports = svc.ports.map(portMapping).join(', ');
      const lines = isDnsService(svc)
        ? [`${serviceName(svc)} (${dnsProviderName(cluster)})`, `${svc.clusterIP}`, ports]
        : svc.type === 'ExternalName'
          ? [serviceName(svc), `ExternalName → ${svc.externalName ?? ''}`]
          : isHeadless(svc)
            ? [serviceName(svc), 'headless: no ClusterIP', ports]
            : [serviceName(svc), `${svc.type} ${svc.clusterIP ?? ''}`, ports + nodePorts(svc)];
      chart.node(serviceId(svc), lines.filter(Boolean), 'hexagon', 'service');
    }
  }, 'LR');
  for (const svc of shown) {
    for (const pod of selectedPods(cluster, svc)) chart.edge(serviceId(svc), podId(pod), undefined, 'dashed');
  }
}

function nodePorts(svc: Cluster['services'][number]): string {
  const ports = svc.ports.flatMap((p) => (p.nodePort !== undefined ? [String(p.nodePort)] : []));
  return ports.length ? `, NodePort ${ports.join(', ')}` : '';
}

/** Mermaid source of the topology view. */
export function topologyView(cluster: Cluster): string {
  const chart = new FlowchartBuilder('TB');
  drawServices(chart, cluster);
  for (const node of cluster.nodes) drawNode(chart, cluster, node);
  drawInterNode(chart, cluster);
  // Colours come from the site theme; classes (device, pod, service, network) are hooks for it.
  chart.classDef('service', 'stroke-dasharray: 4 3');
  return chart.toString();
}
