// Sources: RFC 7348 (VXLAN: outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 bytes), flannel
// pkg/backend/vxlan encapOverhead = 50; RFC 2003 (IP-in-IP: one outer IPv4 header of 20 bytes);
// Calico docs "Configure MTU" (1480 for IP-in-IP and 1450 for VXLAN on a 1500-byte network);
// RFC 8926 (Geneve: an 8-byte base header, options optional) and Cilium pkg/mtu/mtu.go
// (TunnelOverheadIPv4 = 50 for either tunnel).
import { describe, expect, it } from 'vitest';
import { GENEVE_PORT, encapsulationOverhead, innerMTU, WIREGUARD_IPV4_OVERHEAD, WIREGUARD_IPV6_OVERHEAD } from '../../../src/net/encapsulation.ts';

describe('encapsulation overhead and MTU', () => {
  it('takes 50 bytes for VXLAN and 20 for IP-in-IP', () => {
    expect(encapsulationOverhead({ kind: 'vxlan', udpPort: 4789, vni: 4096 })).toBe(50);
    expect(encapsulationOverhead({ kind: 'ipip' })).toBe(20);
  });
  it('takes 50 bytes for Geneve without options, as Cilium counts it', () => {
    expect(encapsulationOverhead({ kind: 'geneve', udpPort: GENEVE_PORT, vni: 'sender-identity' })).toBe(50);
    expect(innerMTU(1500, { kind: 'geneve', udpPort: GENEVE_PORT, vni: 'sender-identity' })).toBe(1450);
    expect(GENEVE_PORT).toBe(6081);
  });
  it('leaves the interface MTU minus the overhead for the inner packet, all of it without a tunnel', () => {
    expect(innerMTU(1500, { kind: 'vxlan', udpPort: 8472, vni: 1 })).toBe(1450);
    expect(innerMTU(1500, { kind: 'ipip' })).toBe(1480);
    expect(innerMTU(9001, undefined)).toBe(9001);
  });
});

// WireGuard: the whitepaper's transport data message (type and reserved 4, receiver 4, counter 8,
// Poly1305 tag 16) in UDP 8 and IPv4 20; Calico's MTU page: "IPv4 WireGuard uses a 60-byte header".
describe('WireGuard overhead', () => {
  it('takes 60 bytes with an IPv4 outer header (Calico’s 1440 on a 1500-byte network)', () => {
    expect(encapsulationOverhead({ kind: 'wireguard', udpPort: 51820 })).toBe(60);
    expect(innerMTU(1500, { kind: 'wireguard', udpPort: 51820 })).toBe(1440);
    expect(WIREGUARD_IPV6_OVERHEAD - WIREGUARD_IPV4_OVERHEAD).toBe(20);
  });
});
