import { describe, expect, it } from 'vitest';
import { resolveCluster, type ClusterInput } from '../../../src/model/index.ts';
import { baseCluster } from '../../fixtures/clusters/base-cluster.ts';

function minimal(overrides: Partial<ClusterInput> = {}): ClusterInput {
  return {
    title: 'Mini',
    description: 'Minimal.',
    network: { nodeCIDR: '192.168.1.0/24' },
    plugin: { name: 'flannel', backend: 'vxlan' },
    nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [{ name: 'web-1', ip: '10.244.0.2' }] }],
    ...overrides,
  };
}

describe('resolveCluster defaults', () => {
  it('names the cluster as it is told (its file name)', () => {
    expect(resolveCluster(minimal(), 'mini').name).toBe('mini');
  });

  it('applies kubeadm network defaults', () => {
    const c = resolveCluster(minimal(), 'mini');
    expect(c.network).toEqual({ nodeCIDR: '192.168.1.0/24', clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', clusterDomain: 'cluster.local' });
    expect(c.kubeProxyMode).toBe('iptables');
  });

  it('uses each plugin’s pod network', () => {
    expect(resolveCluster(minimal({ plugin: { name: 'bridge' } }), 'mini').network.clusterCIDR).toBe('10.244.0.0/16');
    expect(resolveCluster(minimal({ plugin: { name: 'calico', mode: 'ipip' } }), 'mini').network.clusterCIDR).toBe('192.168.0.0/16');
    expect(resolveCluster(minimal({ network: { nodeCIDR: '10.0.0.0/24', clusterCIDR: '172.16.0.0/16' } }), 'mini').network.clusterCIDR).toBe('172.16.0.0/16');
  });

  it('puts CoreDNS at the tenth service address behind kube-system/kube-dns', () => {
    const c = resolveCluster(minimal(), 'mini');
    expect(c.dns).toEqual({ provider: 'coredns', clusterIP: '10.96.0.10', pods: [], podsMode: 'insecure' });
    expect(c.services.at(-1)).toEqual({
      name: 'kube-dns',
      namespace: 'kube-system',
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
      ],
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
    });
    expect(resolveCluster(minimal({ network: { nodeCIDR: '192.168.1.0/24', serviceCIDR: '10.0.0.0/16' } }), 'mini').dns.clusterIP).toBe('10.0.0.10');
  });

  it('derives the DNS pods from the kube-dns selector unless listed', () => {
    const c = resolveCluster(baseCluster(), 'base');
    expect(c.dns.pods).toEqual(['coredns-1']);
    expect(resolveCluster({ ...baseCluster(), dns: { pods: ['x'] } }, 'base').dns.pods).toEqual(['x']);
  });

  it('defaults pods: namespace, labels, dnsPolicy, node from where they are declared', () => {
    const pod = resolveCluster(minimal(), 'mini').nodes[0]!.pods[0]!;
    expect(pod).toEqual({ name: 'web-1', namespace: 'default', node: 'node-1', ip: '10.244.0.2', labels: {}, hostNetwork: false, dnsPolicy: 'ClusterFirst', ports: [] });
  });

  it('gives hostNetwork pods their node’s IP', () => {
    const c = resolveCluster(baseCluster(), 'base');
    const agent = c.nodes[0]!.pods.find((p) => p.name === 'agent')!;
    expect(agent.ip).toBe('192.168.1.11');
    expect(agent.hostNetwork).toBe(true);
  });

  it('defaults nodes: not control plane, resolver at the node network gateway', () => {
    const node = resolveCluster(minimal(), 'mini').nodes[0]!;
    expect(node.controlPlane).toBe(false);
    expect(node.resolvConf).toEqual({ nameservers: ['192.168.1.1'], searches: [] });
  });

  it('defaults Service ports: TCP, targetPort = port, empty name', () => {
    const c = resolveCluster(minimal({ services: [{ name: 'web', clusterIP: '10.96.0.20', ports: [{ port: 80 }] }] }), 'mini');
    expect(c.services[0]!.ports).toEqual([{ name: '', protocol: 'TCP', port: 80, targetPort: 80 }]);
    expect(c.services[0]!.type).toBe('ClusterIP');
    expect(c.services[0]!.namespace).toBe('default');
  });

  it('allocates missing ClusterIPs and NodePorts deterministically, skipping taken ones', () => {
    const c = resolveCluster(
      minimal({
        services: [
          { name: 'a', clusterIP: '10.96.0.2', ports: [{ port: 80 }] },
          { name: 'b', type: 'NodePort', ports: [{ port: 80 }, { name: 'x', port: 81, nodePort: 30000 }] },
          { name: 'c', ports: [{ port: 80 }] },
          { name: 'd', type: 'ExternalName', externalName: 'example.com' },
        ],
      }),
      'mini',
    );
    expect(c.services.map((s) => s.clusterIP)).toEqual(['10.96.0.2', '10.96.0.3', '10.96.0.4', undefined, '10.96.0.10']);
    expect(c.services[1]!.ports.map((p) => p.nodePort)).toEqual([30001, 30000]);
  });

  it('defaults policyTypes as the API does', () => {
    const c = resolveCluster(
      minimal({
        networkPolicies: [
          { name: 'in', podSelector: {} },
          { name: 'both', podSelector: {}, egress: [{}] },
          { name: 'given', podSelector: {}, policyTypes: ['Egress'] },
        ],
      }),
      'mini',
    );
    expect(c.networkPolicies.map((p) => p.policyTypes)).toEqual([['Ingress'], ['Ingress', 'Egress'], ['Egress']]);
    expect(c.networkPolicies[0]!.namespace).toBe('default');
  });

  it('implies namespaces from their objects, labelled with kubernetes.io/metadata.name', () => {
    const c = resolveCluster(baseCluster(), 'base');
    expect(c.namespaces).toEqual([
      { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } },
      { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      { name: 'shop', labels: { team: 'shop', 'kubernetes.io/metadata.name': 'shop' } },
    ]);
  });

  it('defaults ingress pathType to Prefix and Ingress, Gateway and HTTPRoute namespaces to default', () => {
    const c = resolveCluster(baseCluster(), 'base');
    expect(c.ingresses[0]!.rules[0]!.pathType).toBe('Prefix');
    expect(c.ingresses[0]!.namespace).toBe('default');
    expect(c.gatewayApi!.gateways[0]!.namespace).toBe('default');
    expect(c.gatewayApi!.routes[0]!.namespace).toBe('default');
  });

  it('does not modify its input', () => {
    const input = baseCluster();
    const copy = structuredClone(input);
    resolveCluster(input, 'base');
    expect(input).toEqual(copy);
  });
});
