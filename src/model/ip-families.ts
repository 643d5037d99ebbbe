/**
 * IPv4/IPv6 dual-stack: the per-family views of nodes, pods, Services and ranges, and the API
 * server's defaulting of a Service's `ipFamilyPolicy`, `ipFamilies` and `clusterIPs`.
 *
 * Single-stack definitions keep their single fields (`ip`, `podCIDR`, `clusterIP`); the lists are
 * set only when a definition is dual-stack, so every accessor here falls back to the single field.
 *
 * Sources: kubernetes pkg/registry/core/service/storage/alloc.go (initIPFamilyFields,
 * allocClusterIPs), pkg/apis/core/v1/defaults.go (SetDefaults_Service: two families or two
 * ClusterIPs without a policy default to RequireDualStack), kubernetes.io "IPv4/IPv6 dual-stack".
 */
import { ipFamilyOf } from '../net/cidr.ts';
import type { Cluster, IPFamily, IPFamilyPolicy, Node, Pod, Service, ServiceInput } from './types.ts';

export { ipFamilyOf };

/** The other family. */
export function otherFamily(family: IPFamily): IPFamily {
  return family === 'IPv4' ? 'IPv6' : 'IPv4';
}

/** The pod ranges of a node, one per family (`spec.podCIDRs`, else `[podCIDR]`). */
export function nodePodCIDRs(node: Pick<Node, 'podCIDR' | 'podCIDRs'>): string[] {
  return node.podCIDRs && node.podCIDRs.length > 0 ? node.podCIDRs : [node.podCIDR];
}

/** The addresses of a node, one per family. */
export function nodeIPs(node: Pick<Node, 'ip' | 'ips'>): string[] {
  return node.ips && node.ips.length > 0 ? node.ips : [node.ip];
}

/** The addresses of a pod (`status.podIPs`, else `[ip]`; empty when it has none). */
export function podIPs(pod: Pick<Pod, 'ip' | 'podIPs'>): string[] {
  if (pod.podIPs && pod.podIPs.length > 0) return pod.podIPs;
  return pod.ip ? [pod.ip] : [];
}

/** The address of `family` in a list, if any. */
export function ofFamily(ips: readonly string[], family: IPFamily): string | undefined {
  return ips.find((ip) => ipFamilyOf(ip) === family);
}

/** The ClusterIPs of a Service (none for ExternalName and headless Services). */
export function serviceClusterIPs(service: Pick<Service, 'type' | 'clusterIP' | 'clusterIPs'>): string[] {
  if (service.type === 'ExternalName') return [];
  const ips = service.clusterIPs && service.clusterIPs.length > 0 ? service.clusterIPs : service.clusterIP ? [service.clusterIP] : [];
  return ips.filter((ip) => ip !== 'None' && ip !== '');
}

/** The per-family range lists of a cluster (the single field when no list is given). */
export function clusterRanges(cluster: Pick<Cluster, 'network'>): { nodeCIDRs: string[]; clusterCIDRs: string[]; serviceCIDRs: string[] } {
  const n = cluster.network;
  const list = (many: string[] | undefined, one: string): string[] => (many && many.length > 0 ? many : one ? [one] : []);
  return {
    nodeCIDRs: list(n.nodeCIDRs, n.nodeCIDR),
    clusterCIDRs: list(n.clusterCIDRs, n.clusterCIDR),
    serviceCIDRs: list(n.serviceCIDRs, n.serviceCIDR),
  };
}

/** The families the cluster allocates ClusterIPs from, the default first (`--service-cluster-ip-range`). */
export function serviceFamilies(cluster: Pick<Cluster, 'network'>): IPFamily[] {
  return clusterRanges(cluster).serviceCIDRs.map(ipFamilyOf).filter((f): f is IPFamily => f !== undefined);
}

/** The IP families of a Service: `ipFamilies`, else the family of its ClusterIP, else the cluster default. */
export function serviceIPFamilies(service: Service, cluster: Pick<Cluster, 'network'>): IPFamily[] {
  if (service.type === 'ExternalName') return [];
  if (service.ipFamilies && service.ipFamilies.length > 0) return service.ipFamilies;
  const first = serviceClusterIPs(service)[0];
  const family = first ? ipFamilyOf(first) : serviceFamilies(cluster)[0];
  return family ? [family] : [];
}

/** The defaulted family fields of one Service (before ClusterIPs of missing families are allocated). */
export interface ServiceFamilyFields {
  ipFamilyPolicy: IPFamilyPolicy;
  ipFamilies: IPFamily[];
  /** The given ClusterIPs; an allocator fills the families after them. */
  clusterIPs: string[];
}

/**
 * The API server's defaulting of `ipFamilyPolicy` and `ipFamilies` (SetDefaults_Service, then
 * alloc.go initIPFamilyFields). Inputs the API server would reject are kept as they are, for
 * validation to report; families of the cluster are `families` (the default first).
 */
export function defaultServiceFamilies(input: ServiceInput, families: readonly IPFamily[]): ServiceFamilyFields | undefined {
  if ((input.type ?? 'ClusterIP') === 'ExternalName') return undefined;
  const clusterIPs = input.clusterIPs ? [...input.clusterIPs] : input.clusterIP !== undefined ? [input.clusterIP] : [];
  const ipFamilies = input.ipFamilies ? [...input.ipFamilies] : [];
  const headless = clusterIPs[0] === 'None';
  const selectorless = !input.selector || Object.keys(input.selector).length === 0;
  let policy = input.ipFamilyPolicy;
  // v1 defaults.go: two families or two ClusterIPs mean RequireDualStack; alloc.go: headless
  // Services without a selector default to RequireDualStack, everything else to SingleStack.
  if (policy === undefined) {
    if (ipFamilies.length === 2 || clusterIPs.length === 2) policy = 'RequireDualStack';
    else policy = headless && selectorless ? 'RequireDualStack' : 'SingleStack';
  }
  // alloc.go: infer missing families from the given ClusterIPs.
  clusterIPs.forEach((ip, i) => {
    const family = ipFamilyOf(ip);
    if (ip !== 'None' && family && i >= ipFamilies.length) ipFamilies.push(family);
  });
  if (ipFamilies.length === 0 && families[0]) ipFamilies.push(families[0]);
  const wantsTwo = policy !== 'SingleStack' && ipFamilies.length === 1;
  // Headless without selector gets the other family even on a single-stack cluster (alloc.go special case).
  if (wantsTwo && ((headless && selectorless) || families.length === 2)) ipFamilies.push(otherFamily(ipFamilies[0]!));
  return { ipFamilyPolicy: policy, ipFamilies, clusterIPs };
}

/** Whether a Service's input uses any dual-stack field. */
export function usesFamilyFields(input: ServiceInput): boolean {
  return input.ipFamilyPolicy !== undefined || input.ipFamilies !== undefined || input.clusterIPs !== undefined;
}
