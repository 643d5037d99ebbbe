/**
 * An IPv6 route as `ip -6 route` prints it, and the order the kernel dumps them in.
 *
 * Print form (iproute2 ip/iproute.c print_route): `dst [via] dev [proto] [src] metric [onlink]
 * [mtu] pref medium`. Every IPv6 route has a metric: 256 for the kernel's connected and
 * address routes (IP6_RT_PRIO_ADDRCONF), 1024 (IP6_RT_PRIO_USER) for a route added without one
 * (net/ipv6/route.c ip6_route_info_create turns metric 0 into IP6_RT_PRIO_USER). IPv6 routes
 * print no `scope`: rt6_fill_node always reports RT_SCOPE_UNIVERSE. An address added without
 * `noprefixroute` gets a route for its prefix, a /128 too (`<address> dev wg0 proto kernel metric
 * 256`), unlike an IPv4 /32, which only gets a local-table entry.
 *
 * Order: the IPv6 fib is a radix tree that fib6_walk visits children first (left, then right,
 * then the node's own routes), so a more specific route prints before the prefix that contains
 * it, disjoint prefixes print in address order, and `default` (::/0, the root) prints last.
 */

/** One IPv6 route. */
export interface Route6 {
  /** A route type other than unicast, printed first (a blackhole lives on `lo`). */
  type?: 'blackhole';
  /** `default`, a CIDR, or an address (a /128 prints without its prefix length). */
  dst: string;
  via?: string;
  dev: string;
  /** `kernel` for routes the kernel (or a plugin with RTPROT_KERNEL) installs. */
  proto?: string;
  /** Preferred source address. */
  src?: string;
  /** 256 for kernel routes, 1024 for routes added without a metric. */
  metric: number;
  onlink?: boolean;
  /** The route's MTU metric (`mtu 1450`). */
  mtu?: number;
}

/** The kernel's metric for connected and address routes (IP6_RT_PRIO_ADDRCONF). */
export const KERNEL_METRIC = 256;
/** The metric of a route added without one (IP6_RT_PRIO_USER). */
export const USER_METRIC = 1024;

/** print_route order: [type] dst [via] dev [proto] [src] metric [onlink] [mtu] pref. */
export function formatRoute6(r: Route6): string {
  const parts = r.type ? [r.type, r.dst] : [r.dst];
  if (r.via) parts.push('via', r.via);
  parts.push('dev', r.dev);
  if (r.proto) parts.push('proto', r.proto);
  if (r.src) parts.push('src', r.src);
  parts.push('metric', String(r.metric));
  if (r.onlink) parts.push('onlink');
  if (r.mtu !== undefined) parts.push('mtu', String(r.mtu));
  parts.push('pref', 'medium');
  return parts.join(' ');
}

function expand(address: string): string {
  if (!address.includes('::')) return address;
  const [head, tail] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  return [...h, ...Array(8 - h.length - t.length).fill('0'), ...t].join(':');
}

/** The network of a destination as a 128-bit number and a prefix length. */
function prefixOf(dst: string): { bits: bigint; length: number } {
  if (dst === 'default') return { bits: 0n, length: 0 };
  const [address, length] = dst.split('/');
  const bits = BigInt(`0x${expand(address!).split(':').map((g) => g.padStart(4, '0')).join('')}`);
  return { bits, length: length === undefined ? 128 : Number(length) };
}

function contains(outer: { bits: bigint; length: number }, inner: { bits: bigint; length: number }): boolean {
  if (outer.length > inner.length) return false;
  const shift = BigInt(128 - outer.length);
  return outer.bits >> shift === inner.bits >> shift;
}

/** fib6_walk order: -1 when `a` prints before `b`, 0 for the same prefix. */
export function compareRoute6(a: Route6, b: Route6): number {
  const pa = prefixOf(a.dst);
  const pb = prefixOf(b.dst);
  if (pa.length === pb.length && pa.bits === pb.bits) return 0;
  if (contains(pa, pb)) return 1; // b is inside a: the child prints first
  if (contains(pb, pa)) return -1;
  return pa.bits < pb.bits ? -1 : 1;
}

/** Routes in dump order; routes of one prefix keep the order they were added in (eth0 before cni0). */
export function sortRoutes6(routes: readonly Route6[]): Route6[] {
  return routes.map((r, i) => ({ r, i })).sort((x, y) => compareRoute6(x.r, y.r) || x.i - y.i).map(({ r }) => r);
}
