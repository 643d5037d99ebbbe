// EndpointSlices per family: the controller writes one slice per entry of spec.ipFamilies
// (kubernetes pkg/controller/endpointslice reconciler, getAddressTypesForService).
import { describe, expect, it } from 'vitest';
import { endpointSlicesByFamily, serviceEndpoints } from '../../../src/derive/endpoints.ts';
import { threeNodeCluster } from './fixtures.ts';

function dualPods() {
  const c = threeNodeCluster();
  c.network.serviceCIDRs = ['10.96.0.0/12', 'fd00:10:96::/112'];
  for (const node of c.nodes) {
    for (const pod of node.pods) if (!pod.hostNetwork) pod.podIPs = [pod.ip, `fd00:10:244:${pod.ip.split('.')[2]}::${pod.ip.split('.')[3]}`];
  }
  return c;
}

describe('endpointSlicesByFamily', () => {
  it('gives a single-stack Service one slice, of its family, even when its pods are dual-stack', () => {
    const c = dualPods();
    const svc = c.services.find((s) => s.selector && s.name !== 'kube-dns')!;
    const slices = endpointSlicesByFamily(c, svc);
    expect(slices.map((s) => s.addressType)).toEqual(['IPv4']);
    expect(slices[0]!.addresses.every((a) => !a.ip.includes(':'))).toBe(true);
  });
  it('gives a dual-stack Service a slice per family, with each pod in both', () => {
    const c = dualPods();
    const svc = { ...c.services.find((s) => s.selector && s.name !== 'kube-dns')!, ipFamilies: ['IPv6', 'IPv4'] as Array<'IPv4' | 'IPv6'> };
    const slices = endpointSlicesByFamily(c, svc);
    expect(slices.map((s) => s.addressType)).toEqual(['IPv6', 'IPv4']);
    expect(slices[0]!.addresses.map((a) => a.pod.name)).toEqual(slices[1]!.addresses.map((a) => a.pod.name));
    expect(slices[0]!.addresses[0]!.ip).toMatch(/^fd00:10:244:/);
    expect(serviceEndpoints(c, svc, svc.ports[0]!, 'IPv6').map((e) => e.ip)).toEqual(slices[0]!.addresses.map((a) => a.ip));
  });
});
