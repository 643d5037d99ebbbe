/**
 * IPv4/IPv6 dual-stack in an import: which family is the cluster's primary one, each node's and
 * pod's addresses put in that order (the model's single fields `ip`, `podCIDR` are the first
 * entry of `ips`, `podCIDRs`, and must be of the family of `network.nodeCIDR` / `clusterCIDR`),
 * and a Service's `ipFamilies`, `ipFamilyPolicy` and `clusterIPs` carried over when the cluster
 * has service ranges of both families.
 *
 * Node IPAM hands out `spec.podCIDRs` in the order of `--cluster-cidr` (kube-controller-manager),
 * so the first pod CIDR of a node names the cluster's primary pod family.
 */
import { ipFamilyOf } from '../net/cidr.ts';
import type { ClusterDnsInput, IPFamily, NetworkRangesInput } from '../model/types.ts';
import type { ImportedNode } from './nodes.ts';
import type { ImportedPod } from './pods.ts';
import type { ImportedService } from './services.ts';

/** The primary family: of the first node's first pod CIDR, else of its address, else of a pod IP; IPv4 when the paste says nothing. */
export function primaryFamily(nodes: readonly ImportedNode[], pods: readonly ImportedPod[]): IPFamily {
  const first = nodes.find((n) => ipFamilyOf(n.node.podCIDR)) ?? nodes[0];
  if (first) return ipFamilyOf(first.node.podCIDR) ?? ipFamilyOf(first.node.ip) ?? 'IPv4';
  return ipFamilyOf(pods.find((p) => p.pod.ip)?.pod.ip) ?? 'IPv4';
}

/** `items` with the entry of `family` first (the order the model wants for one-per-family lists). */
export function primaryFirst(items: readonly string[], family: IPFamily): string[] {
  return [...items.filter((i) => ipFamilyOf(i) === family), ...items.filter((i) => ipFamilyOf(i) !== family)];
}

/** Puts each node's and pod's `primary` address and pod range first, and sets the single fields to match. */
export function alignFamilies(nodes: readonly ImportedNode[], pods: readonly ImportedPod[], primary: IPFamily): void {
  for (const { node } of nodes) {
    if (node.ips) {
      node.ips = primaryFirst(node.ips, primary);
      node.ip = node.ips[0]!;
    }
    if (node.podCIDRs) {
      node.podCIDRs = primaryFirst(node.podCIDRs, primary);
      node.podCIDR = node.podCIDRs[0]!;
    }
  }
  for (const { pod } of pods) {
    if (pod.podIPs) {
      pod.podIPs = primaryFirst(pod.podIPs, primary);
      pod.ip = pod.podIPs[0]!;
    }
  }
}

/**
 * Copies each Service's dual-stack fields onto the model Service when `network` has service
 * ranges of both families (a single-stack cluster's Services need none: the model defaults them
 * from the one range, as the API server does). Returns the DNS Service's ClusterIPs for
 * `dns.clusterIPs` when it has two.
 */
export function applyServiceFamilies(services: readonly ImportedService[], network: NetworkRangesInput, dnsService: ImportedService | undefined): Pick<ClusterDnsInput, 'clusterIPs'> {
  if (!network.serviceCIDRs || network.serviceCIDRs.length < 2) return {};
  for (const { service, family } of services) {
    if (!family || service === dnsService?.service) continue;
    if (family.ipFamilyPolicy) service.ipFamilyPolicy = family.ipFamilyPolicy;
    if (family.ipFamilies.length > 0) service.ipFamilies = family.ipFamilies;
    if (family.clusterIPs.length > 0) service.clusterIPs = family.clusterIPs;
  }
  const dnsIPs = dnsService?.family?.clusterIPs ?? [];
  return dnsIPs.length === 2 ? { clusterIPs: dnsIPs } : {};
}
