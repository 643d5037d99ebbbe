// Sources: flannel Documentation/backends.md and pkg/backend/vxlan (flannel.1, VNI 1, UDP 8472, the
// device holds the lease network address); pkg/backend/hostgw; pkg/subnet/config.go WriteSubnetFile;
// containernetworking/plugins bridge (cni0, gateway = first address) and host-local (no network or
// broadcast address); Calico: libcalico-go VethNameForWorkload, IPAM block size 26, IP-in-IP on tunl0,
// VXLAN on vxlan.calico (UDP 4789, VNI 4096), default pool 192.168.0.0/16.
import { describe, expect, it } from 'vitest';
import { sha1, toHex } from '../../../src/net/hash.ts';
import { PLUGIN_MODULES, defaultClusterCIDR, exampleSpec, networkPlugin, pluginModule, type PluginNode } from '../../../src/plugins/index.ts';
import { calicoBlocks, calicoInterfaceName } from '../../../src/plugins/calico.ts';

const pod = (name: string, ip: string, hostNetwork = false) => ({ name, namespace: 'default', ip, hostNetwork });
const node1: PluginNode = { name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: [pod('web-1', '10.244.0.2')] };
const node2: PluginNode = { name: 'node-2', ip: '192.168.1.12', podCIDR: '10.244.1.0/24', pods: [pod('web-2', '10.244.1.2')] };
const block1: PluginNode = { name: 'node-1', ip: '192.168.1.11', podCIDR: '172.16.0.0/26', pods: [pod('web-1', '172.16.0.2')] };
const block2: PluginNode = { name: 'node-2', ip: '192.168.1.12', podCIDR: '172.16.0.64/26', pods: [pod('web-2', '172.16.0.66')] };

describe('lookup', () => {
  it('finds each module by name and creates the plugin for a spec', () => {
    expect(PLUGIN_MODULES.map((m) => m.name)).toEqual(['flannel', 'calico', 'cilium', 'bridge']);
    expect(pluginModule('calico')?.mode).toEqual({ field: 'mode', values: ['bgp', 'ipip', 'vxlan'] });
    expect(pluginModule('cilium')?.mode).toEqual({ field: 'routingMode', values: ['tunnel', 'native'] });
    expect(pluginModule('weave')).toBeUndefined();
    expect(networkPlugin({ name: 'flannel', backend: 'host-gw' }).summary).toBe('flannel (host-gw backend)');
    expect(() => networkPlugin({ name: 'weave' } as never)).toThrow(/unknown network plugin "weave"/);
  });
  it('gives each plugin its default pod network, flannel for an unknown one', () => {
    expect(defaultClusterCIDR({ name: 'flannel' })).toBe('10.244.0.0/16');
    expect(defaultClusterCIDR({ name: 'bridge' })).toBe('10.244.0.0/16');
    expect(defaultClusterCIDR({ name: 'calico' })).toBe('192.168.0.0/16');
    expect(defaultClusterCIDR(undefined)).toBe('10.244.0.0/16');
  });
  it('spells the suggested spec of each module as a definition would', () => {
    expect(PLUGIN_MODULES.map(exampleSpec)).toEqual([
      "{ name: 'flannel', backend: 'vxlan' }", "{ name: 'calico', mode: 'bgp' }", "{ name: 'cilium', routingMode: 'tunnel' }", "{ name: 'bridge' }",
    ]);
  });
});

describe('flannel', () => {
  const vxlan = networkPlugin({ name: 'flannel', backend: 'vxlan' });
  const hostGw = networkPlugin({ name: 'flannel', backend: 'host-gw' });
  it('puts pods on cni0 and, with vxlan, flannel.1 holding the lease network address', () => {
    expect(vxlan.devices(node2)).toEqual({ bridge: { name: 'cni0', address: '10.244.1.1/24' }, hostVeth: 'veth', tunnel: { name: 'flannel.1', detail: '10.244.1.0/32, VNI 1' } });
    expect(hostGw.devices(node2).tunnel).toBeUndefined();
    expect(vxlan.attachment(node2.pods[0]!)).toEqual({ hostDevice: 'cni0', wiring: 'bridge' });
  });
  it('crosses nodes in VXLAN on UDP 8472 (vxlan) or unchanged via the node IP (host-gw)', () => {
    expect(vxlan.interNode!.crossing(node1, node2, 'eth0')).toEqual({
      route: { dst: '10.244.1.0/24', via: '10.244.1.0', dev: 'flannel.1', onlink: true },
      device: 'flannel.1', sourceAddress: '10.244.0.0', encapsulation: { kind: 'vxlan', udpPort: 8472, vni: 1 },
    });
    expect(hostGw.interNode!.crossing(node1, node2, 'eth0')).toEqual({ route: { dst: '10.244.1.0/24', via: '192.168.1.12', dev: 'eth0' }, device: 'eth0', sourceAddress: '192.168.1.11' });
    expect(vxlan.interNode!.edgeLabel(node2)).toBe('VXLAN UDP 8472 to 10.244.1.0/24');
    expect(hostGw.interNode!.nativeNote).toContain('host-gw');
  });
  it('masquerades a packet for a local pod to the cni0 address', () => {
    expect(vxlan.localSourceAddress(node1)).toBe('10.244.0.1');
  });
  it('writes subnet.env with the MTU its backend leaves', () => {
    expect(vxlan.subnetEnv!(node2, '10.244.0.0/16', {})).toBe('FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n');
    expect(hostGw.subnetEnv!(node2, '10.244.0.0/16', { interfaceMTU: 9000, ipMasq: false })).toContain('FLANNEL_MTU=9000\nFLANNEL_IPMASQ=false\n');
  });
  it('refuses pod addresses host-local never hands out', () => {
    expect(vxlan.podAddressProblem(node2, '10.244.1.0')?.message).toBe('10.244.1.0 is the network or broadcast address of 10.244.1.0/24');
    expect(vxlan.podAddressProblem(node2, '10.244.1.255')?.hint).toContain("pick e.g. '10.244.1.2'");
    expect(vxlan.podAddressProblem(node2, '10.244.1.1')?.message).toBe('10.244.1.1 is the address of the cni0 bridge on node-2');
    expect(vxlan.podAddressProblem(node2, '10.244.1.2')).toBeUndefined();
  });
});

describe('calico', () => {
  const ipip = networkPlugin({ name: 'calico', mode: 'ipip' });
  const vxlan = networkPlugin({ name: 'calico', mode: 'vxlan' });
  const bgp = networkPlugin({ name: 'calico', mode: 'bgp' });
  it('names host-side veths cali + first 11 hex digits of sha1("<namespace>.<pod>")', () => {
    const name = calicoInterfaceName('default', 'web-1');
    expect(name).toBe(`cali${toHex(sha1('default.web-1')).slice(0, 11)}`);
    expect(name).toHaveLength(15); // IFNAMSIZ - 1
    expect(bgp.attachment(block1.pods[0]!)).toEqual({ hostDevice: name, wiring: 'routed' });
  });
  it('holds the podCIDR as one block when it is /26 or longer, else the /26 blocks of its pods', () => {
    expect(calicoBlocks(block2)).toEqual(['172.16.0.64/26']);
    const wide: PluginNode = { ...block2, podCIDR: '172.16.0.0/24', pods: [pod('a', '172.16.0.66'), pod('b', '172.16.0.130'), pod('c', '172.16.0.70')] };
    expect(calicoBlocks(wide)).toEqual(['172.16.0.64/26', '172.16.0.128/26']);
    expect(calicoBlocks({ ...wide, pods: [] })).toEqual(['172.16.0.0/26']);
  });
  it('has no bridge; the tunnel device depends on the mode', () => {
    expect(bgp.devices(block1)).toEqual({ hostVeth: 'cali*' });
    expect(ipip.devices(block1).tunnel).toEqual({ name: 'tunl0', detail: 'IP-in-IP' });
    expect(vxlan.devices(block1).tunnel).toEqual({ name: 'vxlan.calico', detail: 'VXLAN VNI 4096' });
  });
  it('routes: blackhole for the own block, /32 per pod, remote blocks per mode (felix proto 80 for VXLAN)', () => {
    expect(vxlan.routes(block1, [block2], 'eth0')).toEqual([
      { type: 'blackhole', dst: '172.16.0.0/26', proto: '80' },
      { dst: '172.16.0.2', dev: calicoInterfaceName('default', 'web-1'), scope: 'link' },
      { dst: '172.16.0.64/26', via: '172.16.0.64', dev: 'vxlan.calico', proto: '80', onlink: true },
    ]);
  });
  it('crosses nodes in IP-in-IP, VXLAN on UDP 4789, or unchanged with BGP', () => {
    expect(ipip.interNode!.crossing(block1, block2, 'eth0')).toMatchObject({ device: 'tunl0', sourceAddress: '172.16.0.0', encapsulation: { kind: 'ipip' } });
    expect(vxlan.interNode!.crossing(block1, block2, 'eth0')).toMatchObject({ device: 'vxlan.calico', encapsulation: { kind: 'vxlan', udpPort: 4789, vni: 4096 } });
    expect(bgp.interNode!.crossing(block1, block2, 'eth0')).toEqual({ route: { dst: '172.16.0.64/26', via: '192.168.1.12', dev: 'eth0', proto: 'bird' }, device: 'eth0', sourceAddress: '192.168.1.11' });
  });
  it('lets IPAM hand out every address of a block and masquerades local traffic to the node IP', () => {
    expect(bgp.podAddressProblem(block1, '172.16.0.0')).toBeUndefined();
    expect(bgp.localSourceAddress(block1)).toBe('192.168.1.11');
    expect(bgp.subnetEnv).toBeUndefined();
    expect(bgp.clusterCIDRNote).toContain('192.168.0.0/16');
  });
});

describe('bridge', () => {
  const bridge = networkPlugin({ name: 'bridge' });
  it('connects one node only, and warns when there are more', () => {
    expect(bridge.interNode).toBeUndefined();
    expect(bridge.checkNodes([node1])).toEqual([]);
    expect(bridge.checkNodes([node1, node2])).toEqual([expect.objectContaining({ path: 'nodes', severity: 'warning', message: 'the bridge plugin connects pods on one node only, but 2 nodes are declared' })]);
  });
  it('has the cni0 route once a pod is set up', () => {
    expect(bridge.routes(node1, [], 'eth0')).toEqual([{ dst: '10.244.0.0/24', dev: 'cni0', proto: 'kernel', scope: 'link', src: '10.244.0.1' }]);
    expect(bridge.routes({ ...node1, pods: [pod('agent', '192.168.1.11', true)] }, [], 'eth0')).toEqual([]);
  });
});

// Pod routes: kube-flannel.yml delegate isDefaultGateway; flannel-io/cni-plugin getDelegateIPAM (the
// flannel network as a gateway-less IPAM route); CNI pkg/ipam ConfigureIface (via the gateway);
// Calico cni-plugin network_linux.go (169.254.1.1 scope link + default via it).
describe('podRoutes', () => {
  const web2 = node2.pods[0]!;
  it('flannel: default and the cluster CIDR via the bridge address, the connected lease on eth0', () => {
    expect(networkPlugin({ name: 'flannel', backend: 'vxlan' }).podRoutes(web2, node2, '10.244.0.0/16')).toEqual([
      { dst: 'default', via: '10.244.1.1', dev: 'eth0' },
      { dst: '10.244.0.0/16', via: '10.244.1.1', dev: 'eth0' },
      { dst: '10.244.1.0/24', dev: 'eth0', proto: 'kernel', scope: 'link', src: '10.244.1.2' },
    ]);
  });
  it('bridge: no cluster route', () => {
    expect(networkPlugin({ name: 'bridge' }).podRoutes(web2, node2, '10.244.0.0/16').map((r) => r.dst)).toEqual(['default', '10.244.1.0/24']);
  });
  it('calico: the link-local next hop, whatever the block', () => {
    const routes = [{ dst: 'default', via: '169.254.1.1', dev: 'eth0' }, { dst: '169.254.1.1', dev: 'eth0', scope: 'link' }];
    for (const mode of ['bgp', 'ipip', 'vxlan'] as const) {
      expect(networkPlugin({ name: 'calico', mode }).podRoutes(block2.pods[0]!, block2, '172.16.0.0/16')).toEqual(routes);
    }
  });
});
