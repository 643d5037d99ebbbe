/**
 * The YAML a reader would `kubectl apply` for a cluster's ClusterNetworkPolicies: one document per
 * policy, `policy.networking.k8s.io/v1beta1` (the storage version since network-policy-api v0.3.0;
 * v1alpha2 has the same schema). Field order follows apis/v1beta1/clusternetworkpolicy_types.go;
 * empty rule lists are left out, as the API's `omitempty` does.
 */
import { stringify } from 'yaml';
import type { ClusterNetworkPolicy } from '../model/types.ts';

/** The API group and version written by default. */
export const CLUSTER_NETWORK_POLICY_API_VERSION = 'policy.networking.k8s.io/v1beta1';

/** One policy as a Kubernetes object. */
export function clusterNetworkPolicyObject(policy: ClusterNetworkPolicy, apiVersion = CLUSTER_NETWORK_POLICY_API_VERSION): Record<string, unknown> {
  return {
    apiVersion,
    kind: 'ClusterNetworkPolicy',
    metadata: { name: policy.name },
    spec: {
      tier: policy.tier,
      priority: policy.priority,
      subject: policy.subject,
      ...(policy.ingress.length ? { ingress: policy.ingress } : {}),
      ...(policy.egress.length ? { egress: policy.egress } : {}),
    },
  };
}

/** Every policy as YAML documents separated by `---`. */
export function clusterNetworkPolicyManifests(policies: readonly ClusterNetworkPolicy[], apiVersion = CLUSTER_NETWORK_POLICY_API_VERSION): string {
  return policies.map((p) => stringify(clusterNetworkPolicyObject(p, apiVersion), { lineWidth: 0 })).join('---\n');
}
