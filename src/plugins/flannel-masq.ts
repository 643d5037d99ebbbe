/**
 * flanneld's `--ip-masq` rules (kube-flannel.yml passes `--ip-masq`): pod traffic to anything
 * outside the flannel network leaves with the node's address. Source: flannel
 * pkg/trafficmngr/iptables/iptables.go masqRules (IPv4), with trafficmngr.KubeProxyMark
 * `0x4000/0x4000`; `--random-fully` when iptables supports it.
 */
import type { PluginNode } from './plugin.ts';
import type { NatRule } from './masquerade.ts';

/** The chain flanneld fills, jumped to from nat POSTROUTING. */
export const FLANNEL_MASQ_CHAIN = 'FLANNEL-POSTRTG';
/** trafficmngr.KubeProxyMark: packets kube-proxy marked are masqueraded by kube-proxy, not twice. */
export const KUBE_PROXY_MARK = '0x4000/0x4000';
const COMMENT = 'flanneld masq';

/** flannel masqRules(clusterCIDR, lease) for `node` (its lease is its podCIDR), in flannel's order. */
export function flannelMasqRules(node: Pick<PluginNode, 'podCIDR'>, clusterCIDR: string, randomFully = true): NatRule[] {
  const chain = FLANNEL_MASQ_CHAIN;
  const masquerade = { kind: 'MASQUERADE', randomFully } as const;
  return [
    { chain: 'POSTROUTING', comment: COMMENT, target: { kind: 'jump', chain } },
    // Traffic kube-proxy marked for its own MASQUERADE.
    { chain, mark: KUBE_PROXY_MARK, comment: COMMENT, target: { kind: 'RETURN' } },
    // Pod to pod, in either direction: no NAT inside the flannel network.
    { chain, source: { cidr: node.podCIDR }, destination: { cidr: clusterCIDR }, comment: COMMENT, target: { kind: 'RETURN' } },
    { chain, source: { cidr: clusterCIDR }, destination: { cidr: node.podCIDR }, comment: COMMENT, target: { kind: 'RETURN' } },
    // Outside traffic arriving for this node's pods keeps its source.
    { chain, source: { cidr: clusterCIDR, negate: true }, destination: { cidr: node.podCIDR }, comment: COMMENT, target: { kind: 'RETURN' } },
    // Pods to anything else but multicast: the node's address.
    { chain, source: { cidr: clusterCIDR }, destination: { cidr: '224.0.0.0/4', negate: true }, comment: COMMENT, target: masquerade },
    // The host to pods on other nodes.
    { chain, source: { cidr: clusterCIDR, negate: true }, destination: { cidr: clusterCIDR }, comment: COMMENT, target: masquerade },
  ];
}
