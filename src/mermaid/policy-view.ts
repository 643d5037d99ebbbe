/**
 * The network-policy view: the allowed connections that involve a pod isolated by some
 * NetworkPolicy, pods grouped by namespace, each edge labelled with the allowed ports. Drawn from
 * a cluster and the who-can-talk-to-whom matrix `src/derive/network-policy.ts` computed for it;
 * connections between pods no policy isolates are left out (they are all allowed, and the matrix
 * table under the figure shows them).
 */
import { findPod } from '../derive/lookup.ts';
import { formatProbe, isIsolated, policyApplies, type MatrixCell, type PolicyMatrix } from '../derive/network-policy.ts';
import type { Cluster, Pod } from '../model/types.ts';
import { mermaidId } from './escape.ts';
import { FlowchartBuilder } from './flowchart.ts';
import { podId } from './ids.ts';

/** Mermaid source and words for the policy view. */
export interface PolicyGraph {
  /** Mermaid flowchart source. */
  mermaid: string;
  /** Plain-language description (accessible description and search text). */
  description: string;
}

/** Id of a namespace's subgraph. */
const namespaceGroupId = (namespace: string): string => mermaidId('ns', namespace);

/**
 * Whether a policy applies to the cell's source for egress or its destination for ingress: a
 * NetworkPolicy isolates it, or a ClusterNetworkPolicy selects it (network-policy.ts policyApplies).
 */
export function involvesIsolatedPod(cluster: Cluster, cell: MatrixCell): boolean {
  return policyApplies(cluster, findPod(cluster, cell.from), 'Egress') || policyApplies(cluster, findPod(cluster, cell.to), 'Ingress');
}

/** The ports a cell allows, as text: `TCP 8080, TCP 9090`. */
function allowedPorts(cell: MatrixCell, separator: string): string {
  return cell.ports.filter((v) => v.allowed).map((v) => formatProbe(v.port)).join(separator);
}

function podLines(cluster: Cluster, pod: Pod): string[] {
  // One flag a line: on one line they made the pod the widest box, the picture too wide for a phone.
  const flags = [isIsolated(cluster, pod, 'Ingress') ? 'ingress isolated' : '', isIsolated(cluster, pod, 'Egress') ? 'egress isolated' : ''].filter(Boolean);
  return [pod.name, pod.ip, ...flags];
}

/** The view of `matrix` (computed by `policyMatrix` for `cluster`). Pure. */
export function policyGraph(cluster: Cluster, matrix: PolicyMatrix): PolicyGraph {
  const pods = matrix.pods.map((ref) => findPod(cluster, ref));
  const edges = matrix.cells.flat().filter((cell) => !cell.self && cell.summary !== 'denied' && involvesIsolatedPod(cluster, cell));

  const chart = new FlowchartBuilder('TB');
  for (const namespace of new Set(pods.map((p) => p.namespace))) {
    chart.subgraph(namespaceGroupId(namespace), `namespace ${namespace}`, () => {
      for (const pod of pods.filter((p) => p.namespace === namespace)) chart.node(podId(pod), podLines(cluster, pod), 'round');
    });
  }
  for (const cell of edges) chart.edge(podId(findPod(cluster, cell.from)), podId(findPod(cluster, cell.to)), allowedPorts(cell, ', '));

  const tiers = (cluster.clusterNetworkPolicies ?? []).length > 0;
  const which = tiers ? 'a pod a NetworkPolicy or ClusterNetworkPolicy applies to' : 'a pod isolated by a NetworkPolicy';
  const such = tiers ? 'such a pod' : 'an isolated pod';
  const description = edges.length
    ? `Allowed connections that involve ${which}: ${edges.map((c) => `${c.from} to ${c.to} on ${allowedPorts(c, ' and ')}`).join('; ')}. Every other connection to or from ${such} is denied.`
    : `No connection to or from ${such} is allowed.`;
  return { mermaid: chart.toString(), description };
}
