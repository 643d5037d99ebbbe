/**
 * The connection-tracking entries one packet walk (derive/packet-walk.ts) leaves behind, and how
 * `conntrack -L` prints them. Every node whose netfilter sees the packet (in the host network
 * namespace) tracks the connection: its original tuple is the packet as it arrived at that node,
 * its reply tuple the reply the node expects, which is the packet as it left, reversed. On the node
 * that translated the packet the two differ (DNAT: the reply comes from the endpoint; MASQUERADE:
 * the reply goes to the node's address); on a node that only forwarded it they mirror each other.
 *
 * Sources: conntrack-tools' output is libnetfilter_conntrack src/conntrack/snprintf_default.c
 * (`%-8s %u ` protocol name and number, timeout, TCP state, `src= dst= sport= dport=` per tuple,
 * `[UNREPLIED]` after the original tuple, `[ASSURED]` after the reply tuple, `mark=`, `use=`);
 * timeouts: kube-proxy sets nf_conntrack_tcp_timeout_established to 86400 (its
 * `conntrack.tcpEstablishedTimeout` default, 24h), the kernel's nf_conntrack_udp_timeout is 30 s
 * (Documentation/networking/nf_conntrack-sysctl.rst); ASSURED: net/netfilter/nf_conntrack_proto_tcp.c
 * (set once the connection is established), nf_conntrack_proto_udp.c (only for a stream still active
 * 2 s after the first packet, so a single DNS query and its answer never get it).
 */
import type { Protocol } from '../model/types.ts';
import type { Hop, HopStep, PacketAddresses, PacketWalk } from './packet-walk.ts';

/** One direction of a tracked connection. */
export interface ConntrackTuple {
  src: string;
  dst: string;
  sport: number;
  dport: number;
}

/** A connection-tracking entry on one node, once the reply has been seen. */
export interface ConntrackEntry {
  /** The node whose table holds the entry. */
  node: string;
  protocol: Extract<Protocol, 'TCP' | 'UDP'>;
  /** The packet as it arrived at the node. */
  original: ConntrackTuple;
  /** The reply the node expects: the packet as it left, reversed. */
  reply: ConntrackTuple;
  /** Which translations the entry carries: the reply's source is not the original destination (DNAT), its destination not the original source (SNAT). */
  nat: { dnat: boolean; snat: boolean };
  /**
   * Seconds left, as `conntrack -L` prints it a moment after the last packet: the protocol's timeout
   * minus one (the kernel rounds the remaining jiffies down). An example: it counts down from there.
   */
  timeout: number;
  /** TCP's state; UDP has none. */
  state?: 'ESTABLISHED';
  /** `[ASSURED]`: kept when the table is full (early drop skips assured entries). */
  assured: boolean;
  /** Where the original source port comes from: the sender's ephemeral port, or MASQUERADE on an earlier node. */
  sourcePort: 'ephemeral' | 'masquerade';
}

/** kube-proxy's `conntrack.tcpEstablishedTimeout` default (24h), written to nf_conntrack_tcp_timeout_established. */
export const TCP_ESTABLISHED_TIMEOUT = 86400;
/** The kernel's nf_conntrack_udp_timeout: a UDP flow that is not (yet) a stream. */
export const UDP_TIMEOUT = 30;

const IP_PROTOCOL_NUMBER: Record<ConntrackEntry['protocol'], number> = { TCP: 6, UDP: 17 };

function split(address: string): [string, number] {
  const colon = address.lastIndexOf(':');
  return [address.slice(0, colon), Number(address.slice(colon + 1))];
}

function tuple(packet: PacketAddresses): ConntrackTuple {
  const [src, sport] = split(packet.src);
  const [dst, dport] = split(packet.dst);
  return { src, dst, sport, dport };
}

function reversed(packet: PacketAddresses): PacketAddresses {
  return { src: packet.dst, dst: packet.src };
}

/** The packet before the NAT steps of a hop: what a node saw when the packet started there. */
function beforeNat(hop: Hop): PacketAddresses {
  const find = <K extends HopStep['kind']>(kind: K) => hop.steps.find((s): s is HopStep & { kind: K } => s.kind === kind);
  return { src: find('masquerade')?.from ?? hop.packet.src, dst: find('dnat')?.from ?? hop.packet.dst };
}

/** The transport protocol of the walk's connection: the Service port's, TCP for a walk without a Service. */
function walkProtocol(walk: PacketWalk): ConntrackEntry['protocol'] {
  const dnat = walk.hops.flatMap((h) => h.steps).find((s) => s.kind === 'dnat');
  const protocol = dnat?.kind === 'dnat' ? dnat.protocol : 'TCP';
  if (protocol === 'SCTP') throw new Error('conntrack entries are modelled for TCP and UDP only, not SCTP');
  return protocol;
}

/**
 * The entries the walk's connection leaves on each node it crosses, in the order the packet meets
 * them, as they look once the reply has come back (TCP established; UDP answered).
 */
export function conntrackEntries(walk: PacketWalk): ConntrackEntry[] {
  const protocol = walkProtocol(walk);
  const masqueraded = new Set(walk.hops.flatMap((h) => h.steps).flatMap((s) => (s.kind === 'masquerade' ? [s.to] : [])));
  const entries: ConntrackEntry[] = [];
  walk.hops.forEach((hop, i) => {
    if (!hop.from.startsWith('node:')) return;
    const previous = walk.hops[i - 1];
    // Arrived from the previous hop, or started on this node (a host-network pod's packet).
    const arrived = previous && previous.to === hop.from ? previous.packet : beforeNat(hop);
    const original = tuple(arrived);
    const reply = tuple(reversed(hop.packet));
    const tcp = protocol === 'TCP';
    entries.push({
      node: hop.from.slice('node:'.length),
      protocol,
      original,
      reply,
      nat: { dnat: reply.src !== original.dst || reply.sport !== original.dport, snat: reply.dst !== original.src || reply.dport !== original.sport },
      timeout: (tcp ? TCP_ESTABLISHED_TIMEOUT : UDP_TIMEOUT) - 1,
      ...(tcp ? { state: 'ESTABLISHED' as const } : {}),
      assured: tcp,
      sourcePort: masqueraded.has(arrived.src) ? 'masquerade' : 'ephemeral',
    });
  });
  return entries;
}

function tupleText(t: ConntrackTuple): string {
  return `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
}

/**
 * One line of `conntrack -L`, as libnetfilter_conntrack's default format prints it:
 * `tcp      6 86399 ESTABLISHED src=… dst=… sport=… dport=… src=… dst=… sport=… dport=… [ASSURED] mark=0 use=1`.
 */
export function formatConntrackEntry(entry: ConntrackEntry): string {
  const name = entry.protocol.toLowerCase().padEnd(8, ' ');
  return [
    `${name} ${IP_PROTOCOL_NUMBER[entry.protocol]}`,
    String(entry.timeout),
    ...(entry.state ? [entry.state] : []),
    tupleText(entry.original),
    tupleText(entry.reply),
    ...(entry.assured ? ['[ASSURED]'] : []),
    'mark=0',
    'use=1',
  ].join(' ');
}

/** What an entry says, in one sentence: which translation it holds and which of its values are examples. */
export function conntrackNote(entry: ConntrackEntry): string {
  const { original: o, reply: r } = entry;
  const translated = [
    ...(entry.nat.dnat ? [`DNAT: the reply comes from ${r.src}:${r.sport}, not ${o.dst}:${o.dport}`] : []),
    ...(entry.nat.snat ? [`SNAT: the reply goes to ${r.dst}:${r.dport}, not ${o.src}:${o.sport}`] : []),
  ];
  const what = translated.length ? `${translated.join('; ')}.` : 'No translation here: the reply tuple mirrors the original.';
  const timeout = entry.protocol === 'TCP'
    ? `${entry.timeout} is the seconds left of the ${TCP_ESTABLISHED_TIMEOUT}-second established timeout just after a packet`
    : `${entry.timeout} is the seconds left of the ${UDP_TIMEOUT}-second UDP timeout just after the answer`;
  const ports = [
    entry.sourcePort === 'masquerade'
      ? `source port ${o.sport} is an example of the random port MASQUERADE --random-fully picked on the node before`
      : `source port ${o.sport} is an example ephemeral port`,
    ...(entry.nat.snat ? [`${r.dport} an example of the random port MASQUERADE --random-fully picks`] : []),
  ];
  return `${what} Examples: ${timeout}; ${ports.join('; ')}.`;
}
