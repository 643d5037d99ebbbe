/**
 * `kubectl get nodes,namespaces,pods,services,endpointslices,networkpolicies,clusternetworkpolicies -A -o json` (or
 * `-o yaml`, several pasted lists, single objects, several files) -> the cluster model, then the
 * model's own validation. Pure: no Node APIs, so it runs in the browser as well.
 *
 * Only what networking needs is read; every other kind is counted and never looked into (so
 * Secrets and ConfigMaps are never carried), and of annotations only the keys (plus flannel's
 * backend-type value) are read, for plugin detection. What the model cannot hold yet becomes a
 * located warning, never a silent drop; unreadable input becomes a located error and the rest of
 * the import goes on.
 */
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Cluster, ClusterInput, NetworkRangesInput, NodeInput, ServiceInput } from '../model/types.ts';
import { validateCluster } from '../model/validate.ts';
import type { PluginSpec } from '../plugins/index.ts';
import { CLUSTER_POLICY_API_VERSIONS, importClusterPolicy } from './cluster-policies.ts';
import { importDns } from './dns.ts';
import { alignFamilies, applyServiceFamilies, primaryFamily } from './families.ts';
import { applySliceConditions, checkSlices, importEndpointSlice, selectorlessSlices, type ImportedEndpointSlice } from './endpoint-slices.ts';
import { IssueCollector, type ImportIssue, type Location } from './issues.ts';
import { importNode } from './nodes.ts';
import { apiObjects, type ApiObject } from './objects.ts';
import { importNetwork } from './network.ts';
import { parseDocuments } from './parse.ts';
import { attachPods, fillMissingPodCIDRs, fitCalicoBlocks } from './placement.ts';
import { detectPlugin, type PluginDetection } from './plugin.ts';
import { importPod } from './pods.ts';
import { importNamespace, importPolicy, type ImportedNamespace, type ImportedPolicy } from './policies.ts';
import { importService } from './services.ts';
import { locateDiagnostic, type LocatedDiagnostic, type SourceMap } from './source-map.ts';

/** One pasted text or file. */
export interface ImportSource {
  /** A name for messages (a file name); omit for a single paste. */
  name?: string;
  /** The text: JSON or YAML as kubectl prints it. */
  text: string;
}

/** Choices the reader makes where the objects say nothing (or say it wrongly). */
export interface ImportOptions {
  /** The network plugin, instead of the detected one. */
  plugin?: PluginSpec;
  /** Address ranges, instead of the inferred ones (any subset). */
  network?: Partial<NetworkRangesInput>;
  /** kube-proxy mode (not in these objects); iptables by default. */
  kubeProxyMode?: ClusterInput['kubeProxyMode'];
  /** The cluster's name, a DNS-1123 label; `imported` by default. */
  name?: string;
  /** Title; `Imported cluster` by default. */
  title?: string;
}

/** How many objects of each networking kind were imported. */
export interface ImportCounts {
  nodes: number;
  pods: number;
  services: number;
  endpointSlices: number;
  networkPolicies: number;
  namespaces: number;
  /** ClusterNetworkPolicies (policy.networking.k8s.io), when the paste has any. */
  clusterNetworkPolicies?: number;
}

/** What an import produced. */
export interface ImportResult {
  /** The cluster definition built from the objects (what a `diagrams/*.ts` file would hold). */
  cluster: ClusterInput;
  /** The validated cluster with defaults applied, when validation found no error. */
  resolved?: Cluster;
  /** Input the import could not read; the object or field named was left out. */
  errors: ImportIssue[];
  /** Input read but not fully shown (the model cannot hold it yet), or left out on purpose. */
  warnings: ImportIssue[];
  /** Facts the model needs that the objects do not state, and what was assumed. */
  assumptions: string[];
  /** The model's validation of `cluster`, each finding located in the paste where possible. */
  validation: LocatedDiagnostic[];
  /** The network plugin decision and its evidence. */
  plugin: PluginDetection;
  /** The EndpointSlices as read (the model derives endpoints from selectors instead). */
  endpointSlices: ImportedEndpointSlice[];
  /** Imported objects per kind. */
  counts: ImportCounts;
  /** Objects of other kinds, by kind, that were not read. */
  ignored: Record<string, number>;
}

const DEFAULT_NAME = 'imported';
const KUBERNETES_SERVICE = 'default/kubernetes';
function metaRef(object: ApiObject): string {
  const metadata = object.read.value.metadata as Record<string, unknown> | undefined;
  const namespace = typeof metadata?.namespace === 'string' ? `${metadata.namespace}/` : '';
  return `${object.kind} ${namespace}${typeof metadata?.name === 'string' ? metadata.name : '?'}`;
}

/** Keeps the first of objects pasted twice (overlapping lists), warning about the later copies. */
function dropDuplicates(objects: ApiObject[], issues: IssueCollector): ApiObject[] {
  const seen = new Map<string, Location>();
  return objects.filter((object) => {
    // A nameless object is reported by its reader; it is no copy of another.
    if (typeof (object.read.value.metadata as Record<string, unknown> | undefined)?.name !== 'string') return true;
    const ref = metaRef(object);
    const first = seen.get(ref);
    if (!first) {
      seen.set(ref, object.read.location);
      return true;
    }
    const where = [first.source, first.path].filter(Boolean).join(': ');
    issues.warning(object.read.location, `${ref} appears again (first at ${where || 'the top'}); this copy was left out`);
    return false;
  });
}

function readSources(sources: string | readonly ImportSource[], issues: IssueCollector): ApiObject[] {
  const list: readonly ImportSource[] = typeof sources === 'string' ? [{ text: sources }] : sources;
  return list.flatMap((source) => {
    const where: Location = { ...(source.name !== undefined ? { source: source.name } : {}), path: '' };
    return apiObjects(parseDocuments(source.text, where, issues), source.name, issues);
  });
}

function collect<T>(objects: readonly ApiObject[], kind: string, read: (o: ApiObject) => T | undefined): T[] {
  return objects.filter((o) => o.kind === kind).flatMap((o) => {
    const value = read(o);
    return value === undefined ? [] : [value];
  });
}

function describeImport(counts: ImportCounts): string {
  const parts: Array<[number, string, string]> = [
    [counts.nodes, 'node', 'nodes'],
    [counts.pods, 'pod', 'pods'],
    [counts.services, 'Service', 'Services'],
    [counts.endpointSlices, 'EndpointSlice', 'EndpointSlices'],
    [counts.networkPolicies, 'NetworkPolicy', 'NetworkPolicies'],
    [counts.namespaces, 'Namespace', 'Namespaces'],
    ...(counts.clusterNetworkPolicies ? [[counts.clusterNetworkPolicies, 'ClusterNetworkPolicy', 'ClusterNetworkPolicies'] as [number, string, string]] : []),
  ];
  return `Imported from kubectl output: ${parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ')}.`;
}

/** Imports pasted kubectl output (or several files) into the cluster model and validates it. */
export function importCluster(sources: string | readonly ImportSource[], options: ImportOptions = {}): ImportResult {
  const issues = new IssueCollector();
  const objects = dropDuplicates(readSources(sources, issues), issues);
  const ignored: Record<string, number> = {};
  const read = new Set(['Node', 'Pod', 'Service', 'EndpointSlice', 'NetworkPolicy', 'Namespace', 'ClusterNetworkPolicy']);
  // Another API group's ClusterNetworkPolicy (Antrea's) is reported by its reader and counted as not read.
  const otherGroup = (o: ApiObject): boolean => o.kind === 'ClusterNetworkPolicy' && typeof o.read.value.apiVersion === 'string' && !CLUSTER_POLICY_API_VERSIONS.includes(o.read.value.apiVersion);
  for (const o of objects) if (!read.has(o.kind) || otherGroup(o)) ignored[o.kind] = (ignored[o.kind] ?? 0) + 1;

  const nodes = collect(objects, 'Node', (o) => importNode(o.read, issues));
  const pods = collect(objects, 'Pod', (o) => importPod(o.read, issues));
  const allServices = collect(objects, 'Service', (o) => importService(o.read, issues));
  const slices = collect(objects, 'EndpointSlice', (o) => importEndpointSlice(o.read, issues));
  const policies: ImportedPolicy[] = collect(objects, 'NetworkPolicy', (o) => importPolicy(o.read, issues));
  const namespaces: ImportedNamespace[] = collect(objects, 'Namespace', (o) => importNamespace(o.read, issues));
  const clusterPolicies = collect(objects, 'ClusterNetworkPolicy', (o) => importClusterPolicy(o.read, issues));
  const assumptions: string[] = [];

  const primary = primaryFamily(nodes, pods);
  alignFamilies(nodes, pods, primary);
  const placed = attachPods(nodes, pods, issues);
  const plugin = detectPlugin(nodes, pods, new Set(objects.map((o) => o.kind)), options.plugin);
  fitCalicoBlocks(placed, plugin.spec, issues);
  fillMissingPodCIDRs(placed, issues);
  const kubernetes = allServices.find((s) => `${s.service.namespace}/${s.service.name}` === KUBERNETES_SERVICE);
  if (kubernetes) assumptions.push(`Service default/kubernetes (${kubernetes.service.clusterIP ?? 'no IP'}) is not declared: the model reserves the first service address for it`);
  const placedPods = [...placed.values()].flat();
  const network = importNetwork(nodes, placedPods, allServices, kubernetes?.service.clusterIP, plugin.spec, options.network ?? {}, assumptions, primary);
  const { dns, service: dnsService } = importDns(allServices, pods, network.serviceCIDR, issues);
  if (!dnsService) assumptions.push('no cluster DNS Service in the paste: the model puts kube-dns at the tenth service address');
  const services = allServices.filter((s) => s !== kubernetes && s !== dnsService);
  Object.assign(dns, applyServiceFamilies(services, network, dnsService));
  checkSlices(slices, allServices, placedPods, issues);
  applySliceConditions(slices, placedPods, issues);
  if (!options.kubeProxyMode) assumptions.push('kube-proxy mode iptables: the usual default (its mode is in the kube-proxy ConfigMap, which is not read)');

  const counts: ImportCounts = {
    nodes: nodes.length,
    pods: placedPods.length,
    services: allServices.length,
    endpointSlices: slices.length,
    networkPolicies: policies.length,
    namespaces: namespaces.length,
    ...(clusterPolicies.length > 0 ? { clusterNetworkPolicies: clusterPolicies.length } : {}),
  };
  const modelNodes: NodeInput[] = nodes.map((n) => {
    const nodePods = placed.get(n)!.map((p) => p.pod);
    return nodePods.length > 0 ? { ...n.node, pods: nodePods } : { ...n.node };
  });
  const cluster: ClusterInput = {
    title: options.title ?? 'Imported cluster',
    description: describeImport(counts),
    network,
    plugin: plugin.spec,
    ...(options.kubeProxyMode ? { kubeProxyMode: options.kubeProxyMode } : {}),
    ...(Object.keys(dns).length > 0 ? { dns } : {}),
    ...(namespaces.length > 0 ? { namespaces: namespaces.map((n) => n.namespace) } : {}),
    nodes: modelNodes,
    ...(services.length > 0 ? { services: services.map((s): ServiceInput => s.service) } : {}),
    ...(policies.length > 0 ? { networkPolicies: policies.map((p) => p.policy) } : {}),
    ...(clusterPolicies.length > 0 ? { clusterNetworkPolicies: clusterPolicies.map((p) => p.policy) } : {}),
  };
  // Hand-written (or mirrored) slices of the Services the model holds that have no selector.
  const manualSlices = selectorlessSlices(slices, services, new Set(nodes.map((n) => n.node.name)));
  if (manualSlices.length > 0) cluster.endpointSlices = manualSlices;

  const sourceMap: SourceMap = {
    nodes: nodes.map((n) => ({ at: n.at, pods: placed.get(n)!.map((p) => p.at) })),
    services: services.map((s) => s.at),
    networkPolicies: policies.map((p) => p.at),
    namespaces: namespaces.map((n) => n.at),
    clusterNetworkPolicies: clusterPolicies.map((p) => p.at),
    ...(dnsService ? { dns: dnsService.at } : {}),
  };
  const validation = validateCluster(cluster, { file: options.name ?? DEFAULT_NAME });
  return {
    cluster,
    ...(validation.cluster ? { resolved: validation.cluster } : {}),
    errors: issues.errors,
    warnings: issues.warnings,
    assumptions,
    validation: validation.diagnostics.map((d: Diagnostic) => locateDiagnostic(d, sourceMap)),
    plugin,
    endpointSlices: slices,
    counts,
    ignored,
  };
}
