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
import { innerMTU, type Encapsulation } from '../net/encapsulation.ts';
import { routeDestination, type Route } from '../net/route.ts';
import { bridgeAddress, bridgeAttachment, bridgeOf, bridgePodRoutes, bridgeRoutes, hostLocalAddressProblem } from './cni-bridge.ts';
import { flannelMasqRules } from './flannel-masq.ts';
import type { InterNodeLink, NetworkPlugin, PluginModule, PluginNode } from './plugin.ts';

/** Flannel, an L2 overlay (or direct routes with host-gw). */
export interface FlannelPlugin {
  /** Plugin name. */
  name: 'flannel';
  /** Flannel backend: `vxlan` (flannel.1, UDP 8472) or `host-gw` (direct routes, nodes share an L2 segment). */
  backend: 'vxlan' | 'host-gw';
}

// The compiler rejects a list that misses or adds a backend.
const BACKENDS = Object.keys({ vxlan: true, 'host-gw': true } satisfies Record<FlannelPlugin['backend'], true>);

/** kube-flannel.yml net-conf.json "Network". */
export const FLANNEL_CLUSTER_CIDR = '10.244.0.0/16';
/** The VXLAN device flanneld creates. */
const VXLAN_DEVICE = 'flannel.1';
/** Linux's VXLAN default port, which flannel keeps (not IANA's 4789). */
export const FLANNEL_VXLAN_PORT = 8472;
const FLANNEL_VNI = 1;
const VXLAN: Encapsulation = { kind: 'vxlan', udpPort: FLANNEL_VXLAN_PORT, vni: FLANNEL_VNI };

/** flannel.1 holds the lease's network address, and routes to a lease go via that address. */
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

function createFlannel(spec: FlannelPlugin): NetworkPlugin {
  const vxlan = spec.backend === 'vxlan';
  const link = vxlan ? vxlanLink() : hostGwLink();
  return {
    summary: `flannel (${spec.backend} backend)`,
    clusterCIDRNote: '',
    podAddressProblem: hostLocalAddressProblem,
    checkNodes: () => [],
    devices: (node) => ({
      bridge: bridgeOf(node),
      hostVeth: 'veth',
      ...(vxlan ? { tunnel: { name: VXLAN_DEVICE, detail: `${nthAddress(node.podCIDR, 0) ?? '?'}/32, VNI ${FLANNEL_VNI}` } } : {}),
    }),
    attachment: bridgeAttachment,
    localSourceAddress: bridgeAddress,
    // flannel-io/cni-plugin getDelegateIPAM adds the whole flannel network (FLANNEL_NETWORK) as an
    // IPAM route without a gateway, so each pod gets a third route: the cluster CIDR via cni0.
    podRoutes: (pod, node, clusterCIDR) => bridgePodRoutes(pod, node, [clusterCIDR]),
    routes: (node, others, iface) => [
      ...bridgeRoutes(node),
      ...others.map((other): Route => link.crossing(node, other, iface).route),
    ],
    interNode: link,
    masqueradeRules: (node, clusterCIDR) => flannelMasqRules(node, clusterCIDR),
    subnetEnv: (node, clusterCIDR, options) =>
      [
        `FLANNEL_NETWORK=${clusterCIDR}`,
        // The lease's first address with its prefix, e.g. 10.244.1.0/24 -> 10.244.1.1/24.
        `FLANNEL_SUBNET=${bridgeOf(node).address}`,
        `FLANNEL_MTU=${innerMTU(options.interfaceMTU ?? 1500, vxlan ? VXLAN : undefined)}`,
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
