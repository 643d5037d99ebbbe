// Dual-stack clusters in the pictures and their descriptions: the second family's addresses sit
// on lines of their own, and a headless Service says which record types DNS gives its pods.
import { describe, expect, it } from 'vitest';
import { describeTopology } from '../../../src/mermaid/describe.ts';
import { servicesView } from '../../../src/mermaid/services-view.ts';
import { nodeTitle, topologyView } from '../../../src/mermaid/topology-view.ts';
import { validateCluster, type ClusterInput } from '../../../src/model/index.ts';
import definition from '../../../diagrams/dual-stack.ts';

const resolve = (input: ClusterInput) => validateCluster(input, { file: 'diagrams/dual-stack.ts' }).cluster!;
const cluster = resolve(definition);

describe('dual-stack views', () => {
  it('titles a node with both addresses and both pod ranges', () => {
    expect(nodeTitle(cluster.nodes[1]!)).toEqual(['node-2', 'eth0 192.168.1.12', 'fd00:192:168:1::12', 'podCIDR 10.244.1.0/24', 'fd00:10:244:1::/64']);
  });
  it('labels pods and dual-stack Services with both addresses', () => {
    // An IPv6 address keeps its colons in the label (src/mermaid/escape.ts); other colons are '#58;'.
    expect(topologyView(cluster)).toContain('web-2<br>10.244.1.2<br>fd00:10:244:1::2');
    expect(servicesView(cluster)).toContain('ClusterIP 10.96.0.2<br>fd00:10:96::1');
  });
  it('says which records a headless Service gets, by its families', () => {
    expect(servicesView(cluster)).toContain('DNS#58; an A record per pod');
    const input = structuredClone(definition) as ClusterInput;
    input.services!.find((s) => s.name === 'db')!.ipFamilyPolicy = 'PreferDualStack';
    expect(servicesView(resolve(input))).toContain('DNS#58; A and AAAA records per pod');
  });
  it('describes both families of ranges and addresses', () => {
    expect(describeTopology(cluster)).toContain('Pods get addresses from 10.244.0.0/16 and fd00:10:244::/56; Services from 10.96.0.0/16 and fd00:10:96::/112.');
    expect(describeTopology(cluster)).toContain('web-1 (10.244.0.3 and fd00:10:244::3)');
  });
});
