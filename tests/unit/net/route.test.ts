// Sources: iproute2 ip/iproute.c print_route (field order); kernel net/ipv4/fib_trie.c (dump order:
// by address, the longer prefix first).
import { describe, expect, it } from 'vitest';
import { formatRoute, routeDestination, sortRoutes } from '../../../src/net/route.ts';

describe('formatRoute', () => {
  it('prints the fields in print_route order', () => {
    expect(formatRoute({ dst: '10.0.0.0/24', via: '10.0.0.1', dev: 'tunl0', proto: 'bird', scope: 'link', src: '10.0.0.9', onlink: true }))
      .toBe('10.0.0.0/24 via 10.0.0.1 dev tunl0 proto bird scope link src 10.0.0.9 onlink');
    expect(formatRoute({ type: 'blackhole', dst: '172.16.0.0/26', proto: 'bird' })).toBe('blackhole 172.16.0.0/26 proto bird');
    expect(formatRoute({ dst: 'default', via: '192.168.1.1', dev: 'eth0' })).toBe('default via 192.168.1.1 dev eth0');
  });
  it('prints the MTU metric last, as print_route prints RTA_METRICS after the flags', () => {
    // Cilium pkg/datapath/linux/node.go createNodeRouteSpec's example, with the route MTU of a tunnel.
    expect(formatRoute({ dst: '10.10.0.0/24', via: '10.10.0.1', dev: 'cilium_host', src: '10.10.0.1' })).toBe('10.10.0.0/24 via 10.10.0.1 dev cilium_host src 10.10.0.1');
    expect(formatRoute({ dst: '10.10.1.0/24', via: '10.10.0.1', dev: 'cilium_host', proto: 'kernel', src: '10.10.0.1', mtu: 1450 }))
      .toBe('10.10.1.0/24 via 10.10.0.1 dev cilium_host proto kernel src 10.10.0.1 mtu 1450');
  });
});

describe('routeDestination', () => {
  it('prints a CIDR in network form and a /32 as a bare address', () => {
    expect(routeDestination('10.244.1.0/24')).toBe('10.244.1.0/24');
    expect(routeDestination('10.244.1.7/24')).toBe('10.244.1.0/24');
    expect(routeDestination('10.244.1.7/32')).toBe('10.244.1.7');
  });
});

describe('sortRoutes (fib_trie order)', () => {
  it('puts default first and the longer prefix first for the same address', () => {
    const sorted = sortRoutes([{ dst: '10.0.0.0/8', dev: 'a' }, { dst: '10.0.0.0/24', dev: 'b' }, { dst: 'default', via: '1.1.1.1' }]);
    expect(sorted.map((r) => r.dst)).toEqual(['default', '10.0.0.0/24', '10.0.0.0/8']);
  });
  it('orders bare addresses as /32 by address', () => {
    expect(sortRoutes([{ dst: '10.0.0.9' }, { dst: '10.0.0.0/29' }, { dst: '10.0.0.3' }]).map((r) => r.dst)).toEqual(['10.0.0.0/29', '10.0.0.3', '10.0.0.9']);
  });
});
