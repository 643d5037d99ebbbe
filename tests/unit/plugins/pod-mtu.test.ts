// The MTU each plugin gives pods, against the plugins' own numbers:
// - Calico "Configure MTU", table "Common MTU sizes": network MTU 1500 -> 1500 (no encapsulation),
//   1480 (IP-in-IP, IPv4), 1450 (VXLAN, IPv4); 9001 (AWS jumbo) -> 8981 and 8951; 1460 (GCE) -> 1440, 1410.
// - flannel pkg/backend/vxlan (MTU = interface MTU - encapOverhead 50), pkg/backend/hostgw (the
//   interface MTU), pkg/backend/wireguard/wireguard_network.go (`overhead = 80`, MTU() = mtu - overhead).
// - The bridge CNI plugin sets a veth MTU only with its `mtu` option; the kernel's default is 1500.
// - flannel's FLANNEL_MTU in /run/flannel/subnet.env is the backend's MTU (pkg/subnet/config.go WriteSubnetFile).
import { describe, expect, it } from 'vitest';
import { networkPlugin, type PluginNode } from '../../../src/plugins/index.ts';

const node: PluginNode = { name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [] };
const other: PluginNode = { name: 'node-2', ip: '192.168.1.12', podCIDR: '10.244.1.0/24', pods: [] };

describe('pod MTU per plugin and mode', () => {
  it('Calico: the rows of Calico’s table for 1500, 9001 and 1460', () => {
    const mtu = (mode: 'bgp' | 'ipip' | 'vxlan', iface: number) => networkPlugin({ name: 'calico', mode }).podMTU(iface).mtu;
    expect([1500, 9001, 1460].map((iface) => [mtu('bgp', iface), mtu('ipip', iface), mtu('vxlan', iface)])).toEqual([
      [1500, 1480, 1450],
      [9001, 8981, 8951],
      [1460, 1440, 1410],
    ]);
  });
  it('flannel: vxlan takes 50 bytes, host-gw none, wireguard a fixed 80 (room for an IPv6 outer header)', () => {
    expect(networkPlugin({ name: 'flannel', backend: 'vxlan' }).podMTU(1500)).toEqual({ mtu: 1450, overhead: 50, reason: 'VXLAN' });
    expect(networkPlugin({ name: 'flannel', backend: 'host-gw' }).podMTU(9000)).toEqual({ mtu: 9000, overhead: 0, reason: 'no encapsulation' });
    expect(networkPlugin({ name: 'flannel', backend: 'wireguard' }).podMTU(1500)).toMatchObject({ mtu: 1420, overhead: 80 });
  });
  it('flannel writes the same MTU into subnet.env', () => {
    const env = (backend: 'vxlan' | 'host-gw' | 'wireguard') => networkPlugin({ name: 'flannel', backend }).subnetEnv!(node, '10.244.0.0/16', { interfaceMTU: 9001 });
    expect(env('vxlan')).toContain('FLANNEL_MTU=8951\n');
    expect(env('host-gw')).toContain('FLANNEL_MTU=9001\n');
    expect(env('wireguard')).toContain('FLANNEL_MTU=8921\n');
  });
  it('bridge: 1500 whatever the interface, which is too big on a 1450-byte network', () => {
    const bridge = networkPlugin({ name: 'bridge' });
    expect(bridge.podMTU(9000).mtu).toBe(1500);
    expect(bridge.podMTU(1450)).toMatchObject({ mtu: 1500, overhead: -50 });
  });
});

describe('flannel wireguard', () => {
  const wg = networkPlugin({ name: 'flannel', backend: 'wireguard' });
  it('has flannel-wg holding the lease network address and listening on UDP 51820', () => {
    expect(wg.devices(node).tunnel).toEqual({ name: 'flannel-wg', detail: '10.244.0.0/32, UDP 51820' });
  });
  it('routes the whole flannel network to flannel-wg once, even before any peer is known', () => {
    expect(wg.routes(node, [other, { ...other, name: 'node-3', ip: '192.168.1.13', podCIDR: '10.244.2.0/24' }], 'eth0', '10.244.0.0/16')).toEqual([
      { dst: '10.244.0.0/16', dev: 'flannel-wg', scope: 'link' },
    ]);
    expect(wg.routes(node, [], 'eth0', '10.244.0.0/16')).toEqual([{ dst: '10.244.0.0/16', dev: 'flannel-wg', scope: 'link' }]);
  });
  it('needs the cluster CIDR to know that route', () => {
    expect(() => wg.interNode!.crossing(node, other, 'eth0')).toThrow(/cluster CIDR/);
    expect(() => wg.routes(node, [], 'eth0')).toThrow(/cluster CIDR/);
  });
});
