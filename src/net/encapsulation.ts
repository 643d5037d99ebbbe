/**
 * Tunnel encapsulations: what wraps a packet between two hosts and what it costs in MTU.
 * VXLAN: RFC 7348 (outer IPv4 20 + UDP 8 + VXLAN 8 + inner Ethernet 14 = 50 bytes, as flannel
 * pkg/backend/vxlan encapOverhead); IP-in-IP: RFC 2003 (an outer IPv4 header, 20 bytes, IP protocol 4).
 */

/** An encapsulation on the wire between two node IPs. */
export type Encapsulation =
  | { kind: 'vxlan'; /** Outer UDP port. */ udpPort: number; /** VXLAN network identifier. */ vni: number }
  | { kind: 'ipip' };

/** IP protocol number of IP-in-IP (IANA, RFC 2003). */
export const IPIP_PROTOCOL = 4;

/** Bytes each encapsulation adds to a packet. */
export function encapsulationOverhead(encapsulation: Encapsulation): number {
  return encapsulation.kind === 'vxlan' ? 50 : 20;
}

/** The MTU left for the inner packet on an interface of `interfaceMTU` bytes. */
export function innerMTU(interfaceMTU: number, encapsulation: Encapsulation | undefined): number {
  return encapsulation ? interfaceMTU - encapsulationOverhead(encapsulation) : interfaceMTU;
}
