import { defineCluster } from '../src/model/index.ts';
import policyCluster from './network-policy.ts';

// The NetworkPolicy example cluster (diagrams/network-policy.ts: its pods, Services and six shop
// NetworkPolicies, unchanged) with cluster-wide ClusterNetworkPolicies in both tiers on top.
export default defineCluster({
  ...policyCluster,
  title: 'NetworkPolicy cluster with ClusterNetworkPolicy tiers',
  description:
    'The shop NetworkPolicy cluster plus five ClusterNetworkPolicies: Admin-tier rules that accept DNS egress for every pod, pass traffic inside shop to its NetworkPolicies and deny shop ingress from other namespaces but metrics from monitoring; Baseline-tier rules that accept DNS ingress on CoreDNS and deny all other ingress to pods no NetworkPolicy isolates.',
  clusterNetworkPolicies: [
    // Admin, evaluated first: every pod may query CoreDNS, whatever its NetworkPolicies say.
    {
      name: 'cluster-dns',
      tier: 'Admin',
      priority: 10,
      subject: { namespaces: {} },
      egress: [
        {
          name: 'accept-dns',
          action: 'Accept',
          to: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }],
          protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }],
        },
      ],
    },
    // Admin: traffic between shop pods is the shop team's business; hand it to their NetworkPolicies.
    {
      name: 'shop-internal',
      tier: 'Admin',
      priority: 20,
      subject: { namespaces: { matchLabels: { team: 'shop' } } },
      ingress: [{ name: 'pass-from-shop', action: 'Pass', from: [{ namespaces: { matchLabels: { team: 'shop' } } }] }],
      egress: [{ name: 'pass-to-shop', action: 'Pass', to: [{ namespaces: { matchLabels: { team: 'shop' } } }] }],
    },
    // Admin: from outside shop, only metrics scrapes from monitoring reach the NetworkPolicies; the rest is denied.
    {
      name: 'shop-guard',
      tier: 'Admin',
      priority: 30,
      subject: { namespaces: { matchLabels: { team: 'shop' } } },
      ingress: [
        { name: 'pass-metrics', action: 'Pass', from: [{ namespaces: { matchLabels: { purpose: 'monitoring' } } }], protocols: [{ tcp: { destinationPort: { number: 9090 } } }] },
        { name: 'deny-others', action: 'Deny', from: [{ namespaces: {} }] },
      ],
    },
    // Baseline, evaluated only where no Admin rule decided and no NetworkPolicy isolates the pod.
    {
      name: 'dns-ingress',
      tier: 'Baseline',
      priority: 10,
      subject: { pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } },
      ingress: [
        {
          name: 'accept-dns',
          action: 'Accept',
          from: [{ namespaces: {} }],
          protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }],
        },
      ],
    },
    {
      name: 'default-deny-ingress',
      tier: 'Baseline',
      priority: 20,
      subject: { namespaces: {} },
      ingress: [{ name: 'deny-all', action: 'Deny', from: [{ namespaces: {} }] }],
    },
  ],
});
