/**
 * How one tier of ClusterNetworkPolicies (policy.networking.k8s.io/v1beta1) decides one direction
 * of one connection. Pure and isomorphic; network-policy.ts chains the tiers with NetworkPolicy.
 *
 * Semantics, from apis/v1beta1/clusternetworkpolicy_types.go and the API overview
 * (https://network-policy-api.sigs.k8s.io/api-overview/) of kubernetes-sigs/network-policy-api:
 * 1. Tiers run Admin, then NetworkPolicy, then Baseline; then the default (allow).
 * 2. Within a tier, policies by `priority`, lower first; within a policy, rules in written order.
 *    The first rule whose peers and protocols match decides: `Accept` and `Deny` end evaluation of
 *    this direction, `Pass` skips the rest of the tier.
 * 3. Two policies of one tier with the same priority that both match a connection: "the
 *    implementation can apply any of the matching policies". This module orders them by name so
 *    its output is stable, and reports the tie (`tiedWith`) when their actions differ; validation
 *    rejects such a definition.
 * 4. The subject selects the pod whose direction is evaluated (the source for egress, the
 *    destination for ingress). Host-network pods are never in a subject or a pod peer.
 * 5. Peers: `namespaces` selects every pod in matching namespaces; `pods` the pods matching
 *    `podSelector` in namespaces matching `namespaceSelector` (left out: all namespaces);
 *    `networks` (egress only) are CIDRs, and "cluster-internal traffic will be checked against the
 *    rule as well", so a pod IP inside one matches.
 * 6. `protocols`: any entry matching is enough; left out matches everything. A port is a number or
 *    an inclusive range; `destinationNamedPort` names a container port of the destination pod.
 */
import { cidrContainsIp } from '../net/cidr.ts';
import { selectorMatches } from '../model/label-selector.ts';
import type {
  Cluster,
  ClusterNetworkPolicy,
  ClusterNetworkPolicyAction,
  ClusterNetworkPolicyEgressPeer,
  ClusterNetworkPolicyPods,
  ClusterNetworkPolicyProtocol,
  ClusterNetworkPolicySubject,
  ClusterNetworkPolicyTier,
  Labels,
  Pod,
} from '../model/types.ts';
import type { PolicyDirection, PortProbe } from './network-policy.ts';

/** The other end of a connection as a rule sees it: a pod, or an address outside the pod network. */
export type TierPeer = { pod: Pod } | { external: { ip: string } };

/** The rule of a ClusterNetworkPolicy that matched a connection. */
export interface TierRuleMatch {
  /** The tier of the policy. */
  tier: ClusterNetworkPolicyTier;
  /** Policy name (cluster-scoped: no namespace). */
  policy: string;
  /** The policy's priority. */
  priority: number;
  /** Index of the rule in the policy's `ingress` or `egress` list (0-based). */
  rule: number;
  /** The rule's `name`, when it has one. */
  ruleName?: string;
  /** What the rule does. */
  action: ClusterNetworkPolicyAction;
  /** Other policies of the same tier and priority that match with a different action (undefined upstream). */
  tiedWith: string[];
}

function namespaceLabels(cluster: Cluster, namespace: string): Labels {
  return cluster.namespaces.find((ns) => ns.name === namespace)?.labels ?? { 'kubernetes.io/metadata.name': namespace };
}

function podsMatch(cluster: Cluster, pods: ClusterNetworkPolicyPods, pod: Pod): boolean {
  return selectorMatches(pods.namespaceSelector ?? {}, namespaceLabels(cluster, pod.namespace)) && selectorMatches(pods.podSelector, pod.labels);
}

/** types.go ClusterNetworkPolicySubject: whether the policy applies to `pod` ("host-networked pods are not included"). */
export function subjectSelects(cluster: Cluster, subject: ClusterNetworkPolicySubject, pod: Pod): boolean {
  if (pod.hostNetwork) return false;
  if (subject.namespaces) return selectorMatches(subject.namespaces, namespaceLabels(cluster, pod.namespace));
  return subject.pods ? podsMatch(cluster, subject.pods, pod) : false;
}

/** Whether one peer (`namespaces`, `pods` or, for egress, `networks`) holds the other end. */
export function peerMatches(cluster: Cluster, peer: ClusterNetworkPolicyEgressPeer, other: TierPeer): boolean {
  if (peer.networks) {
    const ip = 'pod' in other ? other.pod.ip : other.external.ip;
    return peer.networks.some((cidr) => cidrContainsIp(cidr, ip));
  }
  // Namespaces and pods peers select pods only, and never host-network ones.
  if (!('pod' in other) || other.pod.hostNetwork) return false;
  if (peer.namespaces) return selectorMatches(peer.namespaces, namespaceLabels(cluster, other.pod.namespace));
  return peer.pods ? podsMatch(cluster, peer.pods, other.pod) : false;
}

/** Whether one `protocols` entry matches the probe; `destination` resolves a named port. */
export function protocolMatches(entry: ClusterNetworkPolicyProtocol, probe: PortProbe, destination: Pod | undefined): boolean {
  if (entry.destinationNamedPort !== undefined) {
    const named = destination?.ports.find((p) => p.name === entry.destinationNamedPort);
    return named !== undefined && named.protocol === probe.protocol && named.containerPort === probe.port;
  }
  const match = probe.protocol === 'TCP' ? entry.tcp : probe.protocol === 'UDP' ? entry.udp : entry.sctp;
  if (!match || probe.port === undefined) return false;
  const { number, range } = match.destinationPort;
  return range ? probe.port >= range.start && probe.port <= range.end : probe.port === number;
}

function protocolsMatch(protocols: ClusterNetworkPolicyProtocol[] | undefined, probe: PortProbe, destination: Pod | undefined): boolean {
  return !protocols || protocols.some((entry) => protocolMatches(entry, probe, destination));
}

/** The policies of `tier` whose subject selects `pod` and that have rules for `direction`, in evaluation order. */
export function tierPolicies(cluster: Cluster, tier: ClusterNetworkPolicyTier, pod: Pod, direction: PolicyDirection): ClusterNetworkPolicy[] {
  return (cluster.clusterNetworkPolicies ?? [])
    .filter((p) => p.tier === tier && (direction === 'Ingress' ? p.ingress : p.egress).length > 0 && subjectSelects(cluster, p.subject, pod))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
}

/** The first rule of `policy` for `direction` that matches, with its index. */
function firstMatch(cluster: Cluster, policy: ClusterNetworkPolicy, direction: PolicyDirection, other: TierPeer, probe: PortProbe, destination: Pod | undefined) {
  const rules = direction === 'Ingress'
    ? policy.ingress.map((r) => ({ name: r.name, action: r.action, peers: r.from as ClusterNetworkPolicyEgressPeer[], protocols: r.protocols }))
    : policy.egress.map((r) => ({ name: r.name, action: r.action, peers: r.to, protocols: r.protocols }));
  const index = rules.findIndex((r) => r.peers.some((peer) => peerMatches(cluster, peer, other)) && protocolsMatch(r.protocols, probe, destination));
  return index < 0 ? undefined : { index, rule: rules[index]! };
}

/**
 * The rule of `tier` that decides `direction` for `pod` (the subject) against `other`, or
 * undefined when no rule of the tier matches. A `Pass` result means: go on to the next tier.
 */
export function tierDecision(
  cluster: Cluster,
  tier: ClusterNetworkPolicyTier,
  pod: Pod,
  direction: PolicyDirection,
  other: TierPeer,
  probe: PortProbe,
  destination: Pod | undefined,
): TierRuleMatch | undefined {
  const policies = tierPolicies(cluster, tier, pod, direction);
  for (const policy of policies) {
    const hit = firstMatch(cluster, policy, direction, other, probe, destination);
    if (!hit) continue;
    const tiedWith = policies
      .filter((p) => p !== policy && p.priority === policy.priority)
      .filter((p) => {
        const other_ = firstMatch(cluster, p, direction, other, probe, destination);
        return other_ !== undefined && other_.rule.action !== hit.rule.action;
      })
      .map((p) => p.name);
    return {
      tier,
      policy: policy.name,
      priority: policy.priority,
      rule: hit.index,
      ...(hit.rule.name ? { ruleName: hit.rule.name } : {}),
      action: hit.rule.action,
      tiedWith,
    };
  }
  return undefined;
}

/** A matched rule as text: `Admin shop-guard (priority 30) ingress rule 2 "deny-others": Deny`. */
export function formatTierRule(match: TierRuleMatch, direction: PolicyDirection): string {
  const name = match.ruleName ? ` "${match.ruleName}"` : '';
  return `${match.tier} ${match.policy} (priority ${match.priority}) ${direction.toLowerCase()} rule ${match.rule + 1}${name}: ${match.action}`;
}
