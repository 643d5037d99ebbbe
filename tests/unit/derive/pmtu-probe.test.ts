// ping(8): -M do prohibits fragmentation, -s is the ICMP payload; an IPv4 echo request is
// payload + 8 (ICMP header, RFC 792) + 20 (IPv4 header without options, RFC 791). With flannel VXLAN
// the pod MTU is 1450, so 1422 bytes of payload fill it exactly.
import { describe, expect, it } from 'vitest';
import { pmtuProbe } from '../../../src/derive/pmtu-probe.ts';
import { threeNodeCluster } from './fixtures.ts';

describe('pmtuProbe', () => {
  it('sizes the pings to the pod MTU of the cluster’s plugin', () => {
    expect(pmtuProbe(threeNodeCluster(), 'client', 'web-2')).toEqual({
      podMTU: 1450, payload: 1422, fits: 'ping -M do -s 1422 -c 3 10.244.2.7', tooBig: 'ping -M do -s 1423 -c 3 10.244.2.7',
    });
    expect(pmtuProbe(threeNodeCluster({ name: 'calico', mode: 'ipip' }), 'client', 'web-2').payload).toBe(1452);
    expect(pmtuProbe(threeNodeCluster({ name: 'flannel', backend: 'host-gw' }), 'client', 'web-2', 9001).payload).toBe(8973);
  });
  it('names a pod that does not exist', () => {
    expect(() => pmtuProbe(threeNodeCluster(), 'nobody', 'web-2')).toThrow(/nobody/);
  });
});
