import { describe, expect, it } from 'vitest';
import { podNameLines, wrapText } from '../../../src/mermaid/labels.ts';
import { topologyView } from '../../../src/mermaid/topology-view.ts';
import { exampleCluster } from './clusters.ts';
import { parseFlowchart } from './support/flowchart-structure.ts';

describe('wrapText', () => {
  it('breaks at spaces so no line passes the width', () => {
    expect(wrapText('route 10.244.2.0/24 via 10.244.2.0: flannel.1 wraps it in VXLAN', 20)).toEqual([
      'route 10.244.2.0/24',
      'via 10.244.2.0:',
      'flannel.1 wraps it',
      'in VXLAN',
    ]);
  });
  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrapText('chain KUBE-SVC-IWCJJAMV7TQADP7P next', 10)).toEqual(['chain', 'KUBE-SVC-IWCJJAMV7TQADP7P', 'next']);
  });
  it('collapses runs of whitespace and returns nothing for blank text', () => {
    expect(wrapText('  a \n b  ', 10)).toEqual(['a b']);
    expect(wrapText('   ', 10)).toEqual([]);
  });
});

describe('podNameLines', () => {
  it('keeps namespace/name on one line, and splits after the / when a real Deployment pod name is too long', async () => {
    const cluster = structuredClone(await exampleCluster('ingress-gateway'));
    const pod = cluster.nodes.flatMap((n) => n.pods).find((p) => p.namespace === 'ingress')!;
    expect(podNameLines(pod)).toEqual([`ingress/${pod.name}`]);
    pod.namespace = 'kube-system';
    pod.name = 'coredns-7c65d6cfc9-4xq8p';
    expect(podNameLines(pod)).toEqual(['kube-system/', 'coredns-7c65d6cfc9-4xq8p']);
    // The topology view draws the two lines in the pod's box.
    const label = [...parseFlowchart(topologyView(cluster)).nodes.values()].find((n) => n.label.includes('coredns-7c65d6cfc9-4xq8p'))!.label;
    expect(label.split('\n').slice(0, 2)).toEqual(['kube-system/', 'coredns-7c65d6cfc9-4xq8p']);
  });

  it('never splits a pod in the default namespace, written without one', async () => {
    const cluster = structuredClone(await exampleCluster('ingress-gateway'));
    const pod = cluster.nodes.flatMap((n) => n.pods)[0]!;
    pod.namespace = 'default';
    pod.name = 'a-very-long-statefulset-name-with-ordinal-0';
    expect(podNameLines(pod)).toEqual([pod.name]);
  });
});
