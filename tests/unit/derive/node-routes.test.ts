// Sources: flannel pkg/backend/vxlan/vxlan_network.go (route Dst = remote lease, Gw = lease network
// address, LinkIndex = flannel.1, flag RTNH_F_ONLINK); flannel pkg/backend/hostgw (Dst = remote lease,
// Gw = remote node PublicIP, dev = external interface); a real host-gw `ip r s` in
// https://zhangguanzhang.github.io/2025/09/03/flannel-mode-chaos ("10.187.0.0/24 via 172.16.0.250 dev eth0",
// "10.187.3.0/24 dev cni0 proto kernel scope link src 10.187.3.1"); calico: libcalico-go
// VethNameForWorkload (cali + sha1("ns.pod")[:11]), BIRD blackhole for the local /26 block and
// `via <node> dev tunl0 proto bird onlink` for IPIP; iproute2 print_route field order;
// kernel net/ipv4/fib_trie.c dump order.
import { describe, expect, it } from 'vitest';
import { ipRoute, nodeRoutes } from '../../../src/derive/node-routes.ts';
import { subnetEnv } from '../../../src/derive/subnet-env.ts';
import { calicoInterfaceName } from '../../../src/plugins/calico.ts';
import { threeNodeCluster } from './fixtures.ts';

describe('flannel', () => {
  it('vxlan: cni0 for the local lease, flannel.1 onlink via each remote lease network address', () => {
    expect(ipRoute(threeNodeCluster({ name: 'flannel', backend: 'vxlan' }), 'worker-1')).toBe([
      'default via 192.168.1.1 dev eth0',
      '10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink',
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
      '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
      '',
    ].join('\n'));
  });
  it('host-gw: remote leases via the remote node IP on the node interface', () => {
    expect(ipRoute(threeNodeCluster({ name: 'flannel', backend: 'host-gw' }), 'cp')).toBe([
      'default via 192.168.1.1 dev eth0',
      '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1',
      '10.244.1.0/24 via 192.168.1.11 dev eth0',
      '10.244.2.0/24 via 192.168.1.12 dev eth0',
      '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10',
      '',
    ].join('\n'));
  });
  it('writes subnet.env as WriteSubnetFile does (vxlan MTU = 1500 - 50)', () => {
    expect(subnetEnv(threeNodeCluster({ name: 'flannel', backend: 'vxlan' }), 'worker-1')).toBe(
      'FLANNEL_NETWORK=10.244.0.0/16\nFLANNEL_SUBNET=10.244.1.1/24\nFLANNEL_MTU=1450\nFLANNEL_IPMASQ=true\n',
    );
    expect(subnetEnv(threeNodeCluster({ name: 'flannel', backend: 'host-gw' }), 'cp')).toContain('FLANNEL_MTU=1500\n');
  });
  it('refuses subnet.env for a non-flannel cluster, naming cluster and node', () => {
    expect(() => subnetEnv(threeNodeCluster({ name: 'calico', mode: 'ipip' }), 'cp')).toThrow(/three-nodes.*calico.*cp/);
  });
});

describe('calico', () => {
  it('ipip: blackhole for the local block, /32 per pod, remote blocks via tunl0 onlink', () => {
    const c = threeNodeCluster({ name: 'calico', mode: 'ipip' });
    expect(ipRoute(c, 'worker-1')).toBe([
      'default via 192.168.1.1 dev eth0',
      '192.168.0.0/26 via 192.168.1.10 dev tunl0 proto bird onlink',
      'blackhole 192.168.0.64/26 proto bird',
      `192.168.0.69 dev ${calicoInterfaceName('default', 'web-1')} scope link`,
      `192.168.0.70 dev ${calicoInterfaceName('default', 'client')} scope link`,
      '192.168.0.128/26 via 192.168.1.12 dev tunl0 proto bird onlink',
      '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.11',
      '',
    ].join('\n'));
  });
  it('bgp: remote blocks via the node IP on eth0', () => {
    const out = ipRoute(threeNodeCluster({ name: 'calico', mode: 'bgp' }), 'worker-1');
    expect(out).toContain('192.168.0.128/26 via 192.168.1.12 dev eth0 proto bird\n');
  });
});

describe('bridge', () => {
  it('only the bridge route next to the node routes; none before the first pod', () => {
    const c = threeNodeCluster({ name: 'bridge' });
    expect(ipRoute(c, 'cp')).toContain('10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1\n');
    c.nodes[0]!.pods = [];
    expect(nodeRoutes(c, 'cp').map((r) => r.dev)).toEqual(['eth0', 'eth0']);
  });
  it('takes the interface and gateway from the options', () => {
    const out = ipRoute(threeNodeCluster({ name: 'flannel', backend: 'host-gw' }), 'cp', { interfaceName: 'ens3', gateway: '192.168.1.254' });
    expect(out.split('\n').slice(0, 3)).toEqual(['default via 192.168.1.254 dev ens3', '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1', '10.244.1.0/24 via 192.168.1.11 dev ens3']);
  });
});
