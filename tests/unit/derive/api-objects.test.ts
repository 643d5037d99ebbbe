// The YAML of a hand-written EndpointSlice (discovery.k8s.io/v1; the labels from the Kubernetes
// Service documentation, "Custom EndpointSlices") and of the ServiceCIDR / IPAddress objects
// (networking.k8s.io/v1, KEP-1880: IPAddress named by the address, parentRef to its Service,
// managed by ipallocator.k8s.io) derived from a cluster.
import { describe, expect, it } from 'vitest';
import { endpointSlices, serviceEndpointSlicesYaml } from '../../../src/derive/endpoint-slice.ts';
import { clusterIPAllocations, serviceIPObjectsYaml } from '../../../src/derive/service-ip-objects.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { threeNodeCluster } from './fixtures.ts';

function withSlice(): Cluster {
  const c = threeNodeCluster();
  c.services.push({ name: 'legacy', namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.100.50', ports: [{ name: 'postgres', protocol: 'TCP', port: 5432, targetPort: 5432 }], externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None' });
  c.endpointSlices = [{
    name: 'legacy-1', namespace: 'default', service: 'legacy', managedBy: 'staff', addressType: 'IPv4',
    ports: [{ name: 'postgres', protocol: 'TCP', port: 5432 }],
    endpoints: [{ addresses: ['192.168.10.50'], ready: true, serving: true, terminating: false }],
  }];
  return c;
}

describe('a hand-written EndpointSlice', () => {
  it('is printed under its own name with its managed-by label, conditions in full, keys as kubectl prints them', () => {
    expect(serviceEndpointSlicesYaml(withSlice(), 'default/legacy')).toBe([
      'addressType: IPv4',
      'apiVersion: discovery.k8s.io/v1',
      'endpoints:',
      '- addresses:',
      '  - 192.168.10.50',
      '  conditions:',
      '    ready: true',
      '    serving: true',
      '    terminating: false',
      'kind: EndpointSlice',
      'metadata:',
      '  labels:',
      '    endpointslice.kubernetes.io/managed-by: staff',
      '    kubernetes.io/service-name: legacy',
      '  name: legacy-1',
      '  namespace: default',
      'ports:',
      '- name: postgres',
      '  port: 5432',
      '  protocol: TCP',
      '',
    ].join('\n'));
  });
  it('comes after the slices the controller writes, and only for its own Service', () => {
    const c = withSlice();
    expect(endpointSlices(c, c.services.find((s) => s.name === 'legacy')!).map((s) => s.metadata.name)).toEqual(['legacy-1']);
    expect(endpointSlices(c, c.services.find((s) => s.name === 'web')!).every((s) => s.metadata.name === undefined)).toBe(true);
  });
});

describe('service IP objects', () => {
  it('lists default/kubernetes first, then every ClusterIP in address order, headless and ExternalName left out', () => {
    expect(clusterIPAllocations(threeNodeCluster()).map((a) => `${a.ip} ${a.namespace}/${a.service}`)).toEqual([
      '10.96.0.1 default/kubernetes',
      '10.96.0.10 kube-system/kube-dns',
      '10.96.100.10 default/web',
      '10.96.100.20 default/web-np',
    ]);
  });
  it('writes the ServiceCIDR kubernetes and one IPAddress per ClusterIP', () => {
    const docs = serviceIPObjectsYaml(threeNodeCluster()).split('---\n');
    expect(docs).toHaveLength(5);
    expect(docs[0]).toBe('apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata:\n  name: kubernetes\nspec:\n  cidrs: ["10.96.0.0/12"]\n');
    expect(docs[2]).toContain('  name: 10.96.0.10\n');
    expect(docs[2]).toContain('  parentRef: { group: "", resource: services, namespace: kube-system, name: kube-dns }');
    expect(docs[2]).toContain('ipaddress.kubernetes.io/managed-by: ipallocator.k8s.io');
  });
});
