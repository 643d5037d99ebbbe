/**
 * Tunnel encapsulations: what wraps a packet between two hosts and what it costs in MTU.
 * VXLAN: RFC 7348 (outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 = 50 bytes, as flannel
 * pkg/backend/vxlan encapOverhead); IP-in-IP: RFC 2003 (an outer IPv4 header, 20 bytes, IP protocol 4);
 * WireGuard: the WireGuard paper, section 5.4.6 (transport data message: type 4 + receiver index 4 +
 * counter 8 + Poly1305 tag 16 = 32 bytes) inside an outer IPv4 20 + UDP 8 = 60 bytes, the figure
 * Calico's "Configure MTU" page uses for IPv4 (80 with an IPv6 outer header).
 * Geneve: RFC 8926 (outer IPv4 20 + UDP 8 + Geneve base header 8 + inner Ethernet 14 = 50 bytes
 * when no options are carried, as Cilium's pkg/mtu TunnelOverheadIPv4).
 */

/**
 * The virtual network identifier of a UDP tunnel: a fixed number (flannel VNI 1, Calico 4096), or,
 * for Cilium, the security identity of the sending endpoint, which changes per packet source.
 */
export type TunnelVNI = number | 'sender-identity';

/** An encapsulation on the wire between two node IPs. */
export type Encapsulation =
  | { kind: 'vxlan'; /** Outer UDP port. */ udpPort: number; /** VXLAN network identifier. */ vni: TunnelVNI }
  | { kind: 'geneve'; /** Outer UDP port. */ udpPort: number; /** Geneve virtual network identifier. */ vni: TunnelVNI }
  | { kind: 'ipip' }
  | { kind: 'wireguard'; /** The UDP port both peers listen on (the outer source and destination port). */ udpPort: number };

/**
 * The MTU this model assumes for a node's own interface: Ethernet's 1500 bytes, the usual value and
 * the one the plugins' documentation starts from.
 */
export const NODE_INTERFACE_MTU = 1500;

/** IP protocol number of IP-in-IP (IANA, RFC 2003). */
export const IPIP_PROTOCOL = 4;

/** WireGuard's bytes around an inner packet with an IPv4 outer header: 20 + 8 UDP + 32 WireGuard. */
export const WIREGUARD_IPV4_OVERHEAD = 60;
/** The same with an IPv6 outer header (40 bytes instead of 20). */
export const WIREGUARD_IPV6_OVERHEAD = 80;

/** IANA's Geneve port (RFC 8926), which Cilium uses. */
export const GENEVE_PORT = 6081;

/** Bytes each encapsulation adds to a packet (IPv4 outer header; Geneve without options). */
export function encapsulationOverhead(encapsulation: Encapsulation): number {
  switch (encapsulation.kind) {
    case 'vxlan':
    case 'geneve':
      return 50;
    case 'ipip':
      return 20;
    case 'wireguard':
      return WIREGUARD_IPV4_OVERHEAD;
  }
}

/** The MTU left for the inner packet on an interface of `interfaceMTU` bytes. */
export function innerMTU(interfaceMTU: number, encapsulation: Encapsulation | undefined): number {
  return encapsulation ? interfaceMTU - encapsulationOverhead(encapsulation) : interfaceMTU;
}
