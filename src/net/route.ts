/**
 * Routes of a Linux main routing table, as `ip route` prints them (iproute2 ip/iproute.c
 * print_route) and in the order the kernel dumps them (net/ipv4/fib_trie.c: by address, the longer
 * prefix first).
 */
import { Address4 } from 'ip-address';

/** One route of the main table. */
export interface Route {
  /** Destination: `default`, a CIDR, or an address for /32. */
  dst: string;
  /** Route type when not unicast (e.g. `blackhole`). */
  type?: 'blackhole';
  /** Gateway. */
  via?: string;
  /** Output device. */
  dev?: string;
  /** Routing protocol that installed it (`kernel`, `bird`, `80`). */
  proto?: string;
  /** Scope (`link`). */
  scope?: string;
  /** Preferred source address. */
  src?: string;
  /** The gateway is on-link even though no connected route covers it. */
  onlink?: boolean;
  /** The route's MTU metric (`mtu 1450`), which iproute2 prints after the flags. */
  mtu?: number;
}

/** A destination as `ip route` prints it: the network form of a CIDR, a bare address for /32. */
export function routeDestination(cidr: string): string {
  const a = new Address4(cidr);
  return a.subnetMask === 32 ? a.addressMinusSuffix : `${a.startAddress().correctForm()}/${a.subnetMask}`;
}

/** iproute2 print_route field order: [type] dst [via] dev [proto] [scope] [src] [onlink] [mtu]. */
export function formatRoute(r: Route): string {
  const parts: string[] = [];
  if (r.type) parts.push(r.type);
  parts.push(r.dst);
  if (r.via) parts.push('via', r.via);
  if (r.dev) parts.push('dev', r.dev);
  if (r.proto) parts.push('proto', r.proto);
  if (r.scope) parts.push('scope', r.scope);
  if (r.src) parts.push('src', r.src);
  if (r.onlink) parts.push('onlink');
  if (r.mtu !== undefined) parts.push('mtu', String(r.mtu));
  return parts.join(' ');
}

function sortKey(r: Route): [bigint, number] {
  if (r.dst === 'default') return [-1n, 0];
  const a = new Address4(r.dst.includes('/') ? r.dst : `${r.dst}/32`);
  return [a.startAddress().bigInt(), a.subnetMask];
}

/** fib_trie order: ascending network address; for the same address, the longer prefix first. */
export function sortRoutes(routes: Route[]): Route[] {
  return [...routes].sort((x, y) => {
    const [ax, px] = sortKey(x);
    const [ay, py] = sortKey(y);
    if (ax !== ay) return ax < ay ? -1 : 1;
    return py - px;
  });
}
