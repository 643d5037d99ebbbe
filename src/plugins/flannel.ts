/**
 * Flannel: one lease (the node's podCIDR) per node, pods on the cni0 bridge, and a backend that
 * carries pod traffic between nodes. Sources: flannel Documentation/kube-flannel.yml (net-conf.json
 * Network 10.244.0.0/16), Documentation/backends.md; pkg/backend/vxlan (flannel.1, VNI 1, Linux's
 * default UDP port 8472, route `<lease> via <lease network address> dev flannel.1 onlink`, the device
 * holds the lease network address as /32); pkg/backend/hostgw (`<lease> via <node IP> dev <iface>`);
 * pkg/subnet/config.go WriteSubnetFile (subnet.env); flannel-io/cni-plugin flannel_linux.go
 * getDelegateIPAM (pod routes).
 */
import { addressAt, nthAddress } from '../net/cidr.ts';
import { encapsulationOverhead, NODE_INTERFACE_MTU, WIREGUARD_IPV6_OVERHEAD, type Encapsulation } from '../net/encapsulation.ts';
import { routeDestination, type Route } from '../net/route.ts';
import { bridgeAddress, bridgeAttachment, bridgeOf, bridgePodRoutes, bridgeRoutes, hostLocalAddressProblem } from './cni-bridge.ts';
import { flannelMasqRules } from './flannel-masq.ts';
import { flannelRoutes6 } from './flannel-v6.ts';
import type { InterNodeLink, NetworkPlugin, PluginModule, PluginNode, PodMTU } from './plugin.ts';

/** Flannel, an L2 overlay (or direct routes with host-gw). */
export interface FlannelPlugin {
  /** Plugin name. */
  name: 'flannel';
  /**
   * Flannel backend: `vxlan` (flannel.1, UDP 8472), `host-gw` (direct routes, nodes share an L2
   * segment) or `wireguard` (flannel-wg, encrypted, UDP 51820).
   */
  backend: 'vxlan' | 'host-gw' | 'wireguard';
}

// The compiler rejects a list that misses or adds a backend.
const BACKENDS = Object.keys({ vxlan: true, 'host-gw': true, wireguard: true } satisfies Record<FlannelPlugin['backend'], true>);

/** kube-flannel.yml net-conf.json "Network". */
export const FLANNEL_CLUSTER_CIDR = '10.244.0.0/16';
/** The VXLAN device flanneld creates. */
const VXLAN_DEVICE = 'flannel.1';
/** Linux's VXLAN default port, which flannel keeps (not IANA's 4789). */
export const FLANNEL_VXLAN_PORT = 8472;
const FLANNEL_VNI = 1;
const VXLAN: Encapsulation = { kind: 'vxlan', udpPort: FLANNEL_VXLAN_PORT, vni: FLANNEL_VNI };

/** The WireGuard device flanneld creates (IPv4, `Mode: separate`, the default). */
const WIREGUARD_DEVICE = 'flannel-wg';
/** flannel's wireguard backend `ListenPort` default. */
export const FLANNEL_WIREGUARD_PORT = 51820;
const WIREGUARD: Encapsulation = { kind: 'wireguard', udpPort: FLANNEL_WIREGUARD_PORT };

/** flannel.1 and flannel-wg hold the lease's network address; VXLAN routes to a lease go via that address. */
function vxlanAddress(node: PluginNode): string {
  return addressAt(node.podCIDR, 0);
}

function vxlanLink(): InterNodeLink {
  return {
    crossing: (from, to) => ({
      route: { dst: routeDestination(to.podCIDR), via: vxlanAddress(to), dev: VXLAN_DEVICE, onlink: true },
      device: VXLAN_DEVICE,
      sourceAddress: vxlanAddress(from),
      encapsulation: VXLAN,
    }),
    sentence:
      `Pod traffic between nodes is wrapped in VXLAN (UDP port ${FLANNEL_VXLAN_PORT}) by the ${VXLAN_DEVICE} device ` +
      'and sent to the other node’s eth0.',
    edgeLabel: (node) => `VXLAN UDP ${FLANNEL_VXLAN_PORT} to ${node.podCIDR}`,
    walkSentence: `${VXLAN_DEVICE} wraps the pod packet in a VXLAN/UDP packet between the node IPs and unwraps it on the other side.`,
  };
}

function hostGwLink(): InterNodeLink {
  return {
    crossing: (from, to, iface) => ({
      route: { dst: routeDestination(to.podCIDR), via: to.ip, dev: iface },
      device: iface,
      sourceAddress: from.ip,
    }),
    sentence:
      'Each node has a direct route to every other node’s pod CIDR via that node’s eth0 IP, ' +
      'so packets cross unencapsulated (host-gw needs all nodes on one L2 segment).',
    edgeLabel: (node) => `route ${node.podCIDR} via ${node.ip}`,
    walkSentence: `flannel host-gw routes the pod packet to the other node's IP unchanged (the nodes must share an L2 segment).`,
    nativeNote: 'sent unchanged to the next node (host-gw)',
  };
}

/**
 * flanneld's wireguard backend: one link route for the whole flannel network on flannel-wg (the
 * local lease's cni0 route is more specific), and WireGuard picks the peer by its AllowedIPs (the
 * other node's lease), sending to that node's IP on UDP 51820.
 */
function wireguardRoute(clusterCIDR: string | undefined): Route {
  return { dst: wireguardNetwork(clusterCIDR), dev: WIREGUARD_DEVICE, scope: 'link' };
}

function wireguardLink(): InterNodeLink {
  return {
    crossing: (from, _to, _iface, clusterCIDR) => ({
      route: wireguardRoute(clusterCIDR),
      device: WIREGUARD_DEVICE,
      sourceAddress: vxlanAddress(from),
      encapsulation: WIREGUARD,
    }),
    sentence:
      `Pod traffic between nodes is encrypted by the ${WIREGUARD_DEVICE} WireGuard device and sent in UDP ` +
      `(port ${FLANNEL_WIREGUARD_PORT}) to the other node’s eth0.`,
    edgeLabel: (node) => `WireGuard UDP ${FLANNEL_WIREGUARD_PORT} to ${node.podCIDR}`,
    walkSentence: `${WIREGUARD_DEVICE} encrypts the pod packet into a WireGuard/UDP packet between the node IPs and decrypts it on the other side.`,
  };
}

function wireguardNetwork(clusterCIDR: string | undefined): string {
  if (clusterCIDR === undefined) throw new Error('flannel wireguard routes the whole flannel network to flannel-wg: pass the cluster CIDR');
  return routeDestination(clusterCIDR);
}

/**
 * What each backend reserves: flannel subtracts its backend's overhead from the interface MTU
 * (vxlan encapOverhead 50; the wireguard backend a fixed 80, room for an IPv6 outer header even
 * when the peers talk IPv4; host-gw nothing) and writes the result as FLANNEL_MTU.
 */
function flannelPodMTU(backend: FlannelPlugin['backend'], interfaceMTU: number): PodMTU {
  switch (backend) {
    case 'vxlan':
      return { mtu: interfaceMTU - encapsulationOverhead(VXLAN), overhead: encapsulationOverhead(VXLAN), reason: 'VXLAN' };
    case 'wireguard':
      return { mtu: interfaceMTU - WIREGUARD_IPV6_OVERHEAD, overhead: WIREGUARD_IPV6_OVERHEAD, reason: 'WireGuard, with room for an IPv6 outer header' };
    case 'host-gw':
      return { mtu: interfaceMTU, overhead: 0, reason: 'no encapsulation' };
  }
}

function createFlannel(spec: FlannelPlugin): NetworkPlugin {
  const vxlan = spec.backend === 'vxlan';
  const link = vxlan ? vxlanLink() : spec.backend === 'wireguard' ? wireguardLink() : hostGwLink();
  return {
    summary: `flannel (${spec.backend} backend)`,
    clusterCIDRNote: '',
    podAddressProblem: hostLocalAddressProblem,
    checkNodes: () => [],
    devices: (node) => ({
      bridge: bridgeOf(node),
      hostVeth: 'veth',
      ...(vxlan ? { tunnel: { name: VXLAN_DEVICE, detail: `${nthAddress(node.podCIDR, 0) ?? '?'}/32, VNI ${FLANNEL_VNI}` } } : {}),
      ...(spec.backend === 'wireguard'
        ? { tunnel: { name: WIREGUARD_DEVICE, detail: `${nthAddress(node.podCIDR, 0) ?? '?'}/32, UDP ${FLANNEL_WIREGUARD_PORT}` } }
        : {}),
    }),
    attachment: bridgeAttachment,
    localSourceAddress: bridgeAddress,
    // flannel-io/cni-plugin getDelegateIPAM adds the whole flannel network (FLANNEL_NETWORK) as an
    // IPAM route without a gateway, so each pod gets a third route: the cluster CIDR via cni0.
    podRoutes: (pod, node, clusterCIDR) => bridgePodRoutes(pod, node, [clusterCIDR]),
    routes: (node, others, iface, clusterCIDR) => [
      ...bridgeRoutes(node),
      // wireguard: one route for the whole network, added when flannel-wg is configured (device.go
      // Configure -> upAndAddRoute), before any peer is known.
      ...(spec.backend === 'wireguard'
        ? [wireguardRoute(clusterCIDR)]
        : others.map((other): Route => link.crossing(node, other, iface, clusterCIDR).route)),
    ],
    routes6: (node, others, iface, clusterCIDR) => flannelRoutes6(spec.backend, node, others, iface, clusterCIDR),
    podMTU: (interfaceMTU) => flannelPodMTU(spec.backend, interfaceMTU),
    interNode: link,
    masqueradeRules: (node, clusterCIDR) => flannelMasqRules(node, clusterCIDR),
    subnetEnv: (node, clusterCIDR, options) =>
      [
        `FLANNEL_NETWORK=${clusterCIDR}`,
        // The lease's first address with its prefix, e.g. 10.244.1.0/24 -> 10.244.1.1/24.
        `FLANNEL_SUBNET=${bridgeOf(node).address}`,
        `FLANNEL_MTU=${flannelPodMTU(spec.backend, options.interfaceMTU ?? NODE_INTERFACE_MTU).mtu}`,
        `FLANNEL_IPMASQ=${options.ipMasq ?? true}`,
        '',
      ].join('\n'),
  };
}

/** The flannel module. */
export const flannel: PluginModule<FlannelPlugin> = {
  name: 'flannel',
  mode: { field: 'backend', values: BACKENDS },
  defaultClusterCIDR: FLANNEL_CLUSTER_CIDR,
  create: createFlannel,
};
