/**
 * IPv4 address and CIDR helpers over the `ip-address` library (no hand-rolled bit math).
 *
 * Every function takes the strings a person wrote; parsing is strict: an address has no
 * prefix, a CIDR has one and no host bits set (as the Kubernetes API requires for
 * `podCIDR`, `--service-cluster-ip-range` and `ipBlock.cidr`).
 */
import { Address4 } from 'ip-address';

/** The parsed form of a CIDR, or a reason it is malformed. */
export type CidrParse = { ok: true; cidr: Address4 } | { ok: false; reason: string; networkForm?: string };

/** The parsed form of an IPv4 address, or a reason it is malformed. */
export type IpParse = { ok: true; ip: Address4 } | { ok: false; reason: string };

/** Parses a plain IPv4 address such as `10.244.1.2` (no prefix length). */
export function parseIp(text: unknown): IpParse {
  if (typeof text !== 'string') return { ok: false, reason: 'is not a string' };
  if (text.includes('/')) return { ok: false, reason: 'is a CIDR, not a single address' };
  if (!Address4.isValid(text)) return { ok: false, reason: 'is not a valid IPv4 address' };
  return { ok: true, ip: new Address4(text) };
}

/** Parses a CIDR such as `10.244.0.0/16`; rejects host bits (`10.244.1.5/24`). */
export function parseCidr(text: unknown): CidrParse {
  if (typeof text !== 'string') return { ok: false, reason: 'is not a string' };
  if (!/\/\d{1,2}$/.test(text)) return { ok: false, reason: 'has no prefix length (expected a CIDR like 10.244.0.0/16)' };
  if (!Address4.isValid(text)) return { ok: false, reason: 'is not a valid IPv4 CIDR' };
  const cidr = new Address4(text);
  const network = cidr.startAddress().correctForm();
  if (network !== cidr.correctForm()) {
    const networkForm = `${network}/${cidr.subnetMask}`;
    return { ok: false, reason: `has host bits set (the network is ${networkForm})`, networkForm };
  }
  return { ok: true, cidr };
}

/** Whether `text` is a valid IPv4 address. */
export function isIp(text: unknown): text is string {
  return parseIp(text).ok;
}

/** Whether `text` is a valid IPv4 CIDR without host bits. */
export function isCidr(text: unknown): text is string {
  return parseCidr(text).ok;
}

function cidrOf(text: string): Address4 | undefined {
  const parsed = parseCidr(text);
  return parsed.ok ? parsed.cidr : undefined;
}

function ipOf(text: string): Address4 | undefined {
  const parsed = parseIp(text);
  return parsed.ok ? parsed.ip : undefined;
}

/** Whether the address `ip` lies in `cidr`; false when either is malformed. */
export function cidrContainsIp(cidr: string, ip: string): boolean {
  const range = cidrOf(cidr);
  const address = ipOf(ip);
  return !!range && !!address && address.isInSubnet(range);
}

/** Whether every address of `inner` lies in `outer`; false when either is malformed. */
export function cidrContainsCidr(outer: string, inner: string): boolean {
  const a = cidrOf(outer);
  const b = cidrOf(inner);
  return !!a && !!b && b.isInSubnet(a);
}

/** Whether two CIDRs share any address (two prefixes overlap only if one contains the other). */
export function cidrsOverlap(a: string, b: string): boolean {
  return cidrContainsCidr(a, b) || cidrContainsCidr(b, a);
}

/** The n-th address of a CIDR (0 is the network address); undefined when malformed or out of range. */
export function nthAddress(cidr: string, n: number): string | undefined {
  const range = cidrOf(cidr);
  if (!range) return undefined;
  const address = range.startAddress().offset(n);
  return address.isInSubnet(range) ? address.correctForm() : undefined;
}

/** The network address of a CIDR, e.g. `10.244.1.0` for `10.244.1.0/24`. */
export function networkAddress(cidr: string): string | undefined {
  return nthAddress(cidr, 0);
}

/** The broadcast (last) address of a CIDR. */
export function broadcastAddress(cidr: string): string | undefined {
  return cidrOf(cidr)?.endAddress().correctForm();
}

/** Numeric sort key of an address, for deterministic ordering. */
export function ipSortKey(ip: string): bigint {
  return ipOf(ip)?.bigInt() ?? -1n;
}

// The functions below serve derivations, which run on validated clusters: they read the network
// part of a CIDR leniently (host bits are ignored) and throw on text that is no CIDR at all.

/** The prefix length of a CIDR, e.g. 24 for `10.244.1.0/24`. */
export function prefixLength(cidr: string): number {
  return new Address4(cidr).subnetMask;
}

/** The address `n` steps after the network address of `cidr` (0 is the network address itself). */
export function addressAt(cidr: string, n: number): string {
  return new Address4(cidr).startAddress().offset(n).correctForm();
}

/** The `/prefix` network that holds `ip`, e.g. `172.16.0.66`, 26 -> `172.16.0.64/26`. */
export function enclosingNetwork(ip: string, prefix: number): string {
  return `${addressAt(`${ip}/${prefix}`, 0)}/${prefix}`;
}
