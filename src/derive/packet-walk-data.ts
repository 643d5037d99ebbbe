/**
 * What a packet walk is, as data: participants, hops with the addresses on the wire, how each
 * link is crossed and what changed the packet before it. derive/packet-walk.ts computes it;
 * src/mermaid/describe-walk.ts words it.
 */
import type { Encapsulation } from '../net/encapsulation.ts';
import type { PortRange } from '../net/flow-port.ts';
import type { Protocol } from '../model/types.ts';
import type { NodeCrossing, PodMTU } from '../plugins/index.ts';

/** Source and destination `ip:port` of a packet. */
export interface PacketAddresses {
  /** Source `ip:port`. */
  src: string;
  /** Destination `ip:port`. */
  dst: string;
}

/** A participant of the walk: a pod, a node, or an outside client. */
export type WalkParticipant =
  | { id: string; kind: 'pod'; namespace: string; name: string; ip: string }
  | { id: string; kind: 'node'; name: string; ip: string }
  | { id: string; kind: 'client'; ip: string };

/** How the packet travels one link. */
export type HopLink =
  /** Out of the pod's eth0, through its veth, to the host-side device. */
  | { kind: 'pod-to-host'; hostDevice: string }
  /** From the node into the pod; `sameNode` when the packet never left the node. */
  | { kind: 'host-to-pod'; hostDevice: string; wiring: 'bridge' | 'routed' | 'redirect'; sameNode: boolean; podIP: string }
  /** Between two nodes over the node network, through a tunnel device when encapsulated. */
  | { kind: 'node-to-node'; tunnel?: string }
  /** From outside to a node's interface. */
  | { kind: 'network-to-node'; node: string };

/** What happened at a hop's sender before it sent the packet. */
export type HopStep =
  | { kind: 'pod-default-route' }
  | { kind: 'dnat'; from: string; to: string; chains: string[]; hook: 'PREROUTING' | 'OUTPUT'; node: string; protocol: Protocol }
  /**
   * The plugin translated the Service address in eBPF instead of kube-proxy: at the socket (Cilium
   * socket-LB: the connection was opened to `to`, so no packet ever carried `from`), or per packet
   * on the pod's veth.
   */
  | { kind: 'ebpf-lb'; at: 'socket' | 'packet'; from: string; to: string; by: string; hook: string; node: string }
  /**
   * KUBE-POSTROUTING's MASQUERADE. kube-proxy adds `--random-fully` whenever iptables supports it
   * (pkg/proxy/iptables/proxier.go), so the source port is replaced by a random one from
   * `portRange`; `to` carries a stable example of it.
   */
  | { kind: 'masquerade'; from: string; to: string; randomFully: true; portRange: PortRange; reason: MasqueradeReason }
  /** The route to the other node, and the MTU the plugin gives pods for it (see {@link WalkMTU}). */
  | { kind: 'route'; crossing: NodeCrossing; mtu: WalkMTU }
  | { kind: 'proxy'; host?: string; path: string; ruleHost?: string; rulePath: string; service: string; port: number; endpoint: string };

/**
 * The pod MTU the plugin computes for the walk's nodes, from the node interface's MTU: the largest
 * inner packet that still fits the interface once wrapped.
 */
export interface WalkMTU extends PodMTU {
  /** MTU of the node's interface (eth0); the walks assume Ethernet's 1500. */
  interfaceMTU: number;
}

/** The outer header of an encapsulated hop: node IP to node IP (with UDP ports for VXLAN). */
export interface OuterHeader {
  /** Source node IP, `ip:port` for a UDP tunnel. */
  src: string;
  /** Destination node IP, `ip:port` for a UDP tunnel (the tunnel's well-known port). */
  dst: string;
  encapsulation: Encapsulation;
  /**
   * For a UDP tunnel: the outer source port is a hash of the inner flow scaled into `range`
   * (Linux udp_flow_src_port); `port` is the example value shown (src/net/flow-port.ts).
   */
  sourcePort?: { port: number; range: PortRange };
}

/**
 * Why kube-proxy marked a packet for MASQUERADE (pkg/proxy/iptables/proxier.go):
 * `external`: KUBE-EXT for externalTrafficPolicy Cluster; `outside-cluster-cidr`: KUBE-SVC's
 * `! -s <cluster CIDR> -j KUBE-MARK-MASQ` (a source off the pod network, e.g. a host-network pod);
 * `hairpin`: KUBE-SEP's `-s <endpoint IP> -j KUBE-MARK-MASQ` (the endpoint is the sender itself).
 */
export type MasqueradeReason = 'external' | 'outside-cluster-cidr' | 'hairpin';

/** One hop: the packet travelling from one participant to the next. */
export interface Hop {
  /** Participant id the packet leaves. */
  from: string;
  /** Participant id the packet reaches. */
  to: string;
  /** The (inner) packet on this link. */
  packet: PacketAddresses;
  /** The outer header when the packet is encapsulated on this link. */
  outer?: OuterHeader;
  /** How the packet travels the link. */
  link: HopLink;
  /** What happened at `from` before sending (NAT, routing decision, proxying). */
  steps: HopStep[];
}

/** A namespaced name. */
export type ObjectName = { namespace: string; name: string };

/** An external client's connection to a NodePort: where it arrives and what kube-proxy does with it. */
export interface NodePortStory {
  kind: 'external-to-nodeport';
  clientIP: string;
  node: string;
  nodePort: number;
  /** `nodeIP:nodePort`. */
  arrival: string;
  endpoint: string;
  endpointPod: ObjectName;
  /** The source address after MASQUERADE (externalTrafficPolicy Cluster); unset when the client IP is kept. */
  masqueradedTo?: string;
}

/** What the walk shows, with the facts its title and summary are made of. */
export type WalkStory =
  | { kind: 'pod-to-pod'; src: ObjectName; dst: ObjectName; node: string; sameNode: boolean }
  | {
      kind: 'pod-to-service'; src: ObjectName; service: ObjectName; node: string; vip: string; endpoint: string; endpointPod: ObjectName;
      /** Set when the plugin, not kube-proxy, translated the ClusterIP: who did it, and where. */
      translatedBy?: { by: string; at: 'socket' | 'packet' };
      /** Set when kube-proxy masquerades the source: the new source address, and why. */
      masquerade?: { to: string; reason: Exclude<MasqueradeReason, 'external'> };
    }
  | NodePortStory
  | {
      kind: 'external-through-ingress';
      /** The first connection, from the client to the ingress controller. */
      toController: NodePortStory;
      ingress: ObjectName;
      service: string;
      path: string;
      controllerIP: string;
      endpoint: string;
    };

/** A whole walk. */
export interface PacketWalk {
  /** What the walk shows. */
  story: WalkStory;
  /** Participants, left to right. */
  participants: WalkParticipant[];
  /** Hops, in order. */
  hops: Hop[];
  /** What arrives at the destination. */
  delivered: PacketAddresses;
}

/** What a walk starts from and goes to. */
export type WalkSpec =
  | { kind: 'pod-to-pod'; from: string; to: string; port?: number }
  | { kind: 'pod-to-service'; from: string; service: string; port?: number; endpoint?: string }
  | { kind: 'external-to-nodeport'; node: string; service: string; port?: number; endpoint?: string; clientIP?: string }
  | { kind: 'external-through-ingress'; ingress: string; path?: string; host?: string; node?: string; clientIP?: string; endpoint?: string };
