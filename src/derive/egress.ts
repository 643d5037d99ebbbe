/**
 * What happens to a pod's packet for an address outside the pod network as it leaves its node:
 * the network plugin's nat POSTROUTING rules (flanneld `--ip-masq`: FLANNEL-POSTRTG) decide
 * whether it is masqueraded, and MASQUERADE picks the address of the interface the packet
 * leaves through: for a destination off the pod network, the node's own interface and IP
 * (netfilter nf_nat_masquerade_ipv4: inet_select_addr on the output device).
 */
import { cidrContainsIp } from '../net/cidr.ts';
import { formatNatRule, type AddressMatch, type NatRule } from '../plugins/masquerade.ts';
import { networkPlugin } from '../plugins/index.ts';
import type { Cluster, Node, Pod } from '../model/types.ts';
import { findNode, findPod, nodeOfPod } from './lookup.ts';

/** A packet as the nat POSTROUTING hook sees it. */
export interface EgressPacket {
  src: string;
  dst: string;
  /** The packet mark (kube-proxy sets 0x4000 on Service traffic it masquerades itself). */
  mark?: number;
}

/** The outcome for one packet. */
export interface EgressTranslation {
  /** The sending pod. */
  pod: Pod;
  /** Its node. */
  node: Node;
  /** The destination address. */
  destination: string;
  /** The rule that decided (RETURN or MASQUERADE), as iptables-save prints it; undefined when none matched. */
  decidingRule?: string;
  /** Whether the source is rewritten. */
  masqueraded: boolean;
  /** The source address the destination sees. */
  source: string;
}

/** The plugin's masquerade rules on one node; throws when this model does not derive them for the plugin. */
export function pluginMasqueradeRules(cluster: Cluster, nodeName: string): NatRule[] {
  const node = findNode(cluster, nodeName);
  const plugin = networkPlugin(cluster.plugin);
  const rules = plugin.masqueradeRules?.(node, cluster.network.clusterCIDR);
  if (!rules) throw new Error(`cluster "${cluster.name}": the masquerade rules of ${plugin.summary} are not modelled (only flannel's --ip-masq rules are)`);
  return rules;
}

/** The plugin's masquerade rules on one node as `iptables-save -t nat` prints them. */
export function masqueradeRulesText(cluster: Cluster, nodeName: string): string {
  return `${pluginMasqueradeRules(cluster, nodeName).map(formatNatRule).join('\n')}\n`;
}

function addressMatches(m: AddressMatch | undefined, ip: string): boolean {
  if (!m) return true;
  return cidrContainsIp(m.cidr, ip) !== (m.negate === true);
}

/** Whether `rule`'s matches all hold for `packet` (`--mark value/mask` compares the masked mark). */
export function ruleMatches(rule: NatRule, packet: EgressPacket): boolean {
  if (rule.mark) {
    const [value, mask] = rule.mark.split('/').map((v) => Number.parseInt(v, 16)) as [number, number | undefined];
    if (((packet.mark ?? 0) & (mask ?? 0xffffffff)) !== value) return false;
  }
  return addressMatches(rule.source, packet.src) && addressMatches(rule.destination, packet.dst);
}

/**
 * Walks nat POSTROUTING's plugin rules for `packet`: follows jumps, stops at the first RETURN or
 * MASQUERADE of the plugin's chain. Returns the deciding rule, if any.
 */
export function decidingRule(rules: readonly NatRule[], packet: EgressPacket): NatRule | undefined {
  const walk = (chain: string): NatRule | undefined => {
    for (const rule of rules.filter((r) => r.chain === chain)) {
      if (!ruleMatches(rule, packet)) continue;
      if (rule.target.kind !== 'jump') return rule;
      const inner = walk(rule.target.chain);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk('POSTROUTING');
}

/** The source address MASQUERADE picks on `node` for `destination`: the output interface's address. */
function masqueradeAddress(cluster: Cluster, node: Node, destination: string): string {
  const plugin = networkPlugin(cluster.plugin);
  const owner = cluster.nodes.find((n) => n !== node && cidrContainsIp(n.podCIDR, destination));
  // Towards a pod on another node the packet leaves through the plugin's device (e.g. flannel.1);
  // anything else leaves through the node's own interface by its default route.
  if (owner && plugin.interNode) return plugin.interNode.crossing(node, owner, 'eth0').sourceAddress;
  return node.ip;
}

/** What the plugin's rules do to a packet from pod `podRef` to `destination` (no kube-proxy mark). */
export function egressTranslation(cluster: Cluster, podRef: string, destination: string): EgressTranslation {
  const pod = findPod(cluster, podRef);
  const node = nodeOfPod(cluster, pod);
  const rule = decidingRule(pluginMasqueradeRules(cluster, node.name), { src: pod.ip, dst: destination });
  const masqueraded = rule?.target.kind === 'MASQUERADE';
  return {
    pod, node, destination,
    ...(rule ? { decidingRule: formatNatRule(rule) } : {}),
    masqueraded,
    source: masqueraded ? masqueradeAddress(cluster, node, destination) : pod.ip,
  };
}
