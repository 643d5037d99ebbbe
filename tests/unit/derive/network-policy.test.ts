// Each test states one NetworkPolicy rule and checks the matrix against it. Sources:
// - Kubernetes docs, Network Policies: https://kubernetes.io/docs/concepts/services-networking/network-policies/
// - kubernetes/api networking/v1/types.go: https://github.com/kubernetes/api/blob/master/networking/v1/types.go
// - KEP-2079 (endPort, GA in v1.25): https://www.kubernetes.dev/resources/keps/2079/
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defineCluster, resolveCluster } from '../../../src/model/index.ts';
import type { Cluster, NetworkPolicyInput, NamespaceInput, PodInput } from '../../../src/model/types.ts';
import {
  connectionVerdict,
  describeCell,
  egressToExternal,
  ingressFromExternal,
  isIsolated,
  policyMatrix,
  type PortProbe,
} from '../../../src/derive/network-policy.ts';
import { findPod } from '../../../src/derive/lookup.ts';
import { DEFAULT_CLIENT_IP, packetWalk } from '../../../src/derive/packet-walk.ts';
import networkPolicyDefinition from '../../../diagrams/network-policy.ts';
import ingressGatewayDefinition from '../../../diagrams/ingress-gateway.ts';

type PodSpec = Omit<PodInput, 'ip'>;

const TCP = (port?: number): PortProbe => (port === undefined ? { protocol: 'TCP' } : { protocol: 'TCP', port });

/** A one-node Calico cluster with the given pods (IPs assigned in order), namespaces and policies. */
function cluster(pods: PodSpec[], policies: NetworkPolicyInput[] = [], namespaces: NamespaceInput[] = []): Cluster {
  return resolveCluster(defineCluster({
    title: 'Test', description: 'Test cluster',
    network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '172.16.0.0/16' },
    plugin: { name: 'calico', mode: 'bgp' },
    namespaces,
    nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '172.16.0.0/24', pods: pods.map((p, i) => ({ ...p, ip: `172.16.0.${i + 10}` })) }],
    networkPolicies: policies,
  }), 'test');
}

function allowed(c: Cluster, from: string, to: string, port: PortProbe = TCP(80)): boolean {
  return connectionVerdict(c, findPod(c, from), findPod(c, to), port).allowed;
}

describe('isolation (docs: "The two sorts of pod isolation")', () => {
  it('allows everything when no policy selects a pod', () => {
    const c = cluster([{ name: 'a' }, { name: 'b' }]);
    const m = policyMatrix(c);
    expect(m.cells.flat().every((cell) => cell.summary === 'allowed')).toBe(true);
  });

  it('isolates only the direction named in policyTypes', () => {
    const c = cluster([{ name: 'a' }, { name: 'b', labels: { app: 'b' } }], [
      { name: 'b-ingress', podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Ingress'] },
    ]);
    const b = findPod(c, 'b');
    expect(isIsolated(c, b, 'Ingress')).toBe(true);
    expect(isIsolated(c, b, 'Egress')).toBe(false);
    expect(allowed(c, 'a', 'b')).toBe(false); // b accepts nothing
    expect(allowed(c, 'b', 'a')).toBe(true); // b may still send anywhere
  });

  it('defaults policyTypes as the API does: Ingress always, Egress only when egress rules exist', () => {
    // types.go PolicyTypes: "If this field is not specified, it will default based on the existence of ingress or egress rules".
    const c = cluster([{ name: 'a' }, { name: 'b' }], [{ name: 'deny-ingress', podSelector: {} }]);
    expect(c.networkPolicies[0]!.policyTypes).toEqual(['Ingress']);
    expect(isIsolated(c, findPod(c, 'a'), 'Egress')).toBe(false);
    const withEgress = cluster([{ name: 'a' }], [{ name: 'e', podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }]);
    expect(withEgress.networkPolicies[0]!.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  it('ignores the rules of a direction the policy does not isolate', () => {
    // policyTypes [Egress] with an ingress section: the pod is not isolated for ingress at all.
    const c = cluster([{ name: 'a' }, { name: 'b' }], [
      { name: 'egress-only', podSelector: {}, policyTypes: ['Egress'], ingress: [{ from: [{ podSelector: { matchLabels: { none: 'x' } } }] }] },
    ]);
    expect(isIsolated(c, findPod(c, 'b'), 'Ingress')).toBe(false);
    expect(allowed(c, 'a', 'b')).toBe(false); // denied by a's egress isolation, not b's ingress
    expect(connectionVerdict(c, findPod(c, 'a'), findPod(c, 'b'), TCP(80)).ingress.allowed).toBe(true);
  });

  it('selects pods only in the policy\'s own namespace', () => {
    const c = cluster([{ name: 'a', namespace: 'one' }, { name: 'b', namespace: 'two' }], [
      { name: 'deny-all', namespace: 'one', podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    ]);
    expect(isIsolated(c, findPod(c, 'one/a'), 'Ingress')).toBe(true);
    expect(isIsolated(c, findPod(c, 'two/b'), 'Ingress')).toBe(false);
  });

  it('leaves hostNetwork pods out of the matrix (their policy behaviour is plugin-defined)', () => {
    const c = resolveCluster(defineCluster({
      title: 'Test', description: 'Test cluster',
      network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '172.16.0.0/16' },
      plugin: { name: 'calico', mode: 'bgp' },
      nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '172.16.0.0/24', pods: [{ name: 'a', ip: '172.16.0.10' }, { name: 'agent', hostNetwork: true }] }],
    }), 'test');
    expect(policyMatrix(c).pods).toEqual(['default/a']);
    expect(policyMatrix(c, { includeHostNetwork: true }).pods).toEqual(['default/a', 'default/agent']);
  });

  it('never blocks a pod talking to itself ("a pod cannot block access to itself")', () => {
    const c = cluster([{ name: 'a' }], [{ name: 'deny-all', podSelector: {}, policyTypes: ['Ingress', 'Egress'] }]);
    const cell = policyMatrix(c).cells[0]![0]!;
    expect(cell.self).toBe(true);
    expect(cell.summary).toBe('allowed');
  });
});

describe('policies add up (docs: "Network policies do not conflict; they are additive")', () => {
  const pods: PodSpec[] = [{ name: 'x', labels: { role: 'x' } }, { name: 'y', labels: { role: 'y' } }, { name: 'z', labels: { role: 'z' } }, { name: 'db', labels: { role: 'db' } }];
  const fromX: NetworkPolicyInput = { name: 'from-x', podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'x' } } }] }] };
  const fromY: NetworkPolicyInput = { name: 'from-y', podSelector: { matchLabels: { role: 'db' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'y' } } }] }] };

  it('allows the union of the rules of every policy selecting the pod', () => {
    const c = cluster(pods, [fromX, fromY]);
    expect(allowed(c, 'x', 'db')).toBe(true);
    expect(allowed(c, 'y', 'db')).toBe(true);
    expect(allowed(c, 'z', 'db')).toBe(false);
  });

  it('gives the same result in any order', () => {
    expect(policyMatrix(cluster(pods, [fromX, fromY]))).toEqual(policyMatrix(cluster(pods, [fromY, fromX])));
  });

  it('records every policy that allows a connection', () => {
    const both: NetworkPolicyInput = { name: 'from-any', podSelector: { matchLabels: { role: 'db' } }, ingress: [{}] };
    const c = cluster(pods, [fromX, both]);
    const v = connectionVerdict(c, findPod(c, 'x'), findPod(c, 'db'), TCP(80));
    expect(v.ingress.allowedBy).toEqual([{ policy: 'default/from-x', rule: 0 }, { policy: 'default/from-any', rule: 0 }]);
  });
});

describe('both ends must agree (docs: "both the egress policy on the source pod and the ingress policy on the destination pod need to allow the traffic")', () => {
  it('denies when the destination allows but the source\'s egress does not', () => {
    const c = cluster([{ name: 'a', labels: { app: 'a' } }, { name: 'b', labels: { app: 'b' } }], [
      { name: 'a-no-egress', podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'] },
      { name: 'b-from-a', podSelector: { matchLabels: { app: 'b' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }] }] },
    ]);
    const v = connectionVerdict(c, findPod(c, 'a'), findPod(c, 'b'), TCP(80));
    expect(v.ingress.allowed).toBe(true);
    expect(v.egress.allowed).toBe(false);
    expect(v.allowed).toBe(false);
  });
});

describe('selectors in from/to (docs: "Behavior of to and from selectors")', () => {
  const namespaces: NamespaceInput[] = [{ name: 'alice-ns', labels: { user: 'alice' } }, { name: 'bob-ns', labels: { user: 'bob' } }];
  const pods: PodSpec[] = [
    { name: 'server', labels: { app: 'server' } },
    { name: 'local-client', labels: { role: 'client' } }, // role=client in the policy's namespace (default)
    { name: 'alice-client', namespace: 'alice-ns', labels: { role: 'client' } },
    { name: 'alice-other', namespace: 'alice-ns', labels: { role: 'other' } },
    { name: 'bob-client', namespace: 'bob-ns', labels: { role: 'client' } },
  ];

  it('ANDs namespaceSelector and podSelector in one from element (the docs\' first YAML)', () => {
    const c = cluster(pods, [{
      name: 'and', podSelector: { matchLabels: { app: 'server' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { user: 'alice' } }, podSelector: { matchLabels: { role: 'client' } } }] }],
    }], namespaces);
    // "allowing connections from Pods with the label role=client in namespaces with the label user=alice"
    expect(allowed(c, 'alice-ns/alice-client', 'server')).toBe(true);
    expect(allowed(c, 'alice-ns/alice-other', 'server')).toBe(false);
    expect(allowed(c, 'local-client', 'server')).toBe(false);
    expect(allowed(c, 'bob-ns/bob-client', 'server')).toBe(false);
  });

  it('ORs two from elements (the docs\' second YAML)', () => {
    const c = cluster(pods, [{
      name: 'or', podSelector: { matchLabels: { app: 'server' } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { user: 'alice' } } }, { podSelector: { matchLabels: { role: 'client' } } }] }],
    }], namespaces);
    // "allows connections from Pods in the local Namespace with the label role=client, or from any Pod in any namespace with the label user=alice"
    expect(allowed(c, 'alice-ns/alice-client', 'server')).toBe(true);
    expect(allowed(c, 'alice-ns/alice-other', 'server')).toBe(true);
    expect(allowed(c, 'local-client', 'server')).toBe(true);
    expect(allowed(c, 'bob-ns/bob-client', 'server')).toBe(false); // role=client, but not in the local namespace
  });

  it('matches a podSelector alone only in the policy\'s namespace', () => {
    const c = cluster(pods, [{ name: 'p', podSelector: { matchLabels: { app: 'server' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }] }] }], namespaces);
    expect(allowed(c, 'local-client', 'server')).toBe(true);
    expect(allowed(c, 'alice-ns/alice-client', 'server')).toBe(false);
  });

  it('selects every namespace with an empty namespaceSelector, and one by its kubernetes.io/metadata.name label', () => {
    const all = cluster(pods, [{ name: 'p', podSelector: { matchLabels: { app: 'server' } }, ingress: [{ from: [{ namespaceSelector: {} }] }] }], namespaces);
    expect(['local-client', 'alice-ns/alice-other', 'bob-ns/bob-client'].every((p) => allowed(all, p, 'server'))).toBe(true);
    const byName = cluster(pods, [{ name: 'p', podSelector: { matchLabels: { app: 'server' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'bob-ns' } } }] }] }], namespaces);
    expect(allowed(byName, 'bob-ns/bob-client', 'server')).toBe(true);
    expect(allowed(byName, 'alice-ns/alice-client', 'server')).toBe(false);
  });

  it('matches every source when from is empty, and nothing when ingress has no rules', () => {
    // types.go: "If this field is empty or missing, this rule matches all sources".
    const open = cluster(pods, [{ name: 'p', podSelector: { matchLabels: { app: 'server' } }, ingress: [{}] }], namespaces);
    expect(['local-client', 'alice-ns/alice-other', 'bob-ns/bob-client'].every((p) => allowed(open, p, 'server'))).toBe(true);
    // types.go: "If this field is empty then this NetworkPolicy does not allow any traffic".
    const closed = cluster(pods, [{ name: 'p', podSelector: { matchLabels: { app: 'server' } }, ingress: [] }], namespaces);
    expect(allowed(closed, 'local-client', 'server')).toBe(false);
  });
});

describe('matchExpressions (metav1.LabelSelectorRequirement; pkg/labels Requirement.Matches)', () => {
  const namespaces: NamespaceInput[] = [{ name: 'prod', labels: { env: 'prod' } }, { name: 'dev', labels: { env: 'dev' } }, { name: 'scratch' }];
  const pods: PodSpec[] = [
    { name: 'db', labels: { app: 'db' } },
    { name: 'api', labels: { app: 'api', tier: 'backend' } },
    { name: 'web', labels: { app: 'web', tier: 'frontend' } },
    { name: 'job', labels: { app: 'job' } },
    { name: 'legacy', labels: { app: 'old', legacy: 'true' } },
    { name: 'prod-api', namespace: 'prod', labels: { app: 'api' } },
    { name: 'dev-api', namespace: 'dev', labels: { app: 'api' } },
    { name: 'scratch-api', namespace: 'scratch', labels: { app: 'api' } },
  ];
  const toDb = (peer: NonNullable<NetworkPolicyInput['ingress']>[number]['from']): NetworkPolicyInput =>
    ({ name: 'db', podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: peer }] });

  it('In: the label is set to one of the values', () => {
    const c = cluster(pods, [toDb([{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend', 'batch'] }] } }])], namespaces);
    expect(allowed(c, 'api', 'db')).toBe(true);
    expect(allowed(c, 'web', 'db')).toBe(false);
    expect(allowed(c, 'job', 'db')).toBe(false); // no tier label
  });
  it('NotIn: the label is missing or set to none of the values', () => {
    const c = cluster(pods, [toDb([{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['frontend'] }] } }])], namespaces);
    expect(allowed(c, 'api', 'db')).toBe(true);
    expect(allowed(c, 'job', 'db')).toBe(true); // missing label satisfies NotIn
    expect(allowed(c, 'web', 'db')).toBe(false);
  });
  it('Exists and DoesNotExist test the key alone, ANDed with matchLabels', () => {
    const c = cluster(pods, [toDb([{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }, { key: 'legacy', operator: 'DoesNotExist' }] } }])], namespaces);
    expect(['api', 'web'].map((p) => allowed(c, p, 'db'))).toEqual([true, true]);
    expect(['job', 'legacy'].map((p) => allowed(c, p, 'db'))).toEqual([false, false]);
    const both = cluster(pods, [toDb([{ podSelector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] } }])], namespaces);
    expect(allowed(both, 'web', 'db')).toBe(true);
    expect(allowed(both, 'api', 'db')).toBe(false);
  });
  it('selects namespaces with matchExpressions, and the policy\'s own pods with them too', () => {
    const c = cluster(pods, [toDb([{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] } }])], namespaces);
    expect(allowed(c, 'prod/prod-api', 'db')).toBe(true);
    expect(allowed(c, 'dev/dev-api', 'db')).toBe(false);
    const notDev = cluster(pods, [toDb([{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] } }])], namespaces);
    expect(allowed(notDev, 'scratch/scratch-api', 'db')).toBe(true); // no env label
    expect(allowed(notDev, 'dev/dev-api', 'db')).toBe(false);
    const isolatedByExpression = cluster(pods, [{ name: 'p', podSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, ingress: [] }], namespaces);
    expect(isIsolated(isolatedByExpression, findPod(isolatedByExpression, 'api'), 'Ingress')).toBe(true);
    expect(isIsolated(isolatedByExpression, findPod(isolatedByExpression, 'db'), 'Ingress')).toBe(false);
  });
});

describe('ipBlock (docs: "These should be cluster-external IPs, since Pod IPs are ephemeral and unpredictable")', () => {
  // The docs' example: ingress from 172.17.0.0/16 except 172.17.1.0/24, egress to 10.0.0.0/24 on TCP 5978.
  const c = cluster([{ name: 'db', labels: { role: 'db' } }], [{
    name: 'test-network-policy', podSelector: { matchLabels: { role: 'db' } }, policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }], ports: [{ protocol: 'TCP', port: 6379 }] }],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
  }]);
  const db = findPod(c, 'db');

  it('allows external sources inside the cidr and outside every except', () => {
    expect(ingressFromExternal(c, db, { ip: '172.17.0.9' }, TCP(6379)).allowed).toBe(true);
    expect(ingressFromExternal(c, db, { ip: '172.17.2.1' }, TCP(6379)).allowed).toBe(true);
    expect(ingressFromExternal(c, db, { ip: '172.17.1.5' }, TCP(6379)).allowed).toBe(false);
    expect(ingressFromExternal(c, db, { ip: '172.18.0.1' }, TCP(6379)).allowed).toBe(false);
  });

  it('allows egress to external destinations in the block on the listed port only', () => {
    expect(egressToExternal(c, db, { ip: '10.0.0.7' }, TCP(5978)).allowed).toBe(true);
    expect(egressToExternal(c, db, { ip: '10.0.0.7' }, TCP(5979)).allowed).toBe(false);
    expect(egressToExternal(c, db, { ip: '10.0.1.7' }, TCP(5978)).allowed).toBe(false);
  });

  it('never matches an external address with a pod or namespace selector', () => {
    const open = cluster([{ name: 'a' }], [{ name: 'p', podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: {} }, { namespaceSelector: {} }] }] }]);
    expect(egressToExternal(open, findPod(open, 'a'), { ip: '8.8.8.8' }, TCP(443)).allowed).toBe(false);
  });

  it('matches a pod IP as plugins that filter on addresses do, and flags it', () => {
    const pc = cluster([{ name: 'a' }, { name: 'b', labels: { app: 'b' } }], [
      { name: 'b-from-cidr', podSelector: { matchLabels: { app: 'b' } }, ingress: [{ from: [{ ipBlock: { cidr: '172.16.0.10/32' } }] }] },
    ]);
    const v = connectionVerdict(pc, findPod(pc, 'a'), findPod(pc, 'b'), TCP(80));
    expect(v.allowed).toBe(true);
    expect(v.ingress.viaIpBlock).toBe(true);
  });
});

describe('ports (types.go NetworkPolicyPort)', () => {
  const pods: PodSpec[] = [{ name: 'client' }, { name: 'server', labels: { app: 's' }, ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' as const }] }];
  const withPorts = (ports: NetworkPolicyInput['ingress']) => cluster(pods, [{ name: 'p', podSelector: { matchLabels: { app: 's' } }, ingress: ports }]);

  it('defaults the protocol to TCP', () => {
    const c = withPorts([{ ports: [{ port: 53 }] }]);
    expect(allowed(c, 'client', 'server', TCP(53))).toBe(true);
    expect(allowed(c, 'client', 'server', { protocol: 'UDP', port: 53 })).toBe(false);
  });

  it('matches a named port against the destination pod\'s container port', () => {
    const c = withPorts([{ ports: [{ port: 'http' }] }]);
    expect(allowed(c, 'client', 'server', TCP(8080))).toBe(true);
    expect(allowed(c, 'client', 'server', TCP(80))).toBe(false);
  });

  it('matches port..endPort inclusive (endPort, GA in v1.25)', () => {
    const c = withPorts([{ ports: [{ port: 32000, endPort: 32768 }] }]);
    expect(allowed(c, 'client', 'server', TCP(32000))).toBe(true);
    expect(allowed(c, 'client', 'server', TCP(32768))).toBe(true);
    expect(allowed(c, 'client', 'server', TCP(32769))).toBe(false);
  });

  it('matches every port of the protocol when port is left out, and every port when ports is empty', () => {
    const c = withPorts([{ ports: [{ protocol: 'UDP' }] }]);
    expect(allowed(c, 'client', 'server', { protocol: 'UDP', port: 5353 })).toBe(true);
    expect(allowed(c, 'client', 'server', TCP(5353))).toBe(false);
    const any = withPorts([{ ports: [] }]);
    expect(allowed(any, 'client', 'server', TCP(1))).toBe(true);
  });

  it('needs from AND ports of the same rule to match', () => {
    const c = cluster([...pods, { name: 'other', labels: { app: 'o' } }], [{
      name: 'p', podSelector: { matchLabels: { app: 's' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'o' } } }], ports: [{ port: 8080 }] }],
    }]);
    expect(allowed(c, 'other', 'server', TCP(8080))).toBe(true);
    expect(allowed(c, 'client', 'server', TCP(8080))).toBe(false);
    expect(allowed(c, 'other', 'server', TCP(9090))).toBe(false);
  });
});

describe('the worked example, diagrams/network-policy.ts', () => {
  const c = resolveCluster(networkPolicyDefinition, 'network-policy');
  const m = policyMatrix(c);
  const cell = (from: string, to: string) => m.cells[m.pods.indexOf(from)]![m.pods.indexOf(to)]!;

  it('lists the pods sorted by namespace', () => {
    expect(m.pods).toEqual(['default/debug', 'kube-system/coredns-1', 'monitoring/prometheus', 'shop/backend', 'shop/frontend']);
  });

  it('lets frontend reach backend on 8080 only: both ends allow it', () => {
    expect(describeCell(cell('shop/frontend', 'shop/backend'))).toBe('allowed: TCP 8080; denied: TCP 9090');
  });

  it('lets the monitoring namespace scrape backend metrics only', () => {
    expect(describeCell(cell('monitoring/prometheus', 'shop/backend'))).toBe('allowed: TCP 9090; denied: TCP 8080');
  });

  it('lets anyone reach frontend on 8080 except shop pods without an egress rule for it', () => {
    expect(cell('default/debug', 'shop/frontend').summary).toBe('allowed');
    expect(cell('monitoring/prometheus', 'shop/frontend').summary).toBe('allowed');
    expect(cell('shop/backend', 'shop/frontend').summary).toBe('denied');
  });

  it('lets shop pods resolve names (port 53 on CoreDNS, AND-ed selectors) but nothing else in kube-system', () => {
    expect(describeCell(cell('shop/frontend', 'kube-system/coredns-1'))).toBe('allowed: UDP 53, TCP 53; denied: TCP 9153');
    expect(describeCell(cell('shop/backend', 'kube-system/coredns-1'))).toBe('allowed: UDP 53, TCP 53; denied: TCP 9153');
  });

  it('keeps backend from opening connections except DNS, and debug out of shop', () => {
    expect(cell('shop/backend', 'monitoring/prometheus').summary).toBe('denied');
    expect(cell('default/debug', 'shop/backend').summary).toBe('denied');
    expect(cell('shop/frontend', 'default/debug').summary).toBe('denied');
  });

  it('leaves pods outside shop unrestricted among themselves', () => {
    for (const from of ['default/debug', 'kube-system/coredns-1', 'monitoring/prometheus']) {
      for (const to of ['default/debug', 'kube-system/coredns-1', 'monitoring/prometheus']) expect(cell(from, to).summary).toBe('allowed');
    }
  });
});

describe('the pages agree with their cluster definitions', () => {
  // Hand-written parts of docs/*.mdx must say what the definitions and derivations say.
  const read = (file: string): string => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

  it('docs/network-policy.mdx describes every policy of diagrams/network-policy.ts and no other', () => {
    const page = read('docs/network-policy.mdx');
    const listed = [...page.matchAll(/^- `([a-z0-9-]+)` selects /gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(resolveCluster(networkPolicyDefinition, 'network-policy').networkPolicies.map((p) => p.name).sort());
  });

  it('docs/ingress-and-gateway.mdx walks the addresses the packet-walk derivation computes', () => {
    const cluster = resolveCluster(ingressGatewayDefinition, 'ingress-gateway');
    const walk = packetWalk(cluster, { kind: 'external-through-ingress', ingress: 'default/shop', host: 'shop.example.com', path: '/api/orders', node: 'node-2' });
    const page = read('docs/ingress-and-gateway.mdx');
    // The walk itself is drawn from the derivation; the prose quotes its masquerade source.
    expect(page).toMatch(/<PacketWalk\s+cluster="ingress-gateway"\s+ingress="default\/shop"\s+host="shop\.example\.com"\s+path="\/api\/orders"\s+node="node-2"/);
    const masquerade = walk.hops.flatMap((h) => h.steps).find((s) => s.kind === 'masquerade');
    if (masquerade?.kind !== 'masquerade') throw new Error('the ingress walk has no masquerade step');
    const [address, port] = masquerade.to.split(':');
    expect(page).toContain(`to \`${address}\``);
    expect(page).toContain(`(\`${port}\` below is`);
    expect(walk.hops[0]!.packet.src).toBe(`${DEFAULT_CLIENT_IP}:40000`);
  });
});
