/**
 * The address ranges the model needs but the API objects do not state: the node network, the
 * cluster CIDR (`--cluster-cidr`) and the service CIDR (`--service-cluster-ip-range`) live in
 * component flags, not in Nodes, Pods or Services. They are inferred from the addresses seen,
 * preferring the well-known defaults when those hold every address, and each inference is
 * reported as an assumption.
 */
import { Address4, Address6 } from 'ip-address';
import { broadcastAddress, ipFamilyOf, isCidr, isIp, networkAddress, parseIp } from '../net/cidr.ts';
import type { IPFamily } from '../model/types.ts';

// Ranges are inferred per family: every function takes the family it works in (IPv4 by
// default) and skips items of the other one.
const BITS: Record<IPFamily, number> = { IPv4: 32, IPv6: 128 };

function toBigInt(ip: string): bigint | undefined {
  const parsed = parseIp(ip);
  return parsed.ok ? parsed.ip.bigInt() : undefined;
}

function toText(value: bigint, family: IPFamily): string {
  return family === 'IPv4' ? Address4.fromBigInt(value).correctForm() : Address6.fromBigInt(value).correctForm();
}

/** The first and last address of an address or CIDR of `family`. */
function span(text: string, family: IPFamily = 'IPv4'): [bigint, bigint] | undefined {
  if (ipFamilyOf(text) !== family) return undefined;
  if (isIp(text)) {
    const v = toBigInt(text)!;
    return [v, v];
  }
  if (!isCidr(text)) return undefined;
  return [toBigInt(networkAddress(text)!)!, toBigInt(broadcastAddress(text)!)!];
}

/** The lowest and highest address of every valid item of `family`; undefined when none is valid. */
function bounds(items: readonly string[], family: IPFamily): [bigint, bigint] | undefined {
  let low: bigint | undefined;
  let high: bigint | undefined;
  for (const item of items) {
    const s = span(item, family);
    if (!s) continue;
    low = low === undefined || s[0] < low ? s[0] : low;
    high = high === undefined || s[1] > high ? s[1] : high;
  }
  return low === undefined || high === undefined ? undefined : [low, high];
}

function networkOf([low, high]: [bigint, bigint], maxPrefix: number, family: IPFamily): string {
  const bits = BITS[family];
  const allOnes = (1n << BigInt(bits)) - 1n;
  const differing = (low ^ high).toString(2).replace(/^0+/, '').length;
  const prefix = Math.min(bits - differing, maxPrefix);
  const mask = (allOnes << BigInt(bits - prefix)) & allOnes;
  return `${toText(low & mask, family)}/${prefix}`;
}

/**
 * The smallest CIDR holding every given address and CIDR of `family`, no longer than
 * `/maxPrefix`; undefined when none is valid. E.g. 10.244.0.0/24 and 10.244.2.0/24 -> 10.244.0.0/22.
 */
export function smallestCommonNetwork(items: readonly string[], maxPrefix?: number, family: IPFamily = 'IPv4'): string | undefined {
  const b = bounds(items, family);
  return b ? networkOf(b, maxPrefix ?? BITS[family], family) : undefined;
}

// Items are parsed once into their bounds, then compared with each candidate range: a range
// holds every item exactly when it holds their lowest and highest address.
function holdsBounds(range: string, b: [bigint, bigint] | undefined, family: IPFamily): boolean {
  const r = span(range, family);
  return !!r && (!b || (r[0] <= b[0] && b[1] <= r[1]));
}

/** Whether `range` holds every given address or CIDR of its family (others are ignored). */
export function holdsAll(range: string, items: readonly string[]): boolean {
  const family = ipFamilyOf(range) ?? 'IPv4';
  return holdsBounds(range, bounds(items, family), family);
}

/** A range and how it was found, in words for the import's assumptions. */
export interface InferredRange {
  /** The CIDR. */
  cidr: string;
  /** How it was found. */
  reason: string;
}

/**
 * `preferred` (a well-known default) when it holds every item, else the smallest common
 * network of the items, at most `/maxPrefix` long; undefined when there are no items.
 */
export function inferRange(items: readonly string[], preferred: readonly string[], maxPrefix: number, what: string, family: IPFamily = 'IPv4'): InferredRange | undefined {
  const valid = items.filter((item) => span(item, family) !== undefined);
  const b = bounds(valid, family);
  if (!b) return undefined;
  const known = preferred.find((cidr) => holdsBounds(cidr, b, family));
  if (known) return { cidr: known, reason: `${what} ${known}: the usual default, and it holds all ${valid.length} addresses seen` };
  const cidr = networkOf(b, maxPrefix, family);
  return { cidr, reason: `${what} ${cidr}: the smallest range holding all ${valid.length} addresses seen (the API objects do not state it)` };
}

/**
 * The service CIDR: kube-apiserver gives `default/kubernetes` the first address of the range
 * (ServiceIPRange: "Select the first valid IP from ServiceClusterIPRange to use as the
 * GenericAPIServer service IP"), so the range is the smallest network holding
 * every ClusterIP (at most `/maxPrefix` long) whose network address sits right before that one,
 * widened until it does.
 */
export function inferServiceCIDR(clusterIPs: readonly string[], kubernetesIP: string | undefined, preferred: readonly string[], maxPrefix?: number, family: IPFamily = 'IPv4'): InferredRange | undefined {
  // default/kubernetes holds an address of the first service range only, so of one family.
  const kubernetes = kubernetesIP && isIp(kubernetesIP) && ipFamilyOf(kubernetesIP) === family ? kubernetesIP : undefined;
  const ips = [...clusterIPs, ...(kubernetes ? [kubernetes] : [])].filter((ip) => isIp(ip) && ipFamilyOf(ip) === family);
  const b = bounds(ips, family);
  if (!b) return undefined;
  const expected = kubernetes ? toText(toBigInt(kubernetes)! - 1n, family) : undefined;
  const known = preferred.find((cidr) => holdsBounds(cidr, b, family) && (!expected || networkAddress(cidr) === expected));
  if (known) return { cidr: known, reason: `service CIDR ${known}: the usual default, and it holds all ${ips.length} ClusterIPs seen` };
  const smallest = networkOf(b, maxPrefix ?? BITS[family], family);
  if (expected) {
    for (let prefix = Number(smallest.split('/')[1]); prefix > 0; prefix--) {
      const cidr = networkOf(b, prefix, family);
      if (networkAddress(cidr) === expected) {
        return { cidr, reason: `service CIDR ${cidr}: the smallest range that starts right before default/kubernetes's ${kubernetesIP} and holds all ${ips.length} ClusterIPs seen` };
      }
    }
  }
  return { cidr: smallest, reason: `service CIDR ${smallest}: the smallest range holding all ${ips.length} ClusterIPs seen (the API objects do not state it)` };
}
