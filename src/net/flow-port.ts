/**
 * Source ports the kernel picks for a flow rather than keeps: the outer UDP source port of a
 * tunnel, and the port MASQUERADE `--random-fully` gives a connection. Both depend on values a
 * reader cannot reproduce (a per-boot hash seed, a random number), so the site shows a stable
 * example computed from the flow, and says so in words.
 *
 * - Tunnel source port: Linux `udp_flow_src_port()` (include/net/udp.h), called by the vxlan
 *   driver (drivers/net/vxlan/vxlan_core.c, vxlan_xmit_one) with the device's port range, which
 *   defaults to `net.ipv4.ip_local_port_range` (32768 60999, Documentation/networking/ip-sysctl.rst).
 *   The hash is `skb_get_hash()`, the flow dissector's jhash of the inner addresses and ports keyed
 *   with a random per-boot seed; the kernel then mixes it (`hash ^= hash << 16`) and scales it into
 *   the range: `((u64)hash * (max - min) >> 32) + min`.
 * - MASQUERADE `--random-fully` (NF_NAT_RANGE_PROTO_RANDOM_FULLY): net/netfilter/nf_nat_core.c,
 *   nf_nat_l4proto_unique_tuple: with no `--to-ports`, a source port of 1024 or more is replaced by
 *   `1024 + off % 64512` where `off` is a random 16-bit number (`get_random_u16()`); ports below
 *   1024 stay below 1024 (1–511, or 600–1023).
 */
import { sha256 } from './hash.ts';

/** An inclusive range of ports. */
export interface PortRange {
  min: number;
  max: number;
}

/** `net.ipv4.ip_local_port_range` default, the vxlan driver's source-port range unless set. */
export const LINUX_LOCAL_PORT_RANGE: PortRange = { min: 32768, max: 60999 };

/**
 * The geneve driver's source-port range: drivers/net/geneve.c calls
 * `udp_flow_src_port(geneve->net, skb, 1, USHRT_MAX, true)`, not the local port range.
 */
export const GENEVE_SOURCE_PORT_RANGE: PortRange = { min: 1, max: 65535 };

/** The source ports NAT chooses from for an original source port of 1024 or more. */
export const NAT_SOURCE_PORT_RANGE: PortRange = { min: 1024, max: 65535 };

/**
 * The example hash of a flow: the first 32 bits (big-endian) of SHA-256 of `flow`. A stand-in
 * for the kernel's seeded jhash, which differs on every boot: stable, so pages do not change
 * between builds, and spread over the whole 32-bit space as the real hash is.
 */
export function exampleFlowHash(flow: string): number {
  const d = sha256(flow);
  return ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
}

/** Linux `udp_flow_src_port()` for a given 32-bit flow hash: mix, then scale into [min, max). */
export function udpFlowSourcePort(hash: number, range: PortRange = LINUX_LOCAL_PORT_RANGE): number {
  const mixed = BigInt((hash ^ (hash << 16)) >>> 0);
  return Number((mixed * BigInt(range.max - range.min)) >> 32n) + range.min;
}

/** The outer UDP source port the vxlan driver would pick for an inner flow, with the example hash. */
export function vxlanSourcePort(innerFlow: string): number {
  return udpFlowSourcePort(exampleFlowHash(innerFlow));
}

/** The outer UDP source port the geneve driver would pick for an inner flow, with the example hash. */
export function geneveSourcePort(innerFlow: string): number {
  return udpFlowSourcePort(exampleFlowHash(innerFlow), GENEVE_SOURCE_PORT_RANGE);
}

/**
 * The source port MASQUERADE `--random-fully` gives a connection from `originalPort`, with the
 * example hash's low 16 bits standing in for `get_random_u16()`. Ports below 1024 keep to the
 * kernel's low ranges (1–511, 600–1023).
 */
export function randomFullyPort(flow: string, originalPort: number): number {
  const off = exampleFlowHash(flow) & 0xffff;
  const [min, size] = originalPort >= 1024 ? [1024, 65535 - 1024 + 1] : originalPort < 512 ? [1, 511] : [600, 1023 - 600 + 1];
  return min + (off % size);
}
