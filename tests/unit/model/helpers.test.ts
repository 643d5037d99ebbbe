// The shorthands stand for plain inputs: what they return is what a definition would spell out.
// CoreDNS as kubeadm deploys it: kubeadm cmd/kubeadm/app/phases/addons/dns/manifests.go
// (namespace kube-system, label k8s-app: kube-dns, dnsPolicy: Default).
import { describe, expect, it } from 'vitest';
import { appPod, clusterNameOf, controlPlaneNode, corednsPod, node, validateCluster } from '../../../src/model/index.ts';

describe('definition shorthands', () => {
  it('node and controlPlaneNode: addresses, pods, and extra fields', () => {
    const pods = [appPod('web-1', '10.244.1.2', 'web')];
    expect(node('node-2', '192.168.1.12', '10.244.1.0/24', pods)).toEqual({ name: 'node-2', ip: '192.168.1.12', podCIDR: '10.244.1.0/24', pods });
    expect(node('node-2', '192.168.1.12', '10.244.1.0/24')).toMatchObject({ pods: [] });
    const resolvConf = { nameservers: ['192.168.1.1'] };
    expect(controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [], { resolvConf })).toEqual({
      name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', controlPlane: true, resolvConf, pods: [],
    });
  });

  it('appPod labels the pod with the app its Service selects', () => {
    expect(appPod('web-1', '10.244.1.2', 'web')).toEqual({ name: 'web-1', ip: '10.244.1.2', labels: { app: 'web' } });
    expect(appPod('db-0', '10.244.1.4', 'db', { hostname: 'db-0', subdomain: 'db' })).toMatchObject({ hostname: 'db-0', subdomain: 'db' });
  });

  it('corednsPod is the pod the kube-dns Service selects, with dnsPolicy Default unless told otherwise', () => {
    expect(corednsPod('coredns-1', '10.244.0.2')).toEqual({
      name: 'coredns-1', namespace: 'kube-system', ip: '10.244.0.2', labels: { 'k8s-app': 'kube-dns' }, dnsPolicy: 'Default',
    });
    expect(corednsPod('coredns-1', '10.244.0.2', { dnsPolicy: 'ClusterFirst' }).dnsPolicy).toBe('ClusterFirst');
  });

  it('builds a definition that validates, with the DNS pod found by its label', () => {
    const input = {
      title: 'Helpers', description: 'Built from shorthands.',
      network: { nodeCIDR: '192.168.1.0/24' }, plugin: { name: 'flannel', backend: 'vxlan' } as const,
      nodes: [
        controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [corednsPod('coredns-1', '10.244.0.2')]),
        node('node-2', '192.168.1.12', '10.244.1.0/24', [appPod('web-1', '10.244.1.2', 'web')]),
      ],
    };
    const result = validateCluster(input, { file: 'diagrams/helpers.ts' });
    expect(result.diagnostics).toEqual([]);
    expect(result.cluster?.dns.pods).toEqual(['coredns-1']);
  });
});

describe('clusterNameOf', () => {
  it('is the file name without its extension', () => {
    expect(clusterNameOf('diagrams/flannel-vxlan.ts')).toBe('flannel-vxlan');
    expect(clusterNameOf('tests/fixtures/good-cluster.mts')).toBe('good-cluster');
    expect(clusterNameOf('bare')).toBe('bare');
  });
});
