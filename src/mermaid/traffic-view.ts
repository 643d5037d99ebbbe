/**
 * Traffic distribution of one Service: a column of nodes (each with its zone and the topology
 * mode kube-proxy picked there), a column of endpoints (each with its zone), and an arrow from a
 * node to each endpoint its KUBE-SVC chain balances over. A node that falls back to another zone
 * (or the whole cluster) points across zones. Small on purpose: one Service, nodes and endpoints
 * only, so labels stay legible on a phone.
 */
import type { Cluster } from '../model/types.ts';
import { findService } from '../derive/lookup.ts';
import { servicePortFor, topologyByNode, type NodeTopology } from '../derive/traffic-distribution.ts';
import { sortedEndpoints } from '../derive/kube-proxy-service-port.ts';
import { mermaidId } from './escape.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { listText } from './labels.ts';
import { accessibleText, type SequenceDiagram } from './lookup-sequence.ts';

/** How the page words a topology mode. */
export function modeText(mode: NodeTopology['mode']): string {
  return mode === '' ? 'every ready endpoint' : mode === 'PreferSameNode' ? 'same node' : 'same zone';
}

/** Zone box title: the zone's name, said to be one unless it already says so. */
const zoneTitle = (zone: string) => (zone === '' ? 'no zone' : /^zone/i.test(zone) ? zone : `zone ${zone}`);

/** The diagram of how kube-proxy on each node reaches the endpoints of `"ns/name"`. */
export function trafficDistributionDiagram(cluster: Cluster, serviceRef: string, portName?: string): SequenceDiagram {
  const service = findService(cluster, serviceRef);
  const port = servicePortFor(service, portName);
  const nodes = topologyByNode(cluster, serviceRef, portName);
  const endpoints = sortedEndpoints(cluster, service, port);
  const podOf = new Map(cluster.nodes.flatMap((n) => n.pods).filter((p) => !p.hostNetwork).map((p) => [p.ip, p.name]));
  const endpointName = (ip: string) => podOf.get(ip) ?? ip;
  const zoneOfNode = new Map(nodes.map((n) => [n.node, n.zone]));
  const zones = [...new Set(nodes.map((n) => n.zone))];
  const nodeId = (name: string) => mermaidId('tdnode', name);
  const epId = (text: string) => mermaidId('tdep', text);

  const distribution = service.trafficDistribution ?? 'not set';
  const title = `${service.name}: trafficDistribution ${distribution}, endpoints per node`;
  const sentences = nodes.map((n) => {
    const targets = n.endpoints.map((e) => endpointName(e.ip));
    const to = targets.length > 0 ? listText(targets) : 'no endpoint';
    return `On ${n.node} (${zoneTitle(n.zone)}) kube-proxy uses ${modeText(n.mode)}: ${to}.`;
  });
  const description = `Service ${service.namespace}/${service.name} port ${port.port}/${port.protocol} with trafficDistribution ${distribution}. ${sentences.join(' ')}`;
  // Left to right: nodes in one column, endpoints in the next, so the picture is two boxes wide
  // however many zones and nodes there are. Each box names its zone; zone subgraphs would push
  // the columns apart (Mermaid's layout ranks an edge into another subgraph as a further column).
  const chart = new FlowchartBuilder('LR');
  chart.accessibility(accessibleText(title), accessibleText(description));
  for (const zone of zones) {
    for (const n of nodes.filter((x) => x.zone === zone)) {
      // The mode on a line of its own: "kube-proxy: same zone" on one line made the picture ~500 px
      // wide, too wide for a phone column (figure-size.ts).
      chart.node(nodeId(n.node), [`${n.node} in ${zoneTitle(n.zone)}`, 'kube-proxy:', modeText(n.mode)], 'rect', 'proxy');
    }
  }
  for (const zone of zones) {
    for (const e of endpoints.filter((x) => (zoneOfNode.get(x.nodeName) ?? '') === zone)) {
      chart.node(epId(e.text), [`${endpointName(e.ip)} in ${zoneTitle(zone)}`, e.text], 'round', e.conditions.ready ? 'pod' : 'notready');
    }
  }
  for (const n of nodes) for (const e of n.endpoints) chart.edge(nodeId(n.node), epId(e.text), undefined, 'solid');
  chart.classDef('proxy', 'stroke-width: 2px');
  chart.classDef('notready', 'stroke-dasharray: 4 3');

  return { mermaid: chart.toString(), title, description };
}
