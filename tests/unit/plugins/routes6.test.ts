// The IPv6 routes each plugin writes on a dual-stack node. Sources:
// flannel-io/flannel pkg/backend/vxlan/vxlan.go (device `flannel-v6.<VNI>`, lease network address
// as /128), vxlan_network.go handleSubnetEvents (v6VxlanRoute: Dst the lease, Gw its network
// address, RTNH_F_ONLINK); pkg/backend/hostgw; pkg/backend/wireguard (flannel-wg-v6, /128 and one
// route for the IPv6 flannel network); cilium/cilium pkg/datapath/linux/node.go
// createNodeRouteSpec (IPv6: no via, `dev cilium_host src <router IP>`), updateDirectRoutes;
// pkg/datapath/loader/netlink.go addHostDeviceAddr (/128 on cilium_host); Calico's "Overlay
// networking" limitations (IP in IP supports only IPv4); projectcalico/calico confd
// bird6_aggr.cfg.template (a blackhole per local IPv6 block), IPPool blockSize 122 for IPv6.
import { describe, expect, it } from 'vitest';
import { formatRoute6 } from '../../../src/net/route6.ts';
import { calicoInterfaceName } from '../../../src/plugins/calico.ts';
import { networkPlugin, type PluginNode, type PluginSpec } from '../../../src/plugins/index.ts';

const pod = (name: string, ip: string, hostNetwork = false) => ({ name, namespace: 'default', ip, hostNetwork });
const node1: PluginNode = { name: 'node-1', ip: 'fd00:192:168:1::11', podCIDR: 'fd00:10:244::/64', pods: [pod('web-1', 'fd00:10:244::2')] };
const node2: PluginNode = { name: 'node-2', ip: 'fd00:192:168:1::12', podCIDR: 'fd00:10:244:1::/64', pods: [pod('web-2', 'fd00:10:244:1::2')] };
const NET = 'fd00:10:244::/56';

function routes(spec: PluginSpec, node = node2, others = [node1]): string[] {
  return networkPlugin(spec).routes6!(node, others, 'eth0', NET).map(formatRoute6);
}

describe('flannel IPv6 routes', () => {
  it('vxlan: the /128 and link-local routes of flannel-v6.1, each other lease via its network address onlink, then cni0', () => {
    expect(routes({ name: 'flannel', backend: 'vxlan' })).toEqual([
      'fd00:10:244:1:: dev flannel-v6.1 proto kernel metric 256 pref medium',
      'fe80::/64 dev flannel-v6.1 proto kernel metric 256 pref medium',
      'fd00:10:244::/64 via fd00:10:244:: dev flannel-v6.1 metric 1024 onlink pref medium',
      'fd00:10:244:1::/64 dev cni0 proto kernel metric 256 pref medium',
      'fe80::/64 dev cni0 proto kernel metric 256 pref medium',
    ]);
  });
  it('host-gw: each other lease via that node\'s IPv6 address', () => {
    expect(routes({ name: 'flannel', backend: 'host-gw' })).toEqual([
      'fd00:10:244:1::/64 dev cni0 proto kernel metric 256 pref medium',
      'fe80::/64 dev cni0 proto kernel metric 256 pref medium',
      'fd00:10:244::/64 via fd00:192:168:1::11 dev eth0 metric 1024 pref medium',
    ]);
  });
  it('wireguard: flannel-wg-v6 holds the lease address and routes the whole IPv6 network, with no link-local route', () => {
    expect(routes({ name: 'flannel', backend: 'wireguard' })).toEqual([
      'fd00:10:244:1:: dev flannel-wg-v6 proto kernel metric 256 pref medium',
      'fd00:10:244::/56 dev flannel-wg-v6 metric 1024 pref medium',
      'fd00:10:244:1::/64 dev cni0 proto kernel metric 256 pref medium',
      'fe80::/64 dev cni0 proto kernel metric 256 pref medium',
    ]);
  });
  it('no cni0 routes before the first pod', () => {
    expect(routes({ name: 'flannel', backend: 'host-gw' }, { ...node2, pods: [pod('agent', 'fd00:192:168:1::12', true)] })).toEqual([
      'fd00:10:244::/64 via fd00:192:168:1::11 dev eth0 metric 1024 pref medium',
    ]);
  });
});

describe('Cilium IPv6 routes', () => {
  it('tunnel: CIDRs go to cilium_host without a via, src the router IP, other nodes\' with the route MTU', () => {
    expect(routes({ name: 'cilium', routingMode: 'tunnel' })).toEqual([
      'fd00:10:244:1::1 dev cilium_host proto kernel metric 256 pref medium',
      'fd00:10:244:1::/64 dev cilium_host proto kernel src fd00:10:244:1::1 metric 1024 pref medium',
      'fd00:10:244::/64 dev cilium_host proto kernel src fd00:10:244:1::1 metric 1024 mtu 1450 pref medium',
    ]);
  });
  it('native: other nodes\' CIDRs via their IPv6 address (autoDirectNodeRoutes)', () => {
    expect(routes({ name: 'cilium', routingMode: 'native' }).at(-1)).toBe('fd00:10:244::/64 via fd00:192:168:1::11 dev eth0 proto kernel metric 1024 pref medium');
  });
});

describe('Calico IPv6 routes', () => {
  // projectcalico/calico#2254 quotes `ip -6 route` on a Calico BGP node:
  // `8888:8888::6800/122 via 2000:1691::81 dev eth0 proto bird metric 1024 pref medium`.
  it('plain BGP: the route of another node\'s /122 block has the form quoted upstream', () => {
    const other: PluginNode = { name: 'node-1', ip: '2000:1691::81', podCIDR: '8888:8888::6800/122', pods: [] };
    expect(routes({ name: 'calico', mode: 'bgp' }, { ...node2, pods: [] }, [other]).at(-1)).toBe('8888:8888::6800/122 via 2000:1691::81 dev eth0 proto bird metric 1024 pref medium');
  });
  it('plain BGP: a blackhole for the local /122 block on lo, a route per pod to its cali veth, remote blocks via the node', () => {
    expect(routes({ name: 'calico', mode: 'bgp' })).toEqual([
      'blackhole fd00:10:244:1::/122 dev lo proto bird metric 1024 pref medium',
      `fd00:10:244:1::2 dev ${calicoInterfaceName('default', 'web-2')} metric 1024 pref medium`,
      'fd00:10:244::/122 via fd00:192:168:1::11 dev eth0 proto bird metric 1024 pref medium',
    ]);
  });
});

describe('plugins without IPv6', () => {
  it('Calico IP-in-IP carries no IPv6; its VXLAN mode is not derived', () => {
    expect(networkPlugin({ name: 'calico', mode: 'ipip' }).ipv6Unsupported?.message).toMatch(/IP-in-IP mode carries only IPv4/);
    expect(networkPlugin({ name: 'calico', mode: 'ipip' }).routes6).toBeUndefined();
    expect(networkPlugin({ name: 'calico', mode: 'vxlan' }).ipv6Unsupported).toBeUndefined();
    expect(networkPlugin({ name: 'calico', mode: 'vxlan' }).routes6).toBeUndefined();
    expect(networkPlugin({ name: 'flannel', backend: 'vxlan' }).ipv6Unsupported).toBeUndefined();
  });
});
