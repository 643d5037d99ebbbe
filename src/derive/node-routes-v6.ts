/**
 * A dual-stack node's IPv6 main table, as `ip -6 route` prints it. IPv6 routes differ from IPv4
 * ones in print form: every route has a metric (256 for the kernel's connected routes, 1024
 * = IP6_RT_PRIO_USER for routes added without one) and a router preference (`pref medium`),
 * connected routes carry no `scope link src`, each interface with IPv6 has a link-local
 * `fe80::/64` route, and `::1 dev lo` is in the main table (iproute2 ip/iproute.c print_route;
 * Linux net/ipv6/route.c, addrconf.c). The IPv6 fib is a radix tree walked in address order, so
 * `default` (::/0) is printed last.
 *
 * Plugin routes come from the plugin module (`routes6`, with the upstream code each follows):
 * flannel (host-gw, vxlan with flannel-v6.1, wireguard with flannel-wg-v6), the bridge plugin,
 * Cilium (tunnel and native routing) and Calico's plain BGP mode. Each pod's host-side veth adds one more
 * `fe80::/64 dev veth…` line (random names), left out here.
 */
import { addressAt, ipFamilyOf } from '../net/cidr.ts';
import { formatRoute6, KERNEL_METRIC, sortRoutes6, USER_METRIC, type Route6 } from '../net/route6.ts';
import { clusterRanges, nodeIPs, nodePodCIDRs, ofFamily, podIPs } from '../model/ip-families.ts';
import { networkPlugin, type PluginNode } from '../plugins/index.ts';
import type { Cluster, Node } from '../model/types.ts';
import { findNode } from './lookup.ts';

export { formatRoute6, KERNEL_METRIC, USER_METRIC, type Route6 };

function v6Lease(node: Node): string | undefined {
  return nodePodCIDRs(node).find((c) => ipFamilyOf(c) === 'IPv6');
}

/** A node seen through its IPv6 family, as plugins' `routes6` read it (no IPv6 address: ''). */
function ipv6View(node: Node, lease: string): PluginNode {
  return {
    name: node.name,
    ip: ofFamily(nodeIPs(node), 'IPv6') ?? '',
    podCIDR: lease,
    pods: node.pods.map((p) => ({ name: p.name, namespace: p.namespace, hostNetwork: p.hostNetwork, ip: ofFamily(podIPs(p), 'IPv6') ?? '' })),
  };
}

/** Whether `ip -6 route` is modelled for the cluster's plugin and mode. */
export function hasIpv6Routes(cluster: Cluster): boolean {
  return networkPlugin(cluster.plugin).routes6 !== undefined;
}

/** The IPv6 routes of a node's main table, in dump order (no IPv6 lease: only lo, eth0 and default). */
export function nodeRoutes6(cluster: Cluster, nodeName: string, iface = 'eth0'): Route6[] {
  const plugin = networkPlugin(cluster.plugin);
  if (!plugin.routes6) {
    throw new Error(`ip -6 route is modelled for flannel, the bridge plugin, Cilium and Calico's plain BGP mode, not ${plugin.summary} (${JSON.stringify(cluster.plugin)})`);
  }
  const node = findNode(cluster, nodeName);
  const { nodeCIDRs, clusterCIDRs } = clusterRanges(cluster);
  const nodeNet = nodeCIDRs.find((c) => ipFamilyOf(c) === 'IPv6');
  const podNet = clusterCIDRs.find((c) => ipFamilyOf(c) === 'IPv6');
  const lease = v6Lease(node);
  const routes: Route6[] = [{ dst: '::1', dev: 'lo', proto: 'kernel', metric: KERNEL_METRIC }];
  if (nodeNet) routes.push({ dst: nodeNet, dev: iface, proto: 'kernel', metric: KERNEL_METRIC });
  // eth0's link-local route exists before any plugin device, so it prints first among the fe80::/64 routes.
  routes.push({ dst: 'fe80::/64', dev: iface, proto: 'kernel', metric: KERNEL_METRIC });
  if (lease && podNet) {
    const others = cluster.nodes.flatMap((other) => {
      const otherLease = other !== node ? v6Lease(other) : undefined;
      return otherLease && ofFamily(nodeIPs(other), 'IPv6') ? [ipv6View(other, otherLease)] : [];
    });
    routes.push(...plugin.routes6(ipv6View(node, lease), others, iface, podNet));
  }
  if (nodeNet) routes.push({ dst: 'default', via: addressAt(nodeNet, 1), dev: iface, metric: USER_METRIC });
  return sortRoutes6(routes);
}

/** `ip -6 route` output of a node (one route per line, trailing newline). */
export function ip6Route(cluster: Cluster, nodeName: string): string {
  return nodeRoutes6(cluster, nodeName).map(formatRoute6).join('\n') + '\n';
}
