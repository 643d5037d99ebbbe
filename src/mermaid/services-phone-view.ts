/**
 * The services view's phone variant: the same Services, groups and endpoints as services-view.ts,
 * in one column that fits a ~340 px phone column at 70% scale (figure.ts), i.e. <= ~480 px
 * natural width. The desktop view puts Services in one column and endpoint pods, grouped by node,
 * in the next, with an edge from each Service to each of its pods; top-down, those edges would each
 * need a lane beside the boxes they pass, and the picture grows wider than the desktop one. So here
 * each Service is followed by its own group of endpoints, linked once: a pod that backs two Services
 * appears under each, its box saying which node it runs on, and a port mapping that differs per pod
 * (a named target port) is a line in the pod's box instead of an edge label.
 */
import { selectedPods } from '../derive/endpoints.ts';
import { manualSliceEndpoints, slicesOfService } from '../derive/manual-endpoints.ts';
import { podIPs } from '../model/ip-families.ts';
import type { Cluster, Node, Pod, Service } from '../model/types.ts';
import { mermaidId } from './escape.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { serviceId } from './ids.ts';
import { podNameLines, wrapText } from './labels.ts';
import { DNS_ONLY_GROUP, DNS_ONLY_TITLE, endpointLabel, isProxied, PROXIED_GROUP, proxiedGroupTitle, serviceLines } from './services-view.ts';

/** Characters per group title line: ~240 px of 16 px text. */
const TITLE_WIDTH = 30;

/** Id of the group of a Service's endpoints. */
export const endpointGroupId = (svc: Service): string => mermaidId('eps', `${svc.namespace}/${svc.name}`);
/** Id of one endpoint box in a Service's group (a pod backing two Services has a box under each). */
const endpointId = (svc: Service, key: string): string => mermaidId('ep', `${svc.namespace}/${svc.name}/${key}`);

/** Title of a Service's endpoint group: its pods (by selector), or its hand-written slices. */
export const ENDPOINT_GROUP_TITLES = { pods: 'endpoints', headless: 'pods DNS answers with' } as const;

/** The line in the box of a selected pod that has none of the Service's target ports. */
export const NOT_AN_ENDPOINT = 'no target port: not an endpoint';

function nodeOf(cluster: Cluster, pod: Pod): Node | undefined {
  return cluster.nodes.find((node) => node.pods.includes(pod));
}

/** Stacks boxes one under another with invisible links (top-down, boxes of one rank would stand side by side). */
function column(chart: FlowchartBuilder): (id: string) => void {
  let last: string | undefined;
  return (id) => {
    if (last) chart.edge(last, id, undefined, 'invisible');
    last = id;
  };
}

/** A selector Service's pods in a group under it: each box names the node, and the port mapping when it differs per pod. */
function drawPodGroup(chart: FlowchartBuilder, cluster: Cluster, svc: Service, stack: (id: string) => void): void {
  const headless = !isProxied(svc);
  const pods = selectedPods(cluster, svc).map((pod) => [pod, headless ? '' : endpointLabel(cluster, svc, pod)] as const);
  if (pods.length === 0) return;
  const uniform = new Set(pods.map(([, l]) => l).filter(Boolean)).size <= 1;
  const group = endpointGroupId(svc);
  chart.subgraph(group, headless ? ENDPOINT_GROUP_TITLES.headless : ENDPOINT_GROUP_TITLES.pods, () => {
    const inGroup = column(chart);
    for (const [pod, label] of pods) {
      const node = nodeOf(cluster, pod);
      // A pod without the named target port is selected but not an endpoint (the desktop view draws no edge to it).
      const ports = headless ? [] : !label ? [NOT_AN_ENDPOINT] : uniform ? [] : [label];
      const lines = [...podNameLines(pod), pod.ip, ...podIPs(pod).slice(1), ...(node ? [`on ${node.name}`] : []), ...ports];
      inGroup(chart.node(endpointId(svc, `pod/${pod.namespace}/${pod.name}`), lines, 'round', 'pod'));
    }
  }, 'TB');
  chart.edge(serviceId(svc), group, undefined, headless ? 'dashed' : 'solid');
  stack(group);
}

/** A selectorless Service's hand-written EndpointSlices, a group each under it; a differing slice port is a line in the box. */
function drawSliceGroups(chart: FlowchartBuilder, cluster: Cluster, svc: Service, stack: (id: string) => void): void {
  for (const slice of slicesOfService(cluster, svc)) {
    const addresses = [...new Set(slice.endpoints.flatMap((e) => e.addresses.slice(0, 1)))];
    if (addresses.length === 0) continue;
    const group = mermaidId('slice', `${slice.namespace}/${slice.name}`);
    let joined = false;
    chart.subgraph(group, [`EndpointSlice ${slice.name}`, `managed by ${slice.managedBy}`], () => {
      const inGroup = column(chart);
      for (const ip of addresses) {
        const onNode = slice.endpoints.find((e) => e.addresses[0] === ip)?.nodeName;
        const eps = svc.ports.flatMap((port) => manualSliceEndpoints(cluster, svc, port)
          .filter((e) => e.slice === slice.name && e.ip === ip)
          .map((e) => ({ port, target: e.port })));
        joined ||= eps.length > 0;
        const ports = eps.filter((e) => e.target !== e.port.port).map((e) => `${e.port.port}/${e.port.protocol} → ${e.target}`).join(', ');
        const lines = [ip, onNode ? `on ${onNode}` : 'outside the cluster', ...(ports ? [ports] : [])];
        inGroup(chart.node(endpointId(svc, `slice/${slice.name}/${ip}`), lines, 'round', onNode ? 'pod' : 'external'));
      }
    }, 'TB');
    // The desktop view links the Service to each address whose slice ports match one of its ports.
    if (joined) chart.edge(serviceId(svc), group, undefined, 'solid');
    stack(group);
  }
}

/** One Service and, under it, what it sends to. */
function drawService(chart: FlowchartBuilder, cluster: Cluster, svc: Service, stack: (id: string) => void): void {
  stack(chart.node(serviceId(svc), serviceLines(cluster, svc), 'hexagon', 'service'));
  if (svc.type === 'ExternalName') {
    const target = chart.node(mermaidId('ext', `${svc.namespace}/${svc.name}`), svc.externalName ?? '', 'stadium', 'external');
    chart.edge(serviceId(svc), target, undefined, 'dashed');
    stack(target);
    return;
  }
  drawPodGroup(chart, cluster, svc, stack);
  if (isProxied(svc)) drawSliceGroups(chart, cluster, svc, stack);
}

/** Mermaid source of the services view's phone variant. */
export function servicesPhoneView(cluster: Cluster): string {
  const chart = new FlowchartBuilder('TB');
  const groups = column(chart);
  for (const [id, title, services] of [
    // Re-wrapped: a line naming three nodes is wider than a phone picture.
    [PROXIED_GROUP, wrapText(proxiedGroupTitle(cluster).join(' '), TITLE_WIDTH), cluster.services.filter(isProxied)],
    [DNS_ONLY_GROUP, [DNS_ONLY_TITLE], cluster.services.filter((s) => !isProxied(s))],
  ] as const) {
    if (services.length === 0) continue;
    chart.subgraph(id, title, () => {
      const stack = column(chart);
      for (const svc of services) drawService(chart, cluster, svc, stack);
    }, 'TB');
    groups(id);
  }
  chart.classDef('service', 'stroke-dasharray: 4 3');
  return chart.toString();
}
