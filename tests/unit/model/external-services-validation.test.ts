// Validation of externalIPs and hand-written EndpointSlices (src/model/validation/external-services.ts):
// each broken fixture reports at the path a person wrote, and a nearby valid twin passes.
import { describe, expect, it } from 'vitest';
import { validateCluster, type ClusterInput, type Diagnostic } from '../../../src/model/index.ts';
import { specialAddressKind } from '../../../src/model/validation/external-services.ts';
import { BASE_FILE, baseCluster } from '../../fixtures/clusters/base-cluster.ts';

/** The base cluster plus a selectorless Service `legacy-db` (services[5]) fed by one slice. */
function withExternalDb(): ClusterInput {
  const c = baseCluster();
  c.services!.push({ name: 'legacy-db', clusterIP: '10.96.0.50', ports: [{ name: 'postgres', port: 5432 }] });
  c.endpointSlices = [{
    name: 'legacy-db-1', service: 'legacy-db',
    ports: [{ name: 'postgres', port: 5432 }],
    endpoints: [{ addresses: ['192.168.1.50'] }],
  }];
  return c;
}

function findings(c: ClusterInput): Diagnostic[] {
  return validateCluster(c, { file: BASE_FILE }).diagnostics;
}

function at(c: ClusterInput, path: string): Diagnostic[] {
  return findings(c).filter((d) => d.path === path);
}

describe('externalIPs and hand-written EndpointSlices', () => {
  it('accepts a selectorless Service with its slice and a Service with an external IP', () => {
    const c = withExternalDb();
    c.services![0]!.externalIPs = ['192.168.1.200'];
    expect(findings(c)).toEqual([]);
    const cluster = validateCluster(c, { file: BASE_FILE }).cluster!;
    expect(cluster.endpointSlices?.[0]).toMatchObject({ namespace: 'default', managedBy: 'staff', endpoints: [{ ready: true, serving: true, terminating: false }] });
    expect(cluster.services[0]!.externalIPs).toEqual(['192.168.1.200']);
  });

  it.each([
    ['192.168.1.300', 'is not a valid IPv4 address'],
    ['127.0.0.1', 'is a loopback address'],
    ['169.254.10.1', 'is a link-local address'],
    ['0.0.0.0', 'is a unspecified address'],
  ])('rejects the external IP %s', (ip, message) => {
    const c = withExternalDb();
    c.services![0]!.externalIPs = [ip];
    const d = at(c, 'services[0].externalIPs[0]');
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('error');
    expect(d[0]!.message).toContain(message);
    expect(d[0]!.file).toBe(BASE_FILE);
  });

  it('warns that kube-proxy ignores externalIPs on a headless Service', () => {
    const c = withExternalDb();
    c.services![1]!.externalIPs = ['192.168.1.200'];
    expect(at(c, 'services[1].externalIPs')).toMatchObject([{ severity: 'warning', message: 'externalIPs on a headless Service are ignored' }]);
  });

  it('warns about a selectorless Service without any slice, and not once the slice exists', () => {
    const c = withExternalDb();
    delete c.endpointSlices;
    expect(at(c, 'services[5]')).toMatchObject([{ severity: 'warning', message: 'Service legacy-db has no selector and no EndpointSlice' }]);
    expect(at(withExternalDb(), 'services[5]')).toEqual([]);
  });

  it('names an undeclared Service, a foreign node and a bad address at their paths', () => {
    const c = withExternalDb();
    c.endpointSlices![0]!.service = 'legacy';
    c.endpointSlices![0]!.endpoints[0]!.nodeName = 'node-9';
    c.endpointSlices![0]!.endpoints.push({ addresses: ['10.96.0.99'] });
    expect(at(c, 'endpointSlices[0].service')[0]!.message).toBe('Service default/legacy is not declared');
    expect(at(c, 'endpointSlices[0].endpoints[0].nodeName')[0]!.message).toContain('"node-9" is not a node of this cluster');
    expect(at(c, 'endpointSlices[0].endpoints[1].addresses[0]')[0]!.message).toContain('inside the service CIDR 10.96.0.0/12');
  });

  it('rejects the controller\'s own managed-by value and an endpoint without addresses', () => {
    const c = withExternalDb();
    c.endpointSlices![0]!.managedBy = 'endpointslice-controller.k8s.io';
    c.endpointSlices![0]!.endpoints[0]!.addresses = [];
    expect(at(c, 'endpointSlices[0].managedBy')[0]!.severity).toBe('error');
    expect(at(c, 'endpointSlices[0].endpoints[0].addresses')[0]!.message).toBe('an endpoint needs 1 to 100 addresses');
  });

  it('warns when no slice port carries the Service port name (kube-proxy joins them by name)', () => {
    const c = withExternalDb();
    c.endpointSlices![0]!.ports[0]!.name = 'pg';
    expect(at(c, 'endpointSlices[0].ports')).toMatchObject([{ severity: 'warning', message: expect.stringContaining('port "postgres" of Service legacy-db') }]);
  });

  it('warns about a slice for a Service that has a selector', () => {
    const c = withExternalDb();
    c.endpointSlices![0]!.service = 'web';
    c.endpointSlices![0]!.ports[0]!.name = 'http';
    expect(at(c, 'endpointSlices[0].service')).toMatchObject([{ severity: 'warning' }]);
  });
});

describe('specialAddressKind', () => {
  it('names the ranges the API server refuses and passes routable ones', () => {
    expect(['0.0.0.0', '127.5.0.1', '169.254.169.254', '224.0.0.251', '224.0.1.1', '192.168.1.50'].map(specialAddressKind))
      .toEqual(['unspecified', 'loopback', 'link-local', 'link-local multicast', undefined, undefined]);
  });
});
