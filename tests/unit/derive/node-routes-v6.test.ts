// `ip -6 route` on a dual-stack node. Print form: iproute2 ip/iproute.c print_route (metric and
// `pref medium` on every IPv6 route, no `scope link src` on connected ones); metrics 256 (kernel,
// IP6_RT_PRIO_ADDRCONF) and 1024 (IP6_RT_PRIO_USER); flannel pkg/backend/hostgw adds
// `<lease> via <node IPv6> dev <iface>` for every other node's IPv6 lease.
import { describe, expect, it } from 'vitest';
import { formatRoute6, hasIpv6Routes, ip6Route, nodeRoutes6 } from '../../../src/derive/node-routes-v6.ts';
import { validateCluster } from '../../../src/model/index.ts';
import definition from '../../../diagrams/dual-stack.ts';

const cluster = validateCluster(definition, { file: 'diagrams/dual-stack.ts' }).cluster!;

describe('ip -6 route', () => {
  it('prints the IPv6 form of a route', () => {
    expect(formatRoute6({ dst: 'fd00:10:244:1::/64', via: 'fd00:192:168:1::12', dev: 'eth0', metric: 1024 }))
      .toBe('fd00:10:244:1::/64 via fd00:192:168:1::12 dev eth0 metric 1024 pref medium');
  });
  it('routes the other node lease via its IPv6 address, and puts default last', () => {
    const lines = ip6Route(cluster, 'node-2').trimEnd().split('\n');
    expect(lines[0]).toBe('::1 dev lo proto kernel metric 256 pref medium');
    expect(lines).toContain('fd00:10:244::/64 via fd00:192:168:1::11 dev eth0 metric 1024 pref medium');
    expect(lines).toContain('fd00:10:244:1::/64 dev cni0 proto kernel metric 256 pref medium');
    expect(lines.at(-1)).toBe('default via fd00:192:168:1::1 dev eth0 metric 1024 pref medium');
  });
  it('lists routes in address order, the link-local ones after the ULA ones', () => {
    const dsts = nodeRoutes6(cluster, 'node-1').map((r) => r.dst);
    expect(dsts).toEqual(['::1', 'fd00:10:244::/64', 'fd00:10:244:1::/64', 'fd00:192:168:1::/64', 'fe80::/64', 'fe80::/64', 'default']);
  });
  it('is modelled for flannel, the bridge plugin and Cilium, not for Calico', () => {
    expect(hasIpv6Routes(cluster)).toBe(true);
    expect(hasIpv6Routes({ ...cluster, plugin: { name: 'flannel', backend: 'vxlan' } })).toBe(true);
    expect(hasIpv6Routes({ ...cluster, plugin: { name: 'calico', mode: 'vxlan' } })).toBe(false);
    expect(() => nodeRoutes6({ ...cluster, plugin: { name: 'calico', mode: 'vxlan' } }, 'node-1')).toThrow(/not Calico \(VXLAN mode\)/);
  });
  it('flannel vxlan: the whole table of node-2, flannel-v6.1 before cni0 among the link-local routes', () => {
    expect(ip6Route({ ...cluster, plugin: { name: 'flannel', backend: 'vxlan' } }, 'node-2')).toBe([
      '::1 dev lo proto kernel metric 256 pref medium',
      'fd00:10:244::/64 via fd00:10:244:: dev flannel-v6.1 metric 1024 onlink pref medium',
      'fd00:10:244:1:: dev flannel-v6.1 proto kernel metric 256 pref medium',
      'fd00:10:244:1::/64 dev cni0 proto kernel metric 256 pref medium',
      'fd00:192:168:1::/64 dev eth0 proto kernel metric 256 pref medium',
      'fe80::/64 dev eth0 proto kernel metric 256 pref medium',
      'fe80::/64 dev flannel-v6.1 proto kernel metric 256 pref medium',
      'fe80::/64 dev cni0 proto kernel metric 256 pref medium',
      'default via fd00:192:168:1::1 dev eth0 metric 1024 pref medium',
      '',
    ].join('\n'));
  });
  it('flannel wireguard: the /128 of flannel-wg-v6 before the cni0 lease, the /56 after both', () => {
    const dsts = nodeRoutes6({ ...cluster, plugin: { name: 'flannel', backend: 'wireguard' } }, 'node-1').map((r) => `${r.dst} ${r.dev}`);
    expect(dsts.slice(1, 4)).toEqual(['fd00:10:244:: flannel-wg-v6', 'fd00:10:244::/64 cni0', 'fd00:10:244::/56 flannel-wg-v6']);
  });
  it('Cilium tunnel: the router IP /128, then the node CIDRs on cilium_host', () => {
    const lines = ip6Route({ ...cluster, plugin: { name: 'cilium', routingMode: 'tunnel' } }, 'node-1').trimEnd().split('\n');
    expect(lines.slice(1, 4)).toEqual([
      'fd00:10:244::1 dev cilium_host proto kernel metric 256 pref medium',
      'fd00:10:244::/64 dev cilium_host proto kernel src fd00:10:244::1 metric 1024 pref medium',
      'fd00:10:244:1::/64 dev cilium_host proto kernel src fd00:10:244::1 metric 1024 mtu 1450 pref medium',
    ]);
  });
});

describe('ip -6 route with Calico plain BGP', () => {
  it('puts each pod /128 before the blackhole of its block, the blocks in address order', () => {
    const dsts = nodeRoutes6({ ...cluster, plugin: { name: 'calico', mode: 'bgp' } }, 'node-2').map((r) => `${r.type ?? ''}${r.dst} ${r.dev}`);
    expect(dsts.slice(0, 4)).toEqual(['::1 lo', 'fd00:10:244::/122 eth0', expect.stringMatching(/^fd00:10:244:1::\w+ cali[0-9a-f]{11}$/), expect.stringMatching(/^fd00:10:244:1::\w+ cali[0-9a-f]{11}$/)]);
    expect(dsts).toContain('blackholefd00:10:244:1::/122 lo');
    expect(dsts.indexOf('blackholefd00:10:244:1::/122 lo')).toBeLessThan(dsts.indexOf('fd00:192:168:1::/64 eth0'));
  });
});
