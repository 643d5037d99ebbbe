/**
 * Cilium: eBPF programs on each pod's host-side veth (`lxc…`) and on the node's devices route,
 * balance and filter; no bridge. Sources (cilium/cilium):
 * - Documentation/network/concepts/routing.rst: tunnel mode by default, VXLAN on UDP 8472 or
 *   Geneve on UDP 6081; native routing with `autoDirectNodeRoutes` when nodes share an L2 segment.
 * - pkg/datapath/linux/node.go createNodeRouteSpec: `<alloc CIDR> via <router IP> dev cilium_host
 *   proto kernel src <router IP>`, with the route MTU for other nodes' CIDRs (tunnel mode) and
 *   without it for the local one; updateDirectRoutes: `<alloc CIDR> via <node IP> dev <iface>
 *   proto kernel` (native routing with auto direct node routes); linux_defaults.RTProto = kernel.
 * - pkg/mtu/mtu.go TunnelOverheadIPv4 = 50 (VXLAN and Geneve alike).
 * - pkg/datapath/connector/ipam.go IPv4Routes: in the pod, `<router IP>/32` on eth0 and the
 *   default route via it with the route MTU; Endpoint2IfName: host veth `lxc` + 12 hex digits of
 *   SHA-256 of the container ID.
 * - install/kubernetes/cilium/values.yaml: IPAM cluster-pool, clusterPoolIPv4PodCIDRList
 *   10.0.0.0/8, clusterPoolIPv4MaskSize 24; kubeProxyReplacement false by default.
 * - bpf/lib/encap.h: the tunnel key's VNI carries the sender's security identity.
 * - Documentation/network/kubernetes/kubeproxy-free.rst: kube-proxy replacement depends on socket-LB.
 */
import { addressAt, cidrContainsIp } from '../net/cidr.ts';
import { GENEVE_PORT, innerMTU, NODE_INTERFACE_MTU, type Encapsulation } from '../net/encapsulation.ts';
import { routeDestination, type Route } from '../net/route.ts';
import { KERNEL_METRIC, USER_METRIC, type Route6 } from '../net/route6.ts';
import type { InterNodeLink, NetworkPlugin, PluginModule, PluginNode, ServiceTranslation } from './plugin.ts';

/** Cilium, an eBPF dataplane; optionally the Service implementation too (kube-proxy replacement). */
export interface CiliumPlugin {
  /** Plugin name. */
  name: 'cilium';
  /**
   * Helm `routingMode`: `tunnel` (the default: every node pair is a VXLAN or Geneve tunnel) or
   * `native` (pod packets cross unencapsulated; modelled with `autoDirectNodeRoutes: true`, which
   * needs all nodes on one L2 segment).
   */
  routingMode: 'tunnel' | 'native';
  /**
   * Helm `tunnelProtocol` in tunnel mode: `vxlan` (UDP 8472) or `geneve` (UDP 6081); only with `routingMode: 'tunnel'`.
   * @default 'vxlan'
   */
  tunnelProtocol?: 'vxlan' | 'geneve';
  /**
   * Helm `kubeProxyReplacement`: Cilium implements Services in eBPF (socket-LB for pods, BPF NAT
   * on the node's devices) and the cluster runs no kube-proxy.
   * @default false
   */
  kubeProxyReplacement?: boolean;
  /**
   * The address of each node's `cilium_host` (the router IP), by node name. Cilium's IPAM hands it
   * out like a pod address, so on a real node it is whichever address came first; a node left out
   * gets the first address of its pod CIDR.
   */
  routerIPs?: Record<string, string>;
}

// The compiler rejects a list that misses or adds a value.
const ROUTING_MODES = Object.keys({ tunnel: true, native: true } satisfies Record<CiliumPlugin['routingMode'], true>);
/** Every tunnelProtocol value, for validation. */
export const TUNNEL_PROTOCOLS = Object.keys({ vxlan: true, geneve: true } satisfies Record<NonNullable<CiliumPlugin['tunnelProtocol']>, true>);

/** Helm's cluster-pool default (clusterPoolIPv4PodCIDRList). */
export const CILIUM_CLUSTER_CIDR = '10.0.0.0/8';
/** Cilium's VXLAN port: Linux's default 8472, not IANA's 4789. */
export const CILIUM_VXLAN_PORT = 8472;
/** The veth pair the agent creates on every node: the router IP lives on cilium_host. */
export const HOST_DEVICE = 'cilium_host';
export const NET_DEVICE = 'cilium_net';
/** The host-side veth of every pod: `lxc` and a hash of the container ID, which the model does not have. */
export const LXC_DEVICE = 'lxc*';

const TUNNEL_DEVICES: Record<NonNullable<CiliumPlugin['tunnelProtocol']>, string> = { vxlan: 'cilium_vxlan', geneve: 'cilium_geneve' };

type UdpTunnel = Extract<Encapsulation, { kind: 'vxlan' | 'geneve' }>;

/** The tunnel of a spec in tunnel mode; undefined with native routing. */
function tunnelOf(spec: CiliumPlugin): UdpTunnel | undefined {
  if (spec.routingMode !== 'tunnel') return undefined;
  return spec.tunnelProtocol === 'geneve'
    ? { kind: 'geneve', udpPort: GENEVE_PORT, vni: 'sender-identity' }
    : { kind: 'vxlan', udpPort: CILIUM_VXLAN_PORT, vni: 'sender-identity' };
}

/** The router IP (cilium_host's address) of `node`. */
export function ciliumRouterIP(spec: CiliumPlugin, node: PluginNode): string {
  return spec.routerIPs?.[node.name] ?? addressAt(node.podCIDR, 1);
}

/** The route MTU: the interface MTU minus the tunnel overhead (pkg/mtu getRouteMTU). */
function routeMTU(spec: CiliumPlugin): number {
  return innerMTU(NODE_INTERFACE_MTU, tunnelOf(spec));
}

/** createNodeRouteSpec: a CIDR via the local router IP on cilium_host; other nodes' with the route MTU. */
function hostRoute(spec: CiliumPlugin, local: PluginNode, cidr: string, isLocalNode: boolean): Route {
  const router = ciliumRouterIP(spec, local);
  return {
    dst: routeDestination(cidr), via: router, dev: HOST_DEVICE, proto: 'kernel', src: router,
    ...(isLocalNode ? {} : { mtu: routeMTU(spec) }),
  };
}

/**
 * The IPv6 routes of a dual-stack node (`node` and `others` seen through their IPv6 family).
 * pkg/datapath/loader/netlink.go addHostDeviceAddr puts the IPv6 router IP on cilium_host as
 * /128 (a plain AddrReplace: the kernel adds its /128 route, metric 256). node.go
 * createNodeRouteSpec drops the `via` for IPv6 ("kernel will reject ip r a $cidr via
 * $ipv6_cilium_host dev cilium_host"), so a CIDR goes `dev cilium_host src <router IP>`; no
 * Priority (RouteMetric 0) gives metric 1024; other nodes' CIDRs carry the route MTU, which is one
 * value for both families (the tunnel runs over the IPv4 underlay). Native routing:
 * updateDirectRoutes for IPv6, `<CIDR> via <node IPv6> dev <iface> proto kernel`. The router IP
 * is taken as the first address of the node's IPv6 range. Link-local routes of cilium_host,
 * cilium_net, the tunnel device and the lxc veths are left out.
 */
function ciliumRoutes6(spec: CiliumPlugin, node: PluginNode, others: readonly PluginNode[], iface: string): Route6[] {
  const router = addressAt(node.podCIDR, 1);
  const viaHost = (cidr: string, mtu?: number): Route6 => ({
    dst: cidr, dev: HOST_DEVICE, proto: 'kernel', src: router, metric: USER_METRIC, ...(mtu === undefined ? {} : { mtu }),
  });
  return [
    { dst: router, dev: HOST_DEVICE, proto: 'kernel', metric: KERNEL_METRIC },
    viaHost(node.podCIDR),
    ...others.map((o) =>
      spec.routingMode === 'tunnel'
        ? viaHost(o.podCIDR, routeMTU(spec))
        : { dst: o.podCIDR, via: o.ip, dev: iface, proto: 'kernel', metric: USER_METRIC },
    ),
  ];
}

function tunnelLink(spec: CiliumPlugin, encapsulation: UdpTunnel): InterNodeLink {
  const device = TUNNEL_DEVICES[encapsulation.kind];
  const name = encapsulation.kind === 'vxlan' ? 'VXLAN' : 'Geneve';
  return {
    // The route sends the packet to cilium_host; Cilium's program there looks the destination up
    // in its tunnel map and hands it to the tunnel device with the remote node IP as endpoint.
    crossing: (from, to) => ({
      route: hostRoute(spec, from, to.podCIDR, false),
      device,
      sourceAddress: ciliumRouterIP(spec, from),
      encapsulation,
      lookup: `the program on the pod's lxc veth finds ${to.podCIDR} at node ${to.ip} in its ipcache map`,
    }),
    sentence:
      `Pod traffic between nodes is wrapped in ${name} (UDP port ${encapsulation.udpPort}) by ${device}; ` +
      'the VNI carries the sender’s security identity.',
    edgeLabel: (node) => `${name} UDP ${encapsulation.udpPort} to ${node.podCIDR}`,
    walkSentence:
      `Cilium's program on the pod's veth looks the destination up in its ipcache map and hands the packet to ${device}, ` +
      `which wraps it in ${name}/UDP between the node IPs; the other node unwraps it.`,
  };
}

function nativeLink(): InterNodeLink {
  return {
    crossing: (from, to, iface) => ({
      route: { dst: routeDestination(to.podCIDR), via: to.ip, dev: iface, proto: 'kernel' },
      device: iface,
      sourceAddress: from.ip,
    }),
    sentence:
      'Each node has a direct route to every other node’s pod CIDR via that node’s IP (autoDirectNodeRoutes), ' +
      'so packets cross unencapsulated; the nodes must share an L2 segment.',
    edgeLabel: (node) => `route ${node.podCIDR} via ${node.ip}`,
    walkSentence: 'Cilium native routing sends the pod packet to the other node unchanged (a direct route via its node IP).',
    nativeNote: 'routed unchanged (native routing)',
  };
}

const SOCKET_LB: ServiceTranslation = {
  at: 'socket',
  replacesKubeProxy: true,
  by: 'Cilium socket-LB',
  hook: 'the cgroup connect() hook (bpf_sock) picks a backend and rewrites the socket’s destination before any packet is sent',
};

// kubeProxyReplacement false (the Helm default) "only enables per-packet in-cluster load-balancing
// of ClusterIP services" (kubeproxy-free.rst): pod traffic is translated on its lxc veth, kube-proxy
// still handles the host's own traffic and NodePorts.
const PER_PACKET_LB: ServiceTranslation = {
  at: 'packet',
  replacesKubeProxy: false,
  by: 'Cilium per-packet load balancing',
  hook: 'the program on the pod’s lxc veth picks a backend and rewrites the destination of each packet; Cilium reverses it on replies',
};

function createCilium(spec: CiliumPlugin): NetworkPlugin {
  const tunnel = tunnelOf(spec);
  const link = tunnel ? tunnelLink(spec, tunnel) : nativeLink();
  const routing = tunnel ? `${tunnel.kind === 'geneve' ? 'Geneve' : 'VXLAN'} tunnel` : 'native routing';
  return {
    summary: `Cilium (${routing}${spec.kubeProxyReplacement ? ', kube-proxy replacement' : ''})`,
    clusterCIDRNote: ` (Cilium's default pool ${CILIUM_CLUSTER_CIDR} is large: set clusterCIDR to the pool you configured)`,
    podAddressProblem: (node, ip) => {
      const router = ciliumRouterIP(spec, node);
      return ip === router
        ? { message: `${ip} is the router IP of ${node.name} (the address of ${HOST_DEVICE})`, hint: 'pick another address of the pod CIDR, or set routerIPs' }
        : undefined;
    },
    checkNodes: (nodes) =>
      nodes.flatMap((node) => {
        const router = spec.routerIPs?.[node.name];
        if (router === undefined || cidrContainsIp(node.podCIDR, router)) return [];
        return [{
          path: `plugin.routerIPs.${node.name}`, severity: 'error' as const,
          message: `router IP ${router} of ${node.name} is outside its pod CIDR ${node.podCIDR}`,
          hint: `Cilium's IPAM takes the router IP from the node's pod CIDR: pick e.g. '${addressAt(node.podCIDR, 1)}'`,
        }];
      }),
    devices: (node) => ({
      hostVeth: LXC_DEVICE,
      host: { name: HOST_DEVICE, address: `${ciliumRouterIP(spec, node)}/32`, peer: NET_DEVICE },
      ...(tunnel ? { tunnel: { name: TUNNEL_DEVICES[tunnel.kind], detail: `UDP ${tunnel.udpPort}, VNI = identity` } } : {}),
    }),
    // No bridge and no per-pod route: Cilium's programs redirect packets to the pod's lxc veth.
    attachment: () => ({ hostDevice: LXC_DEVICE, wiring: 'redirect' }),
    localSourceAddress: (node) => ciliumRouterIP(spec, node),
    podRoutes: (_pod, node) => {
      const router = ciliumRouterIP(spec, node);
      return [
        { dst: 'default', via: router, dev: 'eth0', mtu: routeMTU(spec) },
        { dst: router, dev: 'eth0', scope: 'link' },
      ];
    },
    routes: (node, others, iface) => [
      hostRoute(spec, node, node.podCIDR, true),
      ...others.map((other) => link.crossing(node, other, iface).route),
    ],
    routes6: (node, others, iface) => ciliumRoutes6(spec, node, others, iface),
    // pkg/mtu: pods' routes carry the route MTU (interface MTU minus the tunnel overhead).
    podMTU: (interfaceMTU) => {
      if (!tunnel) return { mtu: interfaceMTU, overhead: 0, reason: 'no encapsulation' };
      const overhead = interfaceMTU - innerMTU(interfaceMTU, tunnel);
      return { mtu: interfaceMTU - overhead, overhead, reason: tunnel.kind === 'geneve' ? 'Geneve' : 'VXLAN' };
    },
    interNode: link,
    serviceTranslation: spec.kubeProxyReplacement ? SOCKET_LB : PER_PACKET_LB,
  };
}

/** The Cilium module. */
export const cilium: PluginModule<CiliumPlugin> = {
  name: 'cilium',
  mode: { field: 'routingMode', values: ROUTING_MODES },
  defaultClusterCIDR: CILIUM_CLUSTER_CIDR,
  create: createCilium,
};
