// `ip -6 route` print form and dump order. The literal lines are real `ip -6 route` output quoted
// in openNDS/mesh11sd#175 (iproute2 print_route: `metric N onlink pref medium`, `metric` before
// `mtu` before `pref`), and their order shows fib6_walk's children-first walk: the /64 prints
// before the /48 that contains it, fe80::/64 after the ULA prefixes, default last. The WireGuard
// lines are `ip -6 route` on a kernel WireGuard device from nexodus-io/nexodus's documentation: a
// route added with scope link prints without scope and with metric 1024, the /128 before the /64.
import { describe, expect, it } from 'vitest';
import { compareRoute6, formatRoute6, sortRoutes6, type Route6 } from '../../../src/net/route6.ts';

describe('formatRoute6', () => {
  it('prints onlink after the metric, as iproute2 does', () => {
    expect(formatRoute6({ dst: 'fd46:cfe5:34c5:ddd6::/64', dev: 'br-lan', proto: 'static', metric: 512, onlink: true }))
      .toBe('fd46:cfe5:34c5:ddd6::/64 dev br-lan proto static metric 512 onlink pref medium');
  });
  it('prints a connected route without scope or src', () => {
    expect(formatRoute6({ dst: 'fe80::/64', dev: 'br-lan', proto: 'kernel', metric: 256 })).toBe('fe80::/64 dev br-lan proto kernel metric 256 pref medium');
  });
  it('prints a reject route with its type first, on lo', () => {
    expect(formatRoute6({ type: 'blackhole', dst: 'fd00:10:244:1::/122', dev: 'lo', proto: 'bird', metric: 1024 }))
      .toBe('blackhole fd00:10:244:1::/122 dev lo proto bird metric 1024 pref medium');
  });
  it('prints src before the metric and mtu after it', () => {
    expect(formatRoute6({ dst: 'fd00:10:244::/64', dev: 'cilium_host', proto: 'kernel', src: 'fd00:10:244:1::1', metric: 1024, mtu: 1450 }))
      .toBe('fd00:10:244::/64 dev cilium_host proto kernel src fd00:10:244:1::1 metric 1024 mtu 1450 pref medium');
  });
});

describe('a WireGuard device (nexodus-io/nexodus docs)', () => {
  it('prints a link route without scope, metric 1024, and sorts the /128 before the /64 holding it', () => {
    const routes = sortRoutes6([
      { dst: '200::/64', dev: 'wg0', proto: 'kernel', metric: 256 },
      { dst: '200::2', dev: 'wg0', metric: 1024 },
    ]);
    expect(routes.map(formatRoute6)).toEqual(['200::2 dev wg0 metric 1024 pref medium', '200::/64 dev wg0 proto kernel metric 256 pref medium']);
  });
});

describe('dump order', () => {
  const r = (dst: string, dev = 'br-lan'): Route6 => ({ dst, dev, metric: 1024 });
  it('prints a prefix after the routes it contains, disjoint prefixes in address order, default last', () => {
    const shuffled = [r('default'), r('fe80::/64'), r('fd87:f9c0:d089::/48', 'lo'), r('fd46:cfe5:34c5:ddd6::/64'), r('fd87:f9c0:d089::/64'), r('fd39:2821:bf83:8::/64'), r('2a0d:3344:1d9:3c08::/64')];
    expect(sortRoutes6(shuffled).map((x) => x.dst)).toEqual([
      '2a0d:3344:1d9:3c08::/64', 'fd39:2821:bf83:8::/64', 'fd46:cfe5:34c5:ddd6::/64', 'fd87:f9c0:d089::/64', 'fd87:f9c0:d089::/48', 'fe80::/64', 'default',
    ]);
  });
  it('prints a /128 before the /64 holding it, and keeps routes of one prefix in the order they were added', () => {
    expect(compareRoute6(r('fd00:10:244:1::'), r('fd00:10:244:1::/64'))).toBe(-1);
    expect(compareRoute6(r('fd00:10:244::/56'), r('fd00:10:244:1::/64'))).toBe(1);
    expect(sortRoutes6([r('fe80::/64', 'eth0'), r('fe80::/64', 'cni0')]).map((x) => x.dev)).toEqual(['eth0', 'cni0']);
  });
});
