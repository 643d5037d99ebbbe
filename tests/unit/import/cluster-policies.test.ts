/**
 * ClusterNetworkPolicy import: the hand-made v1beta1/v1alpha2 fixture on the hand-made kubeadm
 * cluster (tests/fixtures/kubectl), and single objects for the edge cases.
 */
import { describe, expect, it } from 'vitest';
import { importClusterPolicy } from '../../../src/import/cluster-policies.ts';
import { formatIssue, importCluster } from '../../../src/import/index.ts';
import { IssueCollector } from '../../../src/import/issues.ts';
import { Reader, type Json } from '../../../src/import/read.ts';
import { fixtureText, OWN_FIXTURES } from './fixture-files.ts';

const CLUSTER = 'kubeadm-flannel-3node.json';
const POLICIES = 'shop-clusternetworkpolicies.yaml';

function reader(value: Json, issues: IssueCollector): Reader {
  return new Reader(value, { path: 'items[0]' }, issues);
}

function cnp(spec: Json, apiVersion = 'policy.networking.k8s.io/v1beta1'): Json {
  return { apiVersion, kind: 'ClusterNetworkPolicy', metadata: { name: 'p' }, spec };
}

describe('ClusterNetworkPolicies of the hand-made shop cluster', () => {
  const r = importCluster([
    { name: CLUSTER, text: fixtureText(OWN_FIXTURES, CLUSTER) },
    { name: POLICIES, text: fixtureText(OWN_FIXTURES, POLICIES) },
  ]);
  const cnpWarnings = r.warnings.filter((w) => w.source === POLICIES).map(formatIssue);

  it('reads v1beta1 and v1alpha2 objects into the model, and it validates', () => {
    expect(r.cluster.clusterNetworkPolicies?.map((p) => `${p.name} ${p.tier} ${p.priority}`)).toEqual(['cluster-dns Admin 10', 'shop-egress Admin 20', 'default-deny-ingress Baseline 20']);
    expect(r.counts.clusterNetworkPolicies).toBe(3);
    expect(r.cluster.description).toContain('3 ClusterNetworkPolicies');
    expect(r.errors).toEqual([]);
    expect(r.validation).toEqual([]);
    expect(r.resolved?.clusterNetworkPolicies).toHaveLength(3);
  });

  it('keeps selectors with matchExpressions, port ranges and named ports', () => {
    const [dns, shop, baseline] = r.cluster.clusterNetworkPolicies!;
    expect(dns?.egress?.[0]?.protocols).toEqual([{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }]);
    expect(shop?.subject).toEqual({
      pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] } },
    });
    expect(shop?.egress).toEqual([
      { name: 'deny-node-ports', action: 'Deny', to: [{ networks: ['192.168.56.0/24'] }], protocols: [{ tcp: { destinationPort: { range: { start: 30000, end: 32767 } } } }] },
    ]);
    expect(baseline?.ingress?.[0]?.protocols).toEqual([{ destinationNamedPort: 'http' }]);
  });

  it('warns, located, about the experimental peers and the rule left without one', () => {
    expect(cnpWarnings).toEqual([
      `${POLICIES}: items[1].spec.egress[0].to[0].domainNames: ClusterNetworkPolicy shop-egress: this peer is not shown: the experimental domainNames peer (egress by DNS name) is not modelled`,
      `${POLICIES}: items[1].spec.egress[0]: ClusterNetworkPolicy shop-egress: egress rule accept-payments (Accept) was left out: the model holds none of its peers, so what it does to them is not shown; an implementation without these experimental peers treats it as matching no traffic`,
      `${POLICIES}: items[1].spec.egress[1].to[0].nodes: ClusterNetworkPolicy shop-egress: this peer is not shown: the experimental nodes peer (node IPs by node labels) is not modelled`,
    ]);
  });
});

describe('importClusterPolicy', () => {
  it('does not read another API group’s ClusterNetworkPolicy, and counts it as not read', () => {
    const issues = new IssueCollector();
    const antrea = cnp({ priority: 5, tier: 'securityops' }, 'crd.antrea.io/v1beta1');
    expect(importClusterPolicy(reader(antrea, issues), issues)).toBeUndefined();
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[0].apiVersion']);
    const r = importCluster(JSON.stringify({ kind: 'List', items: [antrea] }));
    expect(r.ignored).toEqual({ ClusterNetworkPolicy: 1 });
    expect(r.counts.clusterNetworkPolicies).toBeUndefined();
  });

  it('leaves out a policy without a valid tier or priority, with a located error', () => {
    const issues = new IssueCollector();
    expect(importClusterPolicy(reader(cnp({ tier: 'Developer', priority: 1, subject: { namespaces: {} } }), issues), issues)).toBeUndefined();
    expect(importClusterPolicy(reader(cnp({ tier: 'Admin', subject: { namespaces: {} } }), issues), issues)).toBeUndefined();
    expect(issues.errors.map((e) => e.path)).toEqual(['items[0].spec.tier', 'items[0].spec.tier', 'items[0].spec.priority']);
  });

  it('warns about fields outside the schema, and keeps the rest', () => {
    const issues = new IssueCollector();
    const p = importClusterPolicy(reader(cnp({
      tier: 'Baseline',
      priority: 3,
      subject: { namespaces: {} },
      ingress: [{ action: 'Deny', from: [{ namespaces: {}, networks: ['10.0.0.0/8'] }], logging: true }],
    }), issues), issues);
    expect(p?.policy.ingress).toEqual([{ action: 'Deny', from: [{ namespaces: {} }] }]);
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[0].spec.ingress[0].logging', 'items[0].spec.ingress[0].from[0].networks']);
  });

  it('locates a validation finding of an imported policy at its object', () => {
    const node = { kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: '10.244.0.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.1.10' }] } };
    const policy = cnp({ tier: 'Admin', priority: 1001, subject: { namespaces: {} } });
    const r = importCluster(JSON.stringify({ kind: 'List', items: [node, policy] }));
    const finding = r.validation.find((d) => d.path.startsWith('clusterNetworkPolicies[0]'));
    expect(finding).toMatchObject({ severity: 'error', path: 'clusterNetworkPolicies[0].priority', source: { path: 'items[1].spec.priority' } });
  });
});
