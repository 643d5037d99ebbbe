// Dual-stack defaults and validation. Expected behaviour follows kubernetes
// pkg/registry/core/service/storage/alloc.go (initIPFamilyFields), pkg/apis/core/v1/defaults.go
// (two families or ClusterIPs without a policy: RequireDualStack) and
// pkg/apis/core/validation/validation.go (ValidateServiceClusterIPsRelatedFields, ValidateNode, pod IPs).
import { describe, expect, it } from 'vitest';
import { validateCluster, type ClusterInput, type ServiceInput } from '../../../src/model/index.ts';
import { defaultServiceFamilies, nodePodCIDRs, podIPs, serviceClusterIPs, serviceIPFamilies } from '../../../src/model/ip-families.ts';

const V4V6 = ['IPv4', 'IPv6'] as const;

function dualStack(services: ServiceInput[] = []): ClusterInput {
  return {
    title: 'Dual', description: 'Dual-stack fixture.',
    network: {
      nodeCIDR: '192.168.1.0/24', nodeCIDRs: ['192.168.1.0/24', 'fd00:192:168:1::/64'],
      clusterCIDRs: ['10.244.0.0/16', 'fd00:10:244::/56'],
      serviceCIDRs: ['10.96.0.0/16', 'fd00:10:96::/112'],
    },
    plugin: { name: 'flannel', backend: 'host-gw' },
    nodes: [{
      name: 'node-1', ip: '192.168.1.11', ips: ['192.168.1.11', 'fd00:192:168:1::11'],
      podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'], controlPlane: true,
      pods: [
        { name: 'web-1', podIPs: ['10.244.1.2', 'fd00:10:244:1::2'], labels: { app: 'web' } },
        { name: 'agent', hostNetwork: true },
      ],
    }],
    services,
  };
}

function check(input: ClusterInput) {
  const res = validateCluster(input, { file: 'diagrams/dual.ts' });
  return { res, errors: res.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`) };
}

describe('defaultServiceFamilies (API server defaulting)', () => {
  it('SingleStack of the first service family when nothing is given', () => {
    expect(defaultServiceFamilies({ name: 'a', selector: { x: 'y' } }, V4V6)).toEqual({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], clusterIPs: [] });
  });
  it('PreferDualStack adds the other family on a dual-stack cluster only', () => {
    expect(defaultServiceFamilies({ name: 'a', ipFamilyPolicy: 'PreferDualStack' }, V4V6)?.ipFamilies).toEqual(['IPv4', 'IPv6']);
    expect(defaultServiceFamilies({ name: 'a', ipFamilyPolicy: 'PreferDualStack' }, ['IPv4'])?.ipFamilies).toEqual(['IPv4']);
  });
  it('two families or two ClusterIPs without a policy mean RequireDualStack', () => {
    expect(defaultServiceFamilies({ name: 'a', ipFamilies: ['IPv6', 'IPv4'] }, V4V6)?.ipFamilyPolicy).toBe('RequireDualStack');
    expect(defaultServiceFamilies({ name: 'a', clusterIPs: ['10.96.0.5', 'fd00:10:96::5'] }, V4V6)).toEqual({
      ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'], clusterIPs: ['10.96.0.5', 'fd00:10:96::5'],
    });
  });
  it('a headless Service without selector is RequireDualStack with both families, even on a single-stack cluster', () => {
    expect(defaultServiceFamilies({ name: 'a', clusterIP: 'None' }, ['IPv4'])).toEqual({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'], clusterIPs: ['None'] });
  });
  it('a headless Service with a selector stays SingleStack', () => {
    expect(defaultServiceFamilies({ name: 'a', clusterIP: 'None', selector: { app: 'db' } }, V4V6)?.ipFamilies).toEqual(['IPv4']);
  });
  it('the family of a given ClusterIP comes first', () => {
    expect(defaultServiceFamilies({ name: 'a', clusterIP: 'fd00:10:96::9', ipFamilyPolicy: 'PreferDualStack' }, V4V6)?.ipFamilies).toEqual(['IPv6', 'IPv4']);
  });
  it('ExternalName Services get no family fields', () => {
    expect(defaultServiceFamilies({ name: 'a', type: 'ExternalName', externalName: 'x.example.com' }, V4V6)).toBeUndefined();
  });
});

describe('resolveCluster on a dual-stack definition', () => {
  const { res } = check(dualStack([
    { name: 'web', selector: { app: 'web' }, ipFamilyPolicy: 'PreferDualStack', ports: [{ port: 80 }] },
    { name: 'v6', selector: { app: 'web' }, ipFamilies: ['IPv6'], ports: [{ port: 80 }] },
    { name: 'db', clusterIP: 'None', selector: { app: 'web' } },
  ]));
  const cluster = res.cluster!;
  const svc = (name: string) => cluster.services.find((s) => s.name === name)!;

  it('validates without errors or warnings', () => expect(res.diagnostics).toEqual([]));
  it('allocates the lowest free address of each family, IPv4 after default/kubernetes', () => {
    expect(svc('web').clusterIPs).toEqual(['10.96.0.2', 'fd00:10:96::1']);
    expect(svc('web').clusterIP).toBe('10.96.0.2');
    expect(serviceClusterIPs(svc('v6'))).toEqual(['fd00:10:96::2']);
  });
  it('a single-family headless Service has one family', () => {
    expect(serviceIPFamilies(svc('db'), cluster)).toEqual(['IPv4']);
    expect(serviceClusterIPs(svc('db'))).toEqual([]);
  });
  it('a hostNetwork pod shares both node addresses; pods keep theirs', () => {
    const pods = cluster.nodes[0]!.pods;
    expect(podIPs(pods[1]!)).toEqual(['192.168.1.11', 'fd00:192:168:1::11']);
    expect(pods[0]!.ip).toBe('10.244.1.2');
    expect(nodePodCIDRs(cluster.nodes[0]!)).toEqual(['10.244.1.0/24', 'fd00:10:244:1::/64']);
  });
  it('the kube-dns Service stays single-stack at the tenth IPv4 address', () => {
    expect(svc('kube-dns').clusterIPs).toEqual(['10.96.0.10']);
  });
});

describe('dual-stack validation', () => {
  const cases: Array<[string, (c: ClusterInput) => void, string]> = [
    ['two ranges of one family', (c) => void (c.network.serviceCIDRs = ['10.96.0.0/16', '10.97.0.0/16']), 'network.serviceCIDRs[1]: service CIDR "10.96.0.0/16" and "10.97.0.0/16" are both IPv4'],
    ['IPv6 CIDR with host bits', (c) => void (c.network.clusterCIDRs = ['10.244.0.0/16', 'fd00:10:244::1/56']), 'network.clusterCIDRs[1]: cluster CIDR "fd00:10:244::1/56" has host bits set (the network is fd00:10:244::/56)'],
    ['podCIDRs[0] differs from podCIDR', (c) => void (c.nodes[0]!.podCIDRs = ['10.244.2.0/24', 'fd00:10:244:1::/64']), 'nodes[0].podCIDRs[0]: node-1\'s podCIDR[0] "10.244.2.0/24" differs from podCIDR "10.244.1.0/24"'],
    ['IPv6 podCIDR outside the cluster CIDR', (c) => void (c.nodes[0]!.podCIDRs = ['10.244.1.0/24', 'fd00:99::/64']), "nodes[0].podCIDRs[1]: node-1's podCIDR fd00:99::/64 is outside the cluster CIDR fd00:10:244::/56"],
    ['pod IPv6 address outside its node range', (c) => void (c.nodes[0]!.pods![0]!.podIPs = ['10.244.1.2', 'fd00:10:244:2::2']), "nodes[0].pods[0].podIPs[1]: fd00:10:244:2::2 is outside node-1's podCIDR fd00:10:244:1::/64"],
    ['hostNetwork pod with its own addresses', (c) => void (c.nodes[0]!.pods![1]!.podIPs = ['192.168.1.11', 'fd00:192:168:1::99']), 'nodes[0].pods[1].podIPs: hostNetwork pod agent has podIPs "192.168.1.11,fd00:192:168:1::99", not its node\'s addresses 192.168.1.11,fd00:192:168:1::11'],
    ['SingleStack with two ClusterIPs', (c) => void c.services!.push({ name: 'a', selector: { app: 'web' }, ipFamilyPolicy: 'SingleStack', clusterIPs: ['10.96.0.5', 'fd00:10:96::5'], ports: [{ port: 80 }] }), "services[0].ipFamilyPolicy: ipFamilyPolicy SingleStack with two ClusterIPs"],
    ['ClusterIPs out of ipFamilies order', (c) => void c.services!.push({ name: 'a', selector: { app: 'web' }, ipFamilies: ['IPv6', 'IPv4'], clusterIPs: ['10.96.0.5', 'fd00:10:96::5'], ports: [{ port: 80 }] }), 'services[0].clusterIPs[0]: clusterIPs[0] 10.96.0.5 is IPv4, but ipFamilies[0] is IPv6'],
    ["'None' with a second ClusterIP", (c) => void c.services!.push({ name: 'a', clusterIPs: ['None', 'fd00:10:96::5'], selector: { app: 'web' }, ipFamilyPolicy: 'RequireDualStack' }), "services[0].clusterIPs: 'None' must be the first and only value of clusterIPs"],
    ['IPv6 ClusterIP outside the IPv6 range', (c) => void c.services!.push({ name: 'a', selector: { app: 'web' }, ipFamilyPolicy: 'RequireDualStack', clusterIPs: ['10.96.0.5', 'fd00:99::5'], ports: [{ port: 80 }] }), 'services[0].clusterIPs[1]: ClusterIP fd00:99::5 is outside the service CIDR fd00:10:96::/112'],
    ['family fields on ExternalName', (c) => void c.services!.push({ name: 'a', type: 'ExternalName', externalName: 'x.example.com', ipFamilyPolicy: 'SingleStack' }), 'services[0].ipFamilyPolicy: an ExternalName Service has no ClusterIPs'],
  ];
  for (const [rule, mutate, expected] of cases) {
    it(`reports ${rule}`, () => {
      const input = dualStack();
      mutate(input);
      expect(check(input).errors.join('\n')).toContain(expected);
    });
  }

  it('RequireDualStack and IPv6 families are rejected on an IPv4-only cluster, PreferDualStack falls back', () => {
    const single = (svc: ServiceInput): string[] => check({
      title: 'Single', description: 'IPv4 only.', network: { nodeCIDR: '192.168.1.0/24' }, plugin: { name: 'flannel', backend: 'vxlan' },
      nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [{ name: 'w', ip: '10.244.0.2', labels: { app: 'w' } }] }],
      services: [{ selector: { app: 'w' }, ports: [{ port: 80 }], ...svc }],
    }).errors;
    expect(single({ name: 'a', ipFamilyPolicy: 'RequireDualStack' })).toContain('services[0].ipFamilyPolicy: ipFamilyPolicy RequireDualStack, but this cluster is not configured for dual-stack services');
    expect(single({ name: 'a', ipFamilies: ['IPv6'] })).toContain('services[0].ipFamilies[0]: IPv6 is not configured on this cluster');
    expect(single({ name: 'a', ipFamilyPolicy: 'PreferDualStack' })).toEqual([]);
  });

  it('a single-stack definition resolves without any family field (unchanged shape)', () => {
    const { res } = check({
      title: 'Single', description: 'IPv4 only.', network: { nodeCIDR: '192.168.1.0/24' }, plugin: { name: 'flannel', backend: 'vxlan' },
      nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [{ name: 'w', ip: '10.244.0.2' }] }],
      services: [{ name: 'a', selector: { app: 'w' }, ports: [{ port: 80 }] }],
    });
    const svc = res.cluster!.services[0]!;
    expect(svc).not.toHaveProperty('ipFamilies');
    expect(svc).not.toHaveProperty('clusterIPs');
    expect(res.cluster!.nodes[0]).not.toHaveProperty('podCIDRs');
  });

  it('an IPv6 single-stack cluster validates, with kube-dns at the tenth IPv6 address', () => {
    const { res, errors } = check({
      title: 'V6', description: 'IPv6 only.', network: { nodeCIDR: 'fd00:192:168:1::/64', clusterCIDR: 'fd00:10:244::/56', serviceCIDR: 'fd00:10:96::/112' },
      plugin: { name: 'flannel', backend: 'host-gw' },
      nodes: [{ name: 'node-1', ip: 'fd00:192:168:1::11', podCIDR: 'fd00:10:244:1::/64', pods: [{ name: 'w', ip: 'fd00:10:244:1::2', labels: { app: 'w' } }] }],
      services: [{ name: 'a', selector: { app: 'w' }, ports: [{ port: 80 }] }],
    });
    expect(errors).toEqual([]);
    expect(res.cluster!.dns.clusterIP).toBe('fd00:10:96::a');
    expect(res.cluster!.services[0]!.clusterIP).toBe('fd00:10:96::2');
  });
});

describe('a dual-stack cluster DNS Service (dns.clusterIPs)', () => {
  it('gives kube-dns both ClusterIPs and every ClusterFirst pod a nameserver of each family', async () => {
    const { resolvConf } = await import('../../../src/derive/resolv-conf.ts');
    const input = dualStack();
    input.dns = { clusterIPs: ['10.96.0.10', 'fd00:10:96::a'] };
    const { res, errors } = check(input);
    expect(errors).toEqual([]);
    const kubeDns = res.cluster!.services.find((s) => s.name === 'kube-dns')!;
    expect(kubeDns).toMatchObject({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00:10:96::a'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' });
    expect(resolvConf(res.cluster!, 'web-1')).toContain('nameserver 10.96.0.10\nnameserver fd00:10:96::a\n');
  });
  it('reports a DNS ClusterIP outside the service range of its family', () => {
    const input = dualStack();
    input.dns = { clusterIPs: ['10.96.0.10', 'fd00:99::a'] };
    expect(check(input).errors.join('\n')).toContain('dns.clusterIPs[1]: ClusterIP fd00:99::a is outside the service CIDR fd00:10:96::/112');
  });
});
