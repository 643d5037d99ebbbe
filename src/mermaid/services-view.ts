/**
 * The `services` view answers "which pods does each Service send to": each Service with its
 * ClusterIP and ports, and the endpoints it balances to, grouped by node; kube-proxy (the same
 * rules on every node) is named in the group title. Headless and ExternalName
 * Services are drawn apart: kube-proxy ignores them, DNS alone serves them.
 */
import { selectedPods, serviceEndpoints } from '../derive/endpoints.ts';
import { manualSliceEndpoints, slicesOfService } from '../derive/manual-endpoints.ts';
import { podIPs, serviceClusterIPs, serviceIPFamilies } from '../model/ip-families.ts';
import { networkPlugin, type ServiceTranslation } from '../plugins/index.ts';
import type { Cluster, Pod, Service } from '../model/types.ts';
import { mermaidId } from './escape.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { podId, serviceId } from './ids.ts';
import { isHeadless, listText, podNameLines, portMapping, serviceName } from './labels.ts';

/** Group ids, shared with the phone variant (services-phone-view.ts). */
export const PROXIED_GROUP = 'grp_proxied';
export const DNS_ONLY_GROUP = 'grp_dns_only';
/** Title of the group of Services kube-proxy skips. */
export const DNS_ONLY_TITLE = 'DNS only, not proxied';


/** Who implements the Services instead of kube-proxy, when the plugin replaces it (Cilium with kubeProxyReplacement). */
export function kubeProxyReplacement(cluster: Cluster): ServiceTranslation | undefined {
  const translation = networkPlugin(cluster.plugin).serviceTranslation;
  return translation?.replacesKubeProxy ? translation : undefined;
}
/** Whether kube-proxy programs rules for this Service (it skips headless and ExternalName). */
export function isProxied(service: Service): boolean {
  return service.type !== 'ExternalName' && !isHeadless(service);
}

/** A Service box's lines: name, type and ClusterIP(s), ports, NodePorts, external IPs (or what DNS answers). */
export function serviceLines(cluster: Cluster, svc: Service): string[] {
  if (svc.type === 'ExternalName') return [serviceName(svc), 'ExternalName', `CNAME ${svc.externalName ?? ''}`];
  const ports = svc.ports.map(portMapping).join(', ');
  if (isHeadless(svc)) return [serviceName(svc), 'headless: clusterIP None', ports, headlessDnsLine(cluster, svc)].filter(Boolean);
  // A dual-stack Service's second ClusterIP goes on its own line.
  const lines = [serviceName(svc), `${svc.type} ${svc.clusterIP ?? ''}`, ...serviceClusterIPs(svc).slice(1), resolvedPorts(cluster, svc) ?? ports];
  const nodePorts = svc.ports.flatMap((p) => (p.nodePort !== undefined ? [`${p.nodePort}`] : []));
  if (nodePorts.length) lines.push(`NodePort ${nodePorts.join(', ')}`, 'on every node');
  if (svc.externalIPs?.length) lines.push(`externalIPs ${svc.externalIPs.join(', ')}`);
  return lines;
}

/** What DNS answers for a headless Service: an A and/or AAAA record per pod, by the Service's IP families. */
function headlessDnsLine(cluster: Cluster, svc: Service): string {
  const families = serviceIPFamilies(svc, cluster);
  if (families.length === 2) return 'DNS: A and AAAA records per pod';
  return families[0] === 'IPv6' ? 'DNS: an AAAA record per pod' : 'DNS: an A record per pod';
}

/** The port mappings every endpoint of `svc` shares (a named target port resolved), if they agree. */
function resolvedPorts(cluster: Cluster, svc: Service): string | undefined {
  const labels = new Set(selectedPods(cluster, svc).map((pod) => endpointLabel(cluster, svc, pod)).filter(Boolean));
  return labels.size === 1 ? [...labels][0] : undefined;
}

/** Edge label from a Service to one endpoint pod: the port mappings that reach it. */
export function endpointLabel(cluster: Cluster, svc: Service, pod: Pod): string {
  const mappings = svc.ports.flatMap((port) =>
    serviceEndpoints(cluster, svc, port)
      .filter((ep) => ep.pod === pod)
      .map((ep) => (ep.port === port.port ? `${port.port}/${port.protocol}` : `${port.port}/${port.protocol} → ${ep.port}`)),
  );
  return mappings.join(', ');
}

/**
 * Endpoints from hand-written EndpointSlices (a Service without a selector): one group per slice,
 * one box per address, an edge from the Service (labelled when the slice port differs).
 */
function drawSliceEndpoints(chart: FlowchartBuilder, cluster: Cluster, proxied: Service[]): void {
  for (const svc of proxied) {
    for (const slice of slicesOfService(cluster, svc)) {
      const addresses = [...new Set(slice.endpoints.flatMap((e) => e.addresses.slice(0, 1)))];
      if (addresses.length === 0) continue;
      const id = (ip: string): string => mermaidId('slice', `${slice.namespace}/${slice.name}/${ip}`);
      chart.subgraph(mermaidId('slice', `${slice.namespace}/${slice.name}`), [`EndpointSlice ${slice.name}`, `managed by ${slice.managedBy}`], () => {
        for (const ip of addresses) {
          const onNode = slice.endpoints.find((e) => e.addresses[0] === ip)?.nodeName;
          chart.node(id(ip), [ip, onNode ? `on ${onNode}` : 'outside the cluster'], 'round', onNode ? 'pod' : 'external');
        }
      }, 'TB');
      for (const ip of addresses) {
        const eps = svc.ports.flatMap((port) => manualSliceEndpoints(cluster, svc, port)
          .filter((e) => e.slice === slice.name && e.ip === ip)
          .map((e) => ({ port, target: e.port })));
        if (eps.length === 0) continue;
        // Like pod edges: labelled only where the slice port differs from the Service port.
        const label = eps.filter((e) => e.target !== e.port.port).map((e) => `${e.port.port}/${e.port.protocol} → ${e.target}`).join(', ');
        chart.edge(serviceId(svc), id(ip), label || undefined, 'solid');
      }
    }
  }
}

/** Title of the group of Services with a ClusterIP: who programs them, on which nodes. */
export function proxiedGroupTitle(cluster: Cluster): string[] {
  const nodes = listText(cluster.nodes.map((n) => n.name));
  const translation = kubeProxyReplacement(cluster);
  // trafficDistribution narrows each node's endpoints to its zone or node: not the same rules then.
  const perTopology = cluster.services.some((s) => isProxied(s) && s.trafficDistribution !== undefined);
  return translation
    ? ['ClusterIPs: no kube-proxy;', `${translation.by} (eBPF) on`, nodes]
    : perTopology
    ? ['ClusterIPs: kube-proxy', `(${cluster.kubeProxyMode} mode) on ${nodes}`, 'prefers close endpoints']
    : ['ClusterIPs: kube-proxy', `(${cluster.kubeProxyMode} mode) programs the`, `same rules on ${nodes}`];
}

/** Mermaid source of the services view. */
export function servicesView(cluster: Cluster): string {
  // Left to right, Services in one column and their endpoint pods (grouped by node) in the next:
  // both columns stack downwards, so the picture is three boxes wide however many Services.
  const chart = new FlowchartBuilder('LR');
  const proxied = cluster.services.filter(isProxied);
  const dnsOnly = cluster.services.filter((s) => !isProxied(s));

  // kube-proxy is named in the group title, not drawn once per node: one column fewer, and the
  // point (the same rules on every node) is said in words.
  if (proxied.length > 0) {
    chart.subgraph(PROXIED_GROUP, proxiedGroupTitle(cluster), () => {
      for (const svc of proxied) chart.node(serviceId(svc), serviceLines(cluster, svc), 'hexagon', 'service');
    }, 'TB');
  }
  if (dnsOnly.length > 0) {
    chart.subgraph(DNS_ONLY_GROUP, DNS_ONLY_TITLE, () => {
      for (const svc of dnsOnly) chart.node(serviceId(svc), serviceLines(cluster, svc), 'hexagon', 'service');
    }, 'TB');
  }

  // Endpoint pods, grouped by the node they run on.
  const endpointPods = new Set(cluster.services.flatMap((svc) => selectedPods(cluster, svc)));
  for (const node of cluster.nodes) {
    const pods = node.pods.filter((p) => endpointPods.has(p));
    if (pods.length === 0) continue;
    chart.subgraph(mermaidId('ep', node.name), `endpoints on ${node.name}`, () => {
      for (const pod of pods) chart.node(podId(pod), [...podNameLines(pod), pod.ip, ...podIPs(pod).slice(1)], 'round', 'pod');
    }, 'TB');
  }

  drawSliceEndpoints(chart, cluster, proxied);

  for (const svc of proxied) {
    // When every endpoint gets the same port mapping the Service box says it once (see
    // serviceLines); only a named port that resolves differently per pod labels its edges.
    const labels = selectedPods(cluster, svc).map((pod) => [pod, endpointLabel(cluster, svc, pod)] as const);
    const uniform = new Set(labels.map(([, l]) => l).filter(Boolean)).size <= 1;
    // A pod without the named target port is selected but not an endpoint.
    for (const [pod, label] of labels) if (label) chart.edge(serviceId(svc), podId(pod), uniform ? undefined : label, 'solid');
  }
  for (const svc of dnsOnly) {
    if (svc.type === 'ExternalName') {
      const target = chart.node(mermaidId('ext', `${svc.namespace}/${svc.name}`), svc.externalName ?? '', 'stadium', 'external');
      chart.edge(serviceId(svc), target, undefined, 'dashed');
    } else {
      // The pod's IP is in its box: the dashed edge is its A record.
      for (const pod of selectedPods(cluster, svc)) chart.edge(serviceId(svc), podId(pod), undefined, 'dashed');
    }
  }
  chart.classDef('service', 'stroke-dasharray: 4 3');
  return chart.toString();
}
