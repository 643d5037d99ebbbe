import { beforeAll, describe, expect, it } from 'vitest';
import { policyMatrix } from '../../../src/derive/network-policy.ts';
import { policyGraph } from '../../../src/mermaid/policy-view.ts';
import { policiesInTier, ruleLines, tierGraph } from '../../../src/mermaid/tier-view.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { exampleCluster } from './clusters.ts';
import { parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

describe('tier view (diagrams/cluster-network-policy.ts)', () => {
  let cluster: Cluster;
  let chart: ParsedFlowchart;
  let description: string;
  beforeAll(async () => {
    cluster = await exampleCluster('cluster-network-policy');
    const graph = tierGraph(cluster);
    chart = parseFlowchart(graph.mermaid);
    description = graph.description;
  });

  it('lists each tier in priority order, with every rule in the order it is tried', () => {
    expect(policiesInTier(cluster, 'Admin').map((p) => `${p.priority} ${p.name}`)).toEqual(['10 cluster-dns', '20 shop-internal', '30 shop-guard']);
    expect(policiesInTier(cluster, 'Baseline').map((p) => p.name)).toEqual(['dns-ingress', 'default-deny-ingress']);
    const guard = cluster.clusterNetworkPolicies!.find((p) => p.name === 'shop-guard')!;
    expect(ruleLines(guard)).toEqual(['in pass-metrics: Pass', 'in deny-others: Deny']);
    expect([...chart.subgraphs.values()].map((s) => s.title)).toEqual(['Admin tier: priority order, first match', 'Baseline tier: priority order, first match']);
    expect(chart.nodes.get('tier_np')!.label).toBe('NetworkPolicy tier\n6 policies in shop\nfinal for the pods they isolate');
  });

  it('chains the tiers: Admin, NetworkPolicy, Baseline, default allow', () => {
    const name = (id: string) => chart.nodes.get(id)!.label.split('\n')[0];
    expect(chart.edges.map((e) => `${name(e.from)} -> ${name(e.to)}${e.label ? `: ${e.label}` : ''}`)).toEqual([
      '10 cluster-dns -> 20 shop-internal',
      '20 shop-internal -> 30 shop-guard',
      '10 dns-ingress -> 20 default-deny-ingress',
      '30 shop-guard -> NetworkPolicy tier: Pass or no match',
      'NetworkPolicy tier -> 10 dns-ingress: pod not isolated',
      '20 default-deny-ingress -> default: allow: Pass or no match',
    ]);
    expect(description).toContain('Admin tier, by priority: cluster-dns (priority 10; out accept-dns: Accept); shop-internal');
  });

  it('the allowed-connections graph includes pods only ClusterNetworkPolicies apply to', () => {
    const graph = policyGraph(cluster, policyMatrix(cluster));
    expect(graph.description).toMatch(/^Allowed connections that involve a pod a NetworkPolicy or ClusterNetworkPolicy applies to: /);
    expect(graph.description).toContain('default/debug to kube-system/coredns-1 on UDP 53 and TCP 53');
    expect(graph.description).not.toContain('default/debug to shop/frontend');
  });
});
