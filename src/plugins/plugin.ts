/**
 * The interface every network plugin module implements, and the shapes it reads. A plugin module
 * sits below the model: it imports only src/net and these structural shapes, which the model's
 * resolved Node and Pod satisfy, so validation, defaults, derivations and views can all ask it.
 */
import type { Encapsulation } from '../net/encapsulation.ts';
import type { Route } from '../net/route.ts';
import type { Route6 } from '../net/route6.ts';
import type { NatRule } from './masquerade.ts';

/** A pod as a plugin sees it (the model's `Pod` satisfies it). */
export interface PluginPod {
  name: string;
  namespace: string;
  ip: string;
  hostNetwork: boolean;
}

/** A node as a plugin sees it (the model's `Node` satisfies it). */
export interface PluginNode {
  name: string;
  ip: string;
  podCIDR: string;
  pods: readonly PluginPod[];
}

/** What is wrong with a value, and how to fix it. */
export interface Problem {
  message: string;
  hint: string;
}

/** A plugin's own finding about a definition, at a path inside it (e.g. `nodes`). */
export interface PluginFinding extends Problem {
  path: string;
  severity: 'error' | 'warning';
}

/** The devices a plugin puts on one node, in the order a packet leaving a pod meets them. */
export interface NodeDevices {
  /** The bridge pods' veths attach to (`cni0`), or undefined when the plugin routes each pod (Calico). */
  bridge?: { name: string; address: string };
  /** How a pod's veth appears on the host side, e.g. `veth` or `cali*`. */
  hostVeth: string;
  /** The tunnel device carrying traffic to other nodes, if any, with a short label. */
  tunnel?: { name: string; detail: string };
  /**
   * The plugin's own host device, when it has one instead of a bridge: Cilium's `cilium_host`
   * (the router IP, next hop of the pods' default route) and the `cilium_net` end of its veth pair.
   */
  host?: { name: string; address: string; peer: string };
}

/** Where one pod's traffic meets its node. */
export interface PodAttachment {
  /** The host-side device: the bridge, or the pod's own routed veth. */
  hostDevice: string;
  /**
   * `bridge`: veths enslaved to one bridge; `routed`: a /32 route per pod to its veth;
   * `redirect`: an eBPF program hands the packet to the pod's veth (Cilium: no bridge, no per-pod route).
   */
  wiring: 'bridge' | 'routed' | 'redirect';
}

/** How a packet for a pod on another node leaves the sending node. */
export interface NodeCrossing {
  /** The route of the sending node that matches the destination pod. */
  route: Route;
  /** The device it leaves through: a tunnel device or the node's own interface. */
  device: string;
  /** The address of that device on the sending node (what MASQUERADE would pick). */
  sourceAddress: string;
  /** The wrapping on the wire; undefined for native routing, where the packet crosses unchanged. */
  encapsulation?: Encapsulation;
  /**
   * Set when pod traffic does not follow `route` but an eBPF map lookup (Cilium's ipcache gives
   * the remote node): how the plugin decides; `route` is then what host-originated traffic uses.
   */
  lookup?: string;
}

/** How a plugin connects pods on different nodes, and the words the views use for it. */
export interface InterNodeLink {
  /**
   * The crossing of a packet from `from` to a pod on `to`. `clusterCIDR` (the pod network) is
   * needed by plugins that route the whole pod network to one device (flannel wireguard).
   */
  crossing(from: PluginNode, to: PluginNode, iface: string, clusterCIDR?: string): NodeCrossing;
  /** One sentence for a topology description. */
  sentence: string;
  /** Label of a node's edge to the node network: how the other nodes reach its pods. */
  edgeLabel(node: PluginNode): string;
  /** One sentence on how a pod packet gets to the other node, for a packet walk. */
  walkSentence: string;
  /** What native routing does, for a walk's route note, e.g. `routed unchanged (BGP)`. */
  nativeNote?: string;
}

/**
 * The MTU a plugin gives pods' eth0 (and its tunnel device) on a node whose primary interface has
 * `interfaceMTU` bytes: what is left after the bytes the plugin reserves for wrapping a packet.
 */
export interface PodMTU {
  /** The pods' MTU. */
  mtu: number;
  /** The bytes the plugin reserves: interface MTU minus pod MTU (0 without encapsulation). */
  overhead: number;
  /** What the reserved bytes are for, e.g. `VXLAN` or `WireGuard (room for an IPv6 outer header)`. */
  reason: string;
}

/** Options of a plugin's subnet.env. */
export interface SubnetEnvOptions {
  /** MTU of the node's primary interface; 1500 by default. */
  interfaceMTU?: number;
  /** flanneld `--ip-masq` (kube-flannel.yml sets it); true by default. */
  ipMasq?: boolean;
}

/**
 * Who translates a pod's connection to a ClusterIP when the plugin does it instead of kube-proxy.
 * Cilium's socket-LB (kube-proxy replacement) rewrites the destination in the connect() system
 * call, before any packet exists, so no packet carries the ClusterIP; without the replacement,
 * Cilium still translates pod traffic to ClusterIPs per packet on the pod's veth.
 */
export interface ServiceTranslation {
  /** Where the translation happens: at the socket before the first packet, or on each packet. */
  at: 'socket' | 'packet';
  /** True when no kube-proxy runs: the plugin implements every Service type, for every source. */
  replacesKubeProxy: boolean;
  /** Who does it, in a few words, e.g. `Cilium socket-LB`. */
  by: string;
  /** One sentence for a walk's note: which hook rewrites the address. */
  hook: string;
}

/**
 * One network plugin in one mode. Cilium fits the same shape: native routing is a crossing
 * without encapsulation, tunnel mode one with VXLAN or Geneve, and its devices have no bridge.
 * Replacing kube-proxy is the one extra capability (`serviceTranslation`): the packet walk asks
 * the plugin who translates Service addresses.
 */
export interface NetworkPlugin {
  /** Plugin and mode in a few words, e.g. `flannel (vxlan backend)`. */
  summary: string;
  /** Appended to the hint when the cluster CIDR overlaps another range ('' when nothing to add). */
  clusterCIDRNote: string;
  /** Why the plugin's IPAM would never give `ip` to a pod on `node`, if it would not. */
  podAddressProblem(node: PluginNode, ip: string): Problem | undefined;
  /** Findings about the set of nodes (e.g. a single-node plugin on several nodes). */
  checkNodes(nodes: readonly PluginNode[]): PluginFinding[];
  /** The devices on `node`. */
  devices(node: PluginNode): NodeDevices;
  /** Where `pod`'s veth ends on the host. */
  attachment(pod: PluginPod): PodAttachment;
  /** The address a packet leaving `node` for one of its own pods gets from MASQUERADE. */
  localSourceAddress(node: PluginNode): string;
  /**
   * The routes inside `pod`'s network namespace (its `ip route`), as the plugin's CNI binary sets
   * them up on `node`; `clusterCIDR` is the pod network.
   */
  podRoutes(pod: PluginPod, node: PluginNode, clusterCIDR: string): Route[];
  /**
   * The routes the plugin adds to `node`'s main table (`iface` is the node's primary interface,
   * `clusterCIDR` the pod network, as for {@link InterNodeLink.crossing}).
   */
  routes(node: PluginNode, others: readonly PluginNode[], iface: string, clusterCIDR?: string): Route[];
  /**
   * The IPv6 routes the plugin (and the kernel, for the addresses and devices the plugin creates)
   * adds to a dual-stack `node`'s main table, in the order they appear: `node` and `others` are
   * seen through their IPv6 family (`ip` the node's IPv6 address, `podCIDR` its IPv6 range, pods
   * with their IPv6 address), `clusterCIDR` is the IPv6 pod network. Undefined when this model
   * does not derive them for the plugin's mode.
   */
  routes6?(node: PluginNode, others: readonly PluginNode[], iface: string, clusterCIDR: string): Route6[];
  /** Set when the plugin's mode cannot carry IPv6 pod traffic at all: why, and what to use instead. */
  ipv6Unsupported?: Problem;
  /** The MTU the plugin gives pods on a node whose primary interface has `interfaceMTU` bytes. */
  podMTU(interfaceMTU: number): PodMTU;
  /** How nodes are linked; undefined when the plugin connects pods on one node only. */
  interNode?: InterNodeLink;
  /**
   * The nat-table rules the plugin writes on `node` to masquerade pod traffic that leaves the pod
   * network (flanneld `--ip-masq`), in order; undefined when this model does not derive them.
   */
  masqueradeRules?(node: PluginNode, clusterCIDR: string): NatRule[];
  /** The plugin's own file of node settings (flannel's /run/flannel/subnet.env), if it has one. */
  subnetEnv?(node: PluginNode, clusterCIDR: string, options: SubnetEnvOptions): string;
  /** Set when the plugin replaces kube-proxy: who translates Service addresses instead of its rules. */
  serviceTranslation?: ServiceTranslation;
}

/** A plugin module: its spec shape, defaults, and the plugin for a given spec. */
export interface PluginModule<S extends { name: string }> {
  /** The `name` of the spec. */
  name: S['name'];
  /** The spec field that selects a mode, with every allowed value (the first is the suggested one). */
  mode?: { field: string; values: readonly string[] };
  /** The pod network (`--cluster-cidr`) the plugin uses when the definition names none. */
  defaultClusterCIDR: string;
  /** The plugin for a valid spec. */
  create(spec: S): NetworkPlugin;
}
