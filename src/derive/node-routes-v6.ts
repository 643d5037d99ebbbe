/**
 * A dual-stack node's IPv6 main table, as `ip -6 route` prints it. IPv6 routes differ from IPv4
 * ones in print form: every route has a metric (256 for the kernel's connected routes, 1024
 * = IP6_RT_PRIO_USER for routes added without one) and a router preference (`pref medium`),
 * connected routes carry no `scope link src`, each interface with IPv6 has a link-local
 * `fe80::/64` route, and `::1 dev lo` is in the main table (iproute2 ip/iproute.c print_route;
 * Linux net/ipv6/route.c, addrconf.c). The IPv6 fib is a radix tree walked in address order, so
 * `default` (::/0) is printed last.
 *
 * Plugin routes, for the IPv6 lease of each other node (flannel pkg/backend/hostgw: `<lease> via
 * <node IPv6> dev <iface>`): modelled for flannel host-gw and the bridge plugin. Each pod's
 * host-side veth adds one more `fe80::/64 dev veth…` line (random names), left out here.
 */
import { addressAt, ipFamilyOf } from '../net/cidr.ts';
import { clusterRanges, nodeIPs, nodePodCIDRs, ofFamily } from '../model/ip-families.ts';
import type { Cluster, Node } from '../model/types.ts';
import { findNode } from './lookup.ts';

/** One IPv6 route. */
export interface Route6 {
  /** `default`, a CIDR, or an address (/128). */
  dst: string;
  via?: string;
  dev: string;
  proto?: 'kernel';
  /** 256 for kernel routes, 1024 for routes added without a metric. */
  metric: number;
  onlink?: boolean;
}

/** The kernel's metric for connected and local routes (net/ipv6 IP6_RT_PRIO_ADDRCONF). */
export const KERNEL_METRIC = 256;
/** The metric of a route added without one (IP6_RT_PRIO_USER). */
export const USER_METRIC = 1024;

/** print_route order: dst [via] dev [proto] metric [onlink] pref. */
export function formatRoute6(r: Route6): string {
  const parts = [r.dst];
  if (r.via) parts.push('via', r.via);
  parts.push('dev', r.dev);
  if (r.proto) parts.push('proto', r.proto);
  parts.push('metric', String(r.metric));
  if (r.onlink) parts.push('onlink');
  parts.push('pref', 'medium');
  return parts.join(' ');
}

function v6Lease(node: Node): string | undefined {
  return nodePodCIDRs(node).find((c) => ipFamilyOf(c) === 'IPv6');
}

function sortKey(r: Route6): bigint {
  if (r.dst === 'default') return 1n << 129n; // the walk reaches ::/0 last
  const [address] = r.dst.split('/');
  const hex = address!.includes('::') ? expand(address!) : address!;
  return BigInt(`0x${hex.split(':').map((g) => g.padStart(4, '0')).join('')}`);
}

function expand(address: string): string {
  const [head, tail] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  return [...h, ...Array(8 - h.length - t.length).fill('0'), ...t].join(':');
}

/** Whether `ip -6 route` is modelled for the cluster's plugin. */
export function hasIpv6Routes(cluster: Cluster): boolean {
  const p = cluster.plugin;
  return (p.name === 'flannel' && p.backend === 'host-gw') || p.name === 'bridge';
}

/** The IPv6 routes of a node's main table, in dump order (no IPv6 lease: only lo, eth0 and default). */
export function nodeRoutes6(cluster: Cluster, nodeName: string, iface = 'eth0'): Route6[] {
  if (!hasIpv6Routes(cluster)) {
    throw new Error(`ip -6 route is modelled for flannel host-gw and the bridge plugin, not ${JSON.stringify(cluster.plugin)}`);
  }
  const node = findNode(cluster, nodeName);
  const nodeNet = clusterRanges(cluster).nodeCIDRs.find((c) => ipFamilyOf(c) === 'IPv6');
  const lease = v6Lease(node);
  const routes: Route6[] = [{ dst: '::1', dev: 'lo', proto: 'kernel', metric: KERNEL_METRIC }];
  // cni0 holds the first address of the lease (the bridge plugin's gateway), so the kernel adds the connected route.
  if (lease) routes.push({ dst: lease, dev: 'cni0', proto: 'kernel', metric: KERNEL_METRIC });
  if (cluster.plugin.name === 'flannel') {
    for (const other of cluster.nodes) {
      const otherLease = v6Lease(other);
      const otherIP = ofFamily(nodeIPs(other), 'IPv6');
      if (other !== node && otherLease && otherIP) routes.push({ dst: otherLease, via: otherIP, dev: iface, metric: USER_METRIC });
    }
  }
  if (nodeNet) routes.push({ dst: nodeNet, dev: iface, proto: 'kernel', metric: KERNEL_METRIC });
  routes.push({ dst: 'fe80::/64', dev: iface, proto: 'kernel', metric: KERNEL_METRIC });
  if (lease) routes.push({ dst: 'fe80::/64', dev: 'cni0', proto: 'kernel', metric: KERNEL_METRIC });
  if (nodeNet) routes.push({ dst: 'default', via: addressAt(nodeNet, 1), dev: iface, metric: USER_METRIC });
  // Stable sort: same-prefix link-local routes keep their creation order (eth0 before cni0).
  return routes.map((r, i) => ({ r, i })).sort((a, b) => {
    const ka = sortKey(a.r);
    const kb = sortKey(b.r);
    return ka === kb ? a.i - b.i : ka < kb ? -1 : 1;
  }).map(({ r }) => r);
}

/** `ip -6 route` output of a node (one route per line, trailing newline). */
export function ip6Route(cluster: Cluster, nodeName: string): string {
  return nodeRoutes6(cluster, nodeName).map(formatRoute6).join('\n') + '\n';
}
