// The YAML of a hand-written EndpointSlice (discovery.k8s.io/v1; the labels from the Kubernetes
// Service documentation, "Custom EndpointSlices") and of the ServiceCIDR / IPAddress objects
// (networking.k8s.io/v1, KEP-1880: IPAddress named by the address, parentRef to its Service,
// managed by ipallocator.k8s.io) derived from a cluster.
import { describe, expect, it } from 'vitest';
import { endpointSliceYaml, findEndpointSlice } from '../../../src/derive/endpoint-slice-yaml.ts';
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

describe('endpointSliceYaml', () => {
  it('writes the service-name and managed-by labels, the ports and the endpoints', () => {
    expect(endpointSliceYaml(withSlice(), 'legacy-1')).toBe([
      'apiVersion: discovery.k8s.io/v1',
      'kind: EndpointSlice',
      'metadata:',
      '  name: legacy-1',
      '  namespace: default',
      '  labels:',
      '    kubernetes.io/service-name: legacy',
      '    endpointslice.kubernetes.io/managed-by: staff',
      'addressType: IPv4',
      'ports:',
      '  - name: postgres',
      '    protocol: TCP',
      '    port: 5432',
      'endpoints:',
      '  - addresses: ["192.168.10.50"]',
      '    conditions: { ready: true, serving: true, terminating: false }',
      '',
    ].join('\n'));
  });
  it('throws naming the known slices', () => {
    expect(() => findEndpointSlice(withSlice(), 'default/nope')).toThrow(/no EndpointSlice default\/nope \(known: default\/legacy-1\)/);
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
