/**
 * A node's main routing table as `ip route` prints it: the routes every node has (default
 * gateway, the node network) and the ones its network plugin installs (src/plugins: each
 * module names the upstream code its routes follow).
 */
import { addressAt } from '../net/cidr.ts';
import { formatRoute, routeDestination, sortRoutes, type Route } from '../net/route.ts';
import { networkPlugin } from '../plugins/index.ts';
import type { Cluster } from '../model/types.ts';
import { findNode } from './lookup.ts';

/** Options of `nodeRoutes`. */
export interface NodeRouteOptions {
  /** The node's primary interface; `eth0` by default. */
  interfaceName?: string;
  /** The default gateway; the first address of the node network by default. */
  gateway?: string;
}

/** The routes of a node's main table, in the kernel's dump order. */
export function nodeRoutes(cluster: Cluster, nodeName: string, options: NodeRouteOptions = {}): Route[] {
  const node = findNode(cluster, nodeName);
  const iface = options.interfaceName ?? 'eth0';
  const gateway = options.gateway ?? addressAt(cluster.network.nodeCIDR, 1);
  const others = cluster.nodes.filter((n) => n.name !== node.name);
  return sortRoutes([
    { dst: 'default', via: gateway, dev: iface },
    // The connected route of the node network (kernel, from the interface's address).
    { dst: routeDestination(cluster.network.nodeCIDR), dev: iface, proto: 'kernel', scope: 'link', src: node.ip },
    ...networkPlugin(cluster.plugin).routes(node, others, iface, cluster.network.clusterCIDR),
  ]);
}

/** `ip route` output of a node (one route per line, trailing newline). */
export function ipRoute(cluster: Cluster, nodeName: string, options: NodeRouteOptions = {}): string {
  return nodeRoutes(cluster, nodeName, options).map(formatRoute).join('\n') + '\n';
}
