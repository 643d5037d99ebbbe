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
  it('is modelled for flannel host-gw only among the overlay plugins', () => {
    expect(hasIpv6Routes(cluster)).toBe(true);
    expect(hasIpv6Routes({ ...cluster, plugin: { name: 'flannel', backend: 'vxlan' } })).toBe(false);
    expect(() => nodeRoutes6({ ...cluster, plugin: { name: 'flannel', backend: 'vxlan' } }, 'node-1')).toThrow(/host-gw/);
  });
});
