/**
 * A packet walk (derive/packet-walk.ts) in words: its title, a plain-language summary, participant
 * labels, and for each hop the devices it crosses and notes on what changed the packet. The
 * plugin module supplies its own words (how its packets cross nodes).
 */
import { IPIP_PROTOCOL, type Encapsulation } from '../net/encapsulation.ts';
import { formatRoute } from '../net/route.ts';
import type { NetworkPlugin } from '../plugins/index.ts';
import type {
  Hop, HopLink, HopStep, MasqueradeReason, OuterHeader, PacketAddresses, PacketWalk, WalkMTU, WalkParticipant, WalkStory,
} from '../derive/packet-walk.ts';

/** A hop in words. */
export interface HopWords {
  from: string;
  to: string;
  packet: PacketAddresses;
  /** The devices the packet crosses, e.g. `eth0 of the pod → veth → cni0`. */
  via: string;
  /** What happened at `from` before sending, one note each. */
  notes: string[];
  /** The same notes in a few words each, for the diagram (the description keeps the full notes). */
  shortNotes: string[];
  /** The outer header of an encapsulated hop; `sourcePort` says how its source port was chosen. */
  outer?: { src: string; dst: string; encapsulation: string; sourcePort?: string };
}

/** A whole walk in words. */
export interface WalkWords {
  title: string;
  /** One paragraph in plain language. */
  summary: string;
  participants: Array<{ id: string; label: string }>;
  hops: HopWords[];
  delivered: PacketAddresses;
}

/**
 * `VXLAN (UDP port 8472, VNI 1)`, `Geneve (UDP port 6081, VNI = the sender's security identity)`,
 * `IP-in-IP (IP protocol 4)`, `WireGuard (UDP port 51820)`. The UDP port is the destination port.
 */
export function encapsulationText(e: Encapsulation): string {
  switch (e.kind) {
    case 'ipip':
      return `IP-in-IP (IP protocol ${IPIP_PROTOCOL})`;
    case 'wireguard':
      return `WireGuard (UDP port ${e.udpPort})`;
    case 'vxlan':
    case 'geneve': {
      const vni = e.vni === 'sender-identity' ? 'VNI = the sender’s security identity' : `VNI ${e.vni}`;
      return `${encapsulationName(e)} (UDP port ${e.udpPort}, ${vni})`;
    }
  }
}
/**
 * The pod MTU of a walk and where it comes from: `pod MTU 1450 = eth0 MTU 1500 − 50 bytes (VXLAN)`,
 * or `pod MTU 1500 = eth0 MTU 1500 (no encapsulation)`.
 */
export function mtuText(mtu: WalkMTU): string {
  const sum = mtu.overhead > 0 ? `eth0 MTU ${mtu.interfaceMTU} − ${mtu.overhead} bytes` : `eth0 MTU ${mtu.interfaceMTU}`;
  return `pod MTU ${mtu.mtu} = ${sum} (${mtu.reason})`;
}

/** Why an outer UDP source port is what it is: a hash of the inner flow, not a fixed port. */
export function outerSourcePortText(sourcePort: NonNullable<OuterHeader['sourcePort']>): string {
  return `outer source port ${sourcePort.port} is a hash of the inner flow scaled into ${sourcePort.range.min}–${sourcePort.range.max} ` +
    'by Linux udp_flow_src_port; the real value depends on a per-boot hash seed, this one is an example';
}

function encapsulationName(e: Encapsulation): string {
  return { vxlan: 'VXLAN', geneve: 'Geneve', ipip: 'IP-in-IP', wireguard: 'WireGuard' }[e.kind];
}

function participantLabel(p: WalkParticipant): string {
  if (p.kind === 'pod') return `pod ${p.namespace}/${p.name} (${p.ip})`;
  if (p.kind === 'node') return `node ${p.name} (${p.ip})`;
  return `client ${p.ip}`;
}

/** The devices a hop crosses. */
export function viaText(link: HopLink): string {
  switch (link.kind) {
    case 'pod-to-host':
      return `eth0 of the pod → veth → ${link.hostDevice}`;
    case 'host-to-pod':
      if (!link.sameNode) return `${link.hostDevice} → veth → eth0 of the pod`;
      if (link.wiring === 'redirect') return `eBPF redirect to ${link.hostDevice} → eth0 of the pod`;
      return link.wiring === 'routed'
        ? `route ${link.podIP} dev ${link.hostDevice} → eth0 of the pod`
        : `${link.hostDevice} bridge → veth → eth0 of the pod`;
    case 'node-to-node':
      return link.tunnel ? `${link.tunnel} → eth0 ⇒ eth0 → ${link.tunnel} (decapsulated)` : 'eth0 ⇒ eth0';
    case 'network-to-node':
      return `network → eth0 of ${link.node}`;
  }
}

/** One note on what happened before a hop. */
export function stepText(step: HopStep, plugin: NetworkPlugin): string {
  switch (step.kind) {
    case 'pod-default-route':
      return 'the pod sends through its default route (eth0)';
    case 'dnat':
      return `kube-proxy DNAT ${step.from} → ${step.to} (${step.chains.join(' → ')}) in nat ${step.hook} on ${step.node}`;
    case 'ebpf-lb':
      return step.at === 'socket'
        ? `${step.by} on ${step.node}: ${step.hook}, so the connection to ${step.from} is opened to ${step.to} and no packet carries ${step.from}`
        : `${step.by} on ${step.node}: ${step.hook} (${step.from} → ${step.to}, no iptables)`;
    case 'masquerade':
      return `${MASQUERADE_MARKS[step.reason]}; ` +
        `KUBE-POSTROUTING MASQUERADE --random-fully rewrites the source ${step.from} → ${step.to}; ` +
        `the new source port is random from ${step.portRange.min}–${step.portRange.max}, ${portOf(step.to)} is an example`;
    case 'route': {
      const { route, device, encapsulation, lookup } = step.crossing;
      const effect = encapsulation ? `${device} wraps the packet in ${encapsulationName(encapsulation)}` : (plugin.interNode?.nativeNote ?? 'routed unchanged');
      if (lookup) return `${lookup}: ${effect} (the kernel route ${formatRoute(route)} is for traffic the host itself sends); ${mtuText(step.mtu)}`;
      return `route ${formatRoute(route)}: ${effect}; ${mtuText(step.mtu)}`;
    }
    case 'proxy':
      return `the controller matches ${step.host ?? '*'}${step.path} to rule ${step.ruleHost ?? '*'}${step.rulePath} → Service ${step.service}:${step.port} ` +
        `and opens a new connection to endpoint ${step.endpoint} (it reads the endpoints itself; no cluster IP, no DNAT)`;
  }
}

/** Which rule marked the packet for MASQUERADE, and why. */
const MASQUERADE_MARKS: Record<MasqueradeReason, string> = {
  external: 'KUBE-EXT marks the packet (KUBE-MARK-MASQ, externalTrafficPolicy Cluster)',
  'outside-cluster-cidr': 'KUBE-SVC marks the packet (KUBE-MARK-MASQ: the source is outside the cluster CIDR)',
  hairpin: 'KUBE-SEP marks the packet (KUBE-MARK-MASQ: the endpoint is the sender itself, hairpin)',
};

const portOf = (address: string): string => address.slice(address.lastIndexOf(':') + 1);

/** One note in a few words, for a diagram label: the rule chains and reasons stay in {@link stepText}. */
export function stepShortText(step: HopStep, plugin: NetworkPlugin): string {
  switch (step.kind) {
    case 'pod-default-route':
      return 'default route via eth0';
    case 'dnat':
      return `kube-proxy DNAT to ${step.to} (nat ${step.hook})`;
    case 'ebpf-lb':
      return step.at === 'socket' ? `${step.by}: connect() to ${step.from} goes to ${step.to}` : `eBPF on the lxc veth: destination becomes ${step.to}`;
    case 'masquerade':
      return `MASQUERADE --random-fully: source becomes ${step.to} (random port, example)`;
    case 'route': {
      const { route, device, encapsulation, lookup } = step.crossing;
      const effect = encapsulation ? `${device} wraps it in ${encapsulationName(encapsulation)}` : (plugin.interNode?.nativeNote ?? 'routed unchanged');
      if (lookup) return `ipcache: ${route.dst} is on another node; ${effect}; pod MTU ${step.mtu.mtu}`;
      return `route ${route.dst}${route.via ? ` via ${route.via}` : ''}: ${effect}; pod MTU ${step.mtu.mtu}`;
    }
    case 'proxy':
      return `rule ${step.ruleHost ?? '*'}${step.rulePath} → Service ${step.service}:${step.port}; new connection to ${step.endpoint}`;
  }
}

const podText = (p: { namespace: string; name: string }): string => `${p.namespace}/${p.name}`;

function walkTitle(story: WalkStory): string {
  switch (story.kind) {
    case 'pod-to-pod':
      return `pod ${podText(story.src)} → pod ${podText(story.dst)}`;
    case 'pod-to-service':
      return `pod ${podText(story.src)} → Service ${podText(story.service)}`;
    case 'external-to-nodeport':
      return `external client → NodePort ${story.nodePort} on ${story.node}`;
    case 'external-through-ingress':
      return `external client → Ingress ${podText(story.ingress)} → Service ${story.service}`;
  }
}

function walkSummary(story: WalkStory, plugin: NetworkPlugin): string {
  switch (story.kind) {
    case 'pod-to-pod':
      return story.sameNode
        ? `Both pods run on ${story.node}: the packet goes up the source veth and down the destination one without leaving the node; no address changes.`
        : `The pods run on different nodes; ${plugin.interNode?.walkSentence ?? ''} Pod addresses are never rewritten.`;
    case 'pod-to-service': {
      if (story.translatedBy?.at === 'socket') {
        return `The pod connects to the Service's cluster IP ${story.vip}, but ${story.translatedBy.by} picks endpoint ${story.endpoint} ` +
          `(pod ${podText(story.endpointPod)}) inside the connect() call on ${story.node}: every packet of the connection is addressed to the endpoint, ` +
          'so the cluster IP never appears on the wire and there is no DNAT to undo on the reply.';
      }
      if (story.translatedBy) {
        return `The pod sends to the Service's cluster IP ${story.vip}. On ${story.node}, ${story.translatedBy.by} in the program on the pod's veth ` +
          `picks endpoint ${story.endpoint} (pod ${podText(story.endpointPod)}) and rewrites the destination of each packet, without iptables; ` +
          'the source stays the pod IP, and Cilium reverses the translation on replies.';
      }
      const picked = `The pod sends to the Service's cluster IP ${story.vip}. ` +
        `On ${story.node}, kube-proxy's iptables rules pick endpoint ${story.endpoint} (pod ${podText(story.endpointPod)}) and rewrite the destination (DNAT)`;
      if (!story.masquerade) return `${picked}; the source stays the pod IP. Replies are un-NATed by conntrack.`;
      const why = story.masquerade.reason === 'hairpin'
        ? 'the pod reached itself through the Service (hairpin), so kube-proxy also masquerades'
        : 'the source is outside the cluster CIDR (a host-network pod), so kube-proxy also masquerades';
      return `${picked}; ${why} the source to ${story.masquerade.to} with a random source port, so the reply returns through ${story.node}. ` +
        'Replies are un-NATed by conntrack.';
    }
    case 'external-to-nodeport': {
      const start = `The client connects to ${story.arrival}. kube-proxy on ${story.node} DNATs to endpoint ${story.endpoint}`;
      return story.masqueradedTo
        ? `${start} and, because externalTrafficPolicy is Cluster, masquerades the source to ${story.masqueradedTo} with a random source port ` +
            `so the reply comes back through ${story.node}; the pod never sees the client IP or port.`
        : `${start}; externalTrafficPolicy Local keeps the client IP ${story.clientIP}, and only endpoints on ${story.node} are used.`;
    }
    case 'external-through-ingress':
      return `${walkSummary(story.toController, plugin)} The ingress controller ends that connection, picks the backend from the rule for ${story.path}, ` +
        `and opens a second connection from its own pod IP ${story.controllerIP} to ${story.endpoint}.`;
  }
}

function hopWords(hop: Hop, plugin: NetworkPlugin): HopWords {
  const words: HopWords = {
    from: hop.from,
    to: hop.to,
    packet: hop.packet,
    via: viaText(hop.link),
    notes: hop.steps.map((s) => stepText(s, plugin)),
    shortNotes: hop.steps.map((s) => stepShortText(s, plugin)),
  };
  if (hop.outer) {
    const { src, dst, encapsulation, sourcePort } = hop.outer;
    words.outer = { src, dst, encapsulation: encapsulationText(encapsulation), ...(sourcePort ? { sourcePort: outerSourcePortText(sourcePort) } : {}) };
  }
  return words;
}

/** The walk in words, for the diagram (packet-walk-steps.ts) and its description. */
export function describeWalk(walk: PacketWalk, plugin: NetworkPlugin): WalkWords {
  return {
    title: walkTitle(walk.story),
    summary: walkSummary(walk.story, plugin),
    participants: walk.participants.map((p) => ({ id: p.id, label: participantLabel(p) })),
    hops: walk.hops.map((h) => hopWords(h, plugin)),
    delivered: walk.delivered,
  };
}
