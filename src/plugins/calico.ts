/**
 * Calico: no bridge; each pod's host-side veth is `cali<hash>`, reached by a /32 route (proxy ARP),
 * and Calico IPAM hands each node /26 blocks of the pool. Sources: calico manifests
 * (CALICO_IPV4POOL_CIDR 192.168.0.0/16 when kubeadm gives none, block size 26); libcalico-go
 * VethNameForWorkload; BIRD templates in calico/node (`blackhole <local block> proto bird`, remote
 * blocks `via <node IP> dev tunl0 proto bird onlink` for IP-in-IP or `dev <iface> proto bird` for
 * plain BGP); felix programs VXLAN routes (`proto 80`, via the remote block's tunnel address on
 * vxlan.calico, UDP 4789, VNI 4096).
 */
import { addressAt, enclosingNetwork, prefixLength } from '../net/cidr.ts';
import { encapsulationOverhead, IPIP_PROTOCOL, type Encapsulation } from '../net/encapsulation.ts';
import { sha1, toHex } from '../net/hash.ts';
import { routeDestination, type Route } from '../net/route.ts';
import { USER_METRIC, type Route6 } from '../net/route6.ts';
import type { InterNodeLink, NetworkPlugin, NodeDevices, PluginModule, PluginNode, PluginPod, PodMTU } from './plugin.ts';

/** Calico, an L3 fabric with BGP and a policy engine. */
export interface CalicoPlugin {
  /** Plugin name. */
  name: 'calico';
  /** How pod traffic crosses nodes: plain BGP routes, IP-in-IP (tunl0) or VXLAN (vxlan.calico). */
  mode: 'bgp' | 'ipip' | 'vxlan';
}

// The compiler rejects a list that misses or adds a mode.
const MODES = Object.keys({ bgp: true, ipip: true, vxlan: true } satisfies Record<CalicoPlugin['mode'], true>);

/** Calico's default IPv4 pool (CALICO_IPV4POOL_CIDR) when kubeadm gives none. */
export const CALICO_CLUSTER_CIDR = '192.168.0.0/16';
/** Calico IPAM's block size (IPPool blockSize default). */
const BLOCK_PREFIX = 26;
/** Calico VXLAN port (IANA 4789) and VNI. */
export const CALICO_VXLAN_PORT = 4789;
const CALICO_VNI = 4096;
const BGP_PORT = 179;
/** The link-local next hop every Calico pod routes through (proxy ARP on the host side). */
export const CALICO_POD_GATEWAY = '169.254.1.1';
const IPIP_DEVICE = 'tunl0';
const VXLAN_DEVICE = 'vxlan.calico';
const VXLAN: Encapsulation = { kind: 'vxlan', udpPort: CALICO_VXLAN_PORT, vni: CALICO_VNI };

/** libcalico-go VethNameForWorkload: `cali` + first 11 hex digits of sha1("<namespace>.<pod>"). */
export function calicoInterfaceName(namespace: string, podName: string): string {
  return `cali${toHex(sha1(`${namespace}.${podName}`)).slice(0, 11)}`;
}

/** The /26 IPAM blocks a node holds: its podCIDR when it is /26 or longer, else the /26s of its pods. */
export function calicoBlocks(node: PluginNode): string[] {
  if (prefixLength(node.podCIDR) >= BLOCK_PREFIX) return [routeDestination(node.podCIDR)];
  const blocks = new Set<string>();
  for (const pod of workloadPods(node)) blocks.add(enclosingNetwork(pod.ip, BLOCK_PREFIX));
  if (blocks.size === 0) blocks.add(enclosingNetwork(addressAt(node.podCIDR, 0), BLOCK_PREFIX));
  return [...blocks];
}

/** Calico IPAM's IPv6 block size (IPPool blockSize default for IPv6 pools). */
const BLOCK_PREFIX_V6 = 122;

/** The IPv6 /122 blocks of a node seen through its IPv6 family, as calicoBlocks does for /26s. */
export function calicoBlocks6(node: PluginNode): string[] {
  if (prefixLength(node.podCIDR) >= BLOCK_PREFIX_V6) return [node.podCIDR];
  const blocks = new Set(workloadPods(node).filter((p) => p.ip !== '').map((p) => enclosingNetwork(p.ip, BLOCK_PREFIX_V6)));
  if (blocks.size === 0) blocks.add(enclosingNetwork(addressAt(node.podCIDR, 0), BLOCK_PREFIX_V6));
  return [...blocks];
}

/**
 * Plain BGP routing of IPv6 (bird6): confd's bird6_aggr.cfg.template adds `route <block>
 * blackhole` for each local block, and the kernel protocol has no metric, so IPv6 gives these
 * routes 1024; other nodes' blocks arrive `via <node IPv6> dev <iface> proto bird metric 1024`
 * (the literal form in projectcalico/calico#2254). A reject route lives on `lo`. Felix adds a
 * route per pod to its cali veth (proto boot, which iproute2 does not print). The link-local
 * route of each cali veth is left out, as for every pod veth.
 */
function calicoRoutes6(node: PluginNode, others: readonly PluginNode[], iface: string): Route6[] {
  return [
    ...calicoBlocks6(node).map((block): Route6 => ({ type: 'blackhole', dst: block, dev: 'lo', proto: 'bird', metric: USER_METRIC })),
    ...workloadPods(node).filter((p) => p.ip !== '').map((pod): Route6 => ({ dst: pod.ip, dev: calicoInterfaceName(pod.namespace, pod.name), metric: USER_METRIC })),
    ...others.flatMap((other) => calicoBlocks6(other).map((block): Route6 => ({ dst: block, via: other.ip, dev: iface, proto: 'bird', metric: USER_METRIC }))),
  ];
}

function workloadPods(node: PluginNode): PluginPod[] {
  return node.pods.filter((p) => !p.hostNetwork);
}

/** tunl0 and vxlan.calico hold the first address of the node's first block. */
function tunnelAddress(node: PluginNode): string {
  return addressAt(calicoBlocks(node)[0]!, 0);
}

/** The route of another node's block, as BIRD (IP-in-IP, BGP) or felix (VXLAN) installs it. */
function blockRoute(mode: CalicoPlugin['mode'], block: string, other: PluginNode, iface: string): Route {
  if (mode === 'ipip') return { dst: block, via: other.ip, dev: IPIP_DEVICE, proto: 'bird', onlink: true };
  if (mode === 'bgp') return { dst: block, via: other.ip, dev: iface, proto: 'bird' };
  return { dst: block, via: addressAt(block, 0), dev: VXLAN_DEVICE, proto: '80', onlink: true };
}

const LINKS: Record<CalicoPlugin['mode'], Omit<InterNodeLink, 'crossing'>> = {
  ipip: {
    sentence:
      `Calico peers every node over BGP (TCP ${BGP_PORT}) to share routes, ` +
      `and wraps pod traffic between nodes in IP-in-IP (IP protocol ${IPIP_PROTOCOL}) through ${IPIP_DEVICE}.`,
    edgeLabel: (node) => `BGP + IP-in-IP to ${node.podCIDR}`,
    walkSentence: `Calico's ${IPIP_DEVICE} wraps the pod packet in an outer IP header between the node IPs (IP-in-IP).`,
  },
  vxlan: {
    sentence: `Calico wraps pod traffic between nodes in VXLAN (UDP port ${CALICO_VXLAN_PORT}) through ${VXLAN_DEVICE}; routes are shared without BGP.`,
    edgeLabel: (node) => `VXLAN UDP ${CALICO_VXLAN_PORT} to ${node.podCIDR}`,
    walkSentence: `Calico's ${VXLAN_DEVICE} wraps the pod packet in VXLAN/UDP between the node IPs.`,
  },
  bgp: {
    sentence:
      `Calico’s BGP agent (BIRD) on each node announces its pod block to every other node over BGP (TCP ${BGP_PORT}), ` +
      'so pod traffic is routed unencapsulated via node IPs.',
    edgeLabel: (node) => `BGP TCP ${BGP_PORT} announces ${node.podCIDR}`,
    walkSentence: `Calico's BGP routes send the pod packet to the other node unchanged.`,
    nativeNote: 'routed unchanged (BGP)',
  },
};

const DEVICES: Record<CalicoPlugin['mode'], NodeDevices> = {
  ipip: { hostVeth: 'cali*', tunnel: { name: IPIP_DEVICE, detail: 'IP-in-IP' } },
  vxlan: { hostVeth: 'cali*', tunnel: { name: VXLAN_DEVICE, detail: `VXLAN VNI ${CALICO_VNI}` } },
  bgp: { hostVeth: 'cali*' },
};

/**
 * Calico's MTU auto-detection (veth_mtu 0, the default): the smallest host interface MTU minus the
 * overhead of the enabled encapsulation (IP-in-IP 20, IPv4 VXLAN 50, none for plain BGP), the
 * numbers of the "Common MTU sizes" table on Calico's "Configure MTU" page.
 */
function calicoPodMTU(mode: CalicoPlugin['mode'], interfaceMTU: number): PodMTU {
  if (mode === 'bgp') return { mtu: interfaceMTU, overhead: 0, reason: 'no encapsulation' };
  const encapsulation: Encapsulation = mode === 'ipip' ? { kind: 'ipip' } : VXLAN;
  const overhead = encapsulationOverhead(encapsulation);
  return { mtu: interfaceMTU - overhead, overhead, reason: mode === 'ipip' ? 'IP-in-IP' : 'VXLAN' };
}

function createCalico(spec: CalicoPlugin): NetworkPlugin {
  const { mode } = spec;
  const link: InterNodeLink = {
    ...LINKS[mode],
    crossing: (from, to, iface) => {
      const route = blockRoute(mode, calicoBlocks(to)[0]!, to, iface);
      return mode === 'bgp'
        ? { route, device: iface, sourceAddress: from.ip }
        : {
            // Walks have always quoted tunnel routes without their proto; kept so pages stay the same.
            route: { ...route, proto: undefined },
            device: route.dev!,
            sourceAddress: tunnelAddress(from),
            encapsulation: mode === 'ipip' ? { kind: 'ipip' } : VXLAN,
          };
    },
  };
  return {
    summary: `Calico (${mode === 'bgp' ? 'plain BGP routing' : mode === 'ipip' ? 'IP-in-IP' : 'VXLAN'} mode)`,
    clusterCIDRNote: ` (Calico's default pool ${CALICO_CLUSTER_CIDR} often collides with home networks: set clusterCIDR)`,
    // Calico IPAM hands out every address of a block (pods get /32 routes, no gateway address).
    podAddressProblem: () => undefined,
    checkNodes: () => [],
    devices: () => DEVICES[mode],
    attachment: (pod) => ({ hostDevice: calicoInterfaceName(pod.namespace, pod.name), wiring: 'routed' }),
    // No bridge: a packet for a local pod leaves through its cali veth with the node's address.
    localSourceAddress: (node) => node.ip,
    // Calico's CNI plugin (cni-plugin/internal/pkg/utils/network_linux.go, SetupRoutes): a /32
    // address on eth0, a link route to the fake next hop 169.254.1.1, and the default route via it;
    // the host answers ARP for it through proxy ARP on the cali veth.
    podRoutes: () => [
      { dst: 'default', via: CALICO_POD_GATEWAY, dev: 'eth0' },
      { dst: CALICO_POD_GATEWAY, dev: 'eth0', scope: 'link' },
    ],
    routes: (node, others, iface) => {
      const proto = mode === 'vxlan' ? '80' : 'bird';
      return [
        ...calicoBlocks(node).map((block): Route => ({ type: 'blackhole', dst: block, proto })),
        ...workloadPods(node).map((pod): Route => ({ dst: pod.ip, dev: calicoInterfaceName(pod.namespace, pod.name), scope: 'link' })),
        ...others.flatMap((other) => calicoBlocks(other).map((block) => blockRoute(mode, block, other, iface))),
      ];
    },
    podMTU: (interfaceMTU) => calicoPodMTU(mode, interfaceMTU),
    interNode: link,
    // IPv6 routes are derived for plain BGP only: felix's IPv6 VXLAN device has changed between
    // releases (vxlan-v6.calico, later one device for both families). Calico's "Overlay networking"
    // page (networking/configuring/vxlan-ipip), Limitations: IP in IP supports only IPv4 addresses;
    // a maintainer in projectcalico/calico#8381: "IPIP is not an option for IPv6" (BGP over an L2
    // mesh, peering with routers, or VXLANv6 since v3.23).
    ...(mode === 'bgp' ? { routes6: calicoRoutes6 } : {}),
    ...(mode === 'ipip'
      ? {
          ipv6Unsupported: {
            message: "Calico's IP-in-IP mode carries only IPv4: an IPv6 pod range needs VXLAN or plain BGP routing",
            hint: "set mode: 'vxlan' (or 'bgp'), or remove the IPv6 range from network.clusterCIDRs",
          },
        }
      : {}),
  };
}

/** The Calico module. */
export const calico: PluginModule<CalicoPlugin> = {
  name: 'calico',
  mode: { field: 'mode', values: MODES },
  defaultClusterCIDR: CALICO_CLUSTER_CIDR,
  create: createCalico,
};
