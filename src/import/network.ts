/**
 * The model's `network` for an import: the reader's ranges where given, else ranges inferred from
 * the addresses seen (src/import/ranges.ts), each inference recorded as an assumption.
 */
import { DEFAULT_SERVICE_CIDR } from '../model/defaults.ts';
import type { NetworkRangesInput } from '../model/types.ts';
import { defaultClusterCIDR, type PluginSpec } from '../plugins/index.ts';
import type { ImportedNode } from './nodes.ts';
import type { ImportedPod } from './pods.ts';
import { inferRange, inferServiceCIDR } from './ranges.ts';
import type { ImportedService } from './services.ts';

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

/** The address ranges: `given` ones as they are, the others inferred; inferences are pushed to `assumptions`. */
export function importNetwork(
  nodes: readonly ImportedNode[],
  pods: readonly ImportedPod[],
  services: readonly ImportedService[],
  kubernetesIP: string | undefined,
  plugin: PluginSpec,
  given: Partial<NetworkRangesInput>,
  assumptions: string[],
): NetworkRangesInput {
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
