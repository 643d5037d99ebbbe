import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { resolveCluster } from '../../../src/model/index.ts';
import { clusterNetworkPolicyManifests, clusterNetworkPolicyObject } from '../../../src/derive/cluster-policy-manifest.ts';
import example from '../../../diagrams/cluster-network-policy.ts';

// kubernetes-sigs/network-policy-api site-src/user-story-examples/user-story-5.yaml (comment dropped).
const USER_STORY_5 = `apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata:
  name: default
spec:
  tier: Baseline
  priority: 10
  subject:
    namespaces: {}
  ingress:
    - action: Deny
      from:
      - namespaces: {}
`;

describe('ClusterNetworkPolicy manifests', () => {
  it("writes upstream's user story 5 (cluster-wide default deny) object for object", () => {
    const policy = { name: 'default', tier: 'Baseline' as const, priority: 10, subject: { namespaces: {} }, ingress: [{ action: 'Deny' as const, from: [{ namespaces: {} }] }], egress: [] };
    expect(clusterNetworkPolicyObject(policy, 'policy.networking.k8s.io/v1alpha2')).toEqual(parse(USER_STORY_5));
  });

  it('writes one v1beta1 document per policy of the example, leaving empty rule lists out', () => {
    const c = resolveCluster(example, 'cluster-network-policy');
    const docs = parseAllDocuments(clusterNetworkPolicyManifests(c.clusterNetworkPolicies!)).map((d) => d.toJS());
    expect(docs.map((d) => `${d.apiVersion} ${d.metadata.name}`)).toEqual(c.clusterNetworkPolicies!.map((p) => `policy.networking.k8s.io/v1beta1 ${p.name}`));
    const dns = docs.find((d) => d.metadata.name === 'cluster-dns');
    expect(Object.keys(dns.spec)).toEqual(['tier', 'priority', 'subject', 'egress']);
    expect(dns.spec.egress[0].protocols).toEqual([{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }]);
  });
});
