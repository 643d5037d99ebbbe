/**
 * The `services` view: each Service with its ClusterIP and ports, kube-proxy on every node
 * programming them, and the endpoints each Service balances to. Headless and ExternalName
 * Services are drawn apart: kube-proxy ignores them, DNS alone serves them.
 */
import { selectedPods, serviceEndpoints } from '../derive/endpoints.ts';
import type { Cluster, Pod, Service } from '../model/types.ts';
import { mermaidId } from './escape.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { kubeProxyId, podId, serviceId } from './ids.ts';
import { isHeadless, podName, portMapping, serviceName } from './labels.ts';

const PROXY_GROUP = 'grp_kube_proxy';
const PROXIED_GROUP = 'grp_proxied';
const DNS_ONLY_GROUP = 'grp_dns_only';

/** Whether kube-proxy programs rules for this Service (it skips headless and ExternalName). */
export function isProxied(service: Service): boolean {
  return service.type !== 'ExternalName' && !isHeadless(service);
}

function serviceLines(svc: Service): string[] {
  if (svc.type === 'ExternalName') return [serviceName(svc), 'ExternalName', `CNAME ${svc.externalName ?? ''}`];
  const ports = svc.ports.map(portMapping).join(', ');
  if (isHeadless(svc)) return [serviceName(svc), 'headless: clusterIP None', ports].filter(Boolean);
  const lines = [serviceName(svc), `${svc.type} ${svc.clusterIP ?? ''}`, ports];
  const nodePorts = svc.ports.flatMap((p) => (p.nodePort !== undefined ? [`${p.nodePort}`] : []));
  if (nodePorts.length) lines.push(`NodePort ${nodePorts.join(', ')} on every node`);
  return lines;
}

/** Edge label from a Service to one endpoint pod: the port mappings that reach it. */
function endpointLabel(cluster: Cluster, svc: Service, pod: Pod): string {
  const mappings = svc.ports.flatMap((port) =>
    serviceEndpoints(cluster, svc, port)
      .filter((ep) => ep.pod === pod)
      .map((ep) => (ep.port === port.port ? `${port.port}/${port.protocol}` : `${port.port}/${port.protocol} → ${ep.port}`)),
  );
  return mappings.join(', ');
}

/** Mermaid source of the services view. */
export function servicesView(cluster: Cluster): string {
  const chart = new FlowchartBuilder('LR');
  const proxied = cluster.services.filter(isProxied);
  const dnsOnly = cluster.services.filter((s) => !isProxied(s));

  chart.subgraph(PROXY_GROUP, `kube-proxy, ${cluster.kubeProxyMode} mode`, () => {
    for (const node of cluster.nodes) chart.node(kubeProxyId(node), [`kube-proxy on ${node.name}`, node.ip], 'rect', 'proxy');
  }, 'TB');
  if (proxied.length > 0) {
    chart.subgraph(PROXIED_GROUP, 'ClusterIPs, the same rules on every node', () => {
      for (const svc of proxied) chart.node(serviceId(svc), serviceLines(svc), 'hexagon', 'service');
    }, 'TB');
    for (const node of cluster.nodes) chart.edge(kubeProxyId(node), PROXIED_GROUP, 'programs', 'dashed');
  }
  if (dnsOnly.length > 0) {
    chart.subgraph(DNS_ONLY_GROUP, 'DNS only, not proxied', () => {
      for (const svc of dnsOnly) chart.node(serviceId(svc), serviceLines(svc), 'hexagon', 'service');
    }, 'TB');
  }

  // Endpoint pods, grouped by the node they run on.
  const endpointPods = new Set(cluster.services.flatMap((svc) => selectedPods(cluster, svc)));
  for (const node of cluster.nodes) {
    const pods = node.pods.filter((p) => endpointPods.has(p));
    if (pods.length === 0) continue;
    chart.subgraph(mermaidId('ep', node.name), `endpoints on ${node.name}`, () => {
      for (const pod of pods) chart.node(podId(pod), [podName(pod), pod.ip], 'round', 'pod');
    }, 'TB');
  }

  for (const svc of proxied) {
    for (const pod of selectedPods(cluster, svc)) {
      const label = endpointLabel(cluster, svc, pod);
      // A pod without the named target port is selected but not an endpoint.
      if (label) chart.edge(serviceId(svc), podId(pod), label, 'solid');
    }
  }
  for (const svc of dnsOnly) {
    if (svc.type === 'ExternalName') {
      const target = chart.node(mermaidId('ext', `${svc.namespace}/${svc.name}`), svc.externalName ?? '', 'stadium', 'external');
      chart.edge(serviceId(svc), target, 'CNAME', 'dashed');
    } else {
      for (const pod of selectedPods(cluster, svc)) chart.edge(serviceId(svc), podId(pod), `A record ${pod.ip}`, 'dashed');
    }
  }
  chart.classDef('service', 'stroke-dasharray: 4 3');
  return chart.toString();
}
