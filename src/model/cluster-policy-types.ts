/**
 * Cluster-wide network policy in the model: the ClusterNetworkPolicy resource of the SIG Network
 * Network Policy API (`policy.networking.k8s.io/v1beta1`, network-policy-api v0.3.x; `v1alpha2`
 * from v0.2.0 has the same schema). Field names and shapes follow
 * https://github.com/kubernetes-sigs/network-policy-api/blob/master/apis/v1beta1/clusternetworkpolicy_types.go.
 *
 * Its own module so the cluster-definition reference (src/site/model-reference.ts follows the
 * types `types.ts` imports) documents it next to `ClusterInput.clusterNetworkPolicies`.
 * Only the standard-channel peers and protocols are modelled, plus the experimental
 * `destinationNamedPort`; the experimental `nodes` and `domainNames` egress peers are not.
 */
import type { LabelSelector } from './types.ts';

/** The tier a ClusterNetworkPolicy belongs to: `Admin` is evaluated before NetworkPolicies, `Baseline` after them. */
export type ClusterNetworkPolicyTier = 'Admin' | 'Baseline';

/**
 * What a matching rule does: `Accept` lets the traffic through and ends evaluation for this
 * direction, `Deny` drops it and ends evaluation, `Pass` skips the rest of the tier and hands the
 * decision to the next one. (The v1alpha1 AdminNetworkPolicy called `Accept` `Allow`.)
 */
export type ClusterNetworkPolicyAction = 'Accept' | 'Deny' | 'Pass';

/** Pods by namespace AND pod labels (`NamespacedPod`). */
export interface ClusterNetworkPolicyPods {
  /** Namespaces the pods are in; left out or `{}` selects every namespace. */
  namespaceSelector?: LabelSelector;
  /** Pods selected in those namespaces; `{}` selects every pod. */
  podSelector: LabelSelector;
}

/** The pods a policy applies to: exactly one of `namespaces` or `pods` (host-network pods are never selected). */
export interface ClusterNetworkPolicySubject {
  /** Every pod in the namespaces this selects; `{}` selects all namespaces. */
  namespaces?: LabelSelector;
  /** The pods matching `podSelector` in the namespaces matching `namespaceSelector`. */
  pods?: ClusterNetworkPolicyPods;
}

/** A source of ingress traffic: exactly one of `namespaces` or `pods`. */
export interface ClusterNetworkPolicyIngressPeer {
  /** Every pod in the namespaces this selects. */
  namespaces?: LabelSelector;
  /** Pods by namespace and pod labels. */
  pods?: ClusterNetworkPolicyPods;
}

/** A destination of egress traffic: exactly one of `namespaces`, `pods` or `networks`. */
export interface ClusterNetworkPolicyEgressPeer {
  /** Every pod in the namespaces this selects. */
  namespaces?: LabelSelector;
  /** Pods by namespace and pod labels. */
  pods?: ClusterNetworkPolicyPods;
  /** CIDRs (1 to 25, each in canonical form); pod IPs inside them match too. */
  networks?: string[];
}

/** A destination port: exactly one of `number` or `range`. */
export interface ClusterNetworkPolicyPort {
  /** One port, 1 to 65535. */
  number?: number;
  /** An inclusive range; `start` must be less than `end`. */
  range?: { start: number; end: number };
}

/** One protocol match: exactly one field set. */
export interface ClusterNetworkPolicyProtocol {
  /** TCP to `destinationPort`. */
  tcp?: { destinationPort: ClusterNetworkPolicyPort };
  /** UDP to `destinationPort`. */
  udp?: { destinationPort: ClusterNetworkPolicyPort };
  /** SCTP to `destinationPort`. */
  sctp?: { destinationPort: ClusterNetworkPolicyPort };
  /** A container port name on the destination pod, any protocol (experimental channel). */
  destinationNamedPort?: string;
}

/** An ingress rule: `action` for traffic from any of `from` matching any of `protocols`. */
export interface ClusterNetworkPolicyIngressRule {
  /** Rule name (at most 100 characters), shown in the matrix. */
  name?: string;
  /** What a match does. */
  action: ClusterNetworkPolicyAction;
  /** Sources (1 to 25). */
  from: ClusterNetworkPolicyIngressPeer[];
  /** Protocols and ports (1 to 25); left out matches all traffic. */
  protocols?: ClusterNetworkPolicyProtocol[];
}

/** An egress rule: `action` for traffic to any of `to` matching any of `protocols`. */
export interface ClusterNetworkPolicyEgressRule {
  /** Rule name (at most 100 characters), shown in the matrix. */
  name?: string;
  /** What a match does. */
  action: ClusterNetworkPolicyAction;
  /** Destinations (1 to 25). */
  to: ClusterNetworkPolicyEgressPeer[];
  /** Protocols and ports (1 to 25); left out matches all traffic. */
  protocols?: ClusterNetworkPolicyProtocol[];
}

/** A ClusterNetworkPolicy (policy.networking.k8s.io/v1beta1): cluster-scoped, so it has no namespace. */
export interface ClusterNetworkPolicyInput {
  /** Policy name (a DNS-1123 subdomain). */
  name: string;
  /** `Admin` (before NetworkPolicies, cannot be overridden by them) or `Baseline` (after them). */
  tier: ClusterNetworkPolicyTier;
  /** 0 to 1000; lower is evaluated first within the tier. Two policies sharing a priority that match one connection differently are undefined upstream and rejected here. */
  priority: number;
  /** The pods the rules apply to. */
  subject: ClusterNetworkPolicySubject;
  /** Ingress rules (at most 25), first match wins. */
  ingress?: ClusterNetworkPolicyIngressRule[];
  /** Egress rules (at most 25), first match wins. */
  egress?: ClusterNetworkPolicyEgressRule[];
}

/** A ClusterNetworkPolicy after defaults: rule lists always present. */
export interface ClusterNetworkPolicy extends Omit<ClusterNetworkPolicyInput, 'ingress' | 'egress'> {
  /** Ingress rules. */
  ingress: ClusterNetworkPolicyIngressRule[];
  /** Egress rules. */
  egress: ClusterNetworkPolicyEgressRule[];
}
