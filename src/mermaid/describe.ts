/**
 * Plain-language descriptions of the views, generated from the model: the accessible
 * description of each diagram and the text search indexes.
 */
import { selectedPods, serviceEndpoints } from '../derive/endpoints.ts';
import { manualSliceEndpoints } from '../derive/manual-endpoints.ts';
import { networkPlugin } from '../plugins/index.ts';
import { clusterRanges, nodeIPs, nodePodCIDRs, podIPs, serviceClusterIPs } from '../model/ip-families.ts';
import type { Cluster, Node, Pod, Service } from '../model/types.ts';
import { dnsProviderName, isDnsService, isHeadless, listText, podName, portMapping, serviceName } from './labels.ts';
import { isProxied, kubeProxyReplacement } from './services-view.ts';

function podPhrase(pod: Pod): string {
  // Dual-stack pods list both addresses ("10.244.0.3 and fd00:10:244::3").
  const ips = podIPs(pod).length > 1 ? podIPs(pod).join(' and ') : pod.ip;
  return pod.hostNetwork ? `${podName(pod)} (host network, ${ips})` : `${podName(pod)} (${ips})`;
}

function nodeSentence(cluster: Cluster, node: Node): string {
  const devices = networkPlugin(cluster.plugin).devices(node);
  const role = node.controlPlane ? ', control plane' : '';
  const runs = node.pods.length ? `runs ${listText(node.pods.map(podPhrase))}` : 'runs no pods';
  const wiring = devices.bridge
    ? `pods attach through veth pairs to the ${devices.bridge.name} bridge (${devices.bridge.address})`
    : devices.host
      ? `each pod's veth (${devices.hostVeth}) carries eBPF programs that deliver its packets, ` +
        `and ${devices.host.name} (${devices.host.address}, paired with ${devices.host.peer}) is the pods' next hop`
      : `each pod's veth (${devices.hostVeth}) is routed by the host`;
  const tunnel = devices.tunnel ? `, and ${devices.tunnel.name} carries traffic to other nodes` : '';
  const pair = (list: string[], one: string): string => (list.length > 1 ? list.join(' and ') : one);
  return `${node.name} (${pair(nodeIPs(node), node.ip)}${role}, pod CIDR ${pair(nodePodCIDRs(node), node.podCIDR)}) ${runs}; ${wiring}${tunnel}.`;
}

function serviceSentence(cluster: Cluster, svc: Service): string {
  const pods = selectedPods(cluster, svc);
  const backends = pods.length ? listText(pods.map(podPhrase)) : 'no pods';
  const ports = svc.ports.map(portMapping).join(', ');
  if (svc.type === 'ExternalName') return `Service ${serviceName(svc)} is an ExternalName: DNS answers with a CNAME to ${svc.externalName ?? ''}.`;
  if (isHeadless(svc)) return `Service ${serviceName(svc)} is headless (no ClusterIP): DNS returns the pod IPs of ${backends} directly.`;
  if (isDnsService(svc)) {
    return `The cluster DNS Service ${serviceName(svc)} (${svc.clusterIP ?? ''}, ${ports}) is served by the ${dnsProviderName(cluster)} pods ${backends}.`;
  }
  const nodePort = svc.ports.some((p) => p.nodePort !== undefined)
    ? `, also open on every node at NodePort ${svc.ports.flatMap((p) => (p.nodePort !== undefined ? [p.nodePort] : [])).join(', ')}`
    : '';
  return `Service ${serviceName(svc)} (${svc.type} ${svc.clusterIP ?? ''}, ${ports}${nodePort}) balances to ${backends}.`;
}

function visibleServices(cluster: Cluster): Service[] {
  return cluster.services.filter((s) => !isDnsService(s) || cluster.dns.pods.length > 0);
}

/** Description of the topology view. */
export function describeTopology(cluster: Cluster): string {
  const n = cluster.network;
  const nodes = cluster.nodes.length === 1 ? 'one node' : `${cluster.nodes.length} nodes`;
  const parts = [
    `${cluster.title}: ${nodes} on the node network ${n.nodeCIDR}, networked by ${networkPlugin(cluster.plugin).summary}. ` +
      `Pods get addresses from ${clusterRanges(cluster).clusterCIDRs.join(' and ') || n.clusterCIDR}; Services from ${clusterRanges(cluster).serviceCIDRs.join(' and ') || n.serviceCIDR}.`,
    ...cluster.nodes.map((node) => nodeSentence(cluster, node)),
  ];
  const link = networkPlugin(cluster.plugin).interNode;
  if (link && cluster.nodes.length > 1) parts.push(link.sentence);
  // The picture leaves Services to the services view; the words still name them for search.
  const services = visibleServices(cluster);
  if (services.length) parts.push(`Services (drawn in the services view): ${listText(services.map((s) => `${serviceName(s)}${s.clusterIP && s.clusterIP !== 'None' ? ` ${serviceClusterIPs(s).join(' and ')}` : ''}`))}.`);
  return parts.join(' ');
}

/** Description of the services view. */
export function describeServices(cluster: Cluster): string {
  const nodes = listText(cluster.nodes.map((node) => `${node.name} (${node.ip})`));
  const translation = kubeProxyReplacement(cluster);
  const distributed = cluster.services.filter((s) => isProxied(s) && s.trafficDistribution !== undefined);
  const parts = [
    translation
      ? `${cluster.title}: no kube-proxy runs; ${translation.by} on ${nodes} implements every Service with a ClusterIP in eBPF maps, ` +
        'the same on each node.'
      : `${cluster.title}: kube-proxy in ${cluster.kubeProxyMode} mode runs on ${nodes} ` +
        (distributed.length === 0
          ? 'and programs the same rules for every Service with a ClusterIP on each node.'
          : `and programs the rules for every Service with a ClusterIP on each node; for ${listText(distributed.map((s) => s.name))}, ` +
            'whose trafficDistribution prefers close endpoints, each node keeps the endpoints of its own zone or node.'),
  ];
  for (const svc of cluster.services) {
    if (!isProxied(svc)) {
      parts.push(`${serviceSentence(cluster, svc)} ${translation ? translation.by : 'kube-proxy'} does not handle it.`);
      continue;
    }
    const targets = svc.ports.map((port) => {
      const eps = [...serviceEndpoints(cluster, svc, port), ...manualSliceEndpoints(cluster, svc, port).filter((ep) => ep.conditions.ready)]
        .map((ep) => `${ep.ip}:${ep.port}`);
      return `${svc.clusterIP ?? ''}:${port.port}/${port.protocol} to ${eps.length ? listText(eps) : 'no endpoints'}`;
    });
    const external = svc.externalIPs?.length ? `, and the same ports on its external IPs ${listText(svc.externalIPs)}` : '';
    parts.push(`${serviceName(svc)} (${svc.type}) forwards ${targets.join('; ')}${external}.`);
  }
  return parts.join(' ');
}
