/**
 * What the "Your cluster" page and `npm run explain` show for pasted kubectl output: the import's
 * findings (located), and, when the model validated, the views, per-node kube-proxy rules, any
 * pod's resolv.conf, DNS lookups on the imported records and the NetworkPolicy verdicts with
 * reasons. Pure and browser-safe (no Node APIs): the page runs it in the reader's browser.
 */
import { dnsZoneData } from '../derive/dns-records.ts';
import { kubeProxyNatTable } from '../derive/kube-proxy-rules.ts';
import { lookupOrder, ndotsFromOptions, type LookupResult, type StubResolver } from '../derive/lookup-order.ts';
import { findPod } from '../derive/lookup.ts';
import { connectionVerdict, isIsolated, matrixPods, policyMatrix, probesFor, refOf, type MatrixCell, type PolicyMatrix } from '../derive/network-policy.ts';
import { cellReasons, verdictReason } from '../derive/policy-reason.ts';
import { podDnsSettingsFor, formatResolvConf } from '../derive/resolv-conf.ts';
import { formatIssue, importCluster, formatLocatedDiagnostic, type ImportOptions, type ImportResult, type ImportSource } from '../import/index.ts';
import { renderViews, type RenderedView } from '../mermaid/views.ts';
import type { Cluster, ClusterInput } from '../model/types.ts';
import { validateCluster } from '../model/validate.ts';

/** Beyond this many pods on the pod network the full matrix is not drawn (it grows as n²); pairs can still be asked. */
export const MATRIX_MAX_PODS = 40;

/** The import's findings as located lines, errors first. */
export interface ExplainMessages {
  /** Input that could not be read (`items[12].spec.clusterIP: ...`). */
  errors: string[];
  /** Input read but not fully shown, or left out on purpose. */
  warnings: string[];
  /** The model's validation errors, located in the paste. */
  invalid: string[];
  /** The model's validation warnings. */
  validationWarnings: string[];
  /** What was assumed where the objects say nothing. */
  assumptions: string[];
}

/** A summary of NetworkPolicy isolation, cheap for large clusters. */
export interface PolicySummary {
  /** Pods on the pod network (hostNetwork pods are not in the matrix). */
  pods: number;
  /** NetworkPolicies. */
  policies: number;
  /** Pods isolated for ingress. */
  isolatedIngress: number;
  /** Pods isolated for egress. */
  isolatedEgress: number;
}

/** The explanation of one paste. */
export interface Explanation {
  /** The import as it came out. */
  result: ImportResult;
  /** Its findings as text. */
  messages: ExplainMessages;
  /**
   * The resolved cluster: the import's when it validated, else the one left after leaving out
   * the objects the model's errors were located in (listed in `leftOut`).
   */
  cluster?: Cluster;
  /** Objects left out so the rest validates, each with the first error that named it. */
  leftOut: string[];
}

// The object a validation path points into: a pod, a node, a Service, a policy, a namespace or a cluster policy.
const OBJECT_PATH = /^(nodes\[(\d+)\](?:\.pods\[(\d+)\])?|services\[(\d+)\]|networkPolicies\[(\d+)\]|namespaces\[(\d+)\]|clusterNetworkPolicies\[(\d+)\])/;
const MAX_ROUNDS = 5;

function objectName(input: ClusterInput, path: string): string {
  const m = OBJECT_PATH.exec(path)!;
  const [, , node, pod, service, policy, namespace, clusterPolicy] = m;
  if (pod !== undefined) {
    const p = input.nodes[Number(node)]?.pods?.[Number(pod)];
    return `pod ${p?.namespace ?? 'default'}/${p?.name ?? '?'}`;
  }
  if (node !== undefined) return `node ${input.nodes[Number(node)]?.name ?? '?'} and its pods`;
  if (service !== undefined) return `Service ${input.services?.[Number(service)]?.namespace ?? 'default'}/${input.services?.[Number(service)]?.name ?? '?'}`;
  if (policy !== undefined) return `NetworkPolicy ${input.networkPolicies?.[Number(policy)]?.namespace ?? 'default'}/${input.networkPolicies?.[Number(policy)]?.name ?? '?'}`;
  if (clusterPolicy !== undefined) return `ClusterNetworkPolicy ${input.clusterNetworkPolicies?.[Number(clusterPolicy)]?.name ?? '?'}`;
  return `Namespace ${input.namespaces?.[Number(namespace)]?.name ?? '?'}`;
}

/** `input` without the objects at `paths` (each the prefix matched by OBJECT_PATH). */
function withoutObjects(input: ClusterInput, paths: ReadonlySet<string>): ClusterInput {
  const keep = (prefix: string) => (_: unknown, i: number) => !paths.has(`${prefix}[${i}]`);
  return {
    ...input,
    nodes: input.nodes.filter(keep('nodes')).map((n) => {
      const index = input.nodes.indexOf(n);
      return n.pods ? { ...n, pods: n.pods.filter(keep(`nodes[${index}].pods`)) } : n;
    }),
    ...(input.services ? { services: input.services.filter(keep('services')) } : {}),
    ...(input.networkPolicies ? { networkPolicies: input.networkPolicies.filter(keep('networkPolicies')) } : {}),
    ...(input.namespaces ? { namespaces: input.namespaces.filter(keep('namespaces')) } : {}),
    ...(input.clusterNetworkPolicies ? { clusterNetworkPolicies: input.clusterNetworkPolicies.filter(keep('clusterNetworkPolicies')) } : {}),
  };
}

/**
 * When the model rejects the import, leaves out each object an error is located in and
 * validates again (a few rounds: leaving out a pod can orphan a subdomain, say), so one bad
 * object does not hide the rest of the cluster. Errors outside any object (the ranges, the
 * plugin) leave nothing to show.
 */
export function validRest(input: ClusterInput): { cluster?: Cluster; leftOut: string[] } {
  const leftOut: string[] = [];
  let current = input;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = validateCluster(current, { file: 'imported' });
    if (result.cluster) return { cluster: result.cluster, leftOut };
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const paths = new Map<string, string>();
    for (const d of errors) {
      const m = OBJECT_PATH.exec(d.path);
      if (!m) return { leftOut };
      if (!paths.has(m[1]!)) paths.set(m[1]!, `${objectName(current, m[1]!)}: ${d.message}`);
    }
    if (paths.size === 0) return { leftOut };
    leftOut.push(...paths.values());
    current = withoutObjects(current, new Set(paths.keys()));
  }
  return { leftOut };
}

/** Formats the import's findings, each located. */
export function explainMessages(result: ImportResult): ExplainMessages {
  return {
    errors: result.errors.map(formatIssue),
    warnings: result.warnings.map(formatIssue),
    invalid: result.validation.filter((d) => d.severity === 'error').map(formatLocatedDiagnostic),
    validationWarnings: result.validation.filter((d) => d.severity === 'warning').map(formatLocatedDiagnostic),
    assumptions: result.assumptions,
  };
}

/** Imports the paste (or files) and formats its findings. */
export function explain(sources: string | readonly ImportSource[], options: ImportOptions = {}): Explanation {
  const result = importCluster(sources, options);
  if (result.resolved) return { result, messages: explainMessages(result), cluster: result.resolved, leftOut: [] };
  const rest = validRest(result.cluster);
  return { result, messages: explainMessages(result), ...rest };
}

/** Topology and Services views: Mermaid source, title and the diagram in words. */
export function clusterViews(cluster: Cluster): RenderedView[] {
  return renderViews(cluster);
}

/** The nat table kube-proxy (iptables mode) writes on `node`. */
export function nodeRules(cluster: Cluster, node: string): string {
  return kubeProxyNatTable(cluster, { node });
}

/** Every pod as `namespace/name`, in node order. */
export function podRefs(cluster: Cluster): string[] {
  return cluster.nodes.flatMap((n) => n.pods.map(refOf));
}

/** A pod's /etc/resolv.conf. */
export function podResolvConf(cluster: Cluster, podRef: string): string {
  return formatResolvConf(podDnsSettingsFor(cluster, podRef));
}

/** The lookup of `name` from a pod: its search list and ndots, the cluster's records. */
export function podLookup(cluster: Cluster, podRef: string, name: string, resolver: StubResolver = 'glibc'): LookupResult & { searches: string[]; ndots: number } {
  const settings = podDnsSettingsFor(cluster, podRef);
  const ndots = ndotsFromOptions(settings.options);
  const result = lookupOrder(dnsZoneData(cluster), name, settings.searches, ndots, { resolver });
  return { ...result, searches: settings.searches, ndots };
}

/** How many pods are isolated per direction. */
export function policySummary(cluster: Cluster): PolicySummary {
  const pods = matrixPods(cluster);
  return {
    pods: pods.length,
    policies: cluster.networkPolicies.length,
    isolatedIngress: pods.filter((p) => isIsolated(cluster, p, 'Ingress')).length,
    isolatedEgress: pods.filter((p) => isIsolated(cluster, p, 'Egress')).length,
  };
}

/** The full matrix, or undefined above `MATRIX_MAX_PODS` pods. */
export function smallMatrix(cluster: Cluster): PolicyMatrix | undefined {
  return matrixPods(cluster).length <= MATRIX_MAX_PODS ? policyMatrix(cluster) : undefined;
}

/** The reasons for one matrix cell (one line per probed port). */
export function matrixCellReasons(cluster: Cluster, cell: MatrixCell): string[] {
  return cellReasons(cluster, findPod(cluster, cell.from), findPod(cluster, cell.to), cell);
}

/** From one pod to another, every probed port with its verdict and reason. */
export function pairReasons(cluster: Cluster, fromRef: string, toRef: string): Array<{ allowed: boolean; reason: string }> {
  const from = findPod(cluster, fromRef);
  const to = findPod(cluster, toRef);
  return probesFor(to).map((probe) => {
    const verdict = connectionVerdict(cluster, from, to, probe);
    return { allowed: verdict.allowed, reason: verdictReason(cluster, from, to, verdict) };
  });
}
