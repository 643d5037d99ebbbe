/**
 * The model's `network` for an import: the reader's ranges where given, else ranges inferred from
 * the addresses seen (src/import/ranges.ts), per family, each inference recorded as an assumption.
 * A family seen in the paste gets a range; when both are seen the lists (`nodeCIDRs`,
 * `clusterCIDRs`, `serviceCIDRs`) hold one of each, the primary family first.
 */
import { DEFAULT_SERVICE_CIDR } from '../model/defaults.ts';
import { otherFamily } from '../model/ip-families.ts';
import type { IPFamily, NetworkRangesInput } from '../model/types.ts';
import { ipFamilyOf } from '../net/cidr.ts';
import { defaultClusterCIDR, type PluginSpec } from '../plugins/index.ts';
import type { ImportedNode } from './nodes.ts';
import type { ImportedPod } from './pods.ts';
import { inferRange, inferServiceCIDR, type InferredRange } from './ranges.ts';
import type { ImportedService } from './services.ts';

// Well-known defaults, preferred when they hold every address seen: kubeadm (10.96.0.0/12,
// flannel's 10.244.0.0/16), k3s (--service-cidr 10.43.0.0/16, --cluster-cidr 10.42.0.0/16),
// OpenShift (serviceNetwork 172.30.0.0/16, clusterNetwork 10.128.0.0/14), Calico's pool; for
// IPv6 kind's (networking.podSubnet fd00:10:244::/56, serviceSubnet fd00:10:96::/112).
const SERVICE_CIDRS: Record<IPFamily, string[]> = { IPv4: [DEFAULT_SERVICE_CIDR, '10.43.0.0/16', '172.30.0.0/16'], IPv6: ['fd00:10:96::/112'] };
const CLUSTER_CIDRS: Record<IPFamily, string[]> = { IPv4: ['10.244.0.0/16', '10.42.0.0/16', '10.128.0.0/14', '192.168.0.0/16'], IPv6: ['fd00:10:244::/56'] };
// A node network is at least a /24 (IPv6: a /64, one subnet); cluster and service CIDRs at least
// a /16 (every IPv4 default above is /16 or wider; IPv6: kind's /56 and /112), so a paste with a
// handful of addresses does not yield a range that holds only them.
const NODE_NETWORK_MAX_PREFIX: Record<IPFamily, number> = { IPv4: 24, IPv6: 64 };
const CLUSTER_CIDR_MAX_PREFIX: Record<IPFamily, number> = { IPv4: 16, IPv6: 56 };
const SERVICE_CIDR_MAX_PREFIX: Record<IPFamily, number> = { IPv4: 16, IPv6: 112 };

/** `[primary, other]`. */
function familiesFrom(primary: IPFamily): IPFamily[] {
  return [primary, otherFamily(primary)];
}

/** One inferred range per family that has items, the primary family first. */
function perFamily(primary: IPFamily, infer: (family: IPFamily) => InferredRange | undefined): InferredRange[] {
  return familiesFrom(primary).flatMap((family) => infer(family) ?? []);
}

/** The address ranges: `given` ones as they are, the others inferred; inferences are pushed to `assumptions`. */
export function importNetwork(
  nodes: readonly ImportedNode[],
  pods: readonly ImportedPod[],
  services: readonly ImportedService[],
  kubernetesIP: string | undefined,
  plugin: PluginSpec,
  given: Partial<NetworkRangesInput>,
  assumptions: string[],
  primary: IPFamily = 'IPv4',
): NetworkRangesInput {
  const nodeIPs = nodes.flatMap((n) => n.node.ips ?? [n.node.ip]);
  const nodeRanges = given.nodeCIDR ? [] : perFamily(primary, (f) => inferRange(nodeIPs, [], NODE_NETWORK_MAX_PREFIX[f], 'node network', f));
  const podItems = [
    ...nodes.flatMap((n) => n.node.podCIDRs ?? [n.node.podCIDR]),
    ...pods.filter((p) => !p.pod.hostNetwork && p.pod.ip).flatMap((p) => p.pod.podIPs ?? [p.pod.ip!]),
  ];
  const clusterPreferred = (f: IPFamily): string[] => (f === 'IPv4' ? [defaultClusterCIDR(plugin), ...CLUSTER_CIDRS.IPv4] : CLUSTER_CIDRS.IPv6);
  const clusterRanges = given.clusterCIDR ? [] : perFamily(primary, (f) => inferRange(podItems, clusterPreferred(f), CLUSTER_CIDR_MAX_PREFIX[f], 'cluster CIDR', f));
  const clusterIPs = services.flatMap((s) => s.family?.clusterIPs ?? (s.service.clusterIP ? [s.service.clusterIP] : [])).filter((ip) => ip !== 'None');
  // The first service range is the family of default/kubernetes's ClusterIP (kube-apiserver gives it the first address of the first range).
  const servicePrimary = ipFamilyOf(kubernetesIP) ?? primary;
  const serviceRanges = given.serviceCIDR
    ? []
    : perFamily(servicePrimary, (f) => inferServiceCIDR(clusterIPs, kubernetesIP, SERVICE_CIDRS[f], SERVICE_CIDR_MAX_PREFIX[f], f));
  for (const range of [...nodeRanges, ...clusterRanges, ...serviceRanges]) assumptions.push(range.reason);

  const network: NetworkRangesInput = { nodeCIDR: given.nodeCIDR ?? nodeRanges[0]?.cidr ?? '' };
  const clusterCIDR = given.clusterCIDR ?? clusterRanges[0]?.cidr;
  if (clusterCIDR) network.clusterCIDR = clusterCIDR;
  const serviceCIDR = given.serviceCIDR ?? serviceRanges[0]?.cidr;
  if (serviceCIDR) network.serviceCIDR = serviceCIDR;
  const lists: Array<[keyof Pick<NetworkRangesInput, 'nodeCIDRs' | 'clusterCIDRs' | 'serviceCIDRs'>, InferredRange[]]> = [
    ['nodeCIDRs', nodeRanges],
    ['clusterCIDRs', clusterRanges],
    ['serviceCIDRs', serviceRanges],
  ];
  for (const [field, ranges] of lists) {
    if (given[field]) network[field] = given[field];
    else if (ranges.length === 2) network[field] = ranges.map((r) => r.cidr);
  }
  if (given.clusterDomain) network.clusterDomain = given.clusterDomain;
  else assumptions.push('cluster domain cluster.local: the usual default (kubelet --cluster-domain is not in these objects)');
  return network;
}
