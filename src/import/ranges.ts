/**
 * The address ranges the model needs but the API objects do not state: the node network, the
 * cluster CIDR (`--cluster-cidr`) and the service CIDR (`--service-cluster-ip-range`) live in
 * component flags, not in Nodes, Pods or Services. They are inferred from the addresses seen,
 * preferring the well-known defaults when those hold every address, and each inference is
 * reported as an assumption.
 */
import { broadcastAddress, isCidr, isIp, networkAddress, parseIp } from '../net/cidr.ts';

const IPV4_BITS = 32n;
const ALL_ONES = (1n << IPV4_BITS) - 1n;

function toBigInt(ip: string): bigint | undefined {
  const parsed = parseIp(ip);
  return parsed.ok ? parsed.ip.bigInt() : undefined;
}

function toDotted(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
}

/** The first and last address of an IPv4 address or CIDR. */
function span(text: string): [bigint, bigint] | undefined {
  if (text.includes(':')) return undefined; // the import infers IPv4 ranges only
  if (isIp(text)) {
    const v = toBigInt(text)!;
    return [v, v];
  }
  if (!isCidr(text)) return undefined;
  return [toBigInt(networkAddress(text)!)!, toBigInt(broadcastAddress(text)!)!];
}

/** The lowest and highest address of every valid item; undefined when none is valid. */
function bounds(items: readonly string[]): [bigint, bigint] | undefined {
  let low: bigint | undefined;
  let high: bigint | undefined;
  for (const item of items) {
    const s = span(item);
    if (!s) continue;
    low = low === undefined || s[0] < low ? s[0] : low;
    high = high === undefined || s[1] > high ? s[1] : high;
  }
  return low === undefined || high === undefined ? undefined : [low, high];
}

function networkOf([low, high]: [bigint, bigint], maxPrefix: number): string {
  const differing = (low ^ high).toString(2).replace(/^0+/, '').length;
  const prefix = Math.min(32 - differing, maxPrefix);
  const mask = (ALL_ONES << BigInt(32 - prefix)) & ALL_ONES;
  return `${toDotted(low & mask)}/${prefix}`;
}

/**
 * The smallest CIDR holding every given IPv4 address and CIDR, no longer than `/maxPrefix`;
 * undefined when none is valid. E.g. 10.244.0.0/24 and 10.244.2.0/24 -> 10.244.0.0/22.
 */
export function smallestCommonNetwork(items: readonly string[], maxPrefix = 32): string | undefined {
  const b = bounds(items);
  return b ? networkOf(b, maxPrefix) : undefined;
}

// Items are parsed once into their bounds, then compared with each candidate range: a range
// holds every item exactly when it holds their lowest and highest address.
function holdsBounds(range: string, b: [bigint, bigint] | undefined): boolean {
  const r = span(range);
  return !!r && (!b || (r[0] <= b[0] && b[1] <= r[1]));
}

/** Whether `range` holds every given IPv4 address or CIDR (others are ignored). */
export function holdsAll(range: string, items: readonly string[]): boolean {
  return holdsBounds(range, bounds(items));
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
export function inferRange(items: readonly string[], preferred: readonly string[], maxPrefix: number, what: string): InferredRange | undefined {
  const valid = items.filter((item) => span(item) !== undefined);
  const b = bounds(valid);
  if (!b) return undefined;
  const known = preferred.find((cidr) => holdsBounds(cidr, b));
  if (known) return { cidr: known, reason: `${what} ${known}: the usual default, and it holds all ${valid.length} addresses seen` };
  const cidr = networkOf(b, maxPrefix);
  return { cidr, reason: `${what} ${cidr}: the smallest range holding all ${valid.length} addresses seen (the API objects do not state it)` };
}

/**
 * The service CIDR: kube-apiserver gives `default/kubernetes` the first address of the range
 * (ServiceIPRange: "Select the first valid IP from ServiceClusterIPRange to use as the
 * GenericAPIServer service IP"), so the range is the smallest network holding
 * every ClusterIP (at most `/maxPrefix` long) whose network address sits right before that one,
 * widened until it does.
 */
export function inferServiceCIDR(clusterIPs: readonly string[], kubernetesIP: string | undefined, preferred: readonly string[], maxPrefix = 32): InferredRange | undefined {
  const ips = [...clusterIPs, ...(kubernetesIP ? [kubernetesIP] : [])].filter(isIp);
  const b = bounds(ips);
  if (!b) return undefined;
  const expected = kubernetesIP && isIp(kubernetesIP) ? toDotted(toBigInt(kubernetesIP)! - 1n) : undefined;
  const known = preferred.find((cidr) => holdsBounds(cidr, b) && (!expected || networkAddress(cidr) === expected));
  if (known) return { cidr: known, reason: `service CIDR ${known}: the usual default, and it holds all ${ips.length} ClusterIPs seen` };
  const smallest = networkOf(b, maxPrefix);
  if (expected) {
    for (let prefix = Number(smallest.split('/')[1]); prefix > 0; prefix--) {
      const cidr = networkOf(b, prefix);
      if (networkAddress(cidr) === expected) {
        return { cidr, reason: `service CIDR ${cidr}: the smallest range that starts right before default/kubernetes's ${kubernetesIP} and holds all ${ips.length} ClusterIPs seen` };
      }
    }
  }
  return { cidr: smallest, reason: `service CIDR ${smallest}: the smallest range holding all ${ips.length} ClusterIPs seen (the API objects do not state it)` };
}
