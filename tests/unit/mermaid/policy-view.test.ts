import { beforeAll, describe, expect, it } from 'vitest';
import { findPod } from '../../../src/derive/lookup.ts';
import { policyMatrix } from '../../../src/derive/network-policy.ts';
import { podId } from '../../../src/mermaid/ids.ts';
import { involvesIsolatedPod, policyGraph } from '../../../src/mermaid/policy-view.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { exampleCluster } from './clusters.ts';
import { nodeByName, parseFlowchart, type ParsedFlowchart } from './support/flowchart-structure.ts';

/** Edges as `from -> to: label`, with pod names instead of ids. */
function edgeTexts(chart: ParsedFlowchart): string[] {
  const name = (id: string) => chart.nodes.get(id)!.label.split('\n')[0];
  return chart.edges.map((e) => `${name(e.from)} -> ${name(e.to)}: ${e.label}`);
}

describe('policy view (diagrams/network-policy.ts)', () => {
  let cluster: Cluster;
  let chart: ParsedFlowchart;
  let description: string;
  beforeAll(async () => {
    cluster = await exampleCluster('network-policy');
    const graph = policyGraph(cluster, policyMatrix(cluster));
    chart = parseFlowchart(graph.mermaid);
    description = graph.description;
  });

  it('groups every pod by namespace, with the shared pod ids, and marks the isolated ones', () => {
    expect(chart.direction).toBe('TB');
    expect([...chart.subgraphs.values()].map((s) => s.title)).toEqual(['namespace default', 'namespace kube-system', 'namespace monitoring', 'namespace shop']);
    const frontend = nodeByName(chart, 'frontend');
    expect(frontend.id).toBe(podId(findPod(cluster, 'shop/frontend')));
    // default-deny-all selects every shop pod for both directions.
    expect(frontend.label).toBe('frontend\n172.16.0.66\ningress isolated\negress isolated');
    expect(chart.subgraphs.get(frontend.parent!)!.title).toBe('namespace shop');
    // No policy in monitoring: prometheus is not isolated.
    expect(nodeByName(chart, 'prometheus').label).toBe('prometheus\n172.16.0.67');
  });

  it('draws exactly the allowed connections that involve an isolated pod, labelled with the allowed ports', () => {
    expect(edgeTexts(chart).sort()).toEqual(
      [
        // frontend-from-anywhere: any source, TCP 8080 (the shop sources are egress-isolated and never allowed to it).
        'debug -> frontend: TCP 8080',
        'coredns-1 -> frontend: TCP 8080',
        'prometheus -> frontend: TCP 8080',
        // backend-metrics-from-monitoring.
        'prometheus -> backend: TCP 9090',
        // allow-dns: shop pods to CoreDNS on 53 (not 9153).
        'backend -> coredns-1: UDP 53, TCP 53',
        'frontend -> coredns-1: UDP 53, TCP 53',
        // frontend-to-backend egress and backend-from-frontend ingress: both halves.
        'frontend -> backend: TCP 8080',
      ].sort(),
    );
    expect(description).toMatch(/^Allowed connections that involve a pod isolated by a NetworkPolicy: /);
    expect(description).toContain('shop/frontend to shop/backend on TCP 8080');
    expect(description).toContain('shop/backend to kube-system/coredns-1 on UDP 53 and TCP 53');
    expect(description).toMatch(/Every other connection to or from an isolated pod is denied\.$/);
  });

  it('follows the matrix it is given: one probed port leaves only the connections allowed on it', () => {
    const graph = policyGraph(cluster, policyMatrix(cluster, { port: { protocol: 'TCP', port: 9090 } }));
    expect(edgeTexts(parseFlowchart(graph.mermaid))).toEqual(['prometheus -> backend: TCP 9090']);
  });
});

describe('policy view without policies', () => {
  it('draws the pods and no edge, and says so', async () => {
    const cluster = await exampleCluster('services-dns');
    const matrix = policyMatrix(cluster);
    const graph = policyGraph(cluster, matrix);
    const chart = parseFlowchart(graph.mermaid);
    expect(chart.nodes.size).toBe(matrix.pods.length);
    expect(chart.edges).toEqual([]);
    expect(graph.description).toBe('No connection to or from an isolated pod is allowed.');
    expect(matrix.cells.flat().some((cell) => involvesIsolatedPod(cluster, cell))).toBe(false);
  });
});

describe('involvesIsolatedPod', () => {
  it('is true when the source is isolated for egress or the destination for ingress', async () => {
    const cluster = await exampleCluster('network-policy');
    const cells = policyMatrix(cluster).cells.flat();
    const cell = (from: string, to: string) => cells.find((c) => c.from === from && c.to === to)!;
    expect(involvesIsolatedPod(cluster, cell('shop/frontend', 'monitoring/prometheus'))).toBe(true);
    expect(involvesIsolatedPod(cluster, cell('monitoring/prometheus', 'shop/backend'))).toBe(true);
    expect(involvesIsolatedPod(cluster, cell('monitoring/prometheus', 'default/debug'))).toBe(false);
  });
});
