/**
 * `kubectl get nodes,namespaces,pods,services,endpointslices,networkpolicies -A -o json` (or
 * `-o yaml`, several pasted lists, single objects, several files) -> the cluster model, then the
 * model's own validation. Pure: no Node APIs, so it runs in the browser as well.
 *
 * Only what networking needs is read; every other kind is counted and never looked into (so
 * Secrets and ConfigMaps are never carried), and of annotations only the keys (plus flannel's
 * backend-type value) are read, for plugin detection. What the model cannot hold yet becomes a
 * located warning, never a silent drop; unreadable input becomes a located error and the rest of
 * the import goes on.
 */
import { DEFAULT_SERVICE_CIDR } from '../model/defaults.ts';
import { cidrContainsIp, enclosingNetwork, isIp } from '../net/cidr.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Cluster, ClusterInput, NetworkRangesInput, NodeInput, ServiceInput } from '../model/types.ts';
import { validateCluster } from '../model/validate.ts';
import { defaultClusterCIDR, type PluginSpec } from '../plugins/index.ts';
import { importDns } from './dns.ts';
import { importEndpointSlice, type ImportedEndpointSlice } from './endpoint-slices.ts';
import { IssueCollector, type ImportIssue, type Location } from './issues.ts';
import { importNode, type ImportedNode } from './nodes.ts';
import { apiObjects, type ApiObject } from './objects.ts';
import { parseDocuments } from './parse.ts';
import { detectPlugin, type PluginDetection } from './plugin.ts';
import { importPod, type ImportedPod } from './pods.ts';
import { importNamespace, importPolicy, type ImportedNamespace, type ImportedPolicy } from './policies.ts';
import { inferRange, inferServiceCIDR, smallestCommonNetwork } from './ranges.ts';
import { importService, type ImportedService } from './services.ts';
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
// Well-known defaults, preferred when they hold every address seen: kubeadm (10.96.0.0/12,
// flannel's 10.244.0.0/16), k3s (--service-cidr 10.43.0.0/16, --cluster-cidr 10.42.0.0/16),
// OpenShift (serviceNetwork 172.30.0.0/16, clusterNetwork 10.128.0.0/14), Calico's pool.
const SERVICE_CIDRS = [DEFAULT_SERVICE_CIDR, '10.43.0.0/16', '172.30.0.0/16'];
const CLUSTER_CIDRS = ['10.244.0.0/16', '10.42.0.0/16', '10.128.0.0/14', '192.168.0.0/16'];
// A node network is at least a /24; cluster and service CIDRs at least a /16 (every default above
// is /16 or wider), so a paste with a handful of addresses does not yield a range that holds only them.
const NODE_NETWORK_MAX_PREFIX = 24;
const CLUSTER_CIDR_MAX_PREFIX = 16;
const SERVICE_CIDR_MAX_PREFIX = 16;
const NODE_POD_RANGE_MAX_PREFIX = 24;

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

/** Puts each pod under its node; pods of nodes missing from the paste are left out with a warning. */
function attachPods(nodes: ImportedNode[], pods: ImportedPod[], issues: IssueCollector): Map<ImportedNode, ImportedPod[]> {
  const byName = new Map(nodes.map((n) => [n.node.name, n]));
  const placed = new Map<ImportedNode, ImportedPod[]>(nodes.map((n) => [n, []]));
  for (const pod of pods) {
    const node = byName.get(pod.nodeName);
    if (node) {
      placed.get(node)!.push(pod);
      if (pod.pod.hostNetwork && pod.reportedIP && pod.reportedIP !== node.node.ip) {
        issues.warning(pod.at, `hostNetwork pod ${pod.pod.namespace}/${pod.pod.name} reports IP ${pod.reportedIP}, not its node's ${node.node.ip}; the model shows the node's`);
      }
    } else issues.warning(pod.at, `pod ${pod.pod.namespace}/${pod.pod.name} was left out: its node ${pod.nodeName} is not in the paste`);
  }
  return placed;
}

// Calico IPAM's block size (IPPool blockSize default), as src/plugins/calico.ts models it.
const CALICO_BLOCK_PREFIX = 26;

/**
 * Calico IPAM (`"ipam": {"type": "calico-ipam"}`) hands pods addresses from /26 blocks of its IP
 * pools, whatever the node's spec.podCIDR says; only host-local IPAM with `"subnet": "usePodCidr"`
 * follows it (docs.tigera.io, Calico "Get started with IP address management": "The calico-ipam
 * plugin uses Calico's IP pool resource to control how IP addresses are allocated to pods"; and the
 * Calico CNI plugin configuration reference for host-local). When a node's pods lie outside its
 * podCIDR, the node gets the smallest range holding its pods' blocks, which is where the model's
 * Calico plugin looks for blocks (src/plugins/calico.ts calicoBlocks).
 */
function fitCalicoBlocks(placed: Map<ImportedNode, ImportedPod[]>, plugin: PluginSpec, issues: IssueCollector): void {
  if (plugin.name !== 'calico') return;
  for (const [node, pods] of placed) {
    const ips = pods.map((p) => p.pod.ip).filter((ip) => isIp(ip));
    const podCIDR = node.node.podCIDR;
    if (ips.length === 0 || (podCIDR && ips.every((ip) => cidrContainsIp(podCIDR, ip)))) continue;
    const blocks = [...new Set(ips.map((ip) => enclosingNetwork(ip, CALICO_BLOCK_PREFIX)))];
    const fitted = smallestCommonNetwork(blocks)!;
    const was = podCIDR ? `spec.podCIDR ${podCIDR} does not hold its pods` : 'has no spec.podCIDR';
    issues.warning(node.at, `Node ${node.node.name} ${was}: Calico IPAM gives pods addresses from /26 blocks of its IP pools; ${fitted}, holding its pods' blocks (${blocks.join(', ')}), is used`);
    node.node.podCIDR = fitted;
    node.missingPodCIDR = false;
  }
}

/** Nodes without a pod CIDR (OpenShift SDN, some Calico setups): the smallest range holding their pods. */
function fillMissingPodCIDRs(placed: Map<ImportedNode, ImportedPod[]>, issues: IssueCollector): void {
  for (const [node, pods] of placed) {
    if (!node.missingPodCIDR) continue;
    const ips = pods.filter((p) => !p.pod.hostNetwork && p.pod.ip).map((p) => p.pod.ip!);
    const inferred = smallestCommonNetwork(ips, NODE_POD_RANGE_MAX_PREFIX);
    if (inferred) {
      node.node.podCIDR = inferred;
      issues.warning(node.at, `Node ${node.node.name} has no spec.podCIDR; ${inferred} is inferred from its ${ips.length} pod IPs (the plugin allocates the real range itself)`);
    } else {
      issues.warning(node.at, `Node ${node.node.name} has no spec.podCIDR and no pod with an IP to infer one from`);
    }
  }
}

function networkOf(nodes: ImportedNode[], pods: ImportedPod[], services: ImportedService[], kubernetesIP: string | undefined, plugin: PluginSpec, options: ImportOptions, assumptions: string[]): NetworkRangesInput {
  const given = options.network ?? {};
  const nodeNetwork = given.nodeCIDR ? undefined : inferRange(nodes.map((n) => n.node.ip), [], NODE_NETWORK_MAX_PREFIX, 'node network');
  const podItems = [...nodes.map((n) => n.node.podCIDR), ...pods.filter((p) => !p.pod.hostNetwork && p.pod.ip).map((p) => p.pod.ip!)];
  const clusterPreferred = [defaultClusterCIDR(plugin), ...CLUSTER_CIDRS];
  const clusterRange = given.clusterCIDR ? undefined : inferRange(podItems, clusterPreferred, CLUSTER_CIDR_MAX_PREFIX, 'cluster CIDR');
  const clusterIPs = services.map((s) => s.service.clusterIP).filter((ip): ip is string => !!ip && ip !== 'None');
  const serviceRange = given.serviceCIDR ? undefined : inferServiceCIDR(clusterIPs, kubernetesIP, SERVICE_CIDRS, SERVICE_CIDR_MAX_PREFIX);
  for (const range of [nodeNetwork, clusterRange, serviceRange]) if (range) assumptions.push(range.reason);
  const network: NetworkRangesInput = { nodeCIDR: given.nodeCIDR ?? nodeNetwork?.cidr ?? '' };
  const clusterCIDR = given.clusterCIDR ?? clusterRange?.cidr;
  if (clusterCIDR) network.clusterCIDR = clusterCIDR;
  const serviceCIDR = given.serviceCIDR ?? serviceRange?.cidr;
  if (serviceCIDR) network.serviceCIDR = serviceCIDR;
  if (given.clusterDomain) network.clusterDomain = given.clusterDomain;
  else assumptions.push('cluster domain cluster.local: the usual default (kubelet --cluster-domain is not in these objects)');
  return network;
}

/** Warnings from EndpointSlices about what the model derives differently. */
function checkSlices(slices: ImportedEndpointSlice[], services: ImportedService[], pods: ImportedPod[], issues: IssueCollector): void {
  const known = new Set(pods.map((p) => p.reportedIP));
  const byRef = new Map(services.map((s) => [`${s.service.namespace}/${s.service.name}`, s]));
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    const ref = `${slice.namespace}/${slice.name}`;
    const service = slice.service ? byRef.get(`${slice.namespace}/${slice.service}`) : undefined;
    const addresses = slice.endpoints.flatMap((e) => e.addresses);
    if (service && !service.service.selector && addresses.length > 0) {
      issues.warning(slice.at, `Service ${slice.namespace}/${slice.service} has no selector; its ${addresses.length} endpoint(s) come from this EndpointSlice, which the model does not read yet`);
      continue;
    }
    const missing = addresses.filter((a) => !known.has(a));
    if (service && missing.length > 0) {
      issues.warning(slice.at, `${missing.length} of ${addresses.length} endpoint(s) of EndpointSlice ${ref} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''}) are not pods in the paste, so the model cannot show them`);
    }
  }
}

function describeImport(counts: ImportCounts): string {
  const parts: Array<[number, string, string]> = [
    [counts.nodes, 'node', 'nodes'],
    [counts.pods, 'pod', 'pods'],
    [counts.services, 'Service', 'Services'],
    [counts.endpointSlices, 'EndpointSlice', 'EndpointSlices'],
    [counts.networkPolicies, 'NetworkPolicy', 'NetworkPolicies'],
    [counts.namespaces, 'Namespace', 'Namespaces'],
  ];
  return `Imported from kubectl output: ${parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ')}.`;
}

/** Imports pasted kubectl output (or several files) into the cluster model and validates it. */
export function importCluster(sources: string | readonly ImportSource[], options: ImportOptions = {}): ImportResult {
  const issues = new IssueCollector();
  const objects = dropDuplicates(readSources(sources, issues), issues);
  const ignored: Record<string, number> = {};
  const read = new Set(['Node', 'Pod', 'Service', 'EndpointSlice', 'NetworkPolicy', 'Namespace']);
  for (const o of objects) if (!read.has(o.kind)) ignored[o.kind] = (ignored[o.kind] ?? 0) + 1;

  const nodes = collect(objects, 'Node', (o) => importNode(o.read, issues));
  const pods = collect(objects, 'Pod', (o) => importPod(o.read, issues));
  const allServices = collect(objects, 'Service', (o) => importService(o.read, issues));
  const slices = collect(objects, 'EndpointSlice', (o) => importEndpointSlice(o.read, issues));
  const policies: ImportedPolicy[] = collect(objects, 'NetworkPolicy', (o) => importPolicy(o.read, issues));
  const namespaces: ImportedNamespace[] = collect(objects, 'Namespace', (o) => importNamespace(o.read, issues));
  const assumptions: string[] = [];

  const placed = attachPods(nodes, pods, issues);
  const plugin = detectPlugin(nodes, pods, new Set(objects.map((o) => o.kind)), options.plugin);
  fitCalicoBlocks(placed, plugin.spec, issues);
  fillMissingPodCIDRs(placed, issues);
  const kubernetes = allServices.find((s) => `${s.service.namespace}/${s.service.name}` === KUBERNETES_SERVICE);
  if (kubernetes) assumptions.push(`Service default/kubernetes (${kubernetes.service.clusterIP ?? 'no IP'}) is not declared: the model reserves the first service address for it`);
  const placedPods = [...placed.values()].flat();
  const network = networkOf(nodes, placedPods, allServices, kubernetes?.service.clusterIP, plugin.spec, options, assumptions);
  const { dns, service: dnsService } = importDns(allServices, pods, network.serviceCIDR, issues);
  if (!dnsService) assumptions.push('no cluster DNS Service in the paste: the model puts kube-dns at the tenth service address');
  const services = allServices.filter((s) => s !== kubernetes && s !== dnsService);
  checkSlices(slices, allServices, placedPods, issues);
  if (!options.kubeProxyMode) assumptions.push('kube-proxy mode iptables: the usual default (its mode is in the kube-proxy ConfigMap, which is not read)');

  const counts: ImportCounts = {
    nodes: nodes.length,
    pods: placedPods.length,
    services: allServices.length,
    endpointSlices: slices.length,
    networkPolicies: policies.length,
    namespaces: namespaces.length,
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
  };

  const sourceMap: SourceMap = {
    nodes: nodes.map((n) => ({ at: n.at, pods: placed.get(n)!.map((p) => p.at) })),
    services: services.map((s) => s.at),
    networkPolicies: policies.map((p) => p.at),
    namespaces: namespaces.map((n) => n.at),
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
