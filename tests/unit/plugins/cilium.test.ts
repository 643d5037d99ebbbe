// Sources (cilium/cilium): pkg/datapath/linux/node.go createNodeRouteSpec (`<CIDR> via <router IP>
// dev cilium_host src <router IP>`, route MTU for other nodes, proto kernel = linux_defaults.RTProto)
// and updateDirectRoutes (`<CIDR> via <node IP>` with autoDirectNodeRoutes); pkg/mtu/mtu.go
// (TunnelOverheadIPv4 = 50); pkg/datapath/connector/ipam.go IPv4Routes (router /32 and default via
// it with the route MTU); Documentation/network/concepts/routing.rst (VXLAN 8472, Geneve 6081);
// install/kubernetes/cilium/values.yaml (cluster-pool 10.0.0.0/8).
import { describe, expect, it } from 'vitest';
import { formatRoute } from '../../../src/net/route.ts';
import { ciliumRouterIP, type CiliumPlugin } from '../../../src/plugins/cilium.ts';
import { defaultClusterCIDR, networkPlugin, type PluginNode } from '../../../src/plugins/index.ts';

const pod = (name: string, ip: string) => ({ name, namespace: 'default', ip, hostNetwork: false });
const node1: PluginNode = { name: 'node-1', ip: '192.168.1.11', podCIDR: '10.0.0.0/24', pods: [pod('web-1', '10.0.0.21')] };
const node2: PluginNode = { name: 'node-2', ip: '192.168.1.12', podCIDR: '10.0.1.0/24', pods: [pod('web-2', '10.0.1.22')] };
const vxlan: CiliumPlugin = { name: 'cilium', routingMode: 'tunnel', kubeProxyReplacement: true, routerIPs: { 'node-1': '10.0.0.183' } };
const geneve: CiliumPlugin = { name: 'cilium', routingMode: 'tunnel', tunnelProtocol: 'geneve' };
const native: CiliumPlugin = { name: 'cilium', routingMode: 'native' };

describe('cilium', () => {
  it('uses the cluster-pool default and the router IP the definition gives, else the first address', () => {
    expect(defaultClusterCIDR({ name: 'cilium' })).toBe('10.0.0.0/8');
    expect(ciliumRouterIP(vxlan, node1)).toBe('10.0.0.183');
    expect(ciliumRouterIP(vxlan, node2)).toBe('10.0.1.1');
  });
  it('routes its own CIDR and, in tunnel mode, the other nodes’ via cilium_host with the tunnel’s route MTU', () => {
    const routes = networkPlugin(vxlan).routes(node1, [node2], 'eth0').map(formatRoute);
    expect(routes).toEqual([
      '10.0.0.0/24 via 10.0.0.183 dev cilium_host proto kernel src 10.0.0.183',
      '10.0.1.0/24 via 10.0.0.183 dev cilium_host proto kernel src 10.0.0.183 mtu 1450',
    ]);
  });
  it('routes other nodes’ CIDRs via their node IP with native routing', () => {
    expect(networkPlugin(native).routes(node1, [node2], 'eth0').map(formatRoute)).toEqual([
      '10.0.0.0/24 via 10.0.0.1 dev cilium_host proto kernel src 10.0.0.1',
      '10.0.1.0/24 via 192.168.1.12 dev eth0 proto kernel',
    ]);
    expect(networkPlugin(native).interNode!.crossing(node1, node2, 'eth0').encapsulation).toBeUndefined();
  });
  it('gives pods a default route via the router IP with the route MTU', () => {
    expect(networkPlugin(vxlan).podRoutes(node1.pods[0]!, node1, '10.0.0.0/16').map(formatRoute)).toEqual([
      'default via 10.0.0.183 dev eth0 mtu 1450',
      '10.0.0.183 dev eth0 scope link',
    ]);
    expect(networkPlugin(native).podRoutes(node1.pods[0]!, node1, '10.0.0.0/16').map(formatRoute)[0]).toBe('default via 10.0.0.1 dev eth0 mtu 1500');
  });
  it('wraps pod traffic in VXLAN on 8472 or Geneve on 6081, the VNI carrying the sender identity', () => {
    const v = networkPlugin(vxlan).interNode!.crossing(node1, node2, 'eth0');
    expect(v.encapsulation).toEqual({ kind: 'vxlan', udpPort: 8472, vni: 'sender-identity' });
    expect(v.device).toBe('cilium_vxlan');
    expect(v.lookup).toContain('ipcache');
    const g = networkPlugin(geneve).interNode!.crossing(node1, node2, 'eth0');
    expect(g.encapsulation).toEqual({ kind: 'geneve', udpPort: 6081, vni: 'sender-identity' });
    expect(g.device).toBe('cilium_geneve');
  });
  it('has cilium_host and lxc veths instead of a bridge', () => {
    expect(networkPlugin(vxlan).devices(node1)).toEqual({
      hostVeth: 'lxc*', host: { name: 'cilium_host', address: '10.0.0.183/32', peer: 'cilium_net' },
      tunnel: { name: 'cilium_vxlan', detail: 'UDP 8472, VNI = identity' },
    });
    expect(networkPlugin(native).devices(node1).tunnel).toBeUndefined();
    expect(networkPlugin(vxlan).attachment(node1.pods[0]!)).toEqual({ hostDevice: 'lxc*', wiring: 'redirect' });
  });
  it('translates Service addresses at the socket with kube-proxy replacement, per packet without', () => {
    expect(networkPlugin(vxlan).serviceTranslation).toMatchObject({ at: 'socket', replacesKubeProxy: true });
    // The Helm default still balances pod traffic to ClusterIPs per packet; kube-proxy keeps the rest.
    expect(networkPlugin(geneve).serviceTranslation).toMatchObject({ at: 'packet', replacesKubeProxy: false });
    expect(networkPlugin(vxlan).summary).toBe('Cilium (VXLAN tunnel, kube-proxy replacement)');
    expect(networkPlugin(native).summary).toBe('Cilium (native routing)');
  });
  it('refuses a pod on the router IP and a router IP outside the node’s pod CIDR', () => {
    expect(networkPlugin(vxlan).podAddressProblem(node1, '10.0.0.183')?.message).toMatch(/router IP of node-1/);
    expect(networkPlugin(vxlan).podAddressProblem(node1, '10.0.0.21')).toBeUndefined();
    const outside = networkPlugin({ ...vxlan, routerIPs: { 'node-1': '10.0.1.5' } }).checkNodes([node1, node2]);
    expect(outside).toEqual([expect.objectContaining({ path: 'plugin.routerIPs.node-1', severity: 'error' })]);
    expect(networkPlugin(vxlan).checkNodes([node1, node2])).toEqual([]);
  });
});
