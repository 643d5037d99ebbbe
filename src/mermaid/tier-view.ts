/**
 * The policy-tier view: the order in which a cluster's policies are consulted for one direction
 * of a connection. Admin-tier ClusterNetworkPolicies by priority, then the NetworkPolicy tier,
 * then Baseline-tier ClusterNetworkPolicies, then the default; each policy box lists its rules
 * (direction, name, action) in the order they are tried. Drawn from the cluster's own policies
 * (src/derive/cluster-network-policy.ts holds the evaluation it pictures).
 */
import type { Cluster, ClusterNetworkPolicy, ClusterNetworkPolicyTier } from '../model/types.ts';
import { mermaidId } from './escape.ts';
import { FlowchartBuilder } from './flowchart.ts';

/** Mermaid source and words for the tier view. */
export interface TierGraph {
  /** Mermaid flowchart source. */
  mermaid: string;
  /** Plain-language description (accessible description and search text). */
  description: string;
}

/** The policies of one tier in evaluation order: priority, then name (the tie order used in derive). */
export function policiesInTier(cluster: Cluster, tier: ClusterNetworkPolicyTier): ClusterNetworkPolicy[] {
  return (cluster.clusterNetworkPolicies ?? []).filter((p) => p.tier === tier).sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
}

/** One line per rule, `in deny-others: Deny` (`in rule 2: Deny` when unnamed). */
export function ruleLines(policy: ClusterNetworkPolicy): string[] {
  const line = (dir: 'in' | 'out', name: string | undefined, k: number, action: string) => `${dir} ${name ?? `rule ${k + 1}`}: ${action}`;
  return [
    ...policy.ingress.map((r, k) => line('in', r.name, k, r.action)),
    ...policy.egress.map((r, k) => line('out', r.name, k, r.action)),
  ];
}

function namespacesOf(cluster: Cluster): string {
  const names = [...new Set(cluster.networkPolicies.map((p) => p.namespace))].sort();
  return names.length ? `in ${names.join(', ')}` : 'none in this cluster';
}

/** The tier view of `cluster`. Pure. */
export function tierGraph(cluster: Cluster): TierGraph {
  const chart = new FlowchartBuilder('TB');
  const tierIds: Record<ClusterNetworkPolicyTier, string> = { Admin: 'tier_admin', Baseline: 'tier_baseline' };
  const words: string[] = [];

  // Edges join the first and last policy of a tier, not the subgraph itself: Mermaid pads a
  // subgraph that edges enter and leave with empty space.
  const tier = (name: ClusterNetworkPolicyTier): { first: string; last: string } => {
    const policies = policiesInTier(cluster, name);
    const ids: string[] = [];
    chart.subgraph(tierIds[name], `${name} tier: priority order, first match`, () => {
      for (const policy of policies) {
        const id = chart.node(mermaidId('cnp', policy.name), [`${policy.priority} ${policy.name}`, ...ruleLines(policy)]);
        if (ids.length) chart.edge(ids.at(-1)!, id);
        ids.push(id);
      }
      if (!policies.length) ids.push(chart.node(`${tierIds[name]}_none`, 'no policies'));
    });
    words.push(
      policies.length
        ? `${name} tier, by priority: ${policies.map((p) => `${p.name} (priority ${p.priority}; ${ruleLines(p).join(', ')})`).join('; ')}.`
        : `${name} tier: no policies.`,
    );
    return { first: ids[0]!, last: ids.at(-1)! };
  };

  const admin = tier('Admin');
  const np = chart.node('tier_np', ['NetworkPolicy tier', `${cluster.networkPolicies.length} policies ${namespacesOf(cluster)}`, 'final for the pods they isolate'], 'hexagon');
  const baseline = tier('Baseline');
  const fallback = chart.node('tier_default', 'default: allow', 'stadium');
  chart.edge(admin.last, np, 'Pass or no match');
  chart.edge(np, baseline.first, 'pod not isolated');
  chart.edge(baseline.last, fallback, 'Pass or no match');

  const description =
    `The order in which one direction of a connection is decided (egress at the source, ingress at the destination). ${words[0]} ` +
    `An Accept or Deny ends it; Pass or no match goes on to the NetworkPolicy tier (${cluster.networkPolicies.length} NetworkPolicies ${namespacesOf(cluster)}), ` +
    `which decides for every pod it isolates. For other pods: ${words[1]} An Accept or Deny ends it; otherwise the default allows the traffic.`;
  return { mermaid: chart.toString(), description };
}
