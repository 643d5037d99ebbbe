/**
 * IPv4 and IPv6 address and CIDR helpers over the `ip-address` library (no hand-rolled bit math).
 *
 * Every function takes the strings a person wrote; parsing is strict: an address has no
 * prefix, a CIDR has one and no host bits set (as the Kubernetes API requires for
 * `podCIDR`, `--service-cluster-ip-range` and `ipBlock.cidr`). Text with a `:` is read as
 * IPv6, anything else as IPv4, so messages about IPv4 input stay IPv4 messages.
 */
import { Address4, Address6 } from 'ip-address';

/** An IPv4 or IPv6 address or network, as `ip-address` parses it. */
export type AnyAddress = Address4 | Address6;

/** The parsed form of a CIDR, or a reason it is malformed. */
export type CidrParse = { ok: true; cidr: AnyAddress } | { ok: false; reason: string; networkForm?: string };

/** The parsed form of an IP address, or a reason it is malformed. */
export type IpParse = { ok: true; ip: AnyAddress } | { ok: false; reason: string };

const looksV6 = (text: string): boolean => text.includes(':');

/** Parses a plain address such as `10.244.1.2` or `fd00:10:244:1::2` (no prefix length, no zone). */
export function parseIp(text: unknown): IpParse {
  if (typeof text !== 'string') return { ok: false, reason: 'is not a string' };
  if (text.includes('/')) return { ok: false, reason: 'is a CIDR, not a single address' };
  if (looksV6(text)) {
    if (text.includes('%') || !Address6.isValid(text)) return { ok: false, reason: 'is not a valid IPv6 address' };
    return { ok: true, ip: new Address6(text) };
  }
  if (!Address4.isValid(text)) return { ok: false, reason: 'is not a valid IPv4 address' };
  return { ok: true, ip: new Address4(text) };
}

/** Parses a CIDR such as `10.244.0.0/16` or `fd00:10:244::/56`; rejects host bits (`10.244.1.5/24`). */
export function parseCidr(text: unknown): CidrParse {
  if (typeof text !== 'string') return { ok: false, reason: 'is not a string' };
  if (looksV6(text)) {
    if (!/\/\d{1,3}$/.test(text)) return { ok: false, reason: 'has no prefix length (expected a CIDR like fd00:10:244::/56)' };
    if (text.includes('%') || !Address6.isValid(text) || new Address6(text).subnetMask > 128) return { ok: false, reason: 'is not a valid IPv6 CIDR' };
  } else {
    if (!/\/\d{1,2}$/.test(text)) return { ok: false, reason: 'has no prefix length (expected a CIDR like 10.244.0.0/16)' };
    if (!Address4.isValid(text)) return { ok: false, reason: 'is not a valid IPv4 CIDR' };
  }
  const cidr: AnyAddress = looksV6(text) ? new Address6(text) : new Address4(text);
  const network = cidr.startAddress().correctForm();
  if (cidr.bigInt() !== cidr.startAddress().bigInt()) {
    const networkForm = `${network}/${cidr.subnetMask}`;
    return { ok: false, reason: `has host bits set (the network is ${networkForm})`, networkForm };
  }
  return { ok: true, cidr };
}

/** The IP family of an address or CIDR (`IPv4` / `IPv6`), or undefined when it is neither. */
export function ipFamilyOf(text: unknown): 'IPv4' | 'IPv6' | undefined {
  const parsed = typeof text === 'string' && text.includes('/') ? parseCidr(text) : parseIp(text);
  if (!parsed.ok) return undefined;
  return ('cidr' in parsed ? parsed.cidr : parsed.ip) instanceof Address6 ? 'IPv6' : 'IPv4';
}

/** The canonical text of an address (RFC 5952 for IPv6: lower case, longest zero run as `::`). */
export function canonicalIp(text: string): string {
  const parsed = parseIp(text);
  return parsed.ok ? parsed.ip.correctForm() : text;
}

/** Whether `text` is a valid IPv4 address (the importer's IPv4-only paths). */
export function isIPv4(text: unknown): text is string {
  return typeof text === 'string' && !text.includes(':') && parseIp(text).ok;
}

/** Whether `text` is a valid IPv4 or IPv6 address. */
export function isIp(text: unknown): text is string {
  return parseIp(text).ok;
}

/** Whether `text` is a valid IPv4 or IPv6 CIDR without host bits. */
export function isCidr(text: unknown): text is string {
  return parseCidr(text).ok;
}

function cidrOf(text: string): AnyAddress | undefined {
  const parsed = parseCidr(text);
  return parsed.ok ? parsed.cidr : undefined;
}

function ipOf(text: string): AnyAddress | undefined {
  const parsed = parseIp(text);
  return parsed.ok ? parsed.ip : undefined;
}

/** Whether the address `ip` lies in `cidr`; false when either is malformed. */
export function cidrContainsIp(cidr: string, ip: string): boolean {
  const range = cidrOf(cidr);
  const address = ipOf(ip);
  return !!range && !!address && sameFamily(range, address) && address.isInSubnet(range);
}

function sameFamily(a: AnyAddress, b: AnyAddress): boolean {
  return a instanceof Address6 === b instanceof Address6;
}

/** Whether every address of `inner` lies in `outer`; false when either is malformed. */
export function cidrContainsCidr(outer: string, inner: string): boolean {
  const a = cidrOf(outer);
  const b = cidrOf(inner);
  return !!a && !!b && sameFamily(a, b) && b.isInSubnet(a);
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

function lenient(cidr: string): AnyAddress {
  return looksV6(cidr) ? new Address6(cidr) : new Address4(cidr);
}

/** The prefix length of a CIDR, e.g. 24 for `10.244.1.0/24`. */
export function prefixLength(cidr: string): number {
  return lenient(cidr).subnetMask;
}

/** The address `n` steps after the network address of `cidr` (0 is the network address itself). */
export function addressAt(cidr: string, n: number): string {
  return lenient(cidr).startAddress().offset(n).correctForm();
}

/** The `/prefix` network that holds `ip`, e.g. `172.16.0.66`, 26 -> `172.16.0.64/26`. */
export function enclosingNetwork(ip: string, prefix: number): string {
  return `${addressAt(`${ip}/${prefix}`, 0)}/${prefix}`;
}
