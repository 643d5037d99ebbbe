/**
 * Pods onto their nodes, and each node's pod range where the Node does not state a usable one:
 * Calico's IPAM blocks, or the pods' own addresses (OpenShift SDN allocates the node range itself).
 */
import { cidrContainsIp, enclosingNetwork, ipFamilyOf, isIPv4 as isIp } from '../net/cidr.ts';
import type { PluginSpec } from '../plugins/index.ts';
import type { IssueCollector } from './issues.ts';
import type { ImportedNode } from './nodes.ts';
import type { ImportedPod } from './pods.ts';
import { smallestCommonNetwork } from './ranges.ts';

// An inferred node range is at least a /24 (IPv6: a /64), so two pods do not make a /28.
const NODE_POD_RANGE_MAX_PREFIX = { IPv4: 24, IPv6: 64 } as const;

/** Puts each pod under its node; pods of nodes missing from the paste are left out with a warning. */
export function attachPods(nodes: ImportedNode[], pods: ImportedPod[], issues: IssueCollector): Map<ImportedNode, ImportedPod[]> {
  const byName = new Map(nodes.map((n) => [n.node.name, n]));
  const placed = new Map<ImportedNode, ImportedPod[]>(nodes.map((n) => [n, []]));
  for (const pod of pods) {
    const node = byName.get(pod.nodeName);
    if (node) {
      placed.get(node)!.push(pod);
      if (pod.pod.hostNetwork && pod.reportedIP && !(node.node.ips ?? [node.node.ip]).includes(pod.reportedIP)) {
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
export function fitCalicoBlocks(placed: Map<ImportedNode, ImportedPod[]>, plugin: PluginSpec, issues: IssueCollector): void {
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
export function fillMissingPodCIDRs(placed: Map<ImportedNode, ImportedPod[]>, issues: IssueCollector): void {
  for (const [node, pods] of placed) {
    if (!node.missingPodCIDR) continue;
    const ips = pods.filter((p) => !p.pod.hostNetwork && p.pod.ip).map((p) => p.pod.ip!);
    const family = ipFamilyOf(ips[0]) ?? 'IPv4';
    const inferred = smallestCommonNetwork(ips, NODE_POD_RANGE_MAX_PREFIX[family], family);
    if (inferred) {
      node.node.podCIDR = inferred;
      issues.warning(node.at, `Node ${node.node.name} has no spec.podCIDR; ${inferred} is inferred from its ${ips.length} pod IPs (the plugin allocates the real range itself)`);
    } else {
      issues.warning(node.at, `Node ${node.node.name} has no spec.podCIDR and no pod with an IP to infer one from`);
    }
  }
}
