/**
 * ClusterNetworkPolicy tiers, checked against kubernetes-sigs/network-policy-api's conformance
 * suite: its cluster (conformance/base/manifests.yaml: four "house" namespaces, two pods each,
 * serving TCP 80 and 8080, UDP 53 and 5353, SCTP 9003 and 9005), its policies
 * (conformance/base/admin_tier/*.yaml, conformance/base/api_integration/standard-anp-np-banp.yaml)
 * and the expected outcome of each probe in conformance/tests/*.go.
 */
import { describe, expect, it } from 'vitest';
import { defineCluster, resolveCluster, validateCluster } from '../../../src/model/index.ts';
import type { Cluster, ClusterNetworkPolicyInput, NetworkPolicyInput, PodInput } from '../../../src/model/types.ts';
import { findPod } from '../../../src/derive/lookup.ts';
import { connectionVerdict, egressToExternal, policyApplies, type PortProbe } from '../../../src/derive/network-policy.ts';
import { peerMatches, protocolMatches, subjectSelects, tierDecision, tierPolicies } from '../../../src/derive/cluster-network-policy.ts';

const HOUSES = [
  ['gryffindor', 'harry-potter'],
  ['slytherin', 'draco-malfoy'],
  ['hufflepuff', 'cedric-diggory'],
  ['ravenclaw', 'luna-lovegood'],
] as const;
const ns = (house: string): string => `network-policy-conformance-${house}`;

function pods(house: string, prefix: string, base: number): PodInput[] {
  return [0, 1].map((i) => ({
    name: `${prefix}-${i}`,
    namespace: ns(house),
    ip: `10.244.0.${base + i}`,
    labels: { 'conformance-house': house },
    ports: [
      { containerPort: 80 }, { containerPort: 8080 }, { containerPort: 5353, protocol: 'UDP' as const }, { containerPort: 53, protocol: 'UDP' as const },
      { containerPort: 9003, protocol: 'SCTP' as const }, { containerPort: 9005, protocol: 'SCTP' as const },
    ],
  }));
}

function houses(cnps: ClusterNetworkPolicyInput[], nps: NetworkPolicyInput[] = []) {
  return defineCluster({
    title: 'Conformance', description: 'The network-policy-api conformance cluster',
    network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '10.244.0.0/16' },
    plugin: { name: 'calico', mode: 'vxlan' },
    namespaces: HOUSES.map(([house]) => ({ name: ns(house), labels: { 'conformance-house': house } })),
    nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: HOUSES.flatMap(([house, prefix], k) => pods(house, prefix, 10 + 10 * k)) }],
    networkPolicies: nps,
    clusterNetworkPolicies: cnps,
  });
}

const house = (name: string) => ({ matchLabels: { 'conformance-house': name } });
const tcp = (port: number): PortProbe => ({ protocol: 'TCP', port });

function poke(c: Cluster, from: string, to: string, port: number): boolean {
  const [a, b] = [from, to].map((ref) => {
    const [h, pod] = ref.split('/') as [string, string];
    return findPod(c, `${ns(h)}/${pod}`);
  });
  return connectionVerdict(c, a!, b!, tcp(port)).allowed;
}

// conformance/base/api_integration/standard-anp-np-banp.yaml, with the test's mutations as options.
function integration(opts: { ingressPass?: boolean; egressPass?: boolean; withNetworkPolicy?: boolean }) {
  const admin: ClusterNetworkPolicyInput = {
    name: 'pass-example', tier: 'Admin', priority: 10, subject: { namespaces: house('gryffindor') },
    ingress: [{ name: 'deny-all-ingress-from-slytherin', action: opts.ingressPass ? 'Pass' : 'Deny', from: [{ namespaces: house('slytherin') }] }],
    egress: [{ name: 'deny-all-egress-to-slytherin', action: opts.egressPass ? 'Pass' : 'Deny', to: [{ namespaces: house('slytherin') }] }],
  };
  const baseline: ClusterNetworkPolicyInput = {
    name: 'default', tier: 'Baseline', priority: 10, subject: { namespaces: house('gryffindor') },
    ingress: [{ name: 'deny-all-ingress-from-slytherin', action: 'Deny', from: [{ namespaces: house('slytherin') }] }],
    egress: [{ name: 'deny-all-egress-to-slytherin', action: 'Deny', to: [{ namespaces: house('slytherin') }] }],
  };
  const np: NetworkPolicyInput = {
    name: 'allow-gress-from-to-slytherin-to-gryffindor', namespace: ns('gryffindor'), podSelector: {}, policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ namespaceSelector: house('slytherin') }] }], egress: [{ to: [{ namespaceSelector: house('slytherin') }] }],
  };
  return resolveCluster(houses([admin, baseline], opts.withNetworkPolicy === false ? [] : [np]), 'conformance');
}

describe('CNPAdminTierIntegration (admin CNP, NetworkPolicy, baseline CNP, Pass)', () => {
  it('Admin Deny wins over the NetworkPolicy that allows the same traffic, both directions', () => {
    const c = integration({});
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 80)).toBe(false);
    expect(poke(c, 'slytherin/draco-malfoy-1', 'gryffindor/harry-potter-0', 8080)).toBe(false);
    expect(poke(c, 'gryffindor/harry-potter-0', 'slytherin/draco-malfoy-0', 80)).toBe(false);
    expect(poke(c, 'gryffindor/harry-potter-1', 'slytherin/draco-malfoy-0', 8080)).toBe(false);
    const v = connectionVerdict(c, findPod(c, `${ns('slytherin')}/draco-malfoy-0`), findPod(c, `${ns('gryffindor')}/harry-potter-0`), tcp(80));
    expect(v.ingress).toMatchObject({ decidedBy: 'Admin', rule: { policy: 'pass-example', rule: 0, action: 'Deny', ruleName: 'deny-all-ingress-from-slytherin' } });
    expect(v.ingress.isolated).toBe(true); // the NetworkPolicy still isolates the pod; it just never got a say
  });

  it('Pass hands the connection to the NetworkPolicy, which allows it', () => {
    const c = integration({ ingressPass: true, egressPass: true });
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 80)).toBe(true);
    expect(poke(c, 'slytherin/draco-malfoy-1', 'gryffindor/harry-potter-0', 8080)).toBe(true);
    expect(poke(c, 'gryffindor/harry-potter-0', 'slytherin/draco-malfoy-0', 80)).toBe(true);
    expect(poke(c, 'gryffindor/harry-potter-1', 'slytherin/draco-malfoy-0', 8080)).toBe(true);
    const v = connectionVerdict(c, findPod(c, `${ns('gryffindor')}/harry-potter-0`), findPod(c, `${ns('slytherin')}/draco-malfoy-0`), tcp(80));
    expect(v.egress.decidedBy).toBe('NetworkPolicy');
    expect(v.egress.passedBy.map((p) => `${p.policy} ${p.action}`)).toEqual(['pass-example Pass']);
  });

  it('without the NetworkPolicy, passed traffic reaches the baseline Deny', () => {
    const c = integration({ ingressPass: true, egressPass: true, withNetworkPolicy: false });
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 80)).toBe(false);
    expect(poke(c, 'slytherin/draco-malfoy-1', 'gryffindor/harry-potter-0', 8080)).toBe(false);
    expect(poke(c, 'gryffindor/harry-potter-0', 'slytherin/draco-malfoy-0', 80)).toBe(false);
    expect(poke(c, 'gryffindor/harry-potter-1', 'slytherin/draco-malfoy-0', 8080)).toBe(false);
    const v = connectionVerdict(c, findPod(c, `${ns('gryffindor')}/harry-potter-0`), findPod(c, `${ns('slytherin')}/draco-malfoy-0`), tcp(80));
    expect(v.egress).toMatchObject({ decidedBy: 'Baseline', allowed: false, rule: { policy: 'default', tier: 'Baseline' } });
  });
});

describe('CNPAdminTierPriorityField (conformance/base/admin_tier/standard-priority-field.yaml)', () => {
  const gryffindorPods = { pods: { namespaceSelector: house('gryffindor'), podSelector: house('gryffindor') } };
  const slytherinPods = { pods: { namespaceSelector: house('slytherin'), podSelector: house('slytherin') } };
  const policies = (passPriority: number): ClusterNetworkPolicyInput[] => [
    { name: 'priority-50-example', tier: 'Admin', priority: 50, subject: gryffindorPods, ingress: [{ action: 'Deny', from: [slytherinPods] }], egress: [{ action: 'Deny', to: [slytherinPods] }] },
    { name: 'old-priority-60-new-priority-40-example', tier: 'Admin', priority: passPriority, subject: gryffindorPods, ingress: [{ action: 'Pass', from: [slytherinPods] }], egress: [{ action: 'Pass', to: [slytherinPods] }] },
    { name: 'default', tier: 'Baseline', priority: 10, subject: gryffindorPods, ingress: [{ action: 'Accept', from: [slytherinPods] }], egress: [{ action: 'Accept', to: [slytherinPods] }] },
  ];

  it('the Deny at priority 50 comes before the Pass at 60', () => {
    const c = resolveCluster(houses(policies(60)), 'conformance');
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 80)).toBe(false);
    expect(poke(c, 'gryffindor/harry-potter-1', 'slytherin/draco-malfoy-0', 8080)).toBe(false);
    expect(tierPolicies(c, 'Admin', findPod(c, `${ns('gryffindor')}/harry-potter-0`), 'Ingress').map((p) => p.name)).toEqual(['priority-50-example', 'old-priority-60-new-priority-40-example']);
  });

  it('moved to priority 40, the Pass comes first and the baseline Accept decides', () => {
    const c = resolveCluster(houses(policies(40)), 'conformance');
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 80)).toBe(true);
    expect(poke(c, 'slytherin/draco-malfoy-1', 'gryffindor/harry-potter-0', 8080)).toBe(true);
    expect(poke(c, 'gryffindor/harry-potter-0', 'slytherin/draco-malfoy-0', 80)).toBe(true);
    expect(poke(c, 'gryffindor/harry-potter-1', 'slytherin/draco-malfoy-0', 8080)).toBe(true);
    const v = connectionVerdict(c, findPod(c, `${ns('slytherin')}/draco-malfoy-0`), findPod(c, `${ns('gryffindor')}/harry-potter-0`), tcp(80));
    expect(v.ingress).toMatchObject({ decidedBy: 'Baseline', allowed: true, rule: { action: 'Accept' } });
  });
});

describe('CNPAdminTierSamePriority (conformance/base/admin_tier/standard-same-priority.yaml)', () => {
  const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': ns(name) } });
  const deny = (name: string, subject: string, peer: string, port: number): ClusterNetworkPolicyInput => ({
    name, tier: 'Admin', priority: 15, subject: { namespaces: byName(subject) },
    ingress: [{ action: 'Deny', from: [{ namespaces: byName(peer) }], protocols: [{ tcp: { destinationPort: { number: port } } }] }],
    egress: [{ action: 'Deny', to: [{ namespaces: byName(peer) }], protocols: [{ tcp: { destinationPort: { number: port } } }] }],
  });
  const input = houses([
    deny('same-priority-gryffindor-slytherin', 'gryffindor', 'slytherin', 80),
    deny('same-priority-gryffindor-hufflepuff', 'gryffindor', 'hufflepuff', 80),
    deny('same-priority-hufflepuff-slytherin', 'hufflepuff', 'slytherin', 8080),
  ]);
  const c = resolveCluster(input, 'conformance');

  it('denies what each policy denies, in both directions', () => {
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 80)).toBe(false);
    expect(poke(c, 'gryffindor/harry-potter-0', 'slytherin/draco-malfoy-0', 80)).toBe(false);
    expect(poke(c, 'hufflepuff/cedric-diggory-0', 'gryffindor/harry-potter-0', 80)).toBe(false);
    expect(poke(c, 'gryffindor/harry-potter-1', 'hufflepuff/cedric-diggory-0', 80)).toBe(false);
    expect(poke(c, 'slytherin/draco-malfoy-1', 'hufflepuff/cedric-diggory-0', 8080)).toBe(false);
    expect(poke(c, 'hufflepuff/cedric-diggory-1', 'slytherin/draco-malfoy-0', 8080)).toBe(false);
  });

  it("does not apply one policy's rules to another's subject, nor touch unrelated traffic", () => {
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 8080)).toBe(true);
    expect(poke(c, 'gryffindor/harry-potter-0', 'slytherin/draco-malfoy-0', 8080)).toBe(true);
    expect(poke(c, 'slytherin/draco-malfoy-1', 'hufflepuff/cedric-diggory-0', 80)).toBe(true);
    expect(poke(c, 'hufflepuff/cedric-diggory-0', 'slytherin/draco-malfoy-0', 80)).toBe(true);
    expect(poke(c, 'ravenclaw/luna-lovegood-0', 'gryffindor/harry-potter-0', 80)).toBe(true);
    expect(poke(c, 'gryffindor/harry-potter-1', 'ravenclaw/luna-lovegood-0', 80)).toBe(true);
  });

  it('validates: sharing a priority is fine while no connection is decided two ways', () => {
    expect(validateCluster(input, { file: 'diagrams/conformance.ts' }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('rejects two same-priority policies that decide one connection differently, naming it', () => {
    const clash = houses([deny('a-deny', 'gryffindor', 'slytherin', 80), { ...deny('b-accept', 'gryffindor', 'slytherin', 80), ingress: [{ action: 'Accept', from: [{ namespaces: byName('slytherin') }] }] }]);
    const errors = validateCluster(clash, { file: 'diagrams/clash.ts' }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'diagrams/clash.ts', path: 'clusterNetworkPolicies[0].priority' });
    expect(errors[0]!.message).toBe(
      `priority 15 is shared with b-accept (same tier and priority) ingress from ${ns('slytherin')}/draco-malfoy-0 to ${ns('gryffindor')}/harry-potter-0 on TCP 80, and the two decide it differently`,
    );
    // The tie is visible on the decision too.
    const d = resolveCluster(clash, 'clash');
    const hit = tierDecision(d, 'Admin', findPod(d, `${ns('gryffindor')}/harry-potter-0`), 'Ingress', { pod: findPod(d, `${ns('slytherin')}/draco-malfoy-0`) }, tcp(80), undefined);
    expect(hit).toMatchObject({ policy: 'a-deny', action: 'Deny', tiedWith: ['b-accept'] });
  });
});

describe('same priority, disjoint subjects (conformance/base/admin_tier/same-priority-1.yaml, same-priority-2.yaml)', () => {
  const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': ns(name) } });
  const policy = (name: string, subject: string, allowed: string): ClusterNetworkPolicyInput => ({
    name, tier: 'Admin', priority: 15, subject: { namespaces: byName(subject) },
    ingress: [
      { name: `allow-from-${allowed}`, action: 'Accept', from: [{ namespaces: byName(allowed) }] },
      { name: 'deny-all-else', action: 'Deny', from: [{ namespaces: { matchLabels: {} } }] },
    ],
  });
  const input = houses([policy('same-priority-1', 'gryffindor', 'ravenclaw'), policy('same-priority-2', 'hufflepuff', 'slytherin')]);
  const c = resolveCluster(input, 'conformance');

  it('allows what each policy accepts and denies the rest, and validates', () => {
    expect(poke(c, 'ravenclaw/luna-lovegood-0', 'gryffindor/harry-potter-0', 80)).toBe(true);
    expect(poke(c, 'slytherin/draco-malfoy-0', 'hufflepuff/cedric-diggory-0', 80)).toBe(true);
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 80)).toBe(false);
    expect(poke(c, 'ravenclaw/luna-lovegood-0', 'hufflepuff/cedric-diggory-0', 80)).toBe(false);
    expect(validateCluster(input, { file: 'diagrams/conformance.ts' }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('rules, peers and protocols', () => {
  // After conformance/base/admin_tier/standard-ingress-tcp-rules.yaml: within one policy the first matching rule wins.
  it('first matching rule of a policy decides (Accept before a later Deny and Pass)', () => {
    const c = resolveCluster(houses([{
      name: 'ingress-tcp', tier: 'Admin', priority: 3, subject: { namespaces: house('gryffindor') },
      ingress: [
        { name: 'allow-from-ravenclaw-everything', action: 'Accept', from: [{ namespaces: house('ravenclaw') }] },
        { name: 'deny-from-ravenclaw-everything', action: 'Deny', from: [{ namespaces: house('ravenclaw') }] },
        { name: 'deny-from-slytherin-at-port-80', action: 'Deny', from: [{ namespaces: house('slytherin') }], protocols: [{ tcp: { destinationPort: { number: 80 } } }] },
        { name: 'allow-from-hufflepuff-at-port-80', action: 'Accept', from: [{ namespaces: house('hufflepuff') }], protocols: [{ tcp: { destinationPort: { number: 80 } } }] },
        { name: 'deny-from-hufflepuff-everything-else', action: 'Deny', from: [{ namespaces: house('hufflepuff') }] },
      ],
    }]), 'conformance');
    expect(poke(c, 'ravenclaw/luna-lovegood-0', 'gryffindor/harry-potter-0', 8080)).toBe(true);
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 80)).toBe(false);
    expect(poke(c, 'slytherin/draco-malfoy-0', 'gryffindor/harry-potter-0', 8080)).toBe(true);
    expect(poke(c, 'hufflepuff/cedric-diggory-0', 'gryffindor/harry-potter-0', 80)).toBe(true);
    expect(poke(c, 'hufflepuff/cedric-diggory-0', 'gryffindor/harry-potter-0', 8080)).toBe(false);
  });

  it('matches ports by number, inclusive range and container port name, per protocol', () => {
    const c = resolveCluster(houses([]), 'conformance');
    const harry = findPod(c, `${ns('gryffindor')}/harry-potter-0`);
    expect(protocolMatches({ tcp: { destinationPort: { range: { start: 80, end: 8080 } } } }, tcp(8080), harry)).toBe(true);
    expect(protocolMatches({ tcp: { destinationPort: { range: { start: 80, end: 8080 } } } }, tcp(8081), harry)).toBe(false);
    expect(protocolMatches({ udp: { destinationPort: { number: 53 } } }, tcp(53), harry)).toBe(false);
    expect(protocolMatches({ sctp: { destinationPort: { number: 9003 } } }, { protocol: 'SCTP', port: 9003 }, harry)).toBe(true);
    const named = { ...harry, ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' as const }] };
    expect(protocolMatches({ destinationNamedPort: 'dns' }, { protocol: 'UDP', port: 53 }, named)).toBe(true);
    expect(protocolMatches({ destinationNamedPort: 'dns' }, { protocol: 'TCP', port: 53 }, named)).toBe(false);
  });

  it('pods peers AND namespace and pod labels; networks match pod IPs and external addresses; host-network pods are never selected', () => {
    const c = resolveCluster(houses([]), 'conformance');
    const draco = findPod(c, `${ns('slytherin')}/draco-malfoy-0`);
    expect(peerMatches(c, { pods: { podSelector: house('slytherin') } }, { pod: draco })).toBe(true);
    expect(peerMatches(c, { pods: { namespaceSelector: house('gryffindor'), podSelector: house('slytherin') } }, { pod: draco })).toBe(false);
    expect(peerMatches(c, { networks: ['10.244.0.16/28'] }, { pod: draco })).toBe(true);
    expect(peerMatches(c, { networks: ['203.0.113.0/24'] }, { external: { ip: '203.0.113.9' } })).toBe(true);
    expect(peerMatches(c, { namespaces: {} }, { external: { ip: '203.0.113.9' } })).toBe(false);
    expect(subjectSelects(c, { namespaces: {} }, { ...draco, hostNetwork: true })).toBe(false);
    expect(peerMatches(c, { namespaces: {} }, { pod: { ...draco, hostNetwork: true } })).toBe(false);
  });

  it('an egress networks Deny applies to pod-to-pod and external traffic alike', () => {
    const c = resolveCluster(houses([{ name: 'no-egress', tier: 'Admin', priority: 1, subject: { namespaces: house('gryffindor') }, egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }] }]), 'conformance');
    const harry = findPod(c, `${ns('gryffindor')}/harry-potter-0`);
    expect(poke(c, 'gryffindor/harry-potter-0', 'ravenclaw/luna-lovegood-0', 80)).toBe(false);
    expect(egressToExternal(c, harry, { ip: '203.0.113.9' }, tcp(443))).toMatchObject({ allowed: false, decidedBy: 'Admin' });
    expect(policyApplies(c, harry, 'Egress')).toBe(true);
    expect(policyApplies(c, harry, 'Ingress')).toBe(false);
  });

  it('a pod reaching its own IP is not subject to ClusterNetworkPolicy', () => {
    const c = resolveCluster(houses([{ name: 'deny-all', tier: 'Admin', priority: 1, subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] }]), 'conformance');
    expect(poke(c, 'gryffindor/harry-potter-0', 'gryffindor/harry-potter-0', 80)).toBe(true);
    expect(poke(c, 'gryffindor/harry-potter-1', 'gryffindor/harry-potter-0', 80)).toBe(false);
  });

  it('a Baseline Pass falls through to the default, allowed', () => {
    const c = resolveCluster(houses([{ name: 'skip', tier: 'Baseline', priority: 1, subject: { namespaces: {} }, ingress: [{ action: 'Pass', from: [{ namespaces: {} }] }] }, { name: 'deny', tier: 'Baseline', priority: 2, subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] }]), 'conformance');
    const v = connectionVerdict(c, findPod(c, `${ns('slytherin')}/draco-malfoy-0`), findPod(c, `${ns('gryffindor')}/harry-potter-0`), tcp(80));
    expect(v.ingress).toMatchObject({ allowed: true, decidedBy: 'Default' });
    expect(v.ingress.passedBy.map((p) => p.policy)).toEqual(['skip']);
  });
});
