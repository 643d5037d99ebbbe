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
import type { Cluster } from '../model/types.ts';

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
  /** The resolved cluster, when validation found no error. */
  cluster?: Cluster;
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
  return { result, messages: explainMessages(result), ...(result.resolved ? { cluster: result.resolved } : {}) };
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
