// Sources: kube-flannel.yml cni-conf.json (delegate "isDefaultGateway": true); containernetworking
// plugins/main/bridge calcGateways (default route via the gateway when isDefaultGateway) and
// pkg/ipam ConfigureIface (IPAM routes without a gateway go via the interface's gateway);
// flannel-io/cni-plugin flannel_linux.go getDelegateIPAM (adds the flannel network as an IPAM
// route); Calico cni-plugin internal/pkg/utils/network_linux.go (169.254.1.1 link route + default
// via it); a real flannel pod: "default via 10.244.0.1 dev eth0", "10.244.0.0/16 via 10.244.0.1 dev eth0".
import { describe, expect, it } from 'vitest';
import { podIpRoute, podRoutes } from '../../../src/derive/pod-routes.ts';
import { ipRoute } from '../../../src/derive/node-routes.ts';
import { threeNodeCluster } from './fixtures.ts';

describe('podIpRoute', () => {
  it('flannel: default and the cluster CIDR via cni0, then the connected pod subnet (three routes)', () => {
    expect(podIpRoute(threeNodeCluster({ name: 'flannel', backend: 'vxlan' }), 'client')).toBe([
      'default via 10.244.1.1 dev eth0',
      '10.244.0.0/16 via 10.244.1.1 dev eth0',
      '10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.6',
      '',
    ].join('\n'));
  });
  it('flannel host-gw: the same pod routes (the backend only changes the node)', () => {
    expect(podIpRoute(threeNodeCluster({ name: 'flannel', backend: 'host-gw' }), 'client'))
      .toBe(podIpRoute(threeNodeCluster({ name: 'flannel', backend: 'vxlan' }), 'client'));
  });
  it('bridge alone: default via the bridge and the connected subnet, no cluster route (two routes)', () => {
    expect(podIpRoute(threeNodeCluster({ name: 'bridge' }), 'default/client')).toBe([
      'default via 10.244.1.1 dev eth0',
      '10.244.1.0/24 dev eth0 proto kernel scope link src 10.244.1.6',
      '',
    ].join('\n'));
  });
  it('calico: default via 169.254.1.1 and the link route to it; the /32 address adds no subnet route', () => {
    expect(podIpRoute(threeNodeCluster({ name: 'calico', mode: 'ipip' }), 'client')).toBe([
      'default via 169.254.1.1 dev eth0',
      '169.254.1.1 dev eth0 scope link',
      '',
    ].join('\n'));
  });
  it('sorts the connected route first when it starts at the cluster CIDR address (longer prefix first)', () => {
    const routes = podRoutes(threeNodeCluster(), 'kube-system/coredns-a');
    expect(routes.map((r) => r.dst)).toEqual(['default', '10.244.0.0/24', '10.244.0.0/16']);
  });
  it('a hostNetwork pod sees its node\'s table', () => {
    expect(podIpRoute(threeNodeCluster(), 'kube-system/node-agent')).toBe(ipRoute(threeNodeCluster(), 'worker-2'));
  });
  it('names the known pods for an unknown one', () => {
    expect(() => podRoutes(threeNodeCluster(), 'nope')).toThrow(/nope/);
  });
});
